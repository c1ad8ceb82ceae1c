"""What each generated page is made from: the digest that keys its Markdown in the store.

A page whose digest is in the store keeps the Markdown rendered then; any change of its inputs
gives another digest, and the page is rendered again. The inputs, conservatively:

- of every page: the environment stamp (code, templates, tools: scripts.store.environment), the
  date (timelines end today), whether fact sheets are printed, every content file that is not a
  fact sheet (labels, site.yml, lists, articles, pages, an article's images), with their "last
  updated" dates, and the names of withdrawn prisoners (they are taken out of every text);
- of a person's, company's, crossing's or prisoner's page: its own file and the files of the entries it shows
  by name (related people and companies), with their dates, the articles that mention it (worked
  out from every name before rendering), and, for a crossing's locator map, where every other
  crossing is;
- of every other page (home, indexes, the prisoners page, data, translations, articles): every
  fact sheet as well. There are a dozen such pages per language; they are always rendered when
  anything changed.

The digests of the files come from the snapshot the build read (never from the disk again).
"""

from __future__ import annotations

from scripts.content.documents import Content
from scripts.content.snapshot import Snapshot
from scripts.render.kit import PrisonerPage
from scripts.render.page import Page
from scripts.render.pages import CrossingPage, WalletPage
from scripts.store import digest, environment

FACT_FOLDERS = ("content/facts/people/", "content/facts/companies/", "content/facts/crossings/",
                "content/facts/series/", "content/facts/prisoners/")


class Inputs:
    """The digest of each page's inputs for one build."""

    def __init__(self, content: Content, snapshot: Snapshot, options: object) -> None:
        self.content = content
        self.files = snapshot.digests
        self.updated = snapshot.dates
        dated = [(rel, sha, str(self.updated.get(rel))) for rel, sha in sorted(self.files.items())
                 if rel.startswith("content/")]
        shared = [entry for entry in dated if not entry[0].startswith(FACT_FOLDERS)]
        withheld = sorted((ident, str(w.date), w.file.spellings) for ident, w in content.withdrawn.items())
        self.shared = digest(environment(), options, shared, withheld)  # a withdrawal changes every page's text
        self.everything = digest(self.shared, [entry for entry in dated if entry[0].startswith(FACT_FOLDERS)])
        self.located = [(ident, c.coordinates.lat, c.coordinates.lon) for ident, c in content.crossings.items()
                        if c.coordinates]

    def of(self, page: Page) -> str:
        if isinstance(page, WalletPage):
            own = [page.sources[0], *(self.content.paths[(kind, ident)] for kind, ident, _ in page.related)]
        elif isinstance(page, CrossingPage | PrisonerPage):
            own = [page.sources[0]]
        else:
            return digest(self.everything, page.path)
        files = [(rel, self.files.get(rel), str(self.updated.get(rel))) for rel in own]
        located = self.located if isinstance(page, CrossingPage) else []  # the locator shows the others as dots
        return digest(self.shared, page.path, files, [(m.slug, m.title) for m in page.mentioned], located)
