"""MkDocs hooks: small fixes to every built page that Material's templates offer no block for.

- Every outbound link gets rel="noopener noreferrer" (links in content Markdown included).
- Every image of the site's own (an article's images/) gets its width and height, read from the
  file, so that the page does not jump while it loads; all but the first load lazily.
- The search index stays whole in a dirty build (scripts.site.build runs MkDocs with dirty=True
  on a cached output): each page's entries are kept beside the output between builds, the entries
  of the pages rendered now replace theirs, deleted pages drop out, and the index is written in the
  order of a full build, so that it is the same as a full build's.
- Material's menu toggles are checkboxes with autocomplete="off", which HTML allows on text
  fields only (the Nu HTML Checker rejects it); they sit in base.html outside any block, so
  the attribute is removed here. Material's own files, its JavaScript bundle above all, are
  never changed (a test compares the bundle with the installed package byte for byte).

The Content-Security-Policy and referrer policy are written by the templates themselves
(scripts/site/theme/main.html).
"""

from __future__ import annotations

import json
import posixpath
import re
from pathlib import Path
from typing import Any

from PIL import Image, UnidentifiedImageError

from scripts.site.cache import write_new

_LINK = re.compile(r'<a\s[^>]*href="(https?://[^"]*)"[^>]*>')
_IMG = re.compile(r'<img\s[^>]*>')
_CHECKBOX_AUTOCOMPLETE = re.compile(r'(<input[^>]*type="checkbox"[^>]*?) autocomplete="off"')


def outbound_rel(html: str, site_url: str) -> str:
    """rel="noopener noreferrer" on every link to another site."""

    def outbound(match: re.Match[str]) -> str:
        tag = match.group(0)
        if match.group(1).startswith(site_url):
            return tag
        rel = re.search(r'\srel="([^"]*)"', tag)
        words = (rel.group(1).split() if rel else []) + ["noopener", "noreferrer"]
        value = " ".join(dict.fromkeys(words))
        return tag.replace(rel.group(0), f' rel="{value}"') if rel else tag.replace("<a ", f'<a rel="{value}" ', 1)

    return _LINK.sub(outbound, html)


def sized_images(html: str, page_url: str, docs_dir: str) -> str:
    """width, height, loading and decoding on each <img> whose file is in docs/ (its own images)."""
    count = 0

    def size(match: re.Match[str]) -> str:
        nonlocal count
        tag = match.group(0)
        src = re.search(r'\ssrc="([^"]+)"', tag)
        if not src or re.match(r"^([a-z][a-z0-9+.-]*:|/)", src.group(1)) or " width=" in tag:
            return tag
        path = Path(docs_dir) / posixpath.normpath(posixpath.join(page_url, src.group(1)))
        try:
            with Image.open(path) as image:
                width, height = image.size
        except (OSError, UnidentifiedImageError):
            return tag
        count += 1
        lazy = ' loading="lazy"' if count > 1 else ""
        return tag.replace("<img ", f'<img width="{width}" height="{height}"{lazy} decoding="async" ', 1)

    return _IMG.sub(size, html)


def on_page_content(html: str, page: Any, config: Any, **_: Any) -> str:
    return sized_images(html, page.url, config["docs_dir"])


def valid_markup(html: str) -> str:
    return _CHECKBOX_AUTOCOMPLETE.sub(r"\1", html)


def on_post_page(output: str, page: Any, config: Any, **_: Any) -> str:
    return outbound_rel(valid_markup(output), config["site_url"] or "")


def on_post_template(output: str, template_name: str, config: Any, **_: Any) -> str:
    """Static pages rendered from templates (the 404 page) get the same fixes."""
    return outbound_rel(valid_markup(output), config["site_url"] or "") if template_name.endswith(".html") else output


def on_env(env: Any, config: Any, **_: Any) -> Any:
    """Compiled templates are kept between builds (beside the language caches, .build/mkdocs/jinja/):
    compiling Material's templates was half of a dirty build's time."""
    import jinja2

    caches = Path(config["site_dir"]).parent.parent
    if caches.name == "mkdocs" and caches.parent.name == ".build":  # a build by scripts.site.build
        (caches / "jinja").mkdir(exist_ok=True)
        env.bytecode_cache = jinja2.FileSystemBytecodeCache(str(caches / "jinja"))
    return env


SEARCH_PAGES = "search-pages.json"
"""Beside a language's cached output (not in it): each page's search entries from the last build."""
_state: dict[str, Any] = {"order": [], "rendered": set()}


def on_pre_build(config: Any, **_: Any) -> None:
    _state["order"], _state["rendered"] = [], set()


def on_files(files: Any, config: Any, **_: Any) -> Any:
    _state["order"] = [file.url for file in files.documentation_pages()]
    return files


def on_page_context(context: Any, page: Any, config: Any, **_: Any) -> Any:
    _state["rendered"].add(page.url)
    return context


def on_post_build(config: Any, **_: Any) -> None:
    merge_search_index(Path(config["site_dir"]), _state["order"], _state["rendered"])


def merge_search_index(site_dir: Path, order: list[str], rendered: set[str]) -> None:
    """Make site_dir/search/search_index.json hold every page's entries, in the order of a full build:
    the entries Material wrote for the pages rendered in this build, the kept ones for the others."""
    index_file = site_dir / "search" / "search_index.json"
    kept_file = site_dir.parent / SEARCH_PAGES
    if not index_file.is_file():
        return
    index = json.loads(index_file.read_text(encoding="utf-8"))
    kept: dict[str, list[Any]] = json.loads(kept_file.read_text(encoding="utf-8")) if kept_file.is_file() else {}
    fresh: dict[str, list[Any]] = {}
    for entry in index["docs"]:
        fresh.setdefault(entry["location"].split("#", 1)[0], []).append(entry)
    pages = {url: fresh.get(url, []) if url in rendered else kept.get(url, []) for url in order}
    index["docs"] = [entry for url in order for entry in pages[url]]
    write_new(index_file, json.dumps(index, separators=(",", ":"), default=str).encode())  # as Material does
    write_new(kept_file, json.dumps(pages, ensure_ascii=False).encode("utf-8"))
