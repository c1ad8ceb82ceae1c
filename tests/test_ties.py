"""Links from articles to fact pages, latest figures beside stated ones, articles listed on fact pages."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from scripts.load import load
from scripts.ties import Linker, Target
from tests.conftest import REPO


@pytest.fixture(scope="module")
def linker() -> Linker:
    return Linker(load(REPO))


def href(target: Target) -> str:
    return f"../{target.path}"


@pytest.mark.parametrize(("text", "linked"), [
    ("Gutseriev and Gutseriev again.", "[Gutseriev](../people/gutseriev.md) and Gutseriev again."),
    ("Oleksin's money", "[Oleksin's](../people/oleksin.md) money"),
    ("Деньги Гуцериева", "Деньги [Гуцериева](../people/gutseriev.md)"),
    ("the crossing Bobrovniki-Berestovitsa", "the crossing [Bobrovniki-Berestovitsa](../crossings/bobrowniki.md)"),
    ("XGutseriev and preGutseriev", "XGutseriev and preGutseriev"),
    ("[Gutseriev](https://example.org) then Gutseriev", "[Gutseriev](https://example.org) then "
     "[Gutseriev](../people/gutseriev.md)"),
    ("`Vorobey` in code", "`Vorobey` in code"),
    ("<span title=\"Vorobey\">x</span>", "<span title=\"Vorobey\">x</span>"),
])
def test_first_mention_links_and_nothing_else(linker: Linker, text: str, linked: str) -> None:
    assert linker.link(text, href) == linked


def test_article_page_links_first_mentions_and_shows_latest_figures(built_real: Path) -> None:
    page = (built_real / "site/en/articles/how-to-negotiate-with-lukashenko/index.html").read_text(encoding="utf-8")
    for path, name in [("people/gutseriev", "Gutseriev"), ("people/golovaty", "Golovaty"),
                       ("people/oleksin", "Oleksin"), ("people/vorobey", "Vorobey"),
                       ("crossings/bobrowniki", "Bobrovniki-Berestovitsa")]:
        assert page.count(f'href="../../{path}/"') == 1, path
        assert f'<a href="../../{path}/">{name}</a>' in page
    # the latest prisoner figure sits right after the paragraph that says "1500"
    claim = page.index("1500 officially recognized political prisoners")
    note = page.index('<div class="admonition info">', claim)
    assert page.count("<p>", claim, note) == 0
    assert page.index("Viasna: 1,135</strong> on 23 December 2025") > note
    assert "The figure we track" in page


def test_fact_pages_list_the_articles_that_mention_them(built_real: Path) -> None:
    page = (built_real / "site/en/people/vorobey/index.html").read_text(encoding="utf-8")
    section = page[page.index('id="mentioned-in"'):]
    assert re.search(r'href="../../articles/how-to-negotiate-with-lukashenko/">How to negotiate', section)
    page = (built_real / "site/en/companies/russneft/index.html").read_text(encoding="utf-8")
    assert 'id="mentioned-in"' not in page
