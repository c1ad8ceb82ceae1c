"""What the site's own pipeline adds to MkDocs' output of a language (no MkDocs hook does any of it, so
another engine that renders the same pages gets the same site):

- every HTML page MkDocs wrote gets its small fixes: rel="noopener noreferrer" on every link to
  another site, and no autocomplete="off" on Material's menu checkboxes (HTML allows it on text
  fields only, and the Nu HTML Checker rejects it; Material's base.html offers no block for it);
- the search index holds every page's entries, in the order of the site's pages: the entries
  Material wrote for the pages rendered now, and for the others the entries kept in the store
  from the build that rendered them (a node keyed by that page's rendering), so that a dirty
  build's index is a cold build's, byte for byte;
- the sitemap lists every page with its address in every language (hreflang, and x-default) and
  the date its sources last changed. MkDocs writes none (the theme's sitemap.xml is empty).
"""

from __future__ import annotations

import gzip
import html
import json
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from scripts.content.documents import Content
from scripts.render import routes
from scripts.render.generate import PageInfo
from scripts.store import Store, digest, write_atomic

SEARCH_INDEX = "search/search_index.json"
SITEMAP = "sitemap.xml"
_LINK = re.compile(r'<a\s[^>]*href="(https?://[^"]*)"[^>]*>')
_CHECKBOX_AUTOCOMPLETE = re.compile(r'(<input[^>]*type="checkbox"[^>]*?) autocomplete="off"')


def outbound_rel(page: str, site_url: str) -> str:
    """rel="noopener noreferrer" on every link to another site."""

    def outbound(match: re.Match[str]) -> str:
        tag = match.group(0)
        if match.group(1).startswith(site_url):
            return tag
        rel = re.search(r'\srel="([^"]*)"', tag)
        words = (rel.group(1).split() if rel else []) + ["noopener", "noreferrer"]
        value = " ".join(dict.fromkeys(words))
        return tag.replace(rel.group(0), f' rel="{value}"') if rel else tag.replace("<a ", f'<a rel="{value}" ', 1)

    return _LINK.sub(outbound, page)


def finish_pages(site: Path, written: Iterable[str], site_url: str) -> None:
    """The fixes of every HTML page MkDocs wrote now (the others were finished when they were written)."""
    for rel in written:
        if rel.endswith(".html"):
            path = site / rel
            page = path.read_text(encoding="utf-8")
            write_atomic(path, outbound_rel(_CHECKBOX_AUTOCOMPLETE.sub(r"\1", page), site_url).encode("utf-8"))


def merge_search_index(site: Path, pages: list[PageInfo], keys: dict[str, str], store: Store) -> bool:
    """Make the language's search index hold every page's entries (``keys``: each page's rendering, by
    its path), in the order of ``pages``; False when a page's entries are neither fresh nor kept."""
    index: dict[str, Any] = json.loads((site / SEARCH_INDEX).read_text(encoding="utf-8"))
    fresh: dict[str, list[Any]] = {}
    for entry in index["docs"]:
        fresh.setdefault(entry["location"].split("#", 1)[0], []).append(entry)
    by_url = {routes.url_path(page.path): page.path for page in pages}
    store.put_many("search", {keys[by_url[url]]: json.dumps(entries, ensure_ascii=False).encode("utf-8")
                              for url, entries in fresh.items() if url in by_url})
    kept = store.get_many("search", [keys[page.path] for page in pages])
    docs = []
    for page in pages:
        entries = kept.get(keys[page.path])
        if entries is None:
            return False
        docs += json.loads(entries)
    index["docs"] = docs
    write_atomic(site / SEARCH_INDEX, json.dumps(index, separators=(",", ":"), default=str).encode("utf-8"))
    return True


def search_key(global_key: str, markdown_digest: str) -> str:
    """The key of a page's search entries: its rendering (what every page shows, and its Markdown)."""
    return digest("search", global_key, markdown_digest)


def write_sitemap(site: Path, content: Content, lang: str, pages: list[PageInfo]) -> None:
    """sitemap.xml (and its gzip, byte for byte the same in every build) of one language."""
    config = content.site
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">']
    for page in pages:
        lines += ["  <url>", f"    <loc>{html.escape(routes.page_url(config.site_url, lang, page.path))}</loc>"]
        lines += [f'    <xhtml:link rel="alternate" hreflang="{code}" href="{html.escape(url)}"/>'
                  for code, url in routes.hreflang(config.site_url, config.codes, config.default_language, page.path)]
        lines += [f"    <lastmod>{page.updated.isoformat()}</lastmod>"] if page.updated else []
        lines.append("  </url>")
    data = ("\n".join([*lines, "</urlset>"]) + "\n").encode("utf-8")
    write_atomic(site / SITEMAP, data)
    write_atomic(site / f"{SITEMAP}.gz", gzip.compress(data, mtime=0))
