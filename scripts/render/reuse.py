"""Incremental generation: a page is rendered again only when what it is made from changed.

Each page gets a digest of its inputs; a page whose digest is the one of the last build keeps the
Markdown rendered then (kept in .build/render/<lang>.pickle). The inputs, conservatively:

- of every page: the generator's code and templates, the date (timelines end today), and every
  content file that is not a fact sheet (labels, site.yml, lists, articles, pages), with their
  "last updated" dates;
- of a person's, company's or crossing's page: its own file and the files of the entries it
  shows by name (related people and companies), with their dates, and the articles that mention
  it (worked out from every name before rendering);
- of every other page (home, indexes, the prisoner page, data, translations, articles): every
  fact sheet as well. There are a dozen such pages per language; they are always rendered when
  anything changed.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import pickle
from pathlib import Path

from scripts.content.documents import Content
from scripts.render.pages import CrossingPage, Page, WalletPage

RENDER = Path(__file__).parent
CODE = [RENDER, RENDER.parent / "content", RENDER.parent / "i18n"]
FACT_FOLDERS = ("content/facts/people/", "content/facts/companies/", "content/facts/crossings/",
                "content/facts/series/")


def file_digests(root: Path) -> dict[str, str]:
    """sha256 of every content file, by its path relative to the project."""
    return {path.relative_to(root).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted((root / "content").rglob("*")) if path.is_file()}


def code_digest() -> str:
    digest = hashlib.sha256()
    for folder in CODE:
        for path in sorted(p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
            digest.update(path.name.encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


class Inputs:
    """The digest of each page's inputs for one build."""

    def __init__(self, content: Content, files: dict[str, str], updated: dict[str, dt.date], today: dt.date,
                 code: str) -> None:
        self.content = content
        self.files = files
        self.updated = updated
        shared = [(rel, d, str(updated.get(rel))) for rel, d in files.items() if not rel.startswith(FACT_FOLDERS)]
        self.shared = _digest([code, str(today), shared])
        facts = [(rel, d, str(updated.get(rel))) for rel, d in files.items() if rel.startswith(FACT_FOLDERS)]
        self.everything = _digest([self.shared, facts])
        self.located = [(ident, c.coordinates.lat, c.coordinates.lon) for ident, c in content.crossings.items()
                        if c.coordinates]

    def of(self, page: Page) -> str:
        if isinstance(page, WalletPage):
            own = [page.sources[0], *(self.content.paths[(kind, ident)] for kind, ident, _ in page.related)]
        elif isinstance(page, CrossingPage):
            own = [page.sources[0]]
        else:
            return self.everything
        files = [(rel, self.files.get(rel), str(self.updated.get(rel))) for rel in own]
        located = [] if isinstance(page, WalletPage) else self.located  # the locator shows the others as dots
        return _digest([self.shared, files, [(m.slug, m.title) for m in page.mentioned], located])


class Rendered:
    """The Markdown of the last build's pages with their digests, for one language."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            self.kept: dict[str, tuple[str, str]] = pickle.loads(path.read_bytes()) if path.is_file() else {}
        except (pickle.UnpicklingError, EOFError, ValueError):
            self.kept = {}
        self.now: dict[str, tuple[str, str]] = {}
        self.rendered = 0

    def get(self, page_path: str, digest: str) -> str | None:
        hit = self.kept.get(page_path)
        return hit[1] if hit and hit[0] == digest else None

    def put(self, page_path: str, digest: str, text: str, fresh: bool) -> None:
        self.now[page_path] = (digest, text)
        self.rendered += fresh

    def save(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        partial = self.path.with_suffix(".tmp")
        partial.write_bytes(pickle.dumps(self.now, protocol=pickle.HIGHEST_PROTOCOL))
        partial.replace(self.path)


def _digest(parts: object) -> str:
    return hashlib.sha256(repr(parts).encode("utf-8")).hexdigest()
