"""The kinds of page the site has, one typed class each, and the list of every page of a language.

A page knows what it shows (typed fields read by its template, its social card and its
schema.org data) and where it goes (``path``, relative to docs/<lang>/).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from typing import ClassVar

from scripts.content import model as m
from scripts.content.actions import Action, Recipient
from scripts.content.documents import FACT_KINDS, WALLET_KINDS, Article, Content, TextPage, WalletKind
from scripts.content.fields import PartialDate
from scripts.content.freshness import is_stale
from scripts.content.prisoners import Address, Day, Phrase, PhraseTopic, Prisoner
from scripts.i18n.locale import Locale
from scripts.i18n.translations import Status, report
from scripts.render import routes
from scripts.render.cards import Card
from scripts.render.letters import Letter, compose
from scripts.render.links import Target, mentions
from scripts.render.opendata import SCHEMAS
from scripts.render.phrases import crossing_summary, prisoner_line


@dataclass(frozen=True)
class Mention:
    """An article that mentions a fact page."""

    slug: str
    title: str


@dataclass(kw_only=True)
class Page:
    """One generated Markdown file."""

    template: ClassVar[str]
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
class HomePage(Page):
    template = "home.md.j2"
    headline: m.Series
    wallets: list[tuple[WalletKind, str, m.Wallet]]
    crossings: dict[str, m.Crossing]
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
    template = "wallets.md.j2"
    kind: WalletKind
    items: dict[str, m.Wallet]


@dataclass(kw_only=True)
class WalletPage(Page):
    pdf = "factsheet.pdf"
    template = "wallet.md.j2"
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


@dataclass(kw_only=True)
class CrossingIndexPage(Page):
    template = "crossings.md.j2"
    items: dict[str, m.Crossing]
    counts: dict[str, int]
    """Status -> how many crossings have it now."""


@dataclass(kw_only=True)
class CrossingPage(Page):
    pdf = "factsheet.pdf"
    template = "crossing.md.j2"
    ident: str
    item: m.Crossing
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


@dataclass(frozen=True)
class Writable:
    """A held prisoner as the lists of whom to write to show them: with the next birthday and, when it is safe
    to show it today, the address."""

    ident: str
    item: Prisoner
    birthday: dt.date | None
    """The next birthday (today included), if the file gives one."""
    address: Address | None


@dataclass(kw_only=True)
class PrisonersIndexPage(Page):
    template = "prisoners.md.j2"
    held: list[tuple[str, Prisoner]]
    """Held now (also under house arrest), the longest held first."""
    free: list[tuple[str, Prisoner]]
    """Released, deported or dead, the latest first."""
    list_url: str | None
    """Viasna's current list of every political prisoner."""


@dataclass(kw_only=True)
class PrisonerPage(Page):
    pdf = "factsheet.pdf"
    template = "prisoner.md.j2"
    ident: str
    item: Prisoner
    address: Address | None
    """The address letters go to, when it is safe to show it today."""
    hidden: str | None
    """Why there is no address (prisoners.AddressHidden), None when it is shown."""
    anchors: list[str]
    """One stable anchor per record of the history, in order."""
    mentioned: list[Mention]
    names: list[str]
    list_url: str | None


@dataclass(kw_only=True)
class BirthdaysPage(Page):
    template = "birthdays.md.j2"
    month: dt.date
    """The first day of this month."""
    months: list[tuple[dt.date, list[Writable]]]
    """This month and the next, each with the held prisoners whose birthday falls in it."""
    later: list[Writable]
    """Every other held prisoner with a birthday, in the order of their next birthday."""
    list_url: str | None


@dataclass(kw_only=True)
class PostcardPage(Page):
    """The back of an A6 postcard: a few phrases to copy and the address box, printed to postcard.pdf."""

    pdf = "postcard.pdf"
    template = "postcard.md.j2"
    phrases: list[Phrase]


@dataclass(kw_only=True)
class EveningPage(Page):
    """An A4 sheet in large type for a letter-writing evening: this month's birthdays with an address."""

    pdf = "evening.pdf"
    template = "evening.md.j2"
    month: dt.date
    writable: list[Writable]
    """Held prisoners with a birthday this month or next and an address shown today."""
    phrases: list[Phrase]


@dataclass(kw_only=True)
class DataPage(Page):
    template = "data.md.j2"
    schemas: list[str]


@dataclass(kw_only=True)
class TranslationsPage(Page):
    template = "translations.md.j2"
    statuses: list[Status]


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


@dataclass(kw_only=True)
class HandWrittenPage(Page):
    template = "page.md.j2"
    slug: str
    doc: TextPage


@dataclass(kw_only=True)
class WritePage(HandWrittenPage):
    """The hand-written writing kit, followed by the phrasebook, the printables and the calendar."""

    template = "write.md.j2"
    phrases: list[tuple[str, list[Phrase]]]
    """Topic -> phrases, in the order of the topics."""
    days: list[tuple[dt.date, Day]]
    """The calendar's next dates, soonest first."""
    calendar_sources: list[m.Source]
    writable: list[Writable]
    printables: bool
    """Are the postcard and the evening sheet printed to PDF (`make factsheets`)?"""


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
WRITE = "write"
"""The slug of the hand-written page that the writing kit (phrasebook, printables, calendar) is added to."""
TOPICS: tuple[PhraseTopic, ...] = ("greeting", "about_me", "wishes", "birthday", "holiday", "closing")


def writable(content: Content, today: dt.date) -> list[Writable]:
    """Every held prisoner (not under house arrest: letters go to a prison), soonest birthday first, then by name."""
    out = [Writable(ident, item, item.birthday.day.in_year(today.year) if item.birthday else None,
                    item.letters_to(today))
           for ident, item in content.prisoners.items() if item.status == "held"]
    for i, entry in enumerate(out):
        if entry.birthday is not None and entry.birthday < today:
            assert entry.item.birthday is not None
            out[i] = dataclasses.replace(entry, birthday=entry.item.birthday.day.in_year(today.year + 1))
    return sorted(out, key=lambda w: (w.birthday is None, w.birthday or today, w.ident))


def month_start(day: dt.date, months: int = 0) -> dt.date:
    """The first day of the month ``months`` after that of ``day``."""
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def in_month(entry: Writable, first: dt.date) -> bool:
    return entry.birthday is not None and (entry.birthday.year, entry.birthday.month) == (first.year, first.month)


def prisoner_pages(content: Content, locale: Locale, today: dt.date,
                   mentioned: dict[Target, list[Mention]]) -> list[Page]:
    """The index of prisoners, each prisoner's page and the birthdays page (none when there are no prisoners)."""
    if not content.prisoners:
        return []
    files = [content.paths[("prisoners", ident)] for ident in content.prisoners]
    list_url = content.site.prisoner_list
    items = content.prisoners.items()
    held = sorted(((i, p) for i, p in items if p.status in ("held", "house_arrest")),
                  key=lambda kv: (kv[1].since.date.first_day(), kv[0]))
    free = sorted(((i, p) for i, p in items if p.status not in ("held", "house_arrest")),
                  key=lambda kv: (kv[1].since.date.first_day(), kv[0]), reverse=True)
    pages: list[Page] = [PrisonersIndexPage(
        path=routes.index_page("prisoners"), title=locale.ui("prisoners"), description=locale.ui("prisoners_intro"),
        sources=files, held=held, free=free, list_url=list_url)]
    for ident, item in items:
        pages.append(PrisonerPage(
            path=routes.fact_page("prisoners", ident), title=locale.text(item.name),
            description=prisoner_line(locale, item), sources=[content.paths[("prisoners", ident)]], ident=ident,
            item=item, address=item.letters_to(today), hidden=item.address_hidden(today),
            anchors=routes.history_anchors(item),
            mentioned=mentioned.get(Target("prisoners", ident), []), names=other_names(locale, item),
            list_url=list_url))
    everyone = writable(content, today)
    first = month_start(today)
    months = [(month, [w for w in everyone if in_month(w, month)]) for month in (first, month_start(today, 1))]
    shown = {w.ident for _, group in months for w in group}
    pages.append(BirthdaysPage(
        path=routes.BIRTHDAYS, title=locale.ui("birthdays"), description=locale.ui("birthdays_intro"), sources=files,
        month=first, months=months, later=[w for w in everyone if w.birthday and w.ident not in shown],
        list_url=list_url))
    return pages


def write_pages(content: Content, locale: Locale, today: dt.date) -> list[Page]:
    """The postcard and the evening sheet of the writing kit (only with a kit page)."""
    if WRITE not in content.pages:
        return []
    first = month_start(today)
    soon = [w for w in writable(content, today) if w.address and (in_month(w, first) or
                                                                   in_month(w, month_start(today, 1)))]
    return [
        PostcardPage(path=routes.POSTCARD, title=locale.ui("postcard"), description=locale.ui("postcard_intro"),
                     sources=[], phrases=postcard_phrases(content.phrases)),
        EveningPage(path=routes.EVENING, title=locale.ui("evening"), description=locale.ui("evening_intro"),
                    sources=[content.paths[("prisoners", w.ident)] for w in soon], month=first, writable=soon,
                    phrases=postcard_phrases(content.phrases)),
    ]


def postcard_phrases(phrases: list[Phrase]) -> list[Phrase]:
    """What fits on a card: the first phrase of each topic but the holidays."""
    out: list[Phrase] = []
    for topic in TOPICS:
        found = next((p for p in phrases if p.topic == topic), None)
        if found is not None and topic != "holiday":
            out.append(found)
    return out


def upcoming_days(content: Content, today: dt.date) -> list[tuple[dt.date, Day]]:
    if content.calendar is None:
        return []
    found = [(day.next_on(today), day) for day in content.calendar.days]
    return sorted(((when, day) for when, day in found if when is not None), key=lambda x: (x[0], x[1].id))


def corrections_log(content: Content, locale: Locale) -> list[LogEntry]:
    entries = []
    for kind in FACT_KINDS:
        for ident, item in content.facts(kind).items():
            assert isinstance(item, m.Series | m.Wallet | m.Crossing | Prisoner)
            title = locale.text(item.title if isinstance(item, m.Series) else item.name)
            entries += [LogEntry(c, routes.fact_page(kind, ident), title) for c in item.corrections]
    what, why = {locale.code: locale.ui("withdrawn_what")}, {locale.code: locale.ui("withdrawn_why")}
    entries += [LogEntry(m.Correction.model_construct(date=w.date, what=what, why=why), None, "")
                for w in content.withdrawn.values()]
    return sorted(entries, key=lambda e: (e.correction.date, e.title), reverse=True)


def issue_url(repo_url: str | None) -> str | None:
    """A new-issue form on the repository (GitHub, GitLab and Codeberg use /issues/new)."""
    return f"{repo_url.rstrip('/')}/issues/new" if repo_url else None


def status_counts(crossings: dict[str, m.Crossing]) -> dict[str, int]:
    """How many crossings are open, restricted and closed now."""
    counts = {"open": 0, "restricted": 0, "closed": 0}
    for crossing in crossings.values():
        counts[crossing.status] += 1
    return counts


def other_names(locale: Locale, item: m.Wallet | m.Crossing | Prisoner) -> list[str]:
    """Every spelling other than the one in the page's title: names in other languages, aliases."""
    shown = locale.text(item.name)
    names = [*item.name.values(), *item.aliases]
    return [n for i, n in enumerate(names) if n != shown and n not in names[:i]]


def version(locale: Locale, versions: dict[str, Article]) -> Article:
    """An article in this language, else in the language it was written in."""
    return versions.get(locale.code) or versions[next(c for c in locale.site.codes if c in versions)]


def unique_sources(items: list[m.Series]) -> list[m.Source]:
    seen: dict[str, m.Source] = {}
    for item in items:
        for source in item.sources:
            seen.setdefault(source.url, source)
    return list(seen.values())


def home_writable(content: Content, today: dt.date) -> list[Writable]:
    """Whom the home page asks readers to write to: the held prisoners with a birthday this month or next, else
    every held prisoner (at most four)."""
    everyone = writable(content, today)
    soon = [w for w in everyone if in_month(w, month_start(today)) or in_month(w, month_start(today, 1))]
    return (soon or everyone)[:4]


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
                names=other_names(locale, item)))
    pages.append(CrossingIndexPage(path=routes.index_page("crossings"), title=locale.ui("crossings"), description="",
                                   sources=kind_files("crossings"), items=content.crossings,
                                   counts=status_counts(content.crossings)))
    for ident, crossing in content.crossings.items():
        pages.append(CrossingPage(
            path=routes.fact_page("crossings", ident), title=text(crossing.name),
            description=crossing_summary(locale, crossing),
            sources=[content.paths[("crossings", ident)]], ident=ident, item=crossing,
            mentioned=mentioned.get(Target("crossings", ident), []), names=other_names(locale, crossing)))
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
                                   calendar_sources=content.calendar.sources if content.calendar else [],
                                   printables=printables))
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
