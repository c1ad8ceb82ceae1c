"""MkDocs hooks: make every built page safe for readers who must not be tracked.

- A Content-Security-Policy (a meta tag: GitHub Pages sends no headers) that allows only
  the site itself, with a hash for each inline script Material needs, and a referrer
  policy that tells no one where a reader came from.
- Every outbound link gets rel="noopener noreferrer".
- Material's bundle is patched so that it never asks a third party for anything: its
  ResizeObserver polyfill (for old browsers) is self-hosted, its Mermaid loader points at
  the site itself, and its language switcher stops probing '<alternate>/sitemap.xml'.
"""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path
from typing import Any

from scripts.errors import BuildFailed

CSP = ("default-src 'self'; script-src 'self' {hashes}; style-src 'self' 'unsafe-inline'; "
       "img-src 'self' data:; font-src 'self'; connect-src 'self'; worker-src 'self'; frame-src 'none'; "
       "object-src 'none'; base-uri 'self'; form-action 'self'")
REFERRER = '<meta name="referrer" content="no-referrer">'
_INLINE_SCRIPT = re.compile(
    r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/(?:json|ld\+json)\")[^>]*>(.*?)</script>", re.S)
_LINK = re.compile(r'<a\s[^>]*href="(https?://[^"]*)"[^>]*>')

BUNDLE_PATCHES = {
    # Material's language switcher fetches sitemap.xml relative to every <link rel=alternate>;
    # our alternates are per page, and our switcher already links to the same page.
    '"link[rel=alternate]"': '"link[rel=alternate][data-material-switcher]"',
    # Old browsers without ResizeObserver get the polyfill from the site, not from unpkg.com.
    '"https://unpkg.com/resize-observer-polyfill"':
        'new URL("assets/javascripts/vendor/resize-observer.js",__md_scope).href',
    # The search index is fetched when the reader first focuses the search box, not with every
    # page: readers on slow connections who never search do not pay for it.
    'zi=document.forms.namedItem("search")?ks():tt':
        'zi=document.forms.namedItem("search")?h(document.forms.namedItem("search"),"focusin").pipe('
        'g(()=>!window.__md_search_asked&&(window.__md_search_asked=!0)),b(()=>ks()),Z(1)):tt',
    # Mermaid is not shipped (the site has no diagrams); never load it from a third party.
    '"https://unpkg.com/mermaid@11/dist/mermaid.min.js"':
        'new URL("assets/javascripts/vendor/mermaid.min.js",__md_scope).href',
}


def script_hashes(html: str) -> list[str]:
    return sorted({"'sha256-" + base64.b64encode(hashlib.sha256(body.encode()).digest()).decode() + "'"
                   for body in _INLINE_SCRIPT.findall(html)})


def harden(html: str, site_url: str) -> str:
    """Add the CSP and referrer policy to the head and rel="noopener noreferrer" to outbound links."""
    policy = CSP.format(hashes=" ".join(script_hashes(html)))
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy}">{REFERRER}'
    html = html.replace('<meta charset="utf-8">', f'<meta charset="utf-8">{meta}', 1)

    def outbound(match: re.Match[str]) -> str:
        tag = match.group(0)
        if match.group(1).startswith(site_url):
            return tag
        rel = re.search(r'\srel="([^"]*)"', tag)
        words = (rel.group(1).split() if rel else []) + ["noopener", "noreferrer"]
        value = " ".join(dict.fromkeys(words))
        return tag.replace(rel.group(0), f' rel="{value}"') if rel else tag.replace("<a ", f'<a rel="{value}" ', 1)

    return _LINK.sub(outbound, html)


def patch_bundle(site_dir: Path) -> None:
    bundles = list((site_dir / "assets" / "javascripts").glob("bundle.*.min.js"))
    if not bundles:
        raise BuildFailed([f"{site_dir}: Material's JavaScript bundle was not found"])
    for bundle in bundles:
        text = bundle.read_text(encoding="utf-8")
        for old, new in BUNDLE_PATCHES.items():
            if text.count(old) != 1:
                raise BuildFailed([f"{bundle.name}: Material's code for {old} has changed; review BUNDLE_PATCHES "
                                   "in scripts/hooks.py"])
            text = text.replace(old, new)
        bundle.write_text(text, encoding="utf-8")


def valid_markup(html: str) -> str:
    """Two things in Material's templates that the Nu HTML Checker rejects.

    Its menu toggles are checkboxes with autocomplete="off" (allowed on text fields only),
    and its table-of-contents title is a <label for="__toc"> even on pages that have no
    such toggle (pages reached from tables, not from the sidebar).
    """
    html = re.sub(r'(<input[^>]*type="checkbox"[^>]*?) autocomplete="off"', r"\1", html)
    if 'id="__toc"' not in html:
        html = html.replace('<label class="md-nav__title" for="__toc">', '<label class="md-nav__title">')
    return html


def on_post_page(output: str, page: Any, config: Any, **_: Any) -> str:
    return harden(valid_markup(output), config["site_url"] or "")


def on_post_build(config: Any, **_: Any) -> None:
    patch_bundle(Path(config["site_dir"]))


def on_post_template(output: str, template_name: str, config: Any, **_: Any) -> str:
    """Static pages rendered from templates: the 404 page gets the same protection."""
    return harden(valid_markup(output), config["site_url"] or "") if template_name.endswith(".html") else output
