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


def check_body(text: str, images: list[str] | None = None, shown: str = "") -> list[BodyProblem]:
    """No raw HTML, links only to web pages (https:// or http://), e-mail addresses (mailto:) or other
    pages of the site, no placeholder; an image of the site's own is one of the files ``images`` (the
    names in an article's images/ folder, ``shown`` so in messages), referred to as images/<file>."""
    parsed = parse(text)
    problems = []
    for snippet in parsed.raw_html:
        first = snippet.strip().split("\n", 1)[0]
        tag = re.match(r"<[^>]{0,40}>?", first)
        opening = (tag.group(0) if tag else first[:20]) + "…"
        problems.append(BodyProblem(line_of(text, first), f"raw HTML ({opening}) is not allowed: write Markdown "
                                    "instead"))
    for element in parsed.root.iter():
        own = element.text or ""
        if own.startswith(PLACEHOLDER):
            problems.append(BodyProblem(line_of(text, PLACEHOLDER), f"still holds a placeholder of `new` "
                                        f"('{own[:40]}'): write the text"))
        target = element.get("href") if element.tag == "a" else element.get("src") if element.tag == "img" else None
        if target is None:
            continue
        if element.tag == "img" and not re.match(r"^\s*([a-zA-Z][a-zA-Z0-9+.-]*:|/|#)", target):
            problem = _local_image(target, images, shown)
            if problem:
                problems.append(BodyProblem(line_of(text, target.strip()[:20]), problem))
            continue
        scheme = re.match(r"^\s*([a-zA-Z][a-zA-Z0-9+.-]*):", target)
        if scheme and scheme.group(1).lower() not in ALLOWED_SCHEMES:
            problems.append(BodyProblem(line_of(text, target.strip()[:20]),
                                        f"a link to '{scheme.group(1)}:…' is not allowed: link to an https:// "
                                        "address or to another page of the site (about.md)"))
    return sorted(problems, key=lambda p: p.line)


def _local_image(target: str, images: list[str] | None, shown: str) -> str | None:
    """Why a reference to an image of the site's own is wrong, if it is."""
    if images is None:
        return (f"'{target}': only articles show images of their own (kept in content/articles/<slug>/images/); "
                "link to the article instead")
    name = target.strip().removeprefix("images/")
    if "/" in name or not target.strip().startswith("images/"):
        return f"'{target}': an image is referred to as images/<file>, the file being in {shown}"
    if name not in images:
        there = sorted(images)
        listed = f" (it holds: {', '.join(there[:8])})" if there else " (the folder is empty or missing)"
        return f"'{target}': there is no such file in {shown}{listed}: add it, or correct the name"
    return None


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
