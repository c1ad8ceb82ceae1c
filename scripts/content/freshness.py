"""Which facts have gone stale: a series, a crossing or a prisoner whose latest record is older than
the number of days its file allows (``refresh_days``), a contact of an action or a prisoner's
address not checked for longer than its file allows.

`make check` prints them as warnings (never a failure: an old fact is still a true fact about
its date); the site marks a stale headline figure "last confirmed …"; a weekly GitHub
workflow opens or updates one issue listing them (.github/workflows/freshness.yml).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from scripts.content.crossings import Crossing
from scripts.content.documents import Content, FactKind
from scripts.content.fields import PartialDate
from scripts.content.model import Series
from scripts.content.prisoners import Prisoner


@dataclass(frozen=True)
class Stale:
    """A fact file whose latest record is older than its limit."""

    kind: FactKind | str
    ident: str
    file: str
    as_of: PartialDate
    """The date of the latest record."""
    days: int
    """How old the latest record is, in days (from the last day its date may stand for)."""
    limit: int
    """refresh_days of the file."""
    contact: str = ""
    """A recipient of an action, whose contact this is (the check is then of the contact's source)."""
    address: bool = False
    """Is it a prisoner's address for letters (no longer shown until it is checked again)?"""

    def __str__(self) -> str:
        if self.address:
            return (f"{self.file}: the address for letters was last checked on {self.as_of}, {self.days} days ago, "
                    f"more than the {self.limit} days its file allows, so the site no longer shows it: check it on "
                    "Viasna's page again and update 'accessed:' (or remove the address)")
        if self.contact:
            return (f"{self.file}: the contact of {self.contact} was last checked on {self.as_of}, {self.days} days "
                    f"ago; it asks for a check every {self.limit} days: look at its source again and update "
                    "'accessed:'")
        return (f"{self.file}: the latest record is from {self.as_of}, {self.days} days ago; this file asks for "
                f"a check every {self.limit} days: add a newer record with its source")


def as_of(item: Series | Crossing | Prisoner) -> PartialDate:
    """The date of the newest record in force."""
    return item.latest.date if isinstance(item, Series) else item.as_of


def age(item: Series | Crossing | Prisoner, today: dt.date) -> int:
    """Days since the latest record (counted from the last day a month- or year-only date may stand for)."""
    return (today - as_of(item).last_day()).days


def is_stale(item: Series | Crossing | Prisoner, today: dt.date) -> bool:
    return age(item, today) > item.refresh_days


def stale_facts(content: Content, today: dt.date) -> list[Stale]:
    """Every stale series and crossing, the oldest first."""
    out = []
    items: list[tuple[FactKind, str, Series | Crossing | Prisoner]] = [
        *(("series", ident, s) for ident, s in content.series.items()),
        *(("crossings", ident, c) for ident, c in content.crossings.items()),
        *(("prisoners", ident, p) for ident, p in content.prisoners.items()),
    ]
    for kind, ident, item in items:
        if is_stale(item, today):
            out.append(Stale(kind, ident, content.paths[(kind, ident)], as_of(item), age(item, today),
                             item.refresh_days))
    for ident, prisoner in content.prisoners.items():
        address = prisoner.address
        if address is not None and prisoner.status == "held" and prisoner.address_hidden(today) == "stale":
            out.append(Stale("prisoners", ident, content.paths[("prisoners", ident)], address.accessed,
                             (today - address.accessed.last_day()).days, address.refresh_days, address=True))
    for slug, action in content.actions.items():
        for recipient in action.recipients:
            checked = action.source(recipient.source).accessed
            days = (today - checked.last_day()).days
            if days > recipient.refresh_days:
                who = recipient.name or next(iter(recipient.role.values()))
                out.append(Stale("actions", slug, content.action_paths[slug], checked, days, recipient.refresh_days,
                                 who))
    return sorted(out, key=lambda s: (-s.days, s.file))


def report(content: Content, today: dt.date, markdown: bool = False) -> str:
    """The stale facts as lines of text, or as the Markdown body of the weekly issue ('' if none)."""
    stale = stale_facts(content, today)
    if not markdown:
        return "".join(f"{fact}\n" for fact in stale) or "every fact has a recent enough record\n"
    if not stale:
        return ""
    lines = [f"These fact files have no record newer than their `refresh_days` allow (checked {today}).",
             "Add a newer record with its source (an observed record is enough when nothing changed), "
             "or raise `refresh_days` if the fact changes rarely.", "",
             "| file | latest record | age (days) | limit (days) |", "|---|---|--:|--:|"]
    lines += [f"| `{f.file}` | {f.as_of} | {f.days} | {f.limit} |" for f in stale]
    return "\n".join(lines) + "\n"
