"""Links from articles to fact pages, latest figures beside stated ones, articles listed on fact pages."""

from __future__ import annotations

import html
from pathlib import Path

import markdown
import pytest

from scripts.content.load import load
from scripts.content.markdown import EXTENSIONS
from scripts.i18n.locale import Locale
from scripts.render.links import FactLinks, Target, link_targets, mentions
from tests.conftest import REPO


@pytest.fixture(scope="module")
def targets() -> dict[str, str]:
    """Spellings as the content would give them (test data: the linker is what is tested here)."""
    return {"Gutseriev": "/people/gutseriev.md", "Гуцериев": "/people/gutseriev.md",
            "Vorobey": "/people/vorobey.md", "Golovaty": "/people/golovaty.md", "Oleksin": "/people/oleksin.md",
            "Bobrovniki-Berestovitsa": "/crossings/bobrowniki.md"}


def test_link_targets_name_every_spelling_of_every_fact_page() -> None:
    content = load(REPO)
    targets = link_targets(content)
    for kind in ("people", "companies", "crossings"):
        for ident, item in content.facts(kind).items():
            for spelling in [*item.name.values(), *item.aliases]:  # type: ignore[attr-defined]
                assert targets[spelling] == f"/{kind}/{ident}.md"


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


def test_article_pages_link_first_mentions_and_show_latest_figures(built_real: Path) -> None:
    content = load(REPO)
    for slug, versions in content.articles.items():
        for lang, article in versions.items():
            page = (built_real / f"site/{lang}/articles/{slug}/index.html").read_text(encoding="utf-8")
            targets = mentions(content, article.body)
            for target in targets:
                href = f'class="fact-mention" href="../../{target.kind}/{target.ident}/"'
                assert page.count(href) == 1, (lang, target)
            assert page.count('class="fact-mention"') == len(targets)
            locale = Locale.of(content, lang)
            for tie in article.meta.figures:
                # the latest figure of the series sits right after the paragraph that states the phrase
                claim = page.index(html.escape(tie.phrase, quote=False))
                note = page.index('<div class="admonition info">', claim)
                assert page.count("<p>", claim, note) == 0, (lang, tie.phrase)
                latest = content.series[tie.series].latest
                assert locale.num(latest.value) in page[note:note + 600], (lang, tie.phrase)


def test_fact_pages_list_the_articles_that_mention_them(built_real: Path) -> None:
    content = load(REPO)
    mentioned = {t for versions in content.articles.values() for t in mentions(content, versions["en"].body)}
    for kind in ("people", "companies", "crossings"):
        for ident in content.facts(kind):
            page = (built_real / f"site/en/{kind}/{ident}/index.html").read_text(encoding="utf-8")
            listed = 'id="mentioned-in"' in page
            assert listed == (Target(kind, ident) in mentioned), (kind, ident)
