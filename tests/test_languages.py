"""Every language is its own site: own search index, 404 page, <html lang>, alternates; a fifth
language is one line in site.yml and builds with marked fallbacks."""

from __future__ import annotations

import datetime as dt
import json
import posixpath
import re
import shutil
from pathlib import Path
from xml.etree import ElementTree

import pytest
from babel.dates import format_date

from scripts.i18n.locale import Locale
from tests.conftest import FIXTURES, make_project, run_cli
from tests.sample import need, sample

LANGS = sample().content.site.codes
SITE_URL = sample().content.site.site_url  # wherever the site is published (a fork sets its own)


def test_every_page_exists_in_every_language(built_real: Path) -> None:
    pages = {lang: {p.relative_to(built_real / "site" / lang).as_posix()
                    for p in (built_real / "site" / lang).rglob("index.html")} for lang in LANGS}
    assert len(pages["en"]) >= 36
    for lang in LANGS:
        assert pages[lang] == pages["en"], lang


def test_each_language_has_its_own_html_lang_404_and_search_index(built_real: Path) -> None:
    for lang in LANGS:
        home = (built_real / f"site/{lang}/index.html").read_text(encoding="utf-8")
        assert f'<html lang="{lang}"' in home
        assert f'<html lang="{lang}"' in (built_real / f"site/{lang}/404.html").read_text(encoding="utf-8")
        index = json.loads((built_real / f"site/{lang}/search/search_index.json").read_text(encoding="utf-8"))
        titles = {doc["title"] for doc in index["docs"]}
        person = sample().content.people[need(sample().person, "person")]
        expected = {code: Locale.of(sample().content, code).text(person.name)
                    for code in LANGS}
        assert expected[lang] in titles
        others = set(expected.values()) - {expected[lang]}
        assert not titles & others, lang  # only this language's pages


def test_every_page_links_to_itself_in_every_language_and_the_head_has_nothing_to_probe(built_real: Path) -> None:
    """The switcher's plain links lead to the same page in each language; the per-page hreflang
    alternates live in the sitemap (below), not in <link rel="alternate"> tags, which Material's
    switcher would answer by fetching '<alternate>/sitemap.xml'."""
    for lang in LANGS:
        for page in (built_real / "site" / lang).rglob("index.html"):
            rel = page.parent.relative_to(built_real / "site" / lang).as_posix()
            path = "" if rel == "." else rel + "/"
            text = page.read_text(encoding="utf-8")
            head = text.split("</head>")[0]
            assert not re.search(r'<link rel="alternate"[ >]', head), page
            switcher = dict(re.findall(r'<a href="([^"]+)" hreflang="([^"]+)" lang="[^"]+" class="md-select__link">',
                                       text))
            targets = {code: posixpath.normpath(posixpath.join(f"/{lang}/{path}", href)) + "/"
                       for href, code in switcher.items()}
            assert targets == {code: f"/{code}/{path}" for code in LANGS}, page


def check_alternates(root: Path) -> int:
    """Every page of every language is in its language's sitemap with its address in every language
    (absolute, each an existing page) and x-default (the default language's); returns the pages checked."""
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    default = sample().content.site.default_language
    checked = 0
    for lang in LANGS:
        site = root / "site" / lang
        pages = {f"{SITE_URL}{lang}/" + ("" if p.parent == site else p.parent.relative_to(site).as_posix() + "/")
                 for p in site.rglob("index.html")}
        urls = {url.findtext("s:loc", namespaces=ns): url for url in
                ElementTree.parse(site / "sitemap.xml").findall("s:url", ns)}
        assert set(urls) == pages, lang
        for loc, url in urls.items():
            alternates = {a.get("hreflang"): a.get("href") or "" for a in url.findall("x:link", ns)}
            path = (loc or "").removeprefix(f"{SITE_URL}{lang}/")
            assert alternates == {**{code: f"{SITE_URL}{code}/{path}" for code in LANGS},
                                  "x-default": f"{SITE_URL}{default}/{path}"}, loc
            for href in alternates.values():
                assert (root / "site" / href.removeprefix(SITE_URL) / "index.html").is_file(), href
            checked += 1
    return checked


def test_every_page_has_its_alternates_after_a_cold_and_a_dirty_build(built_real: Path, tmp_path: Path) -> None:
    assert check_alternates(built_real) >= 36 * len(LANGS)
    root = make_project(tmp_path, built_real / "content")  # a dirty build on a copy of the built site
    for name in ("docs", "site", ".build"):
        shutil.copytree(built_real / name, root / name, symlinks=True)
    person = next((root / "content/facts/people").glob("*.yml"), None) or next((root / "content").rglob("*.md"))
    person.write_text(person.read_text(encoding="utf-8").replace("\nrole:\n  en: ", "\nrole:\n  en: Once ", 1),
                      encoding="utf-8")
    dirty = run_cli(root, "build")
    assert dirty.code == 0, dirty.err
    assert "(dirty)" in dirty.out and "0 drawn" in dirty.out
    assert check_alternates(root) >= 36 * len(LANGS)


def test_dates_and_numbers_follow_the_language(built_real: Path) -> None:
    latest = sample().content.headline.latest
    for lang, locale in {"en": "en_GB", "be": "be", "ru": "ru", "pl": "pl"}.items():
        page = (built_real / f"site/{lang}/political-prisoners/index.html").read_text(encoding="utf-8")
        date = format_date(latest.date.first_day(), "long" if latest.date.day else "LLLL y", locale=locale)
        if latest.date.day:  # as Babel writes it, no-break spaces kept
            assert date in page, lang
        assert Locale.of(sample().content, lang).num(latest.value) in page, lang
    assert format_date(dt.date(2025, 12, 23), "long", locale="be") == "23 снежня 2025\u202fг."
    assert format_date(dt.date(2025, 12, 23), "long", locale="pl") == "23 grudnia 2025"
    assert Locale.of(sample().content, "pl").num(1131) == "1131"  # Polish groups from 10 000 on
    assert Locale.of(sample().content, "pl").num(11310) == "11\xa0310"


@pytest.mark.site
def test_a_fifth_language_builds_with_marked_fallbacks_and_is_reported(tmp_path: Path) -> None:
    root = make_project(tmp_path, FIXTURES / "minimal" / "content")
    site = root / "content/site.yml"
    fifth = "    default: true\n  - code: uk\n    name: Українська\n"  # the one line (two) it takes
    site.write_text(site.read_text().replace("    default: true\n", fifth))

    assert run_cli(root, "build").code == 0
    page = (root / "site/uk/people/alpha/index.html").read_text(encoding="utf-8")
    assert '<html lang="uk"' in page
    assert '<span lang="en">Owner of Beta Oil</span>' in page  # fallback text keeps its real language
    assert "have not been translated yet" in page  # the notice (labels fall back to English too)
    article = (root / "site/uk/articles/sample/index.html").read_text(encoding="utf-8")
    assert '<div lang="en">' in article

    report = run_cli(root, "translations")
    assert report.code == 0
    assert report.out.splitlines()[0].startswith("uk: 0 complete,")
    assert "missing     content/articles/sample/uk.md: no translation" in report.out
    assert run_cli(root, "translations", "--strict").code == 1


def test_a_changed_original_makes_its_translation_out_of_date(tmp_path: Path) -> None:
    root = make_project(tmp_path, FIXTURES / "minimal" / "content")
    site = root / "content/site.yml"
    belarusian = "    default: true\n  - code: be\n    name: Беларуская\n"
    site.write_text(site.read_text().replace("    default: true\n", belarusian))
    person = root / "content/facts/people/alpha.yml"
    lines = person.read_text().splitlines()
    translated = [row for line in lines
                  for row in ([line, line.replace("en:", "be:", 1)] if line.strip().startswith("en:") else [line])]
    person.write_text("\n".join(translated) + "\n")
    assert "stamped content/facts/people/alpha.yml" in run_cli(root, "translations", "--stamp", "be").out
    assert "alpha.yml" not in run_cli(root, "translations").out

    person.write_text(person.read_text().replace("en: A person made up for the tests.", "en: A person, made up."))
    report = run_cli(root, "translations", "--strict")
    assert report.code == 1
    assert "out of date content/facts/people/alpha.yml: the English text changed since it was translated" \
        in report.out
    stamped = run_cli(root, "translations", "--stamp", "be")
    assert "stamped content/facts/people/alpha.yml" in stamped.out
    assert "alpha.yml" not in run_cli(root, "translations").out
