"""content/facts/crossings/<id>.yml: a border crossing between Belarus and the EU, with its status history.

The status of a crossing is worked out per kind of traffic it handles (``Crossing.statuses``): open or
closed when every kind is, restricted otherwise; an announced change never changes it.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from scripts.content.fields import Date, Id, LangText, PartialDate, Text
from scripts.content.model import FactBasis, Model, SourcedFile

Traffic = Literal["cars", "buses", "freight", "rail", "pedestrians", "cyclists", "road"]
CrossingStatus = Literal["open", "restricted", "closed"]


class Side(Model):
    """One side of a crossing."""

    country: Id
    """Id of a country in content/facts/lists/countries.yml."""
    place: LangText | None = None
    """The place name on this side, per language (left out where no source names it)."""


MapMarks = Literal["checkpoint", "settlement"]
"""What a crossing's coordinates locate: the crossing itself, or the place it is named after."""
MAP_REGION = (21.8, 50.9, 33.2, 56.7)
"""The crossings map: west, south, east, north in degrees (Belarus and the edges of its neighbours)."""


class Coordinates(Model):
    """Where a crossing is on the map, as a source gives it."""

    lat: float = Field(ge=MAP_REGION[1], le=MAP_REGION[3])
    """Latitude in decimal degrees (WGS 84), north positive; the map covers 50.9 to 56.7."""
    lon: float = Field(ge=MAP_REGION[0], le=MAP_REGION[2])
    """Longitude in decimal degrees (WGS 84), east positive; the map covers 21.8 to 33.2."""
    marks: MapMarks
    """checkpoint: the source locates the crossing itself; settlement: the source locates the village or
    town on the EU side that the crossing is named after (the crossing is at or near it)."""
    source: Id
    """Id of an entry in this file's sources: the page the coordinates were read on."""


class StatusChange(Model):
    """One dated, sourced entry of a crossing's status history."""

    date: Date
    """When the status took effect (or when it was observed, see 'observed')."""
    status: CrossingStatus
    """open, restricted or closed."""
    applies_to: list[Traffic] = Field(default_factory=list)
    """Which traffic the status concerns; empty means all traffic of the crossing."""
    observed: bool = False
    """true when the source only reports the status on that date, not when it began."""
    kind: FactBasis = "reported"
    """official (a government decision in force), reported (news of it), or announced (not yet in force:
    never changes the current status)."""
    note: LangText | None = None
    """Why, or what exactly is allowed."""
    source: Id
    """Id of an entry in this file's sources."""


class Crossing(SourcedFile):
    """content/facts/crossings/<id>.yml: a border crossing between Belarus and the EU."""

    name: LangText
    """The crossing's name per language, both sides: 'Bobrowniki – Bierastavica'."""
    aliases: list[Text] = Field(default_factory=list)
    """Other spellings seen in sources, in any script."""
    sides: list[Side] = Field(min_length=2, max_length=2)
    """The EU side first, then the Belarusian side."""
    traffic: list[Traffic] = Field(min_length=1)
    """Kinds of traffic the crossing handles: cars, buses, freight, rail, pedestrians, ..."""
    coordinates: Coordinates | None = None
    """Where it is (only from a source)."""
    history: list[StatusChange] = Field(min_length=1)
    """Status changes, oldest first. The current status is the last one in force."""
    refresh_days: int = Field(ge=1, le=3660)
    """How many days the latest record may be old before the status should be checked again."""

    @property
    def in_force(self) -> list[StatusChange]:
        """The history without announced changes (they do not change the status)."""
        return [c for c in self.history if c.kind != "announced"] or self.history[:1]

    @property
    def current(self) -> StatusChange:
        """The latest record in force."""
        return self.in_force[-1]

    def statuses(self, upto: int | None = None) -> dict[Traffic, StatusChange]:
        """Traffic kind -> the latest record in force that concerns it (of the first ``upto`` records).

        A record without ``applies_to`` concerns all the crossing's traffic.
        """
        out: dict[Traffic, StatusChange] = {}
        for change in self.in_force[:upto]:
            for kind in change.applies_to or self.traffic:
                out[kind] = change
        return {kind: out[kind] for kind in self.traffic if kind in out}

    def overall(self, upto: int | None = None) -> CrossingStatus:
        """open or closed when every kind of traffic is; restricted otherwise."""
        found = {change.status for change in self.statuses(upto).values()}
        return found.pop() if len(found) == 1 else "restricted"

    @property
    def status(self) -> CrossingStatus:
        """The crossing's status now, for all its traffic together."""
        return self.overall()

    @property
    def since(self) -> StatusChange:
        """The record from which the current status has held (the start of the last run)."""
        history = self.in_force
        start = len(history) - 1
        while start > 0 and self.overall(start) == self.status:
            start -= 1
        return history[start]

    @property
    def as_of(self) -> PartialDate:
        """The date of the latest record in force: when the status was last confirmed."""
        return self.in_force[-1].date
