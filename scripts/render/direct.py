"""Pages written as HTML by the generator, not as Markdown: the pages of people and companies.

A site of 500 of them spent two thirds of its MkDocs time in Python-Markdown, most of it in the
inline pass over every cell of every sanctions table. These pages are rendered by HTML templates
(``*.html.j2``, escaping by default) into the same HTML the Markdown would have given; MkDocs gets
each as a page whose body it does not convert: the front matter says ``html_body: true``, the hook
of scripts.site.hooks hands MkDocs an empty Markdown body and puts the page's HTML back after
conversion, with the table of contents made here from the headings the template wrote.

Links are written as MkDocs would write them (a page's directory address, a file's relative
path); the site's tests check every link of the built site.
"""

from __future__ import annotations

import html
import re
from typing import Any

import jinja2
from markdown.extensions.toc import slugify, unique
from markupsafe import Markup, escape

from scripts.render import routes
from scripts.render.markup import TEMPLATES, StoredBytecode
from scripts.store import Store

_TAG = re.compile(r"<[^>]+>")
_ID = re.compile(r'\sid="([^"\x00]*)"')
_AUTO = re.compile("\x00([0-9]+)\x00")


class Direct:
    """Renders the HTML templates of one language, with the Markdown templates' helpers (``globals``)."""

    def __init__(self, globals_: dict[str, Any], here: Any, store: Store | None = None):
        self.here = here
        """A callable: the page file being rendered (links are made relative to it)."""
        self.env = jinja2.Environment(
            bytecode_cache=StoredBytecode(store) if store is not None else None,
            loader=jinja2.FileSystemLoader(TEMPLATES), undefined=jinja2.StrictUndefined, autoescape=True,
            keep_trailing_newline=True, trim_blocks=True, lstrip_blocks=True)
        self.env.globals.update(globals_)
        self.env.globals.update(heading=self.heading, a=self.a)
        self.headings: list[tuple[int, str | None, str]] = []

    def render(self, template: str, **values: Any) -> tuple[str, list[dict[str, Any]]]:
        """The page's HTML body and its table of contents (MkDocs' toc tokens, nested).

        As Python-Markdown's toc extension does, every id the page gives (a heading's anchor, a source's)
        is kept, and a heading without one gets an id made from its text that none of them has: the
        template writes a placeholder, filled in here once the whole page is known."""
        self.headings = []
        body = self.env.get_template(template).render(**values)
        used = anchor_ids(body)
        ids = [ident if ident is not None else unique(slugify(html.unescape(_TAG.sub("", name)), "-"), used)
               for _, ident, name in self.headings]
        body = _AUTO.sub(lambda m: ids[int(m.group(1))], body)
        return body, nest([(level, ident, name) for (level, _, name), ident in zip(self.headings, ids, strict=True)])

    def heading(self, level: int, text: Any, ident: str | None = None) -> Markup:
        """A heading with its permanent link, as Python-Markdown's toc extension writes it (``ident``: the
        anchor given; otherwise made from the text once the page is rendered, see ``render``)."""
        name, ident = escape(text), ident or None
        self.headings.append((level, ident, str(name)))
        anchor = ident if ident is not None else f"\x00{len(self.headings) - 1}\x00"
        return Markup(f'<h{level} id="{anchor}">{name}<a class="headerlink" href="#{anchor}" '
                      f'title="Permanent link">&para;</a></h{level}>')

    def a(self, label: Any, target: str, anchor: str = "") -> Markup:
        """A link to another page (its address, as MkDocs writes links to pages) or file of the site."""
        here = self.here()
        if target.endswith(".md"):
            href = routes.relative_url(target, here)
        else:
            href = "../" * routes.url_path(here).count("/") + target
        return Markup(f'<a href="{escape(href)}{"#" + escape(anchor) if anchor else ""}">{escape(label)}</a>')


def anchor_ids(html_text: str) -> set[str]:
    """Every id an HTML text gives (the anchors a link to it may name)."""
    return set(_ID.findall(html_text))


def nest(headings: list[tuple[int, str, str]]) -> list[dict[str, Any]]:
    """Flat headings as MkDocs' toc tokens: each heading holds the deeper ones that follow it."""
    root: list[dict[str, Any]] = []
    stack: list[dict[str, Any]] = []
    for level, ident, name in headings:
        token: dict[str, Any] = {"level": level, "id": ident, "name": name, "children": []}
        while stack and stack[-1]["level"] >= level:
            stack.pop()
        (stack[-1]["children"] if stack else root).append(token)
        stack.append(token)
    return root
