"""The kinds of page the site has, one typed class each, and the list of every page of a language.

A page knows what it shows (typed fields read by its template, its social card and its
schema.org data) and where it goes (``path``, relative to docs/<lang>/).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from scripts.content import model as m
from scripts.content.actions import Action, Recipient
from scripts.content.crossings import Crossing
from scripts.content.documents import FACT_KINDS, WALLET_KINDS, Article, Content, TextPage, WalletKind
from scripts.content.fields import PartialDate
from scripts.content.freshness import is_stale
from scripts.content.prisoners import Prisoner
from scripts.i18n.locale import Locale
from scripts.i18n.translations import Status, report
from scripts.render import routes
from scripts.render.kit import (
    TOPICS,
    WRITE,
    Writable,
    WritePage,
    home_writable,
    prisoner_pages,
    upcoming_days,
    writable,
    write_pages,
)
from scripts.render.letters import Letter, compose
from scripts.render.leverage import Cell, cells, leverage_pages
from scripts.render.links import Target, mentions
from scripts.render.opendata import SCHEMAS
from scripts.render.page import HandWrittenPage, Mention, Page, other_names
from scripts.render.phrases import crossing_summary


@dataclass(kw_only=True)
class HomePage(Page):
    template = "home.md.j2"
    headline: m.Series
    wallets: list[tuple[WalletKind, str, m.Wallet]]
    crossings: dict[str, Crossing]
    article: Article
    """The featured article, in this language or the default one."""
    latest: list[ArticleEntry]
    """The three newest articles."""
    crossings_as_of: PartialDate | None
    """The oldest of the crossings' latest records: the headline is only as recent as that (None: the
    site tracks no crossing, and the home page leaves the figure out)."""
    crossings_stale: bool
    """Is any crossing's latest record older than its file allows?"""
    actions: list[tuple[str, Action]]
    """The actions the home page leads with in this language (none that is unsafe inside Belarus in a
    language read mostly there, unless its file says so)."""
    writable: list[Writable]
    """Held prisoners whose birthday is this month or next (else every held prisoner), soonest first."""
    write_page: str | None
    """The writing kit's page, if the site has one."""
    calendar: bool
    """Does the site publish a calendar (calendar.ics)?"""


@dataclass(kw_only=True)
class SeriesPage(Page):
    pdf = "factsheet.pdf"
    template = "series.md.j2"
    headline: m.Series
    series: list[tuple[str, m.Series]]
    """Every series, the headline series first."""
    cited: list[m.Source]


@dataclass(kw_only=True)
class WalletIndexPage(Page):
    template = "wallets.html.j2"
    kind: WalletKind
    items: dict[str, m.Wallet]


@dataclass(kw_only=True)
class WalletPage(Page):
    pdf = "factsheet.pdf"
    template = "wallet.html.j2"
    kind: WalletKind
    ident: str
    item: m.Wallet
    anchors: list[str]
    """One stable anchor per sanction, in order."""
    mentioned: list[Mention]
    related: list[tuple[WalletKind, str, m.Wallet]]
    sectors: list[m.Term]
    names: list[str]
    """Every other spelling of the name."""
    alignment: list[Cell]
    """Its row of the sanctions page: one cell per authority."""


@dataclass(kw_only=True)
class CrossingIndexPage(Page):
    template = "crossings.md.j2"
    items: dict[str, Crossing]
    counts: dict[str, int]
    """Status -> how many crossings have it now."""


@dataclass(kw_only=True)
class CrossingPage(Page):
    pdf = "factsheet.pdf"
    template = "crossing.md.j2"
    ident: str
    item: Crossing
    mentioned: list[Mention]
    names: list[str]


@dataclass(kw_only=True)
class ActionsIndexPage(Page):
    template = "actions.md.j2"
    actions: list[tuple[str, Action]]
    """Every action, in order."""


@dataclass(kw_only=True)
class ActionPage(Page):
    pdf = "letter.pdf"
    template = "action.md.j2"
    slug: str
    item: Action
    letter: Letter
    mailto: list[tuple[Recipient, str | None]]
    """Each recipient, with the link that opens the letter to them (None: no e-mail, or too long)."""


@dataclass(kw_only=True)
class DataPage(Page):
    template = "data.md.j2"
    schemas: list[str]


@dataclass(kw_only=True)
class TranslationsPage(Page):
    template = "translations.html.j2"
    statuses: list[Status]

    def of(self, lang: str) -> dict[str, list[Status]]:
        """The files of ``lang`` by state ('complete', 'missing', 'outdated'), and under 'open' those not
        complete, in the report's order."""
        out: dict[str, list[Status]] = {"complete": [], "missing": [], "outdated": [], "open": []}
        for status in self.statuses:
            if status.lang == lang:
                out[status.state].append(status)
                if status.state != "complete":
                    out["open"].append(status)
        return out


@dataclass(frozen=True)
class ArticleEntry:
    """An article as lists show it, in one language (or in its original when not translated)."""

    slug: str
    doc: Article
    """The version shown: in the page's language, or in the default language."""
    languages: list[str]
    """Codes of every language the article exists in, in the site's order."""

    @property
    def path(self) -> str:
        return routes.article_page(self.slug)


@dataclass(kw_only=True)
class ArticlePage(Page):
    template = "article.md.j2"
    slug: str
    doc: Article
    previous: ArticleEntry | None = None
    """The article published just before this one."""
    next: ArticleEntry | None = None
    """The article published just after this one."""


@dataclass(kw_only=True)
class ArticlesIndexPage(Page):
    """Every article in this language (the untranslated ones in their original), newest first."""

    template = "articles.md.j2"
    entries: list[ArticleEntry]


@dataclass(frozen=True)
class LogEntry:
    """One correction, with the page of the fact it corrected (none: a withdrawn profile, never named)."""

    correction: m.Correction
    path: str | None
    title: str


@dataclass(kw_only=True)
class CorrectionsPage(HandWrittenPage):
    """The hand-written corrections page, followed by the log of every correction and how to report one."""

    template = "corrections.md.j2"
    log: list[LogEntry]
    """Newest first."""
    report_url: str | None
    """Where to open a public issue (from repo_url)."""
    contact: str | None
    """An e-mail address for private reports (site.yml: contact_email)."""


def _pdf_names() -> tuple[str, ...]:
    """Every PDF name a kind of page prints to (factsheet.pdf, letter.pdf, postcard.pdf, ...)."""
    names: set[str] = set()
    kinds: list[type[Page]] = [Page]
    while kinds:
        kind = kinds.pop()
        kinds += kind.__subclasses__()
        if kind.pdf:
            names.add(kind.pdf)
    return tuple(sorted(names))


CORRECTIONS = "corrections"
"""The slug of the hand-written page that the corrections log is added to."""
def corrections_log(content: Content, locale: Locale) -> list[LogEntry]:
    entries = []
    for kind in FACT_KINDS:
        for ident, item in content.facts(kind).items():
            assert isinstance(item, m.Series | m.Wallet | Crossing | Prisoner)
            title = locale.text(item.title if isinstance(item, m.Series) else item.name)
            entries += [LogEntry(c, routes.fact_page(kind, ident), title) for c in item.corrections]
    what, why = {locale.code: locale.ui("withdrawn_what")}, {locale.code: locale.ui("withdrawn_why")}
    entries += [LogEntry(m.Correction.model_construct(date=w.date, what=what, why=why), None, "")
                for w in content.withdrawn.values()]
    return sorted(entries, key=lambda e: (e.correction.date, e.title), reverse=True)


def issue_url(repo_url: str | None) -> str | None:
    """A new-issue form on the repository (GitHub, GitLab and Codeberg use /issues/new)."""
    return f"{repo_url.rstrip('/')}/issues/new" if repo_url else None


def status_counts(crossings: dict[str, Crossing]) -> dict[str, int]:
    """How many crossings are open, restricted and closed now."""
    counts = {"open": 0, "restricted": 0, "closed": 0}
    for crossing in crossings.values():
        counts[crossing.status] += 1
    return counts


def version(locale: Locale, versions: dict[str, Article]) -> Article:
    """An article in this language, else in the language it was written in."""
    return versions.get(locale.code) or versions[next(c for c in locale.site.codes if c in versions)]


def unique_sources(items: list[m.Series]) -> list[m.Source]:
    seen: dict[str, m.Source] = {}
    for item in items:
        for source in item.sources:
            seen.setdefault(source.url, source)
    return list(seen.values())


def all_pages(content: Content, locale: Locale, today: dt.date, statuses: list[Status] | None = None,
              printables: bool = False) -> list[Page]:
    """Every page of one language, in navigation order (``statuses``: the translation report, when
    it was made once for every language; ``printables``: the kit's postcard and evening sheet are printed)."""
    site = content.site
    text = locale.text
    every_file = list(content.paths.values())

    def kind_files(kind: str) -> list[str]:
        return [rel for (k, _), rel in content.paths.items() if k == kind]

    articles = article_entries(content, locale)
    actions = sorted(content.actions.items(), key=lambda kv: (kv[1].order, kv[0]))
    mentioned: dict[Target, list[Mention]] = {}
    for slug, versions in content.articles.items():
        article = version(locale, versions)
        for target in mentions(content, article.body):
            mentioned.setdefault(target, []).append(Mention(slug, article.meta.title))
    pages: list[Page] = [
        HomePage(path=routes.HOME, title=text(site.name), description=text(site.description), sources=every_file,
                 headline=content.headline, wallets=content.all_wallets(), crossings=content.crossings,
                 article=version(locale, content.featured), latest=articles[:3],
                 crossings_as_of=min((c.as_of for c in content.crossings.values()), default=None),
                 crossings_stale=any(is_stale(c, today) for c in content.crossings.values()),
                 actions=[(slug, a) for slug, a in actions if a.safe_in_belarus or a.promote_in_belarus
                          or not next(x for x in site.languages if x.code == locale.code).inside_belarus],
                 writable=home_writable(content, today),
                 write_page=routes.text_page(WRITE) if WRITE in content.pages else None,
                 calendar=content.calendar is not None),
        SeriesPage(path=routes.PRISONERS, title=text(content.headline.title),
                   description=text(content.headline.description), sources=kind_files("series"),
                   headline=content.headline,
                   series=sorted(content.series.items(),  # the headline first, then by order
                                 key=lambda kv: (kv[0] != site.headline_series, kv[1].order)),
                   cited=unique_sources(list(content.series.values()))),
    ]
    for kind in WALLET_KINDS:
        items = content.wallets(kind)
        pages.append(WalletIndexPage(path=routes.index_page(kind), title=locale.ui(kind), description="",
                                     sources=kind_files(kind), kind=kind, items=items))
        for ident, item in items.items():
            pages.append(WalletPage(
                path=routes.fact_page(kind, ident), title=text(item.name), description=text(item.role),
                sources=[content.paths[(kind, ident)]], kind=kind, ident=ident, item=item,
                anchors=routes.sanction_anchors(item), mentioned=mentioned.get(Target(kind, ident), []),
                related=content.related(item), sectors=[content.sectors[s] for s in item.sectors],
                names=other_names(locale, item), alignment=cells(content, item)))
    pages.append(CrossingIndexPage(path=routes.index_page("crossings"), title=locale.ui("crossings"), description="",
                                   sources=kind_files("crossings"), items=content.crossings,
                                   counts=status_counts(content.crossings)))
    for ident, crossing in content.crossings.items():
        pages.append(CrossingPage(
            path=routes.fact_page("crossings", ident), title=text(crossing.name),
            description=crossing_summary(locale, crossing),
            sources=[content.paths[("crossings", ident)]], ident=ident, item=crossing,
            mentioned=mentioned.get(Target("crossings", ident), []), names=other_names(locale, crossing)))
    pages += leverage_pages(content, locale)
    pages += prisoner_pages(content, locale, today, mentioned)
    pages.append(ActionsIndexPage(path=routes.ACT, title=locale.ui("act"), description=locale.ui("act_intro"),
                                  sources=[content.action_paths[slug] for slug, _ in actions], actions=actions))
    for slug, action in actions:
        letter = compose(content, locale, action)
        pages.append(ActionPage(path=routes.action_page(slug), title=text(action.title), description=text(action.why),
                                sources=every_file, slug=slug, item=action, letter=letter,
                                mailto=[(r, letter.mailto(r.email) if r.email else None) for r in action.recipients]))
    pages.append(DataPage(path=routes.DATA, title=locale.ui("data"), description=locale.ui("data_intro"),
                          sources=every_file, schemas=[f"{name}.schema.json" for name in SCHEMAS]))
    pages.append(TranslationsPage(path=routes.TRANSLATIONS, title=locale.ui("translations"),
                                  description=locale.ui("translations_intro"), sources=[],
                                  statuses=report(content) if statuses is None else statuses))
    pages.append(ArticlesIndexPage(path=routes.ARTICLES, title=locale.ui("articles"), description="",
                                   sources=[e.doc.rel for e in articles], entries=articles))
    for i, entry in enumerate(articles):  # newest first: the next article is the one before in the list
        pages.append(ArticlePage(path=entry.path, title=entry.doc.meta.title, description=entry.doc.meta.description,
                                 sources=[entry.doc.rel], slug=entry.slug, doc=entry.doc,
                                 next=articles[i - 1] if i else None,
                                 previous=articles[i + 1] if i + 1 < len(articles) else None))
    for slug, texts in sorted(content.pages.items(), key=lambda kv: (texts_of(locale, kv[1]).meta.order, kv[0])):
        doc_page = texts_of(locale, texts)
        path, title, description = routes.text_page(slug), doc_page.meta.title, doc_page.meta.description
        if slug == CORRECTIONS:
            pages.append(CorrectionsPage(path=path, title=title, description=description, slug=slug, doc=doc_page,
                                         sources=[doc_page.rel, *every_file], log=corrections_log(content, locale),
                                         report_url=issue_url(site.repo_url), contact=site.contact_email))
        elif slug == WRITE:
            pages.append(WritePage(path=path, title=title, description=description, slug=slug, doc=doc_page,
                                   sources=[doc_page.rel, *every_file], writable=writable(content, today),
                                   phrases=[(t, [p for p in content.phrases if p.topic == t]) for t in TOPICS
                                            if any(p.topic == t for p in content.phrases)],
                                   days=upcoming_days(content, today),
                                   printables=printables, birthdays=bool(content.prisoners)))
            pages += write_pages(content, locale, today)
        else:
            pages.append(HandWrittenPage(path=path, title=title, description=description, slug=slug, doc=doc_page,
                                         sources=[doc_page.rel]))
    for page in pages:
        page.description = page.description or text(site.description)
    return pages


def article_entries(content: Content, locale: Locale) -> list[ArticleEntry]:
    """Every article, newest first (then by title)."""
    entries = [ArticleEntry(slug, version(locale, versions), [c for c in content.site.codes if c in versions])
               for slug, versions in content.articles.items()]
    by_title = sorted(entries, key=lambda e: e.doc.meta.title.casefold())
    return sorted(by_title, key=lambda e: e.doc.meta.date.first_day(), reverse=True)


def texts_of(locale: Locale, versions: dict[str, TextPage]) -> TextPage:
    return versions.get(locale.code) or versions[locale.default]


PDF_NAMES = _pdf_names()
"""Every name of a page's PDF (a PDF of another name beside a page is not the site's)."""
