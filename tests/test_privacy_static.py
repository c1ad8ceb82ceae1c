"""No file of the built site makes the browser contact anyone but the site itself.

HTML: every element that loads by itself (scripts, stylesheets, preloads and preconnects,
images, frames, media, objects, meta refresh, inline style url()). CSS: url() and @import.
JavaScript: every absolute URL in a string literal (what code could load; URLs in licence
comments cannot) must be one of the inert ones listed below: GitHub API addresses Material
uses only when a repository is configured, which this build never does (tested below).
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from tests.sample import sample

SITE_URL = sample().content.site.site_url  # wherever the site is published (a fork sets its own)

LOADING_LINKS = {"stylesheet", "preload", "prefetch", "preconnect", "dns-prefetch", "icon", "manifest",
                 "modulepreload", "apple-touch-icon"}
JS_INERT = {
    # Material's repository facts: fetched only when the theme has a repo_url (never set here).
    "https://api.github.com/repos/${e}/${t}", "https://api.github.com/users/${e}",
    # Material's fallbacks: fetched only for a browser without ResizeObserver (the site's own
    # site.js loads the polyfill from the site first; tests/test_browser_privacy.py shows it) and
    # for Mermaid diagrams (no page has one: tested below).
    "https://unpkg.com/resize-observer-polyfill", "https://unpkg.com/mermaid@11/dist/mermaid.min.js",
}
JS_STRING_URL = re.compile(r"""["'`]((?:https?:)?//[a-zA-Z0-9.-]+\.[a-z]{2,}[^"'`\s]*)""")


def external(url: str) -> bool:
    url = url.strip()
    return (url.startswith(("http://", "https://", "//")) and not url.startswith(SITE_URL))


class Loads(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.loads: list[str] = []
        self.outbound_without_rel: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag in ("script", "img", "iframe", "source", "video", "audio", "embed", "track", "input"):
            self.loads += [a[k] for k in ("src", "poster") if k in a]
            self.loads += [part.split()[0] for part in a.get("srcset", "").split(",") if part.strip()]
        if tag == "link" and set(a.get("rel", "").split()) & LOADING_LINKS:
            self.loads.append(a.get("href", ""))
        if tag == "object":
            self.loads.append(a.get("data", ""))
        if tag == "meta" and a.get("http-equiv", "").lower() == "refresh":
            self.loads.append(a.get("content", "").split("url=")[-1])
        if "style" in a:
            self.loads += re.findall(r"url\(\s*['\"]?([^'\")]+)", a["style"])
        rel = set(a.get("rel", "").split())
        if tag == "a" and external(a.get("href", "")) and not {"noopener", "noreferrer"} <= rel:
            self.outbound_without_rel.append(a["href"])

    def handle_data(self, data: str) -> None:
        self.loads += re.findall(r"url\(\s*['\"]?([^'\")]+)", data) if "url(" in data else []


def test_html_loads_nothing_from_elsewhere_and_outbound_links_carry_no_referrer(built_real: Path) -> None:
    problems = []
    pages = sorted((built_real / "site").rglob("*.html"))
    for page in pages:
        parser = Loads()
        parser.feed(page.read_text(encoding="utf-8"))
        problems += [f"{page}: loads {url}" for url in parser.loads if external(url)]
        problems += [f"{page}: <a href={url}> without rel=noopener noreferrer" for url in parser.outbound_without_rel]
    assert len(pages) > 4 * 37
    assert problems == []


def test_css_imports_and_urls_stay_on_the_site(built_real: Path) -> None:
    problems = []
    for sheet in (built_real / "site").rglob("*.css"):
        text = sheet.read_text(encoding="utf-8")
        urls = re.findall(r"url\(\s*['\"]?([^'\")]+)", text) + re.findall(r"@import\s+['\"]([^'\"]+)", text)
        problems += [f"{sheet}: {url}" for url in urls if external(url)]
    assert problems == []


def test_javascript_names_no_third_party_it_could_load(built_real: Path) -> None:
    found = set()
    for script in (built_real / "site").rglob("*.js"):
        found |= set(JS_STRING_URL.findall(script.read_text(encoding="utf-8")))
    unexpected = sorted(url for url in found if external(url) and url not in JS_INERT)
    assert unexpected == []


def test_no_page_has_a_mermaid_diagram_that_would_make_material_load_mermaid(built_real: Path) -> None:
    for page in (built_real / "site").rglob("*.html"):
        assert 'class="mermaid"' not in page.read_text(encoding="utf-8"), page


def test_material_never_gets_a_repository_to_ask_github_about(built_real: Path) -> None:
    for page in (built_real / "site/en").rglob("index.html"):
        assert 'data-md-component="source"' not in page.read_text(encoding="utf-8")
    assert 'name="referrer" content="no-referrer"' in (built_real / "site/en/index.html").read_text(encoding="utf-8")
