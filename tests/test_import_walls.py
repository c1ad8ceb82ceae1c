"""The importer reads only what the editor named: a page from the web cannot make it read a file of
this computer or an address on a private network, and each refusal is one line with nothing written.

The pages are served from 127.0.0.1 (the host the editor names); the private addresses they point
at are refused before any connection is made, so the tests never touch the network."""

from __future__ import annotations

import contextlib
import functools
import http.server
import io
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from scripts.importer import bulk, images
from scripts.importer.bulk import import_articles
from scripts.importer.fetch import Fetcher, FetchFailed, Refused, Scope
from scripts.importer.run import Options, import_article
from tests.conftest import FIXTURES

WEB = FIXTURES / "import-web"
PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>A walled garden</title>
<meta property="article:published_time" content="2025-11-08T09:00:00+00:00"></head>
<body><article><h1>A walled garden</h1>
<p>The first paragraph of a page whose images point where an import must not go.</p>
<figure><img src="{secret}" alt="A file of the computer"></figure>
<figure><img src="http://10.1.2.3/private.jpg" alt="An image on a private network"></figure>
<figure><img src="http://169.254.169.254/latest/meta-data/iam.png" alt="Cloud metadata"></figure>
<figure><img src="http://100.64.0.7/cgnat.png" alt="Carrier-grade NAT"></figure>
<figure><img src="/redirect-to-private.jpg" alt="A redirect to a private address"></figure>
<figure><img src="/media/snow-field.jpg" alt="Snow over the allotment beds"></figure>
<p>The last paragraph.</p>
</article></body></html>
"""


class Handler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        if self.path == "/redirect-to-private.jpg":
            self.send_response(302)
            self.send_header("Location", "http://10.0.0.5/after-redirect.jpg")
            self.end_headers()
            return
        super().do_GET()


@pytest.fixture
def web(tmp_path: Path) -> Iterator[tuple[str, Path, Path]]:
    """(base URL of a server on 127.0.0.1, its folder, a secret file outside it)."""
    folder = tmp_path / "www"
    shutil.copytree(WEB, folder)
    secret = tmp_path / "secret.jpg"
    shutil.copy(WEB / "media" / "snow-field.jpg", secret)  # a real image: only the walls keep it out
    (folder / "walled.html").write_text(PAGE.format(secret=secret.as_uri()), encoding="utf-8")
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/", folder, secret
    finally:
        server.shutdown()
        server.server_close()


def printed(call) -> str:  # type: ignore[no-untyped-def]
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        call()
    return out.getvalue()


def test_a_served_page_cannot_make_the_import_read_local_files_or_private_addresses(
        web: tuple[str, Path, Path], tmp_path: Path) -> None:
    base, _, secret = web
    root = tmp_path / "project"
    notes = printed(lambda: import_article(root, f"{base}walled.html", Options(lang="en")))
    article = root / "content/articles/a-walled-garden"
    assert sorted(p.name for p in (article / "images").iterdir()) == ["snow-field.jpg"]
    refused = [line for line in notes.splitlines() if ": refused: " in line]
    assert refused == [
        f"content/articles/a-walled-garden/en.md: image not kept: {secret.as_uri()}: refused: a file of this "
        "computer, named by a page from the web; its description is shown in its place",
        "content/articles/a-walled-garden/en.md: image not kept: http://10.1.2.3/private.jpg: refused: 10.1.2.3 is "
        "a private address (only public addresses and the site you named are read); its description is shown "
        "in its place",
        "content/articles/a-walled-garden/en.md: image not kept: http://169.254.169.254/latest/meta-data/iam.png: "
        "refused: 169.254.169.254 is a link-local address (only public addresses and the site you named are "
        "read); its description is shown in its place",
        "content/articles/a-walled-garden/en.md: image not kept: http://100.64.0.7/cgnat.png: refused: 100.64.0.7 "
        "is a non-public address (only public addresses and the site you named are read); its description is "
        "shown in its place",
        f"content/articles/a-walled-garden/en.md: image not kept: {base}redirect-to-private.jpg: refused: 10.0.0.5 "
        "is a private address (only public addresses and the site you named are read); its description is shown "
        "in its place",
    ]
    text = (article / "en.md").read_text(encoding="utf-8")
    assert "secret" not in text and "10.1.2.3" not in text


def test_a_sitemap_from_the_web_cannot_name_local_files_or_private_hosts(
        web: tuple[str, Path, Path], tmp_path: Path) -> None:
    base, folder, secret = web
    local_page = tmp_path / "local.html"
    local_page.write_text(PAGE.format(secret="none.jpg"), encoding="utf-8")
    (folder / "sitemap.xml").write_text(
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        f"<url><loc>{local_page.as_uri()}</loc></url><url><loc>{secret}</loc></url>"
        "<url><loc>http://10.0.0.9/post.html</loc></url></urlset>", encoding="utf-8")
    root = tmp_path / "project"
    out = printed(lambda: import_articles(root, f"{base}sitemap.xml", Options(lang="en")))
    assert f"  {local_page.as_uri()}: refused: not a web address, nor a file in the folder of {base}sitemap.xml" \
        in out.splitlines()
    assert f"  {secret}: refused: not a web address, nor a file in the folder of {base}sitemap.xml" \
        in out.splitlines()
    assert "  http://10.0.0.9/post.html: refused: 10.0.0.9 is a private address (only public addresses and the " \
        "site you named are read)" in out.splitlines()
    assert out.splitlines()[-1] == "0 imported, 0 skipped, 1 failed, 2 refused"
    assert not (root / "content").exists()


def test_a_saved_page_may_read_only_below_its_own_folder(web: tuple[str, Path, Path], tmp_path: Path) -> None:
    _, _, secret = web
    saved = tmp_path / "saved"
    (saved / "page_files").mkdir(parents=True)
    shutil.copy(WEB / "media" / "wide-view.png", saved / "page_files" / "wide-view.png")
    (saved / "page.html").write_text(
        PAGE.format(secret=secret.as_uri()).replace("/media/snow-field.jpg", "page_files/wide-view.png"),
        encoding="utf-8")
    root = tmp_path / "project"
    notes = printed(lambda: import_article(root, str(saved / "page.html"), Options(lang="en")))
    article = root / "content/articles/a-walled-garden"
    assert sorted(p.name for p in (article / "images").iterdir()) == ["wide-view.png"]
    assert f"image not kept: {secret.as_uri()}: refused: outside {saved.resolve()}, the folder of what you named" \
        in notes


def test_a_local_list_may_not_name_files_outside_its_folder(tmp_path: Path) -> None:
    listed = tmp_path / "list" / "pages.txt"
    listed.parent.mkdir()
    outside = tmp_path / "outside.txt"
    outside.write_text("A title\n\nSome text of a file that is not in the list's folder.\n", encoding="utf-8")
    listed.write_text(f"{outside}\n../outside.txt\n", encoding="utf-8")
    out = printed(lambda: import_articles(tmp_path / "project", str(listed), Options(lang="en")))
    assert out.splitlines()[-1] == "0 imported, 0 skipped, 0 failed, 2 refused"
    assert not (tmp_path / "project" / "content").exists()


def test_images_per_article_pages_per_run_and_time_are_capped(
        web: tuple[str, Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    base, folder, _ = web
    monkeypatch.setattr(images, "MAX_IMAGES", 1)
    notes = printed(lambda: import_article(tmp_path / "p", f"{base}posts/first-snow.html", Options()))
    assert f"image not kept: {base}media/broken.jpg: refused: an article keeps at most 1 images" in notes
    assert f"image not kept: {base}media/wide-view.png: refused: an article keeps at most 1 images" in notes

    monkeypatch.setattr(bulk, "MAX_PAGES", 1)
    (folder / "list.xml").write_text('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                                     f"<url><loc>{base}posts/first-snow.html</loc></url>"
                                     f"<url><loc>{base}posts/drugi-snieg.html</loc></url></urlset>", encoding="utf-8")
    out = printed(lambda: import_articles(tmp_path / "q", f"{base}list.xml", Options(lang="en")))
    assert f"  {base}list.xml: lists more than 1 pages: the others were left out" in out.splitlines()

    fetcher = Fetcher()
    fetcher.scope_to(base)
    with fetcher.article(seconds=0), pytest.raises(FetchFailed, match="time budget"):
        fetcher.get(f"{base}posts/first-snow.html")


@pytest.mark.parametrize(("address", "allowed"), [
    ("8.8.8.8", True), ("2a00:1450:4001::1", True), ("127.0.0.1", False), ("10.0.0.1", False),
    ("172.16.5.4", False), ("192.168.1.1", False), ("169.254.169.254", False), ("100.64.0.1", False),
    ("0.0.0.0", False), ("::1", False), ("fe80::1", False), ("fd00:ec2::254", False), ("::ffff:10.0.0.1", False),
    ("224.0.0.1", False), ("fe80::1%eth0", False),
])
def test_which_addresses_are_public(address: str, allowed: bool) -> None:
    assert (Scope().may_connect(address) is None) == allowed
    assert Scope(named=frozenset({"10.0.0.1"})).may_connect("10.0.0.1") is None  # the host the editor named


def test_only_web_addresses_and_files_are_read(tmp_path: Path) -> None:
    fetcher = Fetcher()
    fetcher.scope_to(str(tmp_path))
    for address in ("ftp://example.org/x", "data:text/html,hello", "gopher://example.org/"):
        with pytest.raises(Refused):
            fetcher.get(address)
