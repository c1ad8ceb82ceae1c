"""Representative pages of the real content, whatever it holds today: the first person, company,
crossing and article (tests that need one page of a kind take it from here, never by name). A kind
the content has none of is None, and a test that needs one is skipped (``need``)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import pytest

from scripts.content.documents import Content
from scripts.content.load import load
from scripts.render import routes
from tests.conftest import REPO


@dataclass(frozen=True)
class Sample:
    content: Content
    person: str | None
    company: str | None
    crossing: str | None
    article: str
    action: str | None = None
    prisoner: str | None = None

    def pages(self) -> list[str]:
        """One URL path (below the language) of every page kind the content has."""
        found = [("people", self.person), ("companies", self.company), ("crossings", self.crossing),
                 ("prisoners", self.prisoner)]
        prisoners = ["prisoners/", "prisoners/birthdays/"] if self.prisoner else []
        kit = ["write/", "write/postcard/", "write/evening/"] if "write" in self.content.pages else []
        return ["", routes.url_path(routes.article_page(self.article)), "political-prisoners/", "people/",
                "companies/", "crossings/", "data/", "act/", *(f"{kind}/{ident}/" for kind, ident in found if ident),
                *([f"act/{self.action}/"] if self.action else []), *prisoners, *kit]


@cache
def sample() -> Sample:
    content = load(REPO)
    held = [ident for ident, item in content.prisoners.items() if item.status == "held"]  # one with a letter section
    return Sample(content, next(iter(content.people), None), next(iter(content.companies), None),
                  next(iter(content.crossings), None), content.site.article, next(iter(content.actions), None),
                  next(iter(held or content.prisoners), None))


def need(ident: str | None, kind: str) -> str:
    """The sample page of a kind, or the test is skipped when the content has none of that kind yet."""
    if ident is None:
        pytest.skip(f"the content has no {kind} yet")
    return ident


def surname(lang: str) -> str:
    """The last word of the sample person's name as the site shows it in ``lang`` (skipped without people)."""
    from scripts.i18n.locale import Locale

    content = sample().content
    return Locale.of(content, lang).text(content.people[need(sample().person, "person")].name).split()[-1]
