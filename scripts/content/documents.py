"""The loaded documents: everything in content/, validated and typed, plus where each value stands.

``Content`` is what every later stage reads. ``Positions`` remembers the parsed YAML of each
file so that rules across files (scripts.content.rules) can name the line of a problem.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Generic, Literal, TypeVar

from scripts.content.actions import Action
from scripts.content.crossings import Crossing
from scripts.content.fields import PartialDate
from scripts.content.frontmatter import ArticleMeta, PageMeta
from scripts.content.model import Body, Company, Person, Series, SiteConfig, SourcedFile, Term, Wallet
from scripts.content.prisoners import Calendar, Phrase, Prisoner, Withdrawn
from scripts.content.releases import Releases
from scripts.content.source import Doc
from scripts.content.ui import UiStrings

FactKind = Literal["people", "companies", "crossings", "series", "prisoners"]
WalletKind = Literal["people", "companies"]
LinkedKind = Literal["people", "companies", "crossings", "prisoners"]
FACT_KINDS: tuple[FactKind, ...] = ("people", "companies", "crossings", "series", "prisoners")
WALLET_KINDS: tuple[WalletKind, ...] = ("people", "companies")
LINKED_KINDS: tuple[LinkedKind, ...] = ("people", "companies", "crossings", "prisoners")
"""Fact pages that articles link to where they mention them."""

MetaT = TypeVar("MetaT", ArticleMeta, PageMeta)


@dataclass(frozen=True)
class MarkdownFile(Generic[MetaT]):
    """An article or hand-written page in one language."""

    slug: str
    """The folder name: the page's address."""
    lang: str
    """The language of this version (the file name)."""
    rel: str
    """Path relative to the project root."""
    meta: MetaT
    """The front matter, validated."""
    body: str
    """The Markdown after the front matter."""
    body_line: int
    """The line of the file where the body starts (for messages)."""


Article = MarkdownFile[ArticleMeta]
TextPage = MarkdownFile[PageMeta]


@dataclass(frozen=True)
class Key:
    """Which document a position belongs to: ('people', 'gutseriev'), ('site', ''), ('markdown', rel)."""

    kind: str
    ident: str


@dataclass
class Positions:
    """The parsed YAML of every file that loaded, for the lines of phase-2 problems."""

    docs: dict[Key, Doc] = field(default_factory=dict)

    def __getitem__(self, key: Key) -> Doc:
        return self.docs[key]


@dataclass(frozen=True)
class Withdrawal:
    """A prisoner's file marked withdrawn, as the build uses it: when, and the names to take out of articles."""

    file: Withdrawn
    date: PartialDate
    """When it was asked for (the file's date, or the date its last change was made)."""


@dataclass
class Content:
    """Everything in content/, validated. Dicts are in file-name order."""

    site: SiteConfig
    ui: dict[str, UiStrings]
    """Language code -> labels; the default language has every label."""
    bodies: dict[str, Body]
    countries: dict[str, Term]
    sectors: dict[str, Term]
    people: dict[str, Person]
    companies: dict[str, Company]
    crossings: dict[str, Crossing]
    series: dict[str, Series]
    articles: dict[str, dict[str, Article]]
    """Slug -> language -> article."""
    pages: dict[str, dict[str, TextPage]]
    """Slug -> language -> hand-written page."""
    actions: dict[str, Action] = field(default_factory=dict)
    """Slug -> letter to send (content/actions/), in file-name order."""
    prisoners: dict[str, Prisoner] = field(default_factory=dict)
    """Id -> political prisoner (content/facts/prisoners/), withdrawn ones left out."""
    withdrawn: dict[str, Withdrawal] = field(default_factory=dict)
    """Id -> a prisoner's file marked withdrawn: nothing of it is shown."""
    calendar: Calendar | None = None
    """content/calendar.yml: the days of the calendar (None: the site has no calendar)."""
    phrases: list[Phrase] = field(default_factory=list)
    """content/facts/lists/phrases.yml: the writing kit's phrasebook."""
    releases: Releases | None = None
    """content/facts/releases.yml: releases of prisoners and the sanctions relief around them (None: no such file)."""

    @property
    def authorities(self) -> dict[str, Body]:
        """The bodies that impose sanctions, in the order of bodies.yml."""
        return {ident: body for ident, body in self.bodies.items() if body.sanctions}

    @property
    def action_paths(self) -> dict[str, str]:
        """Slug -> the action's file, relative to the project."""
        return {slug: f"content/actions/{slug}.yml" for slug in self.actions}
    paths: dict[tuple[FactKind, str], str] = field(default_factory=dict)
    """(kind, id) -> content file path, for 'last updated' and messages."""

    def wallets(self, kind: WalletKind) -> dict[str, Wallet]:
        return dict(self.people) if kind == "people" else dict(self.companies)

    def facts(self, kind: FactKind) -> dict[str, SourcedFile]:
        """The fact sheets of one folder of content/facts/."""
        found: dict[FactKind, dict[str, SourcedFile]] = {
            "people": dict(self.people), "companies": dict(self.companies),
            "crossings": dict(self.crossings), "series": dict(self.series), "prisoners": dict(self.prisoners),
        }
        return found[kind]

    def all_wallets(self) -> list[tuple[WalletKind, str, Wallet]]:
        """(kind, id, wallet) of every person, then every company."""
        return [(kind, ident, item) for kind in WALLET_KINDS for ident, item in self.wallets(kind).items()]

    def related(self, item: Wallet) -> list[tuple[WalletKind, str, Wallet]]:
        """(kind, id, wallet) for each id in ``item.related`` (all resolve after validation)."""
        out: list[tuple[WalletKind, str, Wallet]] = []
        for ident in item.related:
            for kind in WALLET_KINDS:
                other = self.wallets(kind).get(ident)
                if other is not None:
                    out.append((kind, ident, other))
        return out

    @property
    def headline(self) -> Series:
        """The series shown large on the home page."""
        return self.series[self.site.headline_series]

    def original_language(self, versions: Mapping[str, object]) -> str:
        """The language an article was written in (others are translated from it): the default
        language's version if there is one, else the first in the order of the site's languages."""
        return next(code for code in self.site.codes if code in versions)

    @property
    def featured(self) -> dict[str, Article]:
        """The featured article, in every language it exists in."""
        return self.articles[self.site.article]
