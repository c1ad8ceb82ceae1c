"""Representative pages of the real content, whatever it holds today: the first person, company,
crossing and article (tests that need one page of a kind take it from here, never by name)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from scripts.content.documents import Content
from scripts.content.load import load
from scripts.render import routes
from tests.conftest import REPO


@dataclass(frozen=True)
class Sample:
    content: Content
    person: str
    company: str
    crossing: str
    article: str

    def pages(self) -> list[str]:
        """One URL path (below the language) of every page kind."""
        return ["", routes.url_path(routes.article_page(self.article)), "political-prisoners/", "people/",
                "companies/", "crossings/", "data/", f"people/{self.person}/", f"companies/{self.company}/",
                f"crossings/{self.crossing}/"]


@cache
def sample() -> Sample:
    content = load(REPO)
    return Sample(content, next(iter(content.people)), next(iter(content.companies)),
                  next(iter(content.crossings)), content.site.article)
