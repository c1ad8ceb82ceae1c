"""MkDocs hooks: small fixes to every built page that Material's templates offer no block for.

- Every outbound link gets rel="noopener noreferrer" (links in content Markdown included).
- Every image of the site's own (an article's images/) gets its width and height, read from the
  file, so that the page does not jump while it loads; all but the first load lazily.
- Material's menu toggles are checkboxes with autocomplete="off", which HTML allows on text
  fields only (the Nu HTML Checker rejects it); they sit in base.html outside any block, so
  the attribute is removed here. Material's own files, its JavaScript bundle above all, are
  never changed (a test compares the bundle with the installed package byte for byte).

The Content-Security-Policy and referrer policy are written by the templates themselves
(scripts/site/theme/main.html).
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path
from typing import Any

from PIL import Image, UnidentifiedImageError

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
