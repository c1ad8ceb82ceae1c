"""The base of every kind of page: what a generated page is, and an article's mention of a fact page.

A page knows what it shows (typed fields read by its template, its social card and its
schema.org data) and where it goes (``path``, relative to docs/<lang>/). The kinds of page are
in scripts.render.pages and, for prisoners and the writing kit, scripts.render.kit.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from scripts.content import model as m
from scripts.content.crossings import Crossing
from scripts.content.documents import TextPage
from scripts.content.prisoners import Prisoner
from scripts.i18n.locale import Locale
from scripts.render import routes
from scripts.render.cards import Card


@dataclass(frozen=True)
class Mention:
    """An article that mentions a fact page."""

    slug: str
    title: str


@dataclass(kw_only=True)
class Page:
    """One generated Markdown file."""

    template: ClassVar[str]
    """The template the page is made with: Markdown (``*.md.j2``), or HTML (``*.html.j2``: scripts.render.direct)."""
    pdf: ClassVar[str | None] = None
    """The PDF `make factsheets` prints the page to, beside it (a fact sheet, a letter), if any."""
    path: str
    """Relative to docs/<lang>/, e.g. 'people/gutseriev.md'."""
    title: str
    description: str
    sources: list[str]
    """Content files the page is made from (for 'last updated' and messages)."""
    card: Card | None = None
    """The page's social card (set once the page is made)."""

    @property
    def card_path(self) -> str:
        return routes.card_path(self.path)


@dataclass(kw_only=True)
class HandWrittenPage(Page):
    template = "page.md.j2"
    slug: str
    doc: TextPage


def other_names(locale: Locale, item: m.Wallet | Crossing | Prisoner) -> list[str]:
    """Every spelling other than the one in the page's title: names in other languages, aliases."""
    shown = locale.text(item.name)
    names = [*item.name.values(), *item.aliases]
    return [n for i, n in enumerate(names) if n != shown and n not in names[:i]]
