"""The front matter of content Markdown: articles and hand-written pages (one typed class each)."""

from __future__ import annotations

from pydantic import Field

from scripts.content.fields import Date, Id, Text, Url
from scripts.content.model import Model


class FigureTie(Model):
    """A figure the article states, tied to the series that tracks it."""

    phrase: Text
    """The words exactly as they stand in the article: '1500 officially recognized political prisoners'."""
    series: Id
    """The series it refers to (a file name in content/facts/series/)."""


class ClaimNote(Model):
    """A claim of the article that events have overtaken: the page shows what changed, after the paragraph that
    states it, linked to the fact page that holds the sourced record (the article's text is not changed)."""

    phrase: Text
    """The words exactly as they stand in this version of the article."""
    date: Date
    """When the claim was overtaken."""
    text: Text
    """What is true now, in this version's language, in one or two sentences."""
    fact: Id
    """The id of the fact page that holds the record with its source (a person, company, crossing or prisoner)."""


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
    updated: Date | None = None
    """When the original was last changed, if it says so."""
    source_url: Url
    """Where it was first published."""
    figures: list[FigureTie] = Field(default_factory=list)
    """Figures in the text to show the latest sourced value beside (the text is not changed)."""
    notes: list[ClaimNote] = Field(default_factory=list)
    """Claims that events have overtaken, each with what changed and the fact page that says so."""
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
