"""Fact sheets: every fact page prints as a clean A4 sheet (browser "Print"), and `build --factsheets`
(`make factsheets`) writes that sheet as factsheet.pdf beside the page, linked from it, cached by
what it shows, with its fonts embedded and every source address as text."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser
from pypdf import PdfReader

from scripts.content.documents import LinkedKind
from scripts.content.load import load
from scripts.render import routes
from tests.browser import new_page
from tests.conftest import FIXTURES, REPO, make_project, run_cli

pytestmark = pytest.mark.browser  # Chromium prints the sheets


@pytest.fixture(scope="session")
def built_sheets(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real content built with its fact sheets."""
    root = make_project(tmp_path_factory.mktemp("sheets"), REPO / "content")
    result = run_cli(root, "build", "--factsheets", "--no-cards")
    assert result.code == 0, result.err
    assert "fact sheets: " in result.out
    return root


def pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def squeezed(text: str) -> str:
    """Without white space: a long address wraps at the end of a printed line."""
    return re.sub(r"\s+", "", text)


def fonts_of(path: Path) -> list[tuple[str, bool]]:
    """(font name, is its program embedded?) for every font the PDF uses."""
    out: list[tuple[str, bool]] = []
    for page in PdfReader(path).pages:
        resources = page["/Resources"].get_object()
        assert isinstance(resources, dict)
        fonts = resources.get("/Font", {})
        for ref in fonts.values():
            font = ref.get_object()
            if font["/Subtype"] == "/Type3":  # glyphs drawn in the PDF itself (Chromium's outlined text)
                out.append((str(font.get("/Name", "Type3")), "/CharProcs" in font))
                continue
            described = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
            descriptor = described["/FontDescriptor"].get_object()
            embedded = any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))
            out.append((str(font["/BaseFont"]), embedded))
    return out


def fact_sheets(root: Path) -> list[tuple[str, str, str, list[str]]]:
    """(language, page address below it, title, source addresses) of every fact sheet of a project."""
    content = load(root)
    out = []
    for lang in content.site.codes:
        def title(name: dict[str, str]) -> str:
            return name.get(lang) or name[content.site.default_language]  # noqa: B023
        for ident, person in content.people.items():
            out.append((lang, routes.url_path(routes.fact_page("people", ident)), title(person.name),
                        [s.url for s in person.sources]))
        for ident, company in content.companies.items():
            out.append((lang, routes.url_path(routes.fact_page("companies", ident)), title(company.name),
                        [s.url for s in company.sources]))
        for ident, crossing in content.crossings.items():
            out.append((lang, routes.url_path(routes.fact_page("crossings", ident)), title(crossing.name),
                        [s.url for s in crossing.sources]))
        out.append((lang, routes.url_path(routes.PRISONERS), title(content.headline.title),
                    [s.url for series in content.series.values() for s in series.sources]))
    return out


def test_every_fact_page_of_every_language_has_its_pdf(built_sheets: Path) -> None:
    """The PDF exists, is linked from its page, holds the title and every source address as text,
    and embeds every font it uses."""
    sheets = fact_sheets(built_sheets)
    assert len({lang for lang, *_ in sheets}) == 4
    for lang, address, title, urls in sheets:
        folder = built_sheets / "site" / lang / address
        pdf = folder / "factsheet.pdf"
        assert pdf.is_file(), pdf
        assert 'href="factsheet.pdf"' in (folder / "index.html").read_text(encoding="utf-8")
        text = squeezed(pdf_text(pdf))
        assert squeezed(title) in text, (pdf, title)
        for url in urls:
            assert squeezed(url) in text, (pdf, url)
        fonts = fonts_of(pdf)
        assert fonts and all(embedded for _, embedded in fonts), (pdf, fonts)


def test_every_letter_prints_to_a_pdf_that_holds_the_letter(built_sheets: Path) -> None:
    """An action's letter.pdf (linked from its page) holds the letter, its sources and the addresses to
    send it to; the screen-only parts (other openings, talking points) are not printed."""
    content = load(built_sheets)
    if not content.actions:
        pytest.skip("the content has no action yet")
    for slug, action in content.actions.items():
        for lang in content.site.codes:
            folder = built_sheets / "site" / lang / routes.url_path(routes.action_page(slug))
            assert 'href="letter.pdf"' in (folder / "index.html").read_text(encoding="utf-8")
            text = squeezed(pdf_text(folder / "letter.pdf"))
            letter = (folder / "letter.txt").read_text(encoding="utf-8")
            for paragraph in letter.split("\n\n"):
                assert squeezed(paragraph) in text, (lang, slug, paragraph[:60])
            for recipient in action.recipients:
                if recipient.postal:
                    assert squeezed(recipient.postal.splitlines()[-2]) in text, (lang, slug, recipient.postal)
            assert squeezed(action.talking_points[0].get(lang) or action.talking_points[0]["en"]) not in text


def test_belarusian_letters_survive_in_the_pdf(built_sheets: Path) -> None:
    """ў and і come out of the PDF as the letters they are (the font's ToUnicode map is right)."""
    content = load(built_sheets)
    names = [item.name["be"] for item in content.crossings.values() if "be" in item.name]
    text = pdf_text(built_sheets / "site/be" / routes.url_path(routes.PRISONERS) / "factsheet.pdf")
    assert "ў" in text or "і" in text
    for ident, crossing in content.crossings.items():
        sheet = built_sheets / "site/be" / routes.url_path(routes.fact_page("crossings", ident)) / "factsheet.pdf"
        assert squeezed(crossing.name["be"]) in squeezed(pdf_text(sheet))
    assert any("ў" in name or "і" in name for name in names)


def test_sheets_are_printed_once_and_again_only_when_their_page_changes(tmp_path: Path) -> None:
    root = make_project(tmp_path, FIXTURES / "minimal" / "content")
    first = run_cli(root, "build", "--factsheets", "--no-cards")
    assert first.code == 0, first.err
    assert "fact sheets: 5 printed, 0 from the store" in first.out  # a person, a company, a crossing, the counts,
    # the letter of the action
    person = root / "content/facts/people/alpha.yml"
    person.write_text(person.read_text(encoding="utf-8").replace("  en: Owner of Beta Oil\n",
                                                                 "  en: Minister of something else\n", 1),
                      encoding="utf-8")
    second = run_cli(root, "build", "--factsheets", "--no-cards")
    assert second.code == 0, second.err
    assert "fact sheets: 1 printed, 4 from the store" in second.out
    assert "Minister of something else" in pdf_text(root / "site/en/people/alpha/factsheet.pdf")
    # a plain build publishes no PDF and no link to one
    assert run_cli(root, "build", "--no-cards").code == 0
    assert not list((root / "site").rglob("factsheet.pdf"))
    assert 'href="factsheet.pdf"' not in (root / "site/en/people/alpha/index.html").read_text(encoding="utf-8")


def test_printing_hides_the_chrome_and_shows_sources_qr_and_footer(browser: Browser, served_real: str,
                                                                   tmp_path: Path) -> None:
    url = f"{served_real}be/people/"
    page, watch = new_page(browser, served_real)
    page.goto(url)
    first = page.locator(".md-typeset table a").first.get_attribute("href")
    page.goto(url + str(first))
    assert page.locator(".factsheet__top").is_hidden()  # on screen, no QR code
    page.emulate_media(media="print")
    for chrome in (".md-header", ".md-sidebar--primary", ".md-footer", ".share", ".downloads", ".fact-link"):
        for element in page.locator(chrome).all():
            assert element.is_hidden(), chrome
    assert page.locator("#sources").is_visible()
    notes = page.locator("#sources ~ ol > li")
    assert notes.count() >= 1
    for note in notes.all():
        assert note.is_visible() and re.search(r"https?://\S+", note.inner_text())
    qr = page.locator(".factsheet__top svg.factsheet__qr")
    assert qr.is_visible() and qr.bounding_box()["width"] > 50  # type: ignore[index]
    assert "/be/people/" in page.locator(".factsheet__top").inner_text()
    footer = page.evaluate("[...document.styleSheets].flatMap(s => [...s.cssRules]).map(r => r.cssText)"
                           ".filter(t => t.includes('@bottom-left') && t.includes('/be/people/'))")
    assert len(footer) == 1  # the page's own footer, in the page margin of every sheet
    page.screenshot(path=str(tmp_path / "printed.png"), full_page=True)
    assert watch.failures == []


def test_the_printed_qr_code_reads_as_the_page_address(browser: Browser, built_real: Path, served_real: str) -> None:
    """A phone's reader (zxing-cpp here) gets the published address of the page from the printed code,
    for a page of every kind in every language."""
    import io

    import zxingcpp
    from PIL import Image

    content = load(built_real)
    kinds: list[tuple[LinkedKind, dict[str, Any]]] = [
        ("people", content.people), ("companies", content.companies), ("crossings", content.crossings)]
    pages = [routes.fact_page(kind, next(iter(items))) for kind, items in kinds if items]
    pages += [routes.PRISONERS, *(routes.action_page(slug) for slug in list(content.actions)[:1])]
    page, _ = new_page(browser, served_real)
    page.emulate_media(media="print")
    for lang in content.site.codes:
        for path in pages:
            page.goto(served_real + lang + "/" + routes.url_path(path))
            shot = page.locator(".factsheet__top svg.factsheet__qr").screenshot()
            framed = Image.new("RGB", (400, 400), "white")  # the quiet zone around the code
            code = Image.open(io.BytesIO(shot)).convert("RGB")
            framed.paste(code, ((400 - code.width) // 2, (400 - code.height) // 2))
            read = [result.text for result in zxingcpp.read_barcodes(framed)]
            assert read == [routes.page_url(content.site.site_url, lang, path)], (lang, path, read)
