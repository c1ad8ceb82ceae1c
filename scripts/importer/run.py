"""`python -m scripts import-article SOURCE`: one article from a saved page (.html), a scraped text
(.txt) or an address (http(s)://), written into content/articles/<slug>/<lang>.md."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from scripts.importer.article import LANGUAGES, Imported, ImportFailed
from scripts.importer.fetch import Fetched, Fetcher, FetchFailed
from scripts.importer.images import keep_images


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
    if fetcher.scope is None:  # one article: what may be read follows from it (a run of many sets it once)
        fetcher.scope_to(source)
    with fetcher.article():
        imported = read_article(source, options, fetcher)
        lang = options.lang or imported.lang
        if not lang:
            raise ImportFailed(f"{source}: the article's language could not be told: give it with --lang "
                               f"({', '.join(LANGUAGES)})")
        codes = site_languages(root)
        if codes and lang not in codes:
            raise ImportFailed(f"{source}: the article is in '{lang}', which is not a language of the site "
                               f"(content/site.yml lists: {', '.join(codes)}): add the language first, "
                               "or give --lang")
        return write_article(root, imported, lang, fetcher, force=options.force)


def read_article(source: str, options: Options, fetcher: Fetcher) -> Imported:
    from scripts.importer.html import import_html
    from scripts.importer.text import import_text, read_scrape

    details = {"slug": options.slug, "source_url": options.source_url, "date": options.date,
               "publisher": options.publisher}
    is_url = urlsplit(source).scheme in ("http", "https")
    local = None if is_url else fetcher.local_path(source)
    if not is_url and local is None:
        raise ImportFailed(f"{source}: refused: a file outside the folder of what you named")
    if local is not None and not is_html_file(local):
        return import_text(read_scrape(local), name=source, **details)
    try:
        page = fetcher.get(source)
    except FetchFailed as exc:
        raise ImportFailed(str(exc)) from None
    text = page.text()
    if is_url and not looks_like_html(page, text):
        return import_text(text, name=source, **details)
    return import_html(text, address=page.url, **details)


def site_languages(root: Path) -> list[str]:
    """The language codes content/site.yml lists (none when there is no site yet)."""
    site = root / "content" / "site.yml"
    try:
        data = yaml.safe_load(site.read_text(encoding="utf-8")) if site.is_file() else None
        return [str(language["code"]) for language in data["languages"]] if data else []
    except (yaml.YAMLError, KeyError, TypeError):
        return []  # `make check` says what is wrong with site.yml


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


def write_article(root: Path, imported: Imported, lang: str, fetcher: Fetcher, *, force: bool = False) -> Path:
    """Write content/articles/<slug>/<lang>.md with its images and original; return its path."""
    folder = root / "content" / "articles" / imported.slug
    target = folder / f"{lang}.md"
    if target.exists() and not force:
        raise ImportFailed(f"{target.relative_to(root)} already exists: pass --force to replace it")
    blocks, notes = keep_images(imported.blocks, folder, fetcher)
    body = "\n\n".join(blocks) + "\n"
    folder.mkdir(parents=True, exist_ok=True)
    target.write_text(imported.front_matter() + body, encoding="utf-8")
    original = folder / f"source.{lang}.txt"
    if imported.original and (not original.exists() or original.read_text(encoding="utf-8") != imported.original):
        original.write_text(imported.original, encoding="utf-8")
    for note in [*imported.notes, *notes]:
        print(f"{target.relative_to(root)}: {note}")
    return target
