"""The embeddable counter: an SVG, a frame page and JSON per language, made from the latest count at
every build, loading nothing from anywhere else; the prisoner page offers the snippets to copy."""

from __future__ import annotations

import functools
import html
import http.server
import json
import re
import threading
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from scripts.content.load import load
from scripts.i18n.locale import Locale
from scripts.render.embed import figure
from tests.browser import new_page
from tests.conftest import FIXTURES, make_project, run_cli

EMBED = "embed/political-prisoners"


def test_the_counter_of_the_fixture_site(built_minimal: Path) -> None:
    site = built_minimal / "site/en"
    svg = (site / f"{EMBED}.svg").read_text(encoding="utf-8")
    assert '<text x="22" y="46" font-size="38" font-weight="700" fill="#8b1a1a">1,452</text>' in svg
    assert '<text x="22" y="72" font-size="15.0" font-weight="700">political prisoners held in Belarus</text>' in svg
    assert ">A counting body, as of December 31, 2023</text>" in svg
    assert 'role="img"' in svg and "<title id=\"t\">" in svg
    data = json.loads((site / f"{EMBED}.json").read_text(encoding="utf-8"))
    assert (data["value"], data["date"], data["source"]["url"]) == (1452, "2023-12-31", "https://example.org/five")
    assert data["page"] == "https://example.org/repo/en/political-prisoners/"
    frame = (site / f"{EMBED}.html").read_text(encoding="utf-8")
    assert '<meta http-equiv="Content-Security-Policy"' in frame and "<script" not in frame
    assert 'href="https://example.org/repo/en/political-prisoners/" target="_blank" rel="noopener noreferrer"' in frame
    page = (site / "political-prisoners/index.html").read_text(encoding="utf-8")
    assert 'id="embed"' in page
    assert ('&lt;img src="https://example.org/repo/en/embed/political-prisoners.svg" '
            'alt="Political prisoners in Belarus: the latest count" width="400" height="120"&gt;') in page


@pytest.mark.site
def test_a_new_count_changes_the_counter(tmp_path: Path) -> None:
    root = make_project(tmp_path, FIXTURES / "minimal" / "content")
    series = root / "content/facts/series/prisoners.yml"
    series.write_text(series.read_text().replace("sources:", "  - date: 2024-01-31\n    value: 1501\n"
                                                 "    counted_by: counter\n    source: five\nsources:", 1))
    assert run_cli(root, "build", "--no-cards").code == 0
    assert ">1,501</text>" in (root / f"site/en/{EMBED}.svg").read_text(encoding="utf-8")
    assert json.loads((root / f"site/en/{EMBED}.json").read_text())["date"] == "2024-01-31"


def test_the_counter_of_every_language_shows_the_latest_count(built_real: Path) -> None:
    content = load(built_real)
    latest = content.headline.latest
    for lang in content.site.codes:
        site = built_real / "site" / lang
        locale = Locale.of(content, lang)
        data = json.loads((site / f"{EMBED}.json").read_text(encoding="utf-8"))
        assert (data["value"], data["date"], data["language"]) == (latest.value, str(latest.date), lang)
        svg = (site / f"{EMBED}.svg").read_text(encoding="utf-8")
        assert f">{html.escape(figure(locale, latest))}</text>" in svg
        assert f'lang="{lang}"' in svg
        for text in (svg, (site / f"{EMBED}.html").read_text(encoding="utf-8")):
            loads = re.findall(r'(?:src|href)="(https?://[^"]+)"', text)
            assert all(url.startswith(content.site.site_url) for url in loads), loads


def test_a_partner_page_shows_the_counter_and_asks_nothing_of_anyone_else(
        browser: Browser, built_real: Path, served_real: str, tmp_path: Path) -> None:
    """A plain page on another origin embeds the image and the frame from the served site."""
    site = served_real  # e.g. http://127.0.0.1:PORT/belarus-political-prisoners/
    (tmp_path / "index.html").write_text(
        f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Partner</title></head><body>'
        f'<h1>A partner organisation</h1><p><img src="{site}be/{EMBED}.svg" alt="counter" width="400" height="120"></p>'
        f'<p><iframe src="{site}pl/{EMBED}.html" title="counter" width="400" height="120" style="border:0">'
        f"</iframe></p></body></html>", encoding="utf-8")
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(
        http.server.SimpleHTTPRequestHandler, directory=str(tmp_path)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    partner = f"http://127.0.0.1:{server.server_address[1]}/"
    try:
        page, watch = new_page(browser, partner)
        page.set_viewport_size({"width": 600, "height": 400})
        page.goto(partner)
        page.wait_for_load_state("networkidle")
        assert page.evaluate("document.images[0].naturalWidth") == 400  # the SVG loaded
        frame = page.frame_locator("iframe")
        number = json.loads(Path(built_real / f"site/pl/{EMBED}.json").read_text())["value"]
        assert str(number) in frame.locator(".value").inner_text().replace("\u00a0", "").replace(" ", "")
        page.screenshot(path=str(tmp_path / "partner.png"))
        origins = {re.match(r"https?://[^/]+/", url).group(0) for url in watch.requests}  # type: ignore[union-attr]
        assert origins <= {partner, re.match(r"https?://[^/]+/", site).group(0)}  # type: ignore[union-attr]
        assert watch.failures == []
    finally:
        server.shutdown()
        server.server_close()
