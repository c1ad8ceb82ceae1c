"""The pages of prisoners and of the writing kit: who is held, each prisoner's page, birthdays, the kit
with its phrasebook and calendar, the postcard and the sheet for a letter-writing evening.

Whom to write to is worked out once here (``writable``): only people held in a prison now, the
nearest birthday first, each with the address letters go to today when it is safe to show it
(``Prisoner.letters_to``), never otherwise.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass

from scripts.content.documents import Content
from scripts.content.prisoners import Address, Day, Phrase, PhraseTopic, Prisoner
from scripts.i18n.locale import Locale
from scripts.render import routes
from scripts.render.links import Target
from scripts.render.page import HandWrittenPage, Mention, Page, other_names
from scripts.render.phrases import prisoner_line


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
class WritePage(HandWrittenPage):
    """The hand-written writing kit, followed by the phrasebook, the printables and the calendar."""

    template = "write.md.j2"
    phrases: list[tuple[str, list[Phrase]]]
    """Topic -> phrases, in the order of the topics."""
    days: list[tuple[dt.date, Day]]
    """The calendar's next dates, soonest first."""
    writable: list[Writable]
    printables: bool
    """Are the postcard and the evening sheet printed to PDF (`make factsheets`)?"""
    birthdays: bool
    """Does the site have a birthdays page (it does when it has prisoners)?"""


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


def home_writable(content: Content, today: dt.date) -> list[Writable]:
    """Whom the home page asks readers to write to: the held prisoners with a birthday this month or next, else
    every held prisoner (at most four)."""
    everyone = writable(content, today)
    soon = [w for w in everyone if in_month(w, month_start(today)) or in_month(w, month_start(today, 1))]
    return (soon or everyone)[:4]
