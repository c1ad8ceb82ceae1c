"""The Markdown of articles and pages, read with the parser that publishes it.

Content Markdown is Python-Markdown with the extensions below, the same parser MkDocs uses
to build the site (scripts.site.config passes this list to MkDocs). Checks run on the
parsed tree, never on the text with regular expressions: raw HTML is what the parser
stashes as HTML, and a link is an <a> or <img> element the parser made.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from typing import Any

import markdown
from markdown.treeprocessors import Treeprocessor

EXTENSIONS: list[Any] = ["attr_list", "md_in_html", "tables", "admonition"]
"""The Markdown dialect of content/ (with toc, which MkDocs adds, for heading anchors)."""
EXTENSION_CONFIGS: dict[str, dict[str, Any]] = {"toc": {"permalink": True}}

ALLOWED_SCHEMES = ("https", "http", "mailto")
PLACEHOLDER = "TODO:"
"""How a paragraph `python -m scripts new` wrote begins until it is replaced (scripts.content.scaffold)."""
_ENTITY = re.compile(r"^&(?:#\d+|#x[0-9a-fA-F]+|[a-zA-Z][a-zA-Z0-9]*);$")


class _Keep(Treeprocessor):
    """Keeps the parsed tree (after inline parsing) so that it can be inspected."""

    root: ET.Element | None = None

    def run(self, root: ET.Element) -> None:
        self.root = root


@dataclass(frozen=True)
class Parsed:
    """A Markdown text parsed: its element tree and the raw HTML the parser set aside."""

    root: ET.Element
    raw_html: list[str]


def parse(text: str) -> Parsed:
    """Parse ``text`` as the site will (inline content included)."""
    md = markdown.Markdown(extensions=[*EXTENSIONS, "toc"], extension_configs=EXTENSION_CONFIGS)
    keep = _Keep(md)
    md.treeprocessors.register(keep, "keep-tree", 1)
    md.convert(text)
    assert keep.root is not None
    raw = []
    for item in md.htmlStash.rawHtmlBlocks:
        snippet = item if isinstance(item, str) else ET.tostring(item, encoding="unicode")
        if not _ENTITY.match(snippet.strip()):
            raw.append(snippet)
    return Parsed(keep.root, raw)


@dataclass(frozen=True)
class BodyProblem:
    line: int
    """Line within the text, from 1."""
    message: str


def check_body(text: str) -> list[BodyProblem]:
    """No raw HTML, links only to web pages (https://) or to other pages of the site, no placeholder."""
    parsed = parse(text)
    problems = []
    for snippet in parsed.raw_html:
        first = snippet.strip().split("\n", 1)[0]
        tag = re.match(r"<[^>]{0,40}>?", first)
        shown = (tag.group(0) if tag else first[:20]) + "…"
        problems.append(BodyProblem(line_of(text, first), f"raw HTML ({shown}) is not allowed: write Markdown instead"))
    for element in parsed.root.iter():
        own = element.text or ""
        if own.startswith(PLACEHOLDER):
            problems.append(BodyProblem(line_of(text, PLACEHOLDER), f"still holds a placeholder of `new` "
                                        f"('{own[:40]}'): write the text"))
        target = element.get("href") if element.tag == "a" else element.get("src") if element.tag == "img" else None
        if target is None:
            continue
        scheme = re.match(r"^\s*([a-zA-Z][a-zA-Z0-9+.-]*):", target)
        if scheme and scheme.group(1).lower() not in ALLOWED_SCHEMES:
            problems.append(BodyProblem(line_of(text, target.strip()[:20]),
                                        f"a link to '{scheme.group(1)}:…' is not allowed: link to an https:// "
                                        "address or to another page of the site (about.md)"))
    return sorted(problems, key=lambda p: p.line)


def line_of(text: str, needle: str) -> int:
    """The line (from 1) where ``needle`` first appears in ``text``; 1 when it cannot be found."""
    at = text.find(needle) if needle else -1
    if at < 0:
        at = text.lower().find(needle.lower())
    return text.count("\n", 0, at) + 1 if at >= 0 else 1


def paragraphs(text: str) -> list[str]:
    """The blocks of ``text`` as Python-Markdown's block parser cuts them: at blank lines."""
    return re.split(r"\n[ \t]*\n", text)


def plain_paragraphs(text: str) -> list[str]:
    """The text of every paragraph element (<p>) the parser finds, as a reader sees it."""
    parsed = parse(text)
    return ["".join(p.itertext()) for p in parsed.root.iter("p")]
