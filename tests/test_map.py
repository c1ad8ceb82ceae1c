"""The crossings map: one linked marker per located crossing with its status in shape and colour, a
locator on each crossing page, a text legend, the unlocated ones named; no script; keyboard reachable."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from scripts.content.load import load
from scripts.render import routes
from tests.browser import new_page
from tests.conftest import FIXTURES, make_project, run_cli

SHAPES = {"open": "<circle", "restricted": "<path", "closed": "<rect"}
MARKER = re.compile(r'<a href="([^"]+)" class="map-marker map-marker--(\w+)" data-crossing="([^"]+)" '
                    r'data-status="(\w+)"><title>([^<]+)</title><desc>([^<]+)</desc>(.*?)</a>')


def the_map(html: str) -> str:
    found = re.search(r'<svg class="crossings-map".*?</svg>', html, re.S)
    assert found, "no map on the page"
    return found.group(0)


def test_every_located_crossing_is_one_linked_marker_with_its_status(built_real: Path) -> None:
    content = load(built_real)
    located = {ident: c for ident, c in content.crossings.items() if c.coordinates}
    assert located, "the real content locates crossings"
    for lang in content.site.codes:
        page = (built_real / "site" / lang / "crossings/index.html").read_text(encoding="utf-8")
        svg = the_map(page)
        assert "<script" not in svg and "<title id=\"map-title\">" in svg and "<desc id=\"map-desc\">" in svg
        markers = {m.group(3): m for m in MARKER.finditer(svg)}
        assert set(markers) == set(located), lang
        for ident, marker in markers.items():
            href, status_class, _, status, title, _, drawing = marker.groups()
            crossing = located[ident]
            assert status == status_class == crossing.status
            assert SHAPES[status] in drawing  # shape as well as colour
            target = built_real / "site" / lang / "crossings" / href / "index.html"
            assert target.resolve() == (built_real / "site" / lang / routes.url_path(
                routes.fact_page("crossings", ident)) / "index.html").resolve()
            assert title.strip()
        for ident, crossing in content.crossings.items():
            if crossing.coordinates is None:  # named under the map, linked
                assert f'href="{ident}/"' in page.split('class="map-note"', 1)[1].split("</p>", 1)[0]


def test_each_located_crossing_page_has_a_locator_and_says_what_the_marker_marks(built_real: Path) -> None:
    content = load(built_real)
    for ident, crossing in content.crossings.items():
        page = (built_real / "site/en" / routes.url_path(routes.fact_page("crossings", ident)) / "index.html"
                ).read_text(encoding="utf-8")
        if crossing.coordinates is None:
            assert 'class="crossings-map"' not in page
            continue
        svg = the_map(page)
        assert f'data-crossing="{ident}"' in svg and f'data-status="{crossing.status}"' in svg
        assert svg.count('class="map-marker') == 1  # only this one; the others are dots
        assert f'href="#source-{crossing.coordinates.source}"' in page  # where the position comes from


@pytest.mark.site
def test_a_crossing_given_coordinates_appears_on_the_fixture_map(tmp_path: Path) -> None:
    root = make_project(tmp_path, FIXTURES / "minimal" / "content")
    run = run_cli(root, "build", "--no-cards")
    assert run.code == 0, run.err
    index = (root / "site/en/crossings/index.html").read_text(encoding="utf-8")
    assert "map-marker" not in the_map(index)
    assert "Not on the map yet" in index and 'href="gamma/"' in index
    crossing = root / "content/facts/crossings/gamma.yml"
    crossing.write_text(crossing.read_text(encoding="utf-8").replace(
        "traffic: [cars, freight]\n",
        "traffic: [cars, freight]\ncoordinates:\n  lat: 52.1\n  lon: 23.6\n  marks: checkpoint\n  source: three\n"),
        encoding="utf-8")
    run = run_cli(root, "build", "--no-cards")
    assert run.code == 0, run.err
    index = (root / "site/en/crossings/index.html").read_text(encoding="utf-8")
    markers = list(MARKER.finditer(the_map(index)))
    assert [(m.group(1), m.group(3)) for m in markers] == [("gamma/", "gamma")]
    assert "Not on the map yet" not in index
    assert "1 crossing is on the map" in the_map(index)
    page = (root / "site/en/crossings/gamma/index.html").read_text(encoding="utf-8")
    assert "The marker stands where the source locates the crossing." in page


def test_the_map_in_polish_is_reached_by_keyboard(browser: Browser, served_real: str, tmp_path: Path) -> None:
    page, watch = new_page(browser, served_real)
    page.set_viewport_size({"width": 1280, "height": 1000})
    page.goto(f"{served_real}pl/crossings/")
    markers = page.locator("svg.crossings-map a.map-marker")
    assert markers.count() >= 1
    page.locator("svg.crossings-map").scroll_into_view_if_needed()
    page.locator("figure.map-figure").screenshot(path=str(tmp_path / "map-pl.png"))
    first = markers.first.get_attribute("data-crossing")
    focused = None
    for _ in range(200):  # Tab through the page until a marker has the focus
        page.keyboard.press("Tab")
        focused = page.evaluate("document.activeElement.getAttribute('data-crossing')")
        if focused:
            break
    assert focused == first
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/pl/crossings/{first}/")
    assert page.locator("svg.crossings-map").count() == 1
    assert watch.failures == [] and watch.console_errors == []
