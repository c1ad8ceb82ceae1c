"""The content model: one typed class per YAML shape in content/, a docstring per field.

Code reads attributes of these classes, never raw dicts. Validation of a single file is
done here (types, required fields, allowed values, unknown keys); rules that span files
(unique ids, references) live in scripts.content.rules.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from scripts.content.fields import Date, Id, LangCode, LangText, PartialDate, SiteLanguage, Text, Url


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
    url: Url
    """The page the fact was read on."""
    publisher: Text
    """Who published it: 'Viasna', 'RBC', 'EUR-Lex'."""
    title: Text | None = None
    """The page's headline, as published."""
    accessed: Date | None = None
    """When the page was read (YYYY-MM-DD)."""


class SourcedFile(Model):
    """Base for fact sheets that carry their own list of sources."""

    sources: list[Source] = Field(min_length=1)
    """Every page this file's facts were read on."""
    translated: dict[SiteLanguage, Text] = {}
    """Per language, the fingerprint of the default-language texts it was translated from.
    Written by `make translations STAMP=xx`; tells translators what changed since."""

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


class Term(Model):
    """An entry of a small list: a country, a sector."""

    id: Id
    """Referred to from fact sheets."""
    name: LangText
    """Name per language."""


# --- people and companies ------------------------------------------------------------------

SanctionEventKind = Literal["listed", "renewed", "upheld", "annulled", "lifted", "expired"]
ENDING_EVENTS = {"annulled", "lifted", "expired"}


class SanctionEvent(Model):
    """One dated, sourced step in a sanction's life: a listing, renewal, court ruling, ..."""

    date: Date
    """When it took effect (YYYY-MM-DD)."""
    event: SanctionEventKind
    """listed, renewed, upheld (a court dismissed a challenge), annulled, lifted, expired."""
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
    def listed(self) -> PartialDate:
        """The date of the first listing."""
        return next((e.date for e in self.history if e.event == "listed"), self.history[0].date)

    @property
    def status(self) -> str:
        """active, or how it ended (annulled, lifted, expired): from the latest event."""
        last = self.history[-1].event
        return last if last in ENDING_EVENTS else "active"

    @property
    def status_since(self) -> PartialDate:
        return self.history[-1].date


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

    @property
    def active_sanctions(self) -> list[Sanction]:
        return [s for s in self.sanctions if s.status == "active"]


class Person(Wallet):
    """content/facts/people/<id>.yml"""


class Company(Wallet):
    """content/facts/companies/<id>.yml"""


# --- border crossings ------------------------------------------------------------------------

Traffic = Literal["cars", "buses", "freight", "rail", "pedestrians", "cyclists", "road"]
CrossingStatus = Literal["open", "restricted", "closed"]


class Side(Model):
    """One side of a crossing."""

    country: Id
    """Id of a country in content/facts/lists/countries.yml."""
    place: LangText | None = None
    """The place name on this side, per language (left out where no source names it)."""


class Coordinates(Model):
    lat: float = Field(ge=-90, le=90)
    """Latitude in decimal degrees."""
    lon: float = Field(ge=-180, le=180)
    """Longitude in decimal degrees."""


class StatusChange(Model):
    """One dated, sourced entry of a crossing's status history."""

    date: Date
    """When the status took effect (or when it was observed, see 'observed')."""
    status: CrossingStatus
    """open, restricted or closed."""
    applies_to: list[Traffic] = []
    """Which traffic the status concerns; empty means all traffic of the crossing."""
    observed: bool = False
    """true when the source only reports the status on that date, not when it began."""
    note: LangText | None = None
    """Why, or what exactly is allowed."""
    source: Id
    """Id of an entry in this file's sources."""


class Crossing(SourcedFile):
    """content/facts/crossings/<id>.yml: a border crossing between Belarus and the EU."""

    name: LangText
    """The crossing's name per language, both sides: 'Bobrowniki – Bierastavica'."""
    aliases: list[Text] = []
    """Other spellings seen in sources, in any script."""
    sides: list[Side] = Field(min_length=2, max_length=2)
    """The EU side first, then the Belarusian side."""
    traffic: list[Traffic] = Field(min_length=1)
    """Kinds of traffic the crossing handles: cars, buses, freight, rail, pedestrians, ..."""
    coordinates: Coordinates | None = None
    """Where it is (only from a source)."""
    history: list[StatusChange] = Field(min_length=1)
    """Status changes, oldest first. The current status is the last one."""

    @property
    def current(self) -> StatusChange:
        return self.history[-1]

    @property
    def since(self) -> StatusChange:
        """The entry from which the current status has held (the start of the last run)."""
        first = self.history[-1]
        for change in reversed(self.history):
            if change.status != first.status:
                break
            first = change
        return first


# --- series (political prisoners and related indicators) ----------------------------------

class DataPoint(Model):
    """One count on one date, by one counter, from one source."""

    date: Date
    """The date the count refers to."""
    value: int = Field(ge=0)
    """The count, a whole number without separators: 1135."""
    counted_by: Id
    """Id of the counting body in content/facts/lists/bodies.yml."""
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

    @property
    def latest(self) -> DataPoint:
        return self.points[-1]


# --- Markdown files: articles and hand-written pages -----------------------------------------

class FigureTie(Model):
    """A figure the article states, tied to the series that tracks it."""

    phrase: Text
    """The words exactly as they stand in the article: '1500 officially recognized political prisoners'."""
    series: Id
    """The series it refers to (a file name in content/facts/series/)."""


class ArticleMeta(Model):
    """Front matter of content/articles/<slug>/<lang>.md."""

    title: Text
    """The headline."""
    description: Text = Field(max_length=300)
    """One or two sentences shown in search results and when shared."""
    author: Text | None = None
    """The author, when the original names one."""
    publisher: Text
    """Who first published it."""
    date: Date
    """When it was first published."""
    source_url: Url
    """Where it was first published."""
    figures: list[FigureTie] = []
    """Figures in the text to show the latest sourced value beside (the text is not changed)."""
    translated_from: Text | None = None
    """In a translation: the fingerprint of the default-language version it was made from."""


class PageMeta(Model):
    """Front matter of content/pages/<slug>/<lang>.md."""

    title: Text
    """The page title."""
    description: Text = Field(max_length=300)
    """One or two sentences for search results and sharing."""
    order: int = 100
    """Position in the navigation: lower comes first."""
    translated_from: Text | None = None
    """In a translation: the fingerprint of the default-language version it was made from."""
