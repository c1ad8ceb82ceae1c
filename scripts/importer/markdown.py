"""Markdown from the article trafilatura extracted (its XML: <head>, <p>, <list>, <quote>, <table>,
<graphic>, and inline <hi>, <ref>, <lb/>), in the dialect of content/ (scripts.content.markdown).

Every character of the author's text is escaped so that it stays text; links are kept only to
http(s) and mailto addresses (the site adds rel="noopener noreferrer" to each); headings start at
level 2 under the article's own title.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass
from typing import Any

from scripts.importer.article import Figure, escape_block_start, escape_inline

INLINE = {"#b": "**", "#strong": "**", "#i": "*", "#em": "*", "#t": "`"}
"""trafilatura's rend values of <hi> -> Markdown emphasis."""


@dataclass(frozen=True)
class Block:
    kind: str
    """p, h2, h3, h4, ul, ol, quote, table or figure."""
    markdown: str
    text: str
    """The block's words without any Markdown (for headers, chrome and descriptions)."""
    figure: Figure | None = None


def blocks_from_xml(doc: Any) -> list[Block]:
    main = doc.find("main")
    return _blocks(main if main is not None else doc)


def _blocks(parent: Any) -> list[Block]:
    out: list[Block] = []
    for element in parent:
        tag = element.tag
        if tag == "p":
            out += _paragraphs(element)
        elif tag == "head":
            level = min(max(int((element.get("rend") or "h2").lstrip("h") or 2), 2), 4)
            text = _inline(element, plain=True)
            if text:
                out.append(Block(f"h{level}", f"{'#' * level} {_inline(element)}", text))
        elif tag == "list":
            out += _list(element)
        elif tag == "quote":
            inner = _paragraphs(element)
            if inner:
                markdown = "\n>\n".join("\n".join(f"> {line}" if line else ">" for line in b.markdown.split("\n"))
                                        for b in inner)
                out.append(Block("quote", markdown, " ".join(b.text for b in inner)))
        elif tag == "table":
            table = _table(element)
            if table:
                out.append(table)
        elif tag == "graphic":
            out += _figure(element)
        elif tag in ("div", "section", "main"):
            out += _blocks(element)
        for graphic in element.iter("graphic") if tag in ("head", "list") else []:
            out += _figure(graphic)
    return out


BLOCK_TAGS = {"list", "graphic", "quote", "table", "p", "head"}
"""Elements that are blocks of their own even where trafilatura leaves them inside a paragraph."""
SENTENCE_END = re.compile(r"[.!?…»”\")]\s*$")


def _paragraphs(element: Any) -> list[Block]:
    """A <p> as paragraphs: split around the blocks it holds (a list inside a paragraph) and at line
    breaks that end a sentence (pages that separate paragraphs with <br>)."""
    from lxml import etree

    out: list[Block] = []
    current = etree.Element("p")
    current.text = element.text
    for child in element:
        if child.tag in BLOCK_TAGS:
            out += _inline_paragraphs(current)
            holder = etree.Element("main")
            holder.append(copy.deepcopy(child))
            holder[0].tail = None
            out += _blocks(holder)
            current = etree.Element("p")
            current.text = child.tail
        else:
            current.append(copy.deepcopy(child))
    return out + _inline_paragraphs(current)


def _inline_paragraphs(element: Any) -> list[Block]:
    markdown = _inline(element, breaks=True)
    plain = _inline(element, plain=True, breaks=True)
    out = []
    for piece, words in zip(_split_lines(markdown), _split_lines(plain), strict=False):
        words = " ".join(words.split())
        if words:
            out.append(Block("p", escape_block_start(piece.strip()).replace("\n", "  \n"), words))
    return out


def _split_lines(text: str) -> list[str]:
    """Paragraphs: a line break after the end of a sentence starts a new one; others stay line breaks."""
    pieces, current = [], ""
    for line in text.split("\n"):
        current = f"{current}\n{line}" if current else line
        if SENTENCE_END.search(current) or not line.strip():
            pieces.append(current)
            current = ""
    return [p for p in [*pieces, current] if p.strip()]


def _list(element: Any, depth: int = 0) -> list[Block]:
    ordered = (element.get("rend") or "").startswith("ol")
    lines, words = [], []
    for n, item in enumerate((i for i in element if i.tag == "item"), 1):
        text = _inline(item)
        if not text.strip():
            continue
        marker = f"{n}." if ordered else "-"
        lines.append(f"{'    ' * depth}{marker} {text}")
        words.append(_inline(item, plain=True))
        for sub in item.iter("list"):
            if sub is not item:
                lines += [b.markdown for b in _list(sub, depth + 1)]
    if not lines:
        return []
    return [Block("ol" if ordered else "ul", "\n".join(lines), " ".join(words))]


def _table(element: Any) -> Block | None:
    rows = [[" ".join(_inline(cell).split()).replace("|", "\\|") for cell in row if cell.tag == "cell"]
            for row in element if row.tag == "row"]
    rows = [r for r in rows if any(r)]
    if not rows:
        return None
    width = max(len(r) for r in rows)
    rows = [r + [""] * (width - len(r)) for r in rows]
    lines = ["| " + " | ".join(rows[0]) + " |", "|" + "---|" * width]
    lines += ["| " + " | ".join(r) + " |" for r in rows[1:]]
    return Block("table", "\n".join(lines), " ".join(" ".join(r) for r in rows))


def _figure(graphic: Any) -> list[Block]:
    src = graphic.get("src") or ""
    if not src.startswith(("http://", "https://", "file:")):
        return []
    figure = Figure(src, " ".join((graphic.get("alt") or "").split()), " ".join((graphic.get("title") or "").split()))
    return [Block("figure", "", f"{figure.alt} {figure.caption}".strip(), figure)]


def _inline(element: Any, plain: bool = False, breaks: bool = False) -> str:
    """The Markdown (or, with ``plain``, the words) of an element's content."""
    parts = [_text(element.text, plain)]
    for child in element:
        tag = child.tag
        if tag == "lb":
            parts.append("\n" if breaks else " ")
        elif tag in ("list", "graphic") and element.tag in ("item", "quote"):
            pass  # nested lists and figures are blocks of their own
        elif tag == "p" and element.tag == "item":
            parts.append(" " + _inline(child, plain, breaks) + " ")
        elif tag == "hi":
            inner = _inline(child, plain, breaks)
            mark = "" if plain else INLINE.get(child.get("rend") or "", "")
            parts.append(_wrap(inner, mark))
        elif tag == "ref":
            inner = _inline(child, plain, breaks)
            target = child.get("target") or ""
            keep = re.match(r"^(https?://|mailto:)", target) and inner.strip()
            parts.append(inner if plain or not keep else f"[{inner}](<{target}>)")
        elif tag == "code":
            inner = child.text or ""
            parts.append(inner if plain else f"`{inner}`")
        else:
            parts.append(_inline(child, plain, breaks))
        parts.append(_text(child.tail, plain))
    text = "".join(parts)
    return re.sub(r"[ \t\u00a0]+", " ", text).strip(" ")


def _wrap(inner: str, mark: str) -> str:
    """Emphasis around ``inner``, with the spaces it had outside the marks (Markdown needs that)."""
    if not mark or not inner.strip():
        return inner
    lead, core, trail = re.match(r"^(\s*)(.*?)(\s*)$", inner, re.S).groups()  # type: ignore[union-attr]
    return f"{lead}{mark}{core}{mark}{trail}"


def _text(text: str | None, plain: bool) -> str:
    if not text:
        return ""
    text = re.sub(r"\s+", " ", text)
    return text if plain else escape_inline(text)
