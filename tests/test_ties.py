"""Links from articles to fact pages, latest figures beside stated ones, articles listed on fact pages."""

from __future__ import annotations

import re
from pathlib import Path

import markdown
import pytest

from scripts.content.load import load
from scripts.content.markdown import EXTENSIONS
from scripts.render.links import FactLinks, link_targets
from tests.conftest import REPO


@pytest.fixture(scope="module")
def targets() -> dict[str, str]:
    return link_targets(load(REPO))


def linked(text: str, targets: dict[str, str]) -> str:
    """The article body as MkDocs renders it, with fact links (the div is what the generator wraps it in)."""
    md = markdown.Markdown(extensions=[*EXTENSIONS, "toc", FactLinks(targets=targets)])
    html = md.convert(f'<div class="article-body" markdown>\n\n{text}\n\n</div>')
    return html.removeprefix('<div class="article-body">\n').removesuffix("\n</div>")


def a(href: str, text: str) -> str:
    return f'<a class="fact-mention" href="/{href}">{text}</a>'


GUT, VOR, GOL = "people/gutseriev.md", "people/vorobey.md", "people/golovaty.md"


@pytest.mark.parametrize(("text", "html"), [
    ("Gutseriev and Gutseriev again.", f"<p>{a(GUT, 'Gutseriev')} and Gutseriev again.</p>"),
    ("Oleksin's money", "<p>" + a("people/oleksin.md", "Oleksin's") + " money</p>"),
    ("Деньги Гуцериева", f"<p>Деньги {a(GUT, 'Гуцериева')}</p>"),
    ("the crossing Bobrovniki-Berestovitsa",
     f"<p>the crossing {a('crossings/bobrowniki.md', 'Bobrovniki-Berestovitsa')}</p>"),
    ("XGutseriev and preGutseriev", "<p>XGutseriev and preGutseriev</p>"),
    ("[Gutseriev](https://example.org) then Gutseriev",
     f'<p><a href="https://example.org">Gutseriev</a> then {a(GUT, "Gutseriev")}</p>'),
    ("`Vorobey` in code, **Vorobey** in bold",
     f"<p><code>Vorobey</code> in code, <strong>{a(VOR, 'Vorobey')}</strong> in bold</p>"),
    ("## Vorobey's story\n\nVorobey again",
     f"<h2 id=\"vorobeys-story\">Vorobey's story</h2>\n<p>{a(VOR, 'Vorobey')} again</p>"),
    ("Gutseriev, Vorobey and Golovaty",
     f"<p>{a(GUT, 'Gutseriev')}, {a(VOR, 'Vorobey')} and {a(GOL, 'Golovaty')}</p>"),
])
def test_first_mention_links_and_nothing_else(targets: dict[str, str], text: str, html: str) -> None:
    assert linked(text, targets) == html


def test_article_page_links_first_mentions_and_shows_latest_figures(built_real: Path) -> None:
    page = (built_real / "site/en/articles/how-to-negotiate-with-lukashenko/index.html").read_text(encoding="utf-8")
    for path, name in [("people/gutseriev", "Gutseriev"), ("people/golovaty", "Golovaty"),
                       ("people/oleksin", "Oleksin"), ("people/vorobey", "Vorobey"),
                       ("crossings/bobrowniki", "Bobrovniki-Berestovitsa")]:
        assert page.count(f'href="../../{path}/"') == 1, path
        assert f'<a class="fact-mention" href="../../{path}/">{name}</a>' in page
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
