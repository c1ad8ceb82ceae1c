"""The real content/ builds strictly, and what readers need is on the built site.

Every assertion here holds after any valid edit of content/ (a new count, a status change,
a new person): the expected values are read from the content itself, never written here.
Each test runs twice: on the real content, and on a copy after a week of routine editor
edits (tests/conftest.py, apply_routine_edits). Exact figures are asserted on the fixture
site (tests/test_fixture_site.py).
"""

from __future__ import annotations

import html as htmllib
import json
import re
from pathlib import Path

import pytest
import yaml

from scripts.content.documents import Content
from scripts.content.load import load
from scripts.i18n.locale import Locale
from scripts.render import routes
from scripts.render.phrases import body_name, since_text
from tests.conftest import REPO
from tests.sample import sample

LANGS = sample().content.site.codes


@pytest.fixture(scope="module", params=["real", "edited"])
def built(request: pytest.FixtureRequest) -> Path:
    """The real site, and the real site after routine edits."""
    name = "built_real" if request.param == "real" else "built_edited"
    return request.getfixturevalue(name)  # type: ignore[no-any-return]


@pytest.fixture(scope="module")
def content(built: Path) -> Content:
    return load(built)


def page(root: Path, lang: str, path: str) -> str:
    """The built HTML of a generated page ('people/gutseriev.md') in a language."""
    url = routes.url_path(path)
    return (root / "site" / lang / url / "index.html").read_text(encoding="utf-8")


def norm(value: str) -> str:
    """No-break and narrow no-break spaces as plain spaces (Babel writes both)."""
    return re.sub(r"\s+", " ", value.replace("\u00a0", " ").replace("\u202f", " "))


def text(html: str) -> str:
    """The page's text with tags removed and entities decoded, spaces normalised."""
    return norm(htmllib.unescape(re.sub(r"<[^>]+>", " ", html)))


def test_every_fact_has_its_page_in_every_language(built: Path, content: Content) -> None:
    for lang in LANGS:
        for kind in ("people", "companies", "crossings"):
            for ident in content.facts(kind):
                assert (built / "site" / lang / kind / ident / "index.html").is_file(), (lang, kind, ident)
        for slug in [*content.articles, *content.pages]:
            folder = "articles/" if slug in content.articles else ""
            assert (built / "site" / lang / f"{folder}{slug}" / "index.html").is_file(), (lang, slug)
        for rel in ["political-prisoners", "people", "companies", "crossings", "data", "translations"]:
            assert (built / "site" / lang / rel / "index.html").is_file(), (lang, rel)


def test_root_sends_readers_to_their_language(built: Path) -> None:
    root = (built / "site/index.html").read_text(encoding="utf-8")
    assert 'href="en/"' in root  # a plain link works without JavaScript
    assert '<script src="choose-language.js"></script>' in root
    assert "navigator.languages" in (built / "site/choose-language.js").read_text(encoding="utf-8")
    assert (built / "site/404.html").is_file()
    assert (built / "site/.nojekyll").is_file()


def test_home_headline_is_the_latest_point_with_its_date_and_counter(built: Path, content: Content) -> None:
    latest = content.headline.latest
    for lang in LANGS:
        locale = Locale.of(content, lang)
        home = page(built, lang, routes.HOME)
        figure = re.search(r'<p class="headline-figure__value">([^<]+)</p>', home)
        assert figure and figure.group(1) == locale.num(latest.value), lang
        label = re.search(r'<p class="headline-figure__label">([^<]+)</p>', home)
        assert label and htmllib.unescape(label.group(1)) == locale.ui("headline_prisoners", count=latest.value)
        plain = text(home)
        assert norm(f"{body_name(locale, content.bodies[latest.counted_by])}, {locale.ui('as_of')} "
                    f"{locale.date(latest.date)}") in plain, lang


def test_home_counts_closed_crossings_and_sanctioned_wallets(built: Path, content: Content) -> None:
    closed = sum(c.status == "closed" for c in content.crossings.values())
    sanctioned = sum(bool(w.active_sanctions) for _, _, w in content.all_wallets())
    for lang in LANGS:
        values = re.findall(r'<p class="headline-figure__value">([^<]+)</p>', page(built, lang, routes.HOME))
        assert values[1:] == [str(closed), str(sanctioned)], lang


def test_every_sanction_shows_the_status_its_history_gives(built: Path, content: Content) -> None:
    for lang in ("en", "be"):
        locale = Locale.of(content, lang)
        for kind, ident, item in content.all_wallets():
            html = page(built, lang, routes.fact_page(kind, ident))
            anchors = routes.sanction_anchors(item)
            for anchor, sanction in zip(anchors, item.sanctions, strict=True):
                block = html[html.index(f'id="{anchor}"'):]
                status = re.search(r'<span class="status status--(\w+)">([^<]+)</span>', block)
                assert status and status.group(1) == sanction.status, (ident, anchor)
                assert htmllib.unescape(status.group(2)) == locale.ui("sanction_" + sanction.status)
                for event in sanction.history:
                    assert f'id="{routes.event_anchor(sanction, event)}"' in html, (ident, event)


def test_every_crossing_shows_its_status_and_since_when(built: Path, content: Content) -> None:
    for lang in LANGS:
        locale = Locale.of(content, lang)
        for ident, item in content.crossings.items():
            html = page(built, lang, routes.fact_page("crossings", ident))
            current = html[html.index('class="current-status"'):]
            assert f'status--{item.status}"' in current[:400], (lang, ident)
            assert norm(since_text(locale, item)) in text(current[:800]), (lang, ident)


def test_every_count_is_in_the_table_and_disagreeing_counts_both_shown(built: Path, content: Content) -> None:
    html = page(built, "en", routes.PRISONERS)
    for ident, series in content.series.items():
        for point in series.points:
            assert f'id="{routes.point_anchor(ident, point)}"' in html, (ident, point.date)
    headline = content.headline
    table = html[html.index("<table>"):html.index("</table>")]
    assert table.count("<tr>") == len(headline.points) + 1  # a row per point, and the header


def test_every_fact_page_lists_all_its_sources(built: Path, content: Content) -> None:
    for lang in ("en", "pl"):
        for kind in ("people", "companies", "crossings"):
            for ident, item in content.facts(kind).items():
                html = page(built, lang, routes.fact_page(kind, ident))
                assert 'id="sources"' in html
                for source in item.sources:
                    assert f'id="source-{source.id}"' in html and htmllib.escape(source.url) in html, (ident, source.id)


def test_entity_pages_stay_out_of_the_sidebar(built: Path, content: Content) -> None:
    home = page(built, "en", routes.HOME).split('class="md-content"')[0]
    for kind, ident, _ in content.all_wallets():
        assert f"{kind}/{ident}/" not in home


def test_search_finds_every_name_and_spelling(built: Path, content: Content) -> None:
    for lang in LANGS:
        index = json.loads((built / f"site/{lang}/search/search_index.json").read_text(encoding="utf-8"))
        found = htmllib.unescape(json.dumps(index, ensure_ascii=False))
        for kind in ("people", "companies", "crossings"):
            for ident, item in content.facts(kind).items():
                for spelling in [*item.name.values(), *item.aliases]:  # type: ignore[attr-defined]
                    assert spelling in found, (lang, ident, spelling)


def test_no_third_party_fonts(built: Path) -> None:
    for html in (built / "site").rglob("*.html"):
        body = html.read_text(encoding="utf-8")
        assert "fonts.googleapis.com" not in body and "fonts.gstatic.com" not in body, html


def test_articles_carry_no_page_chrome(built: Path, content: Content) -> None:
    chrome = yaml.safe_load((REPO / "scripts/importer/chrome.yml").read_text(encoding="utf-8"))["lines"]
    for slug in content.articles:
        html = page(built, "en", routes.article_page(slug))
        paragraphs = {htmllib.unescape(p).strip().casefold() for p in re.findall(r"<p>([^<]*)</p>", html)}
        assert not paragraphs & {line.casefold() for line in chrome}, slug
