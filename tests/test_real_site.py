"""The real content/ builds strictly, and the built site has what readers and sharers need."""

from __future__ import annotations

import json
import re
from pathlib import Path

import yaml

from tests.conftest import REPO

PEOPLE = ["gutseriev", "golovaty", "oleksin", "vorobey"]


def crossings() -> list[str]:
    return sorted(p.stem for p in (REPO / "content" / "facts" / "crossings").glob("*.yml"))


def html(root: Path, rel: str) -> str:
    return (root / "site" / rel).read_text(encoding="utf-8")


def test_every_fact_has_its_permalink(built_real: Path) -> None:
    for ident in PEOPLE:
        assert (built_real / f"site/en/people/{ident}/index.html").is_file()
    assert len(crossings()) >= 14
    for ident in crossings():
        assert (built_real / f"site/en/crossings/{ident}/index.html").is_file()
    for rel in ["political-prisoners", "articles/how-to-negotiate-with-lukashenko", "people", "companies",
                "crossings", "about", "methodology", "corrections"]:
        assert (built_real / f"site/en/{rel}/index.html").is_file(), rel


def test_root_sends_readers_to_their_language(built_real: Path) -> None:
    page = html(built_real, "index.html")
    assert 'href="en/"' in page  # a plain link works without JavaScript
    assert '<script src="choose-language.js"></script>' in page
    assert "navigator.languages" in html(built_real, "choose-language.js")
    assert (built_real / "site/404.html").is_file()
    assert (built_real / "site/.nojekyll").is_file()


def test_home_shows_the_latest_headline_figure_with_date_and_source(built_real: Path) -> None:
    series = yaml.safe_load((REPO / "content/facts/series/political-prisoners.yml").read_text())
    latest = series["points"][-1]
    page = html(built_real, "en/index.html")
    figure = re.search(r'<p class="headline-figure__value">([^<]+)</p>', page)
    assert figure and figure.group(1).replace(",", "") == str(latest["value"])
    assert "23 December 2025" in page and "Viasna" in page


def test_sanction_status_is_derived_from_history(built_real: Path) -> None:
    page = html(built_real, "en/people/gutseriev/index.html")
    eu = page[page.index('id="eu-2021-06-21"'):page.index('id="uk-2021-08-09"')]
    assert "Annulled" in eu and "22 October 2025" in eu
    assert 'id="uk-2021-08-09"' in page
    assert re.search(r"Active sanctions: 1</strong> \(UK\)", page)


def test_crossing_shows_current_status_and_since_when(built_real: Path) -> None:
    page = html(built_real, "en/crossings/bobrowniki/index.html")
    assert re.search(r'status--open">Open</span> since 17 November 2025', page)
    # a status only observed on a date is not presented as 'since'
    page = html(built_real, "en/crossings/polowce/index.html")
    assert "reported on November 2025" in page


def test_both_disagreeing_counts_are_shown(built_real: Path) -> None:
    page = html(built_real, "en/political-prisoners/index.html")
    table = page[page.index("<table>"):page.index("</table>")]
    assert table.count("31 December 2023") == 2
    assert "1,477" in page and "1,452" in page


def test_every_fact_page_lists_its_sources(built_real: Path) -> None:
    for rel in [f"en/people/{p}/index.html" for p in PEOPLE] + [f"en/crossings/{c}/index.html" for c in crossings()]:
        page = html(built_real, rel)
        assert 'id="sources"' in page and 'id="source-' in page, rel


def test_entity_pages_stay_out_of_the_sidebar(built_real: Path) -> None:
    page = html(built_real, "en/index.html")
    assert "people/gutseriev/" not in page.split('class="md-content"')[0]


def test_search_index_holds_every_name_spelling(built_real: Path) -> None:
    index = json.loads(html(built_real, "en/search/search_index.json"))
    text = json.dumps(index, ensure_ascii=False)
    for spelling in ["Gutseriyev", "Гуцериев", "Гуцэрыеў", "Varabei", "Алексін", "Halavaty"]:
        assert spelling in text, spelling


def test_no_third_party_fonts(built_real: Path) -> None:
    for page in (built_real / "site").rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert "fonts.googleapis.com" not in text and "fonts.gstatic.com" not in text, page


def test_the_article_is_clean(built_real: Path) -> None:
    page = html(built_real, "en/articles/how-to-negotiate-with-lukashenko/index.html")
    assert "top of page" not in page and "bottom of page" not in page
    assert page.count("the only effective negotiating position for any talks") == 1
    assert "Photo: Pool One" in page
