"""`python -m scripts import-articles SOURCE`: many articles at once, from a sitemap.xml (a file or
an address; a sitemap index is followed), a text file of addresses (one per line, # for comments)
or a folder of saved pages (.html, .htm, .txt).

Each article is imported once: a page whose address is already an article's source_url, or whose
article file exists, is skipped unless --force. A page that fails is reported and the run goes on.
The report lists what was imported, skipped and failed (with the reason); the exit code is 1 when
anything failed.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit
from xml.etree import ElementTree

from scripts.content.source import ProblemError, read_text, split_front_matter
from scripts.importer.article import ImportFailed
from scripts.importer.fetch import Fetcher, FetchFailed
from scripts.importer.run import Options, import_article

PAGE_SUFFIXES = (".html", ".htm", ".txt")
SITEMAP_DEPTH = 3
"""How deep sitemap indexes are followed."""
MAX_PAGES = 2000
"""The most pages one run imports (a sitemap listing more is cut there, and the report says so)."""


@dataclass
class Report:
    imported: list[tuple[str, str]] = field(default_factory=list)
    """(source, file written)"""
    skipped: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    """(source, why)"""
    refused: list[str] = field(default_factory=list)
    """Why each page named by the source that may not be read was left out (nothing of it was read)."""

    def lines(self) -> list[str]:
        out = [f"imported {len(self.imported)}:"] + [f"  {path}  <- {source}" for source, path in self.imported]
        out += [f"skipped {len(self.skipped)} (imported before; --force imports them again):"]
        out += [f"  {source}" for source in self.skipped]
        out += [f"failed {len(self.failed)}:"] + [f"  {why}" for _, why in self.failed]
        if self.refused:
            out += [f"refused {len(self.refused)}:"] + [f"  {why}" for why in self.refused]
        counts = f"{len(self.imported)} imported, {len(self.skipped)} skipped, {len(self.failed)} failed"
        out.append(counts + (f", {len(self.refused)} refused" if self.refused else ""))
        return out


def import_articles(root: Path, source: str, options: Options, fetcher: Fetcher | None = None) -> int:
    fetcher = fetcher or Fetcher()
    fetcher.scope_to(source)
    try:
        listed = list_sources(source, fetcher)
    except FetchFailed as exc:
        raise ImportFailed(str(exc)) from None
    if not listed:
        raise ImportFailed(f"{source}: no page to import was found there")
    report = Report()
    sources: list[str] = []
    for page in listed:
        if urlsplit(page).scheme not in ("http", "https") and fetcher.local_path(page) is None:
            report.refused.append(f"{page}: refused: not a web address, nor a file in the folder of {source}")
        elif len(sources) == MAX_PAGES:
            report.refused.append(f"{source}: lists more than {MAX_PAGES} pages: the others were left out")
            break
        else:
            sources.append(page)
    known = imported_addresses(root)
    # a list or sitemap on this computer names its pages itself (the editor wrote or chose it); one
    # from the web may name only public addresses and its own host
    named_by_editor = urlsplit(source).scheme not in ("http", "https")
    for n, page in enumerate(sources, 1):
        progress(n, len(sources), report)
        if page in known and not options.force:
            report.skipped.append(page)
            continue
        if named_by_editor and urlsplit(page).scheme in ("http", "https"):
            fetcher.scope_to(page)  # an address the editor listed in a file of their own: named by them
        try:
            path = import_article(root, page, options, fetcher)
        except ImportFailed as exc:
            if "already exists" in str(exc):
                report.skipped.append(page)
            else:
                report.failed.append((page, str(exc) if str(exc).startswith(page) else f"{page}: {exc}"))
            continue
        report.imported.append((page, path.relative_to(root).as_posix()))
    progress(0, 0, report)
    print("\n".join(report.lines()))
    return 1 if report.failed or report.refused else 0


def list_sources(source: str, fetcher: Fetcher) -> list[str]:
    """The pages ``source`` names, each once, in its order."""
    path = Path(source)
    if urlsplit(source).scheme not in ("http", "https") and path.is_dir():
        return [str(p) for p in sorted(path.rglob("*")) if p.suffix.lower() in PAGE_SUFFIXES and p.is_file()]
    text = fetcher.get(source).text()
    if re.search(r"<(urlset|sitemapindex)\b", text[:2000]):
        return list(dict.fromkeys(sitemap_pages(text, source, fetcher, SITEMAP_DEPTH)))
    lines = (line.split("#", 1)[0].strip() for line in text.splitlines())
    return list(dict.fromkeys(line for line in lines if line))


def sitemap_pages(text: str, where: str, fetcher: Fetcher, depth: int) -> list[str]:
    try:
        tree = ElementTree.fromstring(text.encode("utf-8"))
    except ElementTree.ParseError as exc:
        raise FetchFailed(f"{where}: this sitemap is not valid XML ({exc})") from None
    locs = [(e.text or "").strip() for e in tree.iter() if e.tag.rsplit("}", 1)[-1] == "loc"]
    if tree.tag.rsplit("}", 1)[-1] != "sitemapindex":
        return [loc for loc in locs if loc]
    if depth == 0:
        raise FetchFailed(f"{where}: sitemap indexes nested more than {SITEMAP_DEPTH} deep")
    pages = []
    for loc in locs:
        pages += sitemap_pages(fetcher.get(loc).text(), loc, fetcher, depth - 1)
    return pages


def imported_addresses(root: Path) -> set[str]:
    """The source_url of every article already in content/ (read as the site reads front matter;
    an article whose front matter does not parse is left for `make check` to report)."""
    found = set()
    for path in (root / "content" / "articles").glob("*/*.md"):
        try:
            doc, _, _ = split_front_matter(read_text(path.name, path.read_bytes()))
        except (ProblemError, OSError):
            continue
        if isinstance(doc.value, dict) and isinstance(doc.value.get("source_url"), str):
            found.add(doc.value["source_url"].strip())
    return found


def progress(n: int, total: int, report: Report) -> None:
    """One line that says how far a long run has got: rewritten in a terminal, every 25 pages in a log."""
    counts = f"{len(report.imported)} imported, {len(report.skipped)} skipped, {len(report.failed)} failed"
    if sys.stderr.isatty():
        end = "\n" if n == 0 else ""
        print(f"\r[{n}/{total}] {counts}" if n else f"\rdone: {counts}", end=end, file=sys.stderr, flush=True)
    elif n and (n % 25 == 0 or n == total) and total > 25:
        print(f"[{n}/{total}] {counts}", file=sys.stderr, flush=True)
