"""`python -m scripts import-article SOURCE`: one article from a saved page (.html), a scraped text
(.txt) or an address (http(s)://), written into content/articles/<slug>/<lang>.md."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from scripts.importer.article import LANGUAGES, ImportFailed, Imported, write_article
from scripts.importer.fetch import Fetched, Fetcher, FetchFailed


@dataclass(frozen=True)
class Options:
    """What the editor said on the command line; each overrides what the page says."""

    lang: str | None = None
    slug: str | None = None
    source_url: str | None = None
    date: str | None = None
    publisher: str | None = None
    force: bool = False


def import_article(root: Path, source: str, options: Options, fetcher: Fetcher | None = None) -> Path:
    """Import one article; return the path of the file written. Raises ImportFailed (nothing written)."""
    fetcher = fetcher or Fetcher()
    imported = read_article(source, options, fetcher)
    lang = options.lang or imported.lang
    if not lang:
        raise ImportFailed(f"{source}: the article's language could not be told: give it with --lang "
                           f"({', '.join(LANGUAGES)})")
    return write_article(root, imported, lang, force=options.force, fetcher=fetcher)


def read_article(source: str, options: Options, fetcher: Fetcher) -> Imported:
    from scripts.importer.html import import_html
    from scripts.importer.text import import_text, read_scrape

    details = {"slug": options.slug, "source_url": options.source_url, "date": options.date,
               "publisher": options.publisher}
    is_url = urlsplit(source).scheme in ("http", "https")
    if not is_url and not is_html_file(Path(source)):
        return import_text(read_scrape(Path(source)), name=source, **details)
    try:
        page = fetcher.get(source)
    except FetchFailed as exc:
        raise ImportFailed(str(exc)) from None
    text = page.text()
    if is_url and not looks_like_html(page, text):
        return import_text(text, name=source, **details)
    return import_html(text, address=page.url, **details)


def is_html_file(path: Path) -> bool:
    if path.suffix.lower() in (".html", ".htm", ".xhtml"):
        return True
    if path.suffix.lower() == ".txt" or not path.is_file():
        return False
    with path.open("rb") as handle:
        return looks_like_html(None, handle.read(2048).decode("utf-8", "replace"))


def looks_like_html(page: Fetched | None, text: str) -> bool:
    if page is not None and page.content_type in ("text/html", "application/xhtml+xml"):
        return True
    start = text.lstrip()[:200].lower()
    return start.startswith(("<!doctype html", "<html")) or "<head" in start
