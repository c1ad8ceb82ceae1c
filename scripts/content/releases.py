"""content/facts/releases.yml: releases of political prisoners and the sanctions relief given around them.

The article argues that sanctions are the West's leverage; this file records what was traded: each
release (people pardoned, freed or forced abroad, with their number) and each easing or lifting of
sanctions, by whom and on what, every record dated and sourced. A relief that concerns a person or
company of the site names it, and that wallet's file must hold the same step (scripts.content.rules),
so the wallet page, the sanctions page and the timeline cannot disagree.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from scripts.content.fields import Date, Id, LangText
from scripts.content.model import FactBasis, Model, SourcedFile

ReleaseKind = Literal["pardoned", "released", "deported"]
"""pardoned (freed by a pardon), released (freed otherwise, or the source does not say how), deported (freed
and taken out of Belarus: counted among those freed by the record of the same day)."""
ReliefAction = Literal["eased", "lifted"]


class Release(Model):
    """People freed (or forced abroad) on one day, as one source counts them."""

    date: Date
    """When they were freed (YYYY-MM-DD, or YYYY-MM when the source gives only the month)."""
    count: int = Field(ge=1)
    """How many people, as the source gives it."""
    kind: ReleaseKind
    """pardoned, released or deported (forced abroad: those are also counted by the day's pardoned or released
    record)."""
    basis: FactBasis = "reported"
    """official (the state's own announcement) or reported."""
    note: LangText | None = None
    """Who was among them, where they were taken, what the count covers."""
    source: Id
    """Id of an entry in this file's sources."""


class Relief(Model):
    """Sanctions eased or lifted by one authority."""

    date: Date
    """When it took effect (or was announced: basis announced)."""
    authority: Id
    """Id of the authority in content/facts/lists/bodies.yml."""
    action: ReliefAction
    """eased (dealings licensed, the listing stays) or lifted."""
    basis: FactBasis = "reported"
    """official (the act itself), reported, or announced (said but not yet in force)."""
    what: LangText
    """On what: 'Belavia, the state airline', 'potash: Belaruskali, BPC and Agrorozkvit'."""
    wallets: list[Id] = Field(default_factory=list)
    """Ids of the people and companies of this site it concerns: each one's file records the same step."""
    note: LangText | None = None
    """The licence or notice, and what it does not do."""
    source: Id
    """Id of an entry in this file's sources."""


class Releases(SourcedFile):
    """content/facts/releases.yml: the releases and the relief, oldest first, and the series shown beside them."""

    releases: list[Release] = Field(min_length=1)
    """Releases, oldest first."""
    relief: list[Relief] = Field(default_factory=list)
    """Sanctions eased or lifted, oldest first."""
    count_series: Id
    """The series of political prisoners held (content/facts/series/), drawn beside the releases."""
    recognised_series: Id | None = None
    """A series of people recognised as political prisoners since a date (cumulative): the page says how many were
    newly recognised over the same period."""
    refresh_days: int = Field(ge=1, le=3660)
    """How many days the latest record may be old before newer releases should be looked for."""
