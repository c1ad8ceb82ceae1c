"""Importing from the web, on a server of the test's own on 127.0.0.1 (the tests never touch the
network): a page by its address with its images kept, the site built from it, and many pages at once
from a sitemap, a list of addresses and a folder."""

from __future__ import annotations

import functools
import http.server
import re
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

import pytest
from PIL import Image

from scripts.importer import images
from scripts.importer.fetch import USER_AGENT
from scripts.importer.run import Options, import_article
from tests.conftest import FIXTURES, make_project, run_cli

WEB = FIXTURES / "import-web"


class Recording(http.server.SimpleHTTPRequestHandler):
    agents: ClassVar[list[str]] = []

    def log_message(self, format: str, *args: object) -> None:
        self.agents.append(self.headers.get("User-Agent", ""))


@pytest.fixture
def web(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """The pages of tests/fixtures/import-web/ served on a free port: (base URL, the served folder)."""
    folder = tmp_path / "www"
    shutil.copytree(WEB, folder)
    Recording.agents = []
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0),
                                             functools.partial(Recording, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/", folder
    finally:
        server.shutdown()
        server.server_close()


def add_languages(root: Path, *codes: str) -> None:
    site = root / "content/site.yml"
    more = "".join(f"  - code: {code}\n    name: {code.upper()}\n" for code in codes)
    site.write_text(site.read_text().replace("    default: true\n", "    default: true\n" + more))


@pytest.mark.site
def test_a_page_imported_by_its_address_keeps_its_images_and_builds(web: tuple[str, Path], tmp_path: Path) -> None:
    base, _ = web
    root = make_project(tmp_path / "project", FIXTURES / "minimal" / "content")
    result = run_cli(root, "import-article", f"{base}posts/first-snow.html")
    assert result.code == 0, result.err
    article = root / "content/articles/the-first-snow-on-the-allotments/en.md"
    assert "imported content/articles/the-first-snow-on-the-allotments/en.md" in result.out
    text = article.read_text(encoding="utf-8")
    assert 'author: "Ruth Okafor"' in text and 'publisher: "Garden Street Journal"' in text
    assert 'date: "2025-11-08"' in text and f'source_url: "{base}posts/first-snow.html"' in text
    kept = sorted(p.name for p in (article.parent / "images").iterdir())
    assert kept == ["snow-field.jpg", "wide-view.png"]  # the lead image once, the broken one not
    assert "![Snow over the allotment beds at dawn](images/snow-field.jpg)" in text
    assert "*The allotments on Saturday morning.* Photo: Dan Price\n{.image-caption}" in text
    assert "*Buckets of beetroot on a wheelbarrow. The beetroot chain.* Photo: Ruth Okafor" in text  # in its place
    assert f"image not kept: {base}media/broken.jpg: this is not an image" in result.out
    with Image.open(article.parent / "images/wide-view.png") as wide:
        assert wide.size == (images.MAX_WIDTH, 400)  # scaled down for slow phones
    assert "Share" not in text and "©" not in text
    assert set(Recording.agents) == {USER_AGENT}

    built = run_cli(root, "build", "--no-cards")
    assert built.code == 0, built.err
    page = (root / "site/en/articles/the-first-snow-on-the-allotments/index.html").read_text(encoding="utf-8")
    tags = re.findall(r"<img [^>]*>", page[page.index('class="article-body"'):])
    assert len(tags) == 2 and all('src="images/' in tag for tag in tags)  # never another site's address
    attrs = [dict(re.findall(r'(\w+)="([^"]*)"', tag)) for tag in tags]
    assert (attrs[0]["width"], attrs[0]["height"]) == ("640", "400") and "loading" not in attrs[0]  # seen at once
    assert (attrs[1]["width"], attrs[1]["height"], attrs[1]["loading"]) == ("1600", "400", "lazy")
    assert (root / "site/en/articles/the-first-snow-on-the-allotments/images/snow-field.jpg").is_file()


def test_an_image_over_the_limit_is_refused_and_the_import_succeeds(
        web: tuple[str, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    base, _ = web
    monkeypatch.setattr(images, "IMAGE_LIMIT", 4096)
    path = import_article(tmp_path, f"{base}posts/first-snow.html", Options())
    assert sorted(p.name for p in (path.parent / "images").iterdir()) == ["wide-view.png"]
    assert f"image not kept: {base}media/snow-field.jpg: more than the 4 KB allowed" in capsys.readouterr().out
    assert "*Snow over the allotment beds at dawn. The allotments on Saturday morning.* Photo: Dan Price" \
        in path.read_text(encoding="utf-8")


def test_many_articles_from_a_sitemap_each_once(web: tuple[str, Path], tmp_path: Path) -> None:
    base, folder = web
    (folder / "sitemap.xml").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
        + "".join(f"  <url><loc>{base}posts/{name}</loc></url>\n"
                  for name in ("first-snow.html", "drugi-snieg.html", "gone.html"))
        + "</urlset>\n", encoding="utf-8")
    (folder / "sitemap-index.xml").write_text(
        '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        f"<sitemap><loc>{base}sitemap.xml</loc></sitemap></sitemapindex>", encoding="utf-8")
    root = make_project(tmp_path / "project", FIXTURES / "minimal" / "content")
    refused = run_cli(root, "import-articles", f"{base}sitemap.xml")
    assert f"{base}posts/drugi-snieg.html: the article is in 'pl', which is not a language of the site" in refused.out
    shutil.rmtree(root / "content/articles/the-first-snow-on-the-allotments")
    add_languages(root, "pl")

    first = run_cli(root, "import-articles", f"{base}sitemap-index.xml")
    assert first.code == 1  # one page failed; the others are imported all the same
    assert first.out.splitlines()[-1] == "2 imported, 0 skipped, 1 failed"
    assert f"content/articles/zimowe-godziny-ogrodkow/pl.md  <- {base}posts/drugi-snieg.html" in first.out
    assert f"  {base}posts/gone.html: the server answered 404 File not found" in first.out
    assert (root / "content/articles/the-first-snow-on-the-allotments/en.md").is_file()

    again = run_cli(root, "import-articles", f"{base}sitemap.xml")
    assert again.out.splitlines()[-1] == "0 imported, 2 skipped, 1 failed"
    forced = run_cli(root, "import-articles", f"{base}sitemap.xml", "--force")
    assert forced.out.splitlines()[-1] == "2 imported, 0 skipped, 1 failed"
    checked = run_cli(root, "check")
    assert checked.code == 0, checked.err


def test_many_articles_from_a_list_of_addresses_and_from_a_folder(web: tuple[str, Path], tmp_path: Path) -> None:
    base, _ = web
    root = make_project(tmp_path / "project", FIXTURES / "minimal" / "content")
    listed = tmp_path / "addresses.txt"
    listed.write_text(f"# the campaign's posts\n{base}posts/first-snow.html\n\n{base}posts/first-snow.html\n")
    result = run_cli(root, "import-articles", str(listed))
    assert result.code == 0 and result.out.splitlines()[-1] == "1 imported, 0 skipped, 0 failed"

    add_languages(root, "ru", "pl")
    saved = tmp_path / "saved"
    saved.mkdir()
    for case in ("english-news", "russian-column", "blog-header-first"):
        shutil.copy(FIXTURES / "import" / case / "page.txt", saved / f"{case}.txt")
    (saved / "notes.md").write_text("not a page")
    result = run_cli(root, "import-articles", str(saved), "--publisher", "Test Press", "--date", "2024-03")
    assert result.code == 0, result.out + result.err
    assert result.out.splitlines()[-1] == "3 imported, 0 skipped, 0 failed"
    assert (root / "content/articles/pochemu-malenkie-muzei-vazhny/ru.md").is_file()
