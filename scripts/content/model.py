"""The content model: one typed class per YAML shape in content/, a docstring per field.

Code reads attributes of these classes, never raw dicts. Crossings (scripts.content.crossings),
prisoners (scripts.content.prisoners), actions and releases have modules of their own, on the same
base classes. Validation of a single file is done here (types, required fields, allowed values,
unknown keys); rules that span files (unique ids, references) live in scripts.content.rules.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from scripts.content.fields import Date, Id, LangCode, LangText, PageUrl, PartialDate, SiteLanguage, Text, Url


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, use_attribute_docstrings=True)


# --- content/site.yml ----------------------------------------------------------------------

class Language(Model):
    code: LangCode
    """ISO 639-1 code used in URLs and file names: en, be, ru, pl."""
    name: Text
    """The language's name in itself (English, Беларуская, Русский, Polski)."""
    default: bool = False
    """Exactly one language is the default: readers without a preference get it."""
    locale: Text | None = None
    """Locale for dates and numbers (Babel), when it differs from the code: en_GB."""
    inside_belarus: bool = False
    """Are this language's readers mostly inside Belarus? Its home page then shows no action that is not
    safe to take there (unless the action's file says so)."""

    @property
    def babel_locale(self) -> str:
        return self.locale or self.code


class SiteConfig(Model):
    """content/site.yml: settings for the whole site."""

    site_url: Url
    """Where the site is published, e.g. https://owner.github.io/repo/ (ends with /)."""
    repo_url: Url | None = None
    """The git repository that holds this content."""
    languages: list[Language] = Field(min_length=1)
    """The site's languages, in the order of the language switcher."""
    name: LangText
    """The site's name per language."""
    description: LangText
    """One or two sentences per language: what the site is for (used in search results)."""
    headline_series: Id
    """The series shown large on the home page (a file name in content/facts/series/)."""
    article: Id
    """The featured article (a folder name in content/articles/)."""
    custom_domain: Text | None = None
    """A domain of the campaign's own (news.example.org) instead of owner.github.io/repo/.
    site_url must then be https://that-domain/; the build writes the CNAME file Pages needs."""
    x_handle: Text | None = None
    """The campaign's account on X, with @: shown to X when a page is shared."""
    telegram_channel: Text | None = None
    """The campaign's Telegram channel, with @."""
    prisoner_list: Url | None = None
    """Where readers find every political prisoner with today's address for letters (Viasna's list): the
    prisoners' pages send readers there, above all when they show no address."""
    contact_email: Text | None = None
    """Where readers write to report a mistake (shown on the corrections page with the repository's issues)."""

    @property
    def default_language(self) -> str:
        return next((lang.code for lang in self.languages if lang.default), self.languages[0].code)

    @property
    def codes(self) -> list[str]:
        return [lang.code for lang in self.languages]


# --- shared pieces -------------------------------------------------------------------------

class Source(Model):
    """Where a fact was read. Facts refer to a source by its id."""

    id: Id
    """Short id used by facts in the same file, e.g. 'rbc-2025-10-22'."""
    url: PageUrl
    """The page the fact was read on (its full address, never only a site's home page)."""
    publisher: Text
    """Who published it: 'Viasna', 'RBC', 'EUR-Lex'."""
    title: Text | None = None
    """The page's headline, as published."""
    accessed: Date
    """When the page was read (YYYY-MM-DD)."""
    archive: Url | None = None
    """An archived copy of the page (web.archive.org, archive.today), in case it changes or disappears."""


FactBasis = Literal["official", "reported", "announced"]
"""What kind of fact a dated record is: an official act or judgment or list, a report (a human-rights
group's count, a news report), or a measure announced but not yet in force."""


class Correction(Model):
    """A correction made to this file's facts: shown on the corrections page, newest first."""

    date: Date
    """When the correction was published."""
    what: LangText
    """What was wrong and what is right now."""
    why: LangText
    """How the mistake was found (the source that shows it)."""


class SourcedFile(Model):
    """Base for fact sheets that carry their own list of sources."""

    sources: list[Source] = Field(min_length=1)
    """Every page this file's facts were read on."""
    corrections: list[Correction] = []
    """Corrections made to this file's facts, oldest first."""
    translated: dict[SiteLanguage, Text] = {}
    """Per language, the fingerprint of the default-language texts it was translated from.
    Written by `make translations STAMP=xx`; tells translators what changed since."""
    background: list[Id] = Field(default_factory=list)
    """Ids of the sources that back the summary or the background but no single record (`make check` warns of a
    source that is neither cited by a record nor listed here)."""

    def source(self, source_id: str) -> Source:
        return next(s for s in self.sources if s.id == source_id)


class Body(Model):
    """An institution named by facts: a sanctioning authority, a counting organisation."""

    id: Id
    """Referred to from sanctions (authority) and data points (counted_by)."""
    name: LangText
    """Full name per language."""
    short: LangText | None = None
    """Short name per language (EU, UK, Viasna)."""
    url: Url | None = None
    """Official website."""
    sanctions: bool = False
    """Does it impose sanctions? The sanctions page has a column for each body that does, and every person and
    company is listed, checked and found not listed, or not checked by it."""
    official_sites: list[Text] = Field(default_factory=list)
    """Where it publishes its own acts and lists, as web addresses without https:// (eur-lex.europa.eu,
    ofac.treasury.gov): a record marked official must cite one of the official sites of some body."""


class Term(Model):
    """An entry of a small list: a country, a sector."""

    id: Id
    """Referred to from fact sheets."""
    name: LangText
    """Name per language."""


# --- people and companies ------------------------------------------------------------------

SanctionEventKind = Literal["listed", "relisted", "renewed", "challenged", "upheld", "eased", "annulled", "lifted",
                            "expired"]
ENDING_EVENTS = {"annulled", "lifted", "expired"}
"""Events after which a sanction is no longer in force (until it is relisted)."""


class SanctionEvent(Model):
    """One dated, sourced step in a sanction's life: a listing, renewal, court ruling, ..."""

    date: Date
    """When it took effect (YYYY-MM-DD)."""
    event: SanctionEventKind
    """listed, relisted (listed again after an annulment), renewed, challenged (a court action was
    brought), upheld (a court dismissed a challenge), eased (dealings licensed, the listing stays),
    annulled, lifted, expired."""
    kind: FactBasis = "reported"
    """official (the act, judgment or list itself), reported (news of it), or announced (not yet in force:
    never changes the sanction's status)."""
    note: LangText | None = None
    """What else the reader should know: the legal act, the court case."""
    source: Id
    """Id of an entry in this file's sources."""


class Sanction(Model):
    """One authority's sanction against a person or company, with its history."""

    authority: Id
    """Id of the authority in content/facts/lists/bodies.yml (eu, uk, us, ca)."""
    programme: LangText
    """The sanctions programme or legal basis, per language."""
    history: list[SanctionEvent] = Field(min_length=1)
    """Listing, renewals, rulings, in date order; the first is usually 'listed'."""

    @property
    def in_force(self) -> list[SanctionEvent]:
        """The history without announced measures (they do not change the status)."""
        return [e for e in self.history if e.kind != "announced"] or self.history[:1]

    @property
    def listed(self) -> PartialDate:
        """The date of the first listing."""
        return next((e.date for e in self.history if e.event == "listed"), self.history[0].date)

    @property
    def status(self) -> str:
        """active, or how it ended (annulled, lifted, expired): from the latest event in force."""
        last = self.in_force[-1].event
        return last if last in ENDING_EVENTS else "active"

    @property
    def status_since(self) -> PartialDate:
        return self.in_force[-1].date


class ListCheck(Model):
    """A dated search of an authority's official list that did not find the person or company."""

    authority: Id
    """Id of the authority in content/facts/lists/bodies.yml."""
    date: Date
    """When the list was searched (YYYY-MM-DD)."""
    list: Text
    """Which official list was searched, by its name: 'OFAC Sanctions List Search'."""
    source: Id
    """Id of the entry of this file's sources: the list's address, read on that day."""
    note: LangText | None = None
    """What was searched for (names, spellings) or anything else the reader should know."""


class Wallet(SourcedFile):
    """A person or company of the regime's inner circle ('wallet'). One per file."""

    name: LangText
    """The name as written in each site language."""
    aliases: list[Text] = []
    """Every other spelling seen in sources, in any script (Gutseriyev, Гуцериев)."""
    role: LangText
    """A short line: who they are (shown in tables)."""
    summary: LangText
    """A few sentences per language, backed by this file's sources."""
    related: list[Id] = []
    """Ids of related people or companies (file names in content/facts/...)."""
    sectors: list[Id] = []
    """Ids of sectors in content/facts/lists/sectors.yml."""
    sanctions: list[Sanction] = []
    """Each authority's sanction, with its dated history."""
    checks: list[ListCheck] = []
    """Searches of an authority's official list that did not find them (an authority with neither a sanction nor a
    check here is shown as not checked)."""

    @property
    def active_sanctions(self) -> list[Sanction]:
        return [s for s in self.sanctions if s.status == "active"]


class Person(Wallet):
    """content/facts/people/<id>.yml"""


class Company(Wallet):
    """content/facts/companies/<id>.yml"""


# --- series (political prisoners and related indicators) ----------------------------------

class DataPoint(Model):
    """One count on one date, by one counter, from one source."""

    date: Date
    """The date the count refers to."""
    value: int = Field(ge=0)
    """The count, a whole number without separators: 1135."""
    bound: Literal["at_least", "about"] | None = None
    """When the source gives no exact count: at_least ('at least 8,000') or about ('about 19,000')."""
    counted_by: Id
    """Id of the counting body in content/facts/lists/bodies.yml."""
    kind: FactBasis = "reported"
    """reported (a count published by the counting body or a report of it) or official."""
    source: Id
    """Id of an entry in this file's sources."""
    note: LangText | None = None
    """Anything the reader needs to read the figure right."""


class Series(SourcedFile):
    """content/facts/series/<id>.yml: counts over time. Two points may share a date."""

    title: LangText
    """The series' name per language."""
    description: LangText
    """What is counted and how, per language."""
    order: int = 100
    """Position on the page: lower comes first."""
    points: list[DataPoint] = Field(min_length=1)
    """Data points, oldest first."""
    refresh_days: int = Field(ge=1, le=3660)
    """How many days the latest point may be old before a newer count should be looked for."""

    @property
    def latest(self) -> DataPoint:
        return self.points[-1]
