"""content/actions/<slug>.yml: a letter readers send to named decision-makers, citing today's facts.

An action is content like a fact sheet: per language its title, why it matters, the letter (in
the first person, with placeholders for the sender and references to the fact base that the build
fills in with today's figures), alternative openings and talking points; who it is for, whether it
is safe to send from inside Belarus, and the recipients, each a fact with its source and how often
it must be checked again.

In a letter, ``{name}`` and ``{town}`` stand for the sender; ``{count:<series>}``,
``{sanctions:<person or company>}``, ``{crossing:<crossing>}`` and ``{prisoner:<id>}`` for facts (scripts.render.letters
writes them out, plural-correct, with their sources).
"""

from __future__ import annotations

import re

from pydantic import Field, model_validator

from scripts.content.fields import Email, Id, LangText, Text
from scripts.content.model import Model, SourcedFile

TOKEN = re.compile(r"\{([^{}\s]*)\}")
"""A placeholder in a letter: {name}, {town}, {count:political-prisoners}, ..."""
SENDER = ("name", "town")
"""Placeholders the sender fills in."""
FACTS = {"count": "series", "sanctions": "wallet", "crossing": "crossings", "prisoner": "prisoners"}
"""Fact references in a letter: kind of reference -> what its id names."""


class Recipient(Model):
    """A decision-maker the letter is sent to: a fact, with its source and its age limit."""

    name: Text | None = None
    """The person's name as their institution writes it; without one, the letter goes to the office (role)."""
    role: LangText
    """Their office: 'Minister of Foreign Affairs'."""
    institution: LangText
    """Where the letter goes: 'Ministry of Foreign Affairs of the Republic of Poland'."""
    country: Id
    """An id of content/facts/lists/countries.yml."""
    email: Email | None = None
    """The e-mail address the institution's own page gives for letters from the public."""
    postal: Text | None = None
    """The postal address, as the institution's page writes it (several lines)."""
    note: LangText | None = None
    """What the institution asks of letters: the language, the sender's postal address, ..."""
    source: Id
    """Id of the entry of this file's sources where the name and addresses were read."""
    refresh_days: int = Field(ge=1, le=3660)
    """How many days the contact may go unchecked (after that the page shows when it was checked)."""

    @model_validator(mode="after")
    def _an_address(self) -> Recipient:
        if self.email is None and self.postal is None:
            raise ValueError("give an e-mail address (email:) or a postal address (postal:), or both")
        return self


class Action(SourcedFile):
    """content/actions/<slug>.yml: one letter to send, with its recipients."""

    title: LangText
    """What the reader does, in a few words: 'Ask the foreign ministers to keep the sanctions'."""
    why: LangText
    """Two or three sentences: why this letter, why now."""
    subject: LangText
    """The e-mail's subject line."""
    letter: LangText
    """The letter after its opening, in the first person, ending with '{name}, {town}': facts as
    {count:…}, {sanctions:…}, {crossing:…}, {prisoner:…} (the build writes today's figures and sources in)."""
    openings: list[LangText] = Field(min_length=3)
    """At least three first paragraphs to choose from: letters that all read alike are discounted."""
    talking_points: list[LangText] = Field(min_length=1)
    """Short points for a call or a letter in one's own words."""
    countries: list[Id] = Field(min_length=1)
    """Where the senders it is meant for live (ids of content/facts/lists/countries.yml)."""
    safe_in_belarus: bool
    """Can a reader inside Belarus send it without risk? If not, the page warns in every language."""
    risk_sources: list[Id] = Field(default_factory=list)
    """When it is not safe in Belarus: the ids of the entries of this file's sources that say why (the page's
    warning links them)."""
    promote_in_belarus: bool = False
    """Show it on the home page in the languages read mostly inside Belarus even though it is not safe
    there (the page's warning stays)."""
    order: int = 100
    """Position on the actions page and the home page: lower comes first."""
    recipients: list[Recipient] = Field(min_length=1)
    """Who receives the letter."""

    @model_validator(mode="after")
    def _risk_sourced(self) -> Action:
        if not self.safe_in_belarus and not self.risk_sources:
            raise ValueError("a letter that is not safe to send from Belarus names the sources of that warning: "
                             "add 'risk_sources: [<ids of this file's sources>]'")
        return self
