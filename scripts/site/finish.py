"""What the site's own pipeline adds to MkDocs' output of a language (no MkDocs hook does any of it, so
another engine that renders the same pages gets the same site):

- every HTML page MkDocs wrote (or the worker assembled in a frame) gets its small fixes:
  rel="noopener noreferrer" on every link to another site, and no autocomplete="off" on Material's
  menu checkboxes (HTML allows it on text fields only, and the Nu HTML Checker rejects it; Material's
  base.html offers no block for it);
- the search index holds every page's entries, in the order of the site's pages. Material's search
  plugin keeps its interface and writes the index's settings, but indexes no page (every page says
  `search: exclude`): parsing each page with its HTML parser was a third of MkDocs' time. The
  entries are made here from each page's article (``search_entries``: a section per heading, as
  Material makes them, without the permalinks, fact links, share row and printed QR code), once per
  rendering of the page (a node of the store), so that a dirty build's index is a cold build's;
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

import lxml.etree

from scripts.content.documents import Content
from scripts.errors import SiteError
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


def finish_page(page: str, site_url: str) -> str:
    """An HTML page with its fixes."""
    return outbound_rel(_CHECKBOX_AUTOCOMPLETE.sub(r"\1", page), site_url)


def finish_pages(site: Path, written: Iterable[str], site_url: str) -> None:
    """The fixes of every HTML page MkDocs wrote now (the others were finished when they were written)."""
    for rel in written:
        if rel.endswith(".html"):
            path = site / rel
            write_atomic(path, finish_page(path.read_text(encoding="utf-8"), site_url).encode("utf-8"))


def index_pages(site: Path, written: Iterable[str], search: dict[str, tuple[str, str]], store: Store,
                known: dict[str, str] | None = None) -> None:
    """The language's search index: every page's entries in the order of ``search`` (each page's address ->
    the key of its entries and its title). The entries of the pages written now (``known``: those whose HTML
    is at hand, by file) are made and kept in the store; the others are taken from it."""
    fresh: dict[str, bytes] = {}
    known = known or {}
    for rel in written:
        url = rel.removesuffix("index.html")
        if rel.endswith("index.html") and url in search:
            key, title = search[url]
            page = known[rel] if rel in known else (site / rel).read_text(encoding="utf-8")
            fresh[key] = _entries_json(search_entries(page, url, title))
    kept = store.get_many("search", [key for key, _ in search.values() if key not in fresh])
    made: dict[str, bytes] = {}
    parts = []
    for url, (key, title) in search.items():
        entries = fresh.get(key) or kept.get(key)
        if entries is None:  # a page kept from the last run whose entries the store no longer has
            page = (site / url / "index.html").read_text(encoding="utf-8")
            entries = made[key] = _entries_json(search_entries(page, url, title))
        if entries != b"[]":
            parts.append(entries[1:-1])
    store.put_many("search", {**fresh, **made})
    index: dict[str, Any] = json.loads((site / SEARCH_INDEX).read_text(encoding="utf-8"))
    head = json.dumps({**index, "docs": []}, separators=(",", ":"), default=str).encode("utf-8")
    if not head.endswith(b'"docs":[]}'):
        raise SiteError(f"{SEARCH_INDEX}: the search plugin's index has another layout: see scripts/site/finish.py")
    write_atomic(site / SEARCH_INDEX, head[:-2] + b",".join(parts) + b"]}")


def _entries_json(entries: list[dict[str, str]]) -> bytes:
    """A page's entries as they are written into the index (joined as they are: the index is their list)."""
    return json.dumps(entries, separators=(",", ":")).encode("ascii")


SKIPPED = {"script", "style", "object", "svg", "template"}
KEPT = {"p", "code", "pre", "li", "ol", "ul", "sub", "sup"}
"""As Material's search: what is left out entirely, and the tags kept in an entry's text."""
NOT_SEARCHED = {"headerlink", "fact-link", "factsheet__top", "share", "downloads", "md-source-file",
                "letter-address__lines", "letter-address__checked"}
"""Classes of what no search should find: permalinks, fact links, the share row, the printed QR code, a
prisoner's address for letters."""
_SPACE = re.compile(r"\s+")
_PARSER = lxml.etree.HTMLParser()
"""libxml2's HTML parser with plain elements (lxml.html's element classes cost a lookup per element)."""
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}


def search_entries(page: str, url: str, title: str) -> list[dict[str, str]]:
    """The search entries of a built page: one for the page, one per heading with an id (its section)."""
    start = page.find('<article class="md-content__inner md-typeset">')
    if start < 0:
        return []
    body = lxml.etree.fromstring(page[start:page.index("</article>", start) + 10], _PARSER).find("body")
    article = body[0] if body is not None and len(body) else None
    if article is None:
        return []
    sections: list[tuple[str, list[str], list[str]]] = []  # (location, title parts, text parts)

    def walk(element: Any, in_title: bool) -> None:
        for child in element:
            tag = child.tag if isinstance(child.tag, str) else ""
            classes = child.get("class")
            if tag in SKIPPED or not tag or (classes and not NOT_SEARCHED.isdisjoint(classes.split())):
                text_of(child.tail, in_title)
                continue
            if tag in HEADINGS and child.get("id"):
                first = not sections
                sections.append((url if first and tag == "h1" else f"{url}#{child.get('id')}", [], []))
                text_of(child.text, True)
                walk(child, True)
                text_of(child.tail, False)
                continue
            if not sections and "".join(child.itertext()).strip():
                sections.append((url, [], []))  # a preface: what comes before the first heading
            keep = tag in KEPT and not in_title and bool(sections)
            if keep:
                sections[-1][2].append(f"<{tag}>")
            text_of(child.text, in_title)
            walk(child, in_title)
            if keep:
                sections[-1][2].append(f"</{tag}>")
            text_of(child.tail, in_title)

    def text_of(text: str | None, in_title: bool) -> None:
        if text and (sections or text.strip()):
            if not sections:
                sections.append((url, [], []))
            _, title_parts, text_parts = sections[-1]
            (title_parts if in_title else text_parts).append(html.escape(_SPACE.sub(" ", text), quote=False))

    text_of(article.text, False)
    walk(article, False)
    out = []
    for location, title_parts, text_parts in sections:
        text = re.sub(r"<(\w+)>\s*</\1>", "", _SPACE.sub(" ", "".join(text_parts))).strip()
        out.append({"location": location, "title": _SPACE.sub(" ", "".join(title_parts)).strip() or html.escape(title),
                    "text": text})
    return out


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
