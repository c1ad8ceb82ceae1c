"""content/facts/prisoners/<id>.yml: a political prisoner, as Viasna lists them, and the campaign's calendar.

A prisoner is a fact sheet like any other: the name in each language, a dated and sourced status
history (detained, sentenced, transferred, released, deported, ...), a birthday (day and month
only) and, while the person is held, the address Viasna gives for letters. Nothing here goes
beyond what Viasna publishes.

Addresses fail safe: one is shown only while the person is held, no record of the history is newer
than the check of the address, and that check is younger than its ``refresh_days``
(``Prisoner.letters_to``). A file with ``withdrawn:`` (a date, or true) is read as a ``Withdrawn``
and nothing else of it is shown anywhere; its names are kept only so that the build can take them
out of articles.

content/calendar.yml holds the solidarity days and campaign dates of the calendar (``Calendar``):
never a person's birthday.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any, Literal

from pydantic import ConfigDict, Field, PlainSerializer, PlainValidator, ValidationInfo, WithJsonSchema, model_validator
from pydantic_core import PydanticCustomError

from scripts.content.fields import Date, Id, LangText, PartialDate, Text, fail, parse_date, show
from scripts.content.model import FactBasis, Model, SourcedFile

# --- a day of the year -----------------------------------------------------------------------

_MONTH_DAY = re.compile(r"^(\d{2})-(\d{2})$")


class MonthDay(tuple[int, int]):
    """A day of the year without a year: (month, day). Written MM-DD in content: 04-16."""

    @property
    def month(self) -> int:
        return self[0]

    @property
    def day(self) -> int:
        return self[1]

    def in_year(self, year: int) -> dt.date:
        """This day in ``year`` (29 February in a common year: 28 February)."""
        if (self.month, self.day) == (2, 29):
            try:
                return dt.date(year, 2, 29)
            except ValueError:
                return dt.date(year, 2, 28)
        return dt.date(year, self.month, self.day)

    def __str__(self) -> str:
        return f"{self.month:02d}-{self.day:02d}"


def _month_day(value: Any) -> MonthDay:
    if isinstance(value, MonthDay):
        return value
    text = str(value).strip() if isinstance(value, str) else None
    match = _MONTH_DAY.match(text) if text else None
    if not match:
        dated = isinstance(value, (dt.date, int)) or bool(re.match(r"^\d{4}-\d{2}-\d{2}$", str(value)))
        hint = ": write the day and month only, without the year" if dated else ""
        raise fail("month_day", f"expected a day of the year as MM-DD in quotes, like '04-16' (16 April), "
                   f"got {show(value)}{hint}")
    month, day = int(match.group(1)), int(match.group(2))
    try:
        dt.date(2000, month, day)  # a leap year: 02-29 exists
    except ValueError:
        raise fail("month_day", f"{text} is not a day that exists: MM-DD, the month first") from None
    return MonthDay((month, day))


DayOfYear = Annotated[MonthDay, PlainValidator(_month_day), PlainSerializer(str, return_type=str),
                      WithJsonSchema({"type": "string", "pattern": _MONTH_DAY.pattern})]
"""MM-DD: a day of the year, like '04-16'."""


def _check_date(value: Any, info: ValidationInfo) -> PartialDate:
    date = parse_date(value)
    if date.precision != "day":
        raise fail("date", f"expected the full date of the check, like 2026-12-06, got {show(value)}")
    today = (info.context or {}).get("today")
    if today and date.first_day() > today:
        raise fail("date", f"{date} is in the future: write the day you checked the address")
    return date


CheckDate = Annotated[PartialDate, PlainValidator(_check_date), PlainSerializer(str, return_type=str),
                      WithJsonSchema({"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$"})]
"""YYYY-MM-DD, not in the future: the day something was checked."""


def _any_date(value: Any) -> PartialDate:
    date = parse_date(value)
    if date.precision != "day":
        raise fail("date", f"expected a full date like 2027-05-21, got {show(value)}")
    return date


AnyDate = Annotated[PartialDate, PlainValidator(_any_date), PlainSerializer(str, return_type=str),
                    WithJsonSchema({"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$"})]
"""YYYY-MM-DD, also in the future (a campaign date that is still to come)."""


# --- a prisoner --------------------------------------------------------------------------------

PrisonerEventKind = Literal["detained", "recognised", "charged", "sentenced", "transferred", "still_held",
                            "house_arrest", "released", "pardoned", "deported", "died"]
PrisonerStatus = Literal["held", "house_arrest", "released", "deported", "died"]
STATUS_AFTER: dict[str, PrisonerStatus] = {
    "detained": "held", "sentenced": "held", "transferred": "held", "still_held": "held",
    "house_arrest": "house_arrest",
    "released": "released", "pardoned": "released", "deported": "deported", "died": "died",
}
"""The status a record leaves the person in (being recognised or charged changes none)."""

ARTICLE_RE = re.compile(r"^(\d{1,3}(?:-\d)?)(?:\.(\d))?$")
"""An article of the Criminal Code: 130.3 (Part 3 of Article 130), 361-1 (the whole of Article 361-1)."""


def _criminal_article(value: Any) -> str:
    text = str(value).strip() if isinstance(value, (str, int, float)) and not isinstance(value, bool) else None
    if not text or not ARTICLE_RE.match(text):
        raise fail("article", f"expected an article of the Criminal Code like '130.3' (Part 3 of Article 130) or "
                   f"'361-1' (Article 361-1), in quotes, got {show(value)}")
    return text


CriminalArticle = Annotated[str, PlainValidator(_criminal_article),
                            WithJsonSchema({"type": "string", "pattern": ARTICLE_RE.pattern})]


class PrisonerEvent(Model):
    """One dated, sourced record of a political prisoner's case."""

    date: Date
    """When it happened (YYYY-MM-DD, or YYYY-MM when the source gives only the month)."""
    event: PrisonerEventKind
    """detained, recognised (as a political prisoner, by Viasna and other human-rights groups), charged,
    sentenced, transferred (to another prison or colony), still_held (a source says the person is still held on that
    date), house_arrest, released, pardoned, deported (forced abroad), died."""
    kind: FactBasis = "reported"
    """official (a court's or the state's own record), reported (Viasna's page or a news report)."""
    term: LangText | None = None
    """With 'sentenced': the sentence as Viasna gives it ('8 years in a colony, enhanced regime')."""
    articles: list[CriminalArticle] = Field(default_factory=list)
    """With 'charged' or 'sentenced': the articles of the Criminal Code, like '130.3' (Part 3 of Article 130)."""
    place: LangText | None = None
    """Where the person is held after this record (the prison or colony, and its town), as Viasna names it."""
    note: LangText | None = None
    """What else the reader should know."""
    source: Id
    """Id of an entry in this file's sources."""


class Birthday(Model):
    day: DayOfYear
    """MM-DD, in quotes: '04-16'. Never the year."""
    source: Id
    """Id of the entry of this file's sources that gives it (Viasna's page of the person)."""


class Address(Model):
    """Where letters to the person go, as Viasna gives it: shown only while it is safe to (``Prisoner.letters_to``)."""

    text: Text
    """The address as Viasna writes it, in Cyrillic, one line per line (the name, the institution, the street,
    the postcode and town); the country is added in Latin letters on the envelope."""
    source: Id
    """Id of the entry of this file's sources where the address was read (Viasna's page of the person)."""
    accessed: CheckDate
    """When the address was last checked there: a full date, YYYY-MM-DD."""
    refresh_days: int = Field(ge=1, le=120)
    """How many days the check stays good: after that the address is no longer shown anywhere."""


AddressHidden = Literal["none", "not_held", "stale", "changed"]
"""Why a prisoner's address is not shown: there is none, the person is not held, the check is too old, or a
record of the history is newer than the check."""


class Prisoner(SourcedFile):
    """content/facts/prisoners/<id>.yml: a person Viasna recognises as a political prisoner (or did)."""

    name: LangText
    """The name as Viasna writes it in each site language."""
    aliases: list[Text] = Field(default_factory=list)
    """Every other spelling seen in sources, in any script (a Latin and a Cyrillic form, a surname alone)."""
    summary: LangText
    """Two or three sentences per language: who the person is and why they were jailed, no more than Viasna says."""
    birthday: Birthday | None = None
    """Day and month of birth, with its source: letters and cards are written for it."""
    address: Address | None = None
    """Where letters go while the person is held, as Viasna gives it."""
    history: list[PrisonerEvent] = Field(min_length=1)
    """The records of the case, oldest first: the status is the one the last of them leaves."""
    refresh_days: int = Field(ge=1, le=3660)
    """How many days the latest record may be old before the person's status should be checked again."""

    @property
    def in_force(self) -> list[PrisonerEvent]:
        return [e for e in self.history if e.kind != "announced"] or self.history[:1]

    @property
    def status(self) -> PrisonerStatus:
        """held, house_arrest, released, deported or died: what the latest record that changes it says."""
        found: PrisonerStatus = "held"
        for event in self.in_force:
            found = STATUS_AFTER.get(event.event, found)
        return found

    @property
    def since(self) -> PrisonerEvent:
        """The record from which the current status holds (the first of its last run)."""
        changing = [e for e in self.in_force if e.event in STATUS_AFTER]
        if not changing:
            return self.in_force[0]
        start = len(changing) - 1
        while start > 0 and STATUS_AFTER[changing[start - 1].event] == self.status:
            start -= 1
        return changing[start]

    @property
    def place(self) -> dict[str, str] | None:
        """Where the person is held now (from the latest record that names a place), if held."""
        if self.status != "held":
            return None
        return next((e.place for e in reversed(self.in_force) if e.place), None)

    @property
    def as_of(self) -> PartialDate:
        return self.in_force[-1].date

    def address_hidden(self, today: dt.date) -> AddressHidden | None:
        """Why the address is not shown today, or None when it is. Fails safe: any record that may be dated on
        or after the day of the check (announced ones too, and a month-only date that includes that day) hides
        the address until it is checked again."""
        address = self.address
        if address is None:
            return "none"
        if self.status != "held":
            return "not_held"
        checked = address.accessed.first_day()
        if (today - checked).days > address.refresh_days:
            return "stale"
        if any(e.date.last_day() >= checked for e in self.history):
            return "changed"
        return None

    def letters_to(self, today: dt.date) -> Address | None:
        """The address letters go to today, or None: the one place that decides whether it is shown."""
        return self.address if self.address_hidden(today) is None else None


WITHDRAWN = re.compile(rb"(?m)^withdrawn[ \t]*:")
"""A prisoner's file that says ``withdrawn:`` at its top level (read as a ``Withdrawn``)."""
RESERVED_PRISONER_IDS = {"index", "birthdays"}
"""Names of pages under /prisoners/ that a prisoner's file may not take."""


def _withdrawn(value: Any, info: ValidationInfo) -> Literal[True] | PartialDate:
    if value is True:
        return True
    hint = "write the day the person or their family asked, like 'withdrawn: 2026-12-06' (or 'withdrawn: true')"
    if value is None or value is False or isinstance(value, (dict, list)):
        raise fail("withdrawn", f"expected a date or true, got {show(value)}: {hint}")
    try:
        date = parse_date(value)
    except PydanticCustomError as exc:
        raise fail("withdrawn", f"{exc.message()}: {hint}") from None
    today = (info.context or {}).get("today")
    if today and date.first_day() > today:
        raise fail("withdrawn", f"{date} is in the future: {hint}")
    return date


WithdrawnOn = Annotated[Any, PlainValidator(_withdrawn),
                        WithJsonSchema({"anyOf": [{"const": True}, {"type": "string", "pattern": r"^\d{4}"}]})]


class Withdrawn(Model):
    """A prisoner's file marked ``withdrawn:``: the site shows nothing of the person, and says so without a name.

    Everything but the names is ignored (and may be deleted: the repository is public); the names are used
    only to take the person's name out of the articles that mention it.
    """

    model_config = ConfigDict(extra="ignore", frozen=True)

    withdrawn: WithdrawnOn
    """When the person or their family asked for it (or true: the date the file last changed)."""
    name: dict[str, Text] = Field(default_factory=dict)
    """The name in each language, only to find it in articles."""
    aliases: list[Text] = Field(default_factory=list)
    """Other spellings, only to find them in articles."""

    @property
    def spellings(self) -> list[str]:
        return [*self.name.values(), *self.aliases]


# --- the calendar ------------------------------------------------------------------------------

class Day(Model):
    """A solidarity day or a campaign date: yearly on a day of the year, or once on a date."""

    id: Id
    """Used in the calendar entry's address (UID): never change it once published."""
    name: LangText
    """What the day is called, per language."""
    about: LangText
    """One or two sentences: why this day, and what a reader can do on it."""
    yearly: DayOfYear | None = None
    """MM-DD, in quotes, for a day that comes back every year: '05-21'."""
    since: int | None = Field(default=None, ge=1900, le=2100)
    """With yearly: the first year it was marked."""
    on: AnyDate | None = None
    """YYYY-MM-DD for a date that happens once (a letter-writing evening)."""
    source: Id
    """Id of the entry of this file's sources that says the day is marked (and how)."""

    @model_validator(mode="after")
    def _one_date(self) -> Day:
        if (self.yearly is None) == (self.on is None):
            raise ValueError("give either 'yearly: MM-DD' (every year) or 'on: YYYY-MM-DD' (once)")
        return self

    def next_on(self, today: dt.date) -> dt.date | None:
        """The next time the day comes (today included), or None for a date that has passed."""
        if self.on is not None:
            once = self.on.first_day()
            return once if once >= today else None
        assert self.yearly is not None
        this_year = self.yearly.in_year(today.year)
        return this_year if this_year >= today else self.yearly.in_year(today.year + 1)


class Calendar(SourcedFile):
    """content/calendar.yml: the days readers can mark, published as calendar.ics and on the writing kit."""

    days: list[Day] = Field(min_length=1)
    """Solidarity days and campaign dates. Never a person's birthday: a calendar is copied into other people's
    phones."""


# --- the phrasebook ----------------------------------------------------------------------------

PhraseTopic = Literal["greeting", "about_me", "wishes", "birthday", "holiday", "closing"]


class Phrase(Model):
    """A sentence for a letter or card to a prisoner, in the two languages prison censors pass: Belarusian and
    Russian (content/facts/lists/phrases.yml). Nothing political, nothing about the case."""

    id: Id
    """Unique in the list."""
    topic: PhraseTopic
    """greeting, about_me (who writes), wishes, birthday, holiday, closing: the kit groups them so."""
    be: Text
    """The sentence in Belarusian, as the reader copies it (… marks where a name or word goes)."""
    ru: Text
    """The same in Russian."""
    meaning: LangText
    """What it says, in each site language (for readers who know neither)."""
