"""MkDocs hooks: two small fixes to every built page that Material's templates offer no block for.

- Every outbound link gets rel="noopener noreferrer" (links in content Markdown included).
- Material's menu toggles are checkboxes with autocomplete="off", which HTML allows on text
  fields only (the Nu HTML Checker rejects it); they sit in base.html outside any block, so
  the attribute is removed here. Material's own files, its JavaScript bundle above all, are
  never changed (a test compares the bundle with the installed package byte for byte).

The Content-Security-Policy and referrer policy are written by the templates themselves
(scripts/site/theme/main.html).
"""

from __future__ import annotations

import re
from typing import Any

_LINK = re.compile(r'<a\s[^>]*href="(https?://[^"]*)"[^>]*>')
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


def valid_markup(html: str) -> str:
    return _CHECKBOX_AUTOCOMPLETE.sub(r"\1", html)


def on_post_page(output: str, page: Any, config: Any, **_: Any) -> str:
    return outbound_rel(valid_markup(output), config["site_url"] or "")


def on_post_template(output: str, template_name: str, config: Any, **_: Any) -> str:
    """Static pages rendered from templates (the 404 page) get the same fixes."""
    return outbound_rel(valid_markup(output), config["site_url"] or "") if template_name.endswith(".html") else output
