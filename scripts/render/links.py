"""Ties between articles and fact sheets, made on the parsed article (never on its raw text).

- The first mention of each person, company or crossing in an article links to its page,
  found through any of its names and spellings, also when followed by a possessive or an
  inflection ("Lukashenko's", "Гуцериева"). Mentions are looked for only in the text of the
  parsed document: never in code, a link, a heading (whose text makes its anchor), or a note.
  MkDocs runs this as a Markdown extension (``FactLinks``) on the article body, so the links
  are made by the same parser that publishes the page; the generator runs the same walk to
  know which articles mention which fact page.
- Figures the article states can be tied to a series in its front matter; the page then
  shows the latest sourced figure after the paragraph that states it. The article file is
  never changed.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

from scripts.content.crossings import Crossing
from scripts.content.documents import LINKED_KINDS, Content, LinkedKind
from scripts.content.markdown import paragraphs, parse, plain_paragraphs
from scripts.content.model import Wallet
from scripts.content.names import name_pattern, stem
from scripts.content.prisoners import Prisoner
from scripts.render import routes

SKIP = {"a", "code", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "script", "style", "kbd", "samp"}
"""Elements whose text is never linked (links, code, headings)."""
BODY_CLASS = "article-body"
"""The generator wraps an article's text in <div class="article-body" markdown>: only that is linked."""


@dataclass(frozen=True)
class Target:
    kind: LinkedKind
    ident: str

    @property
    def path(self) -> str:
        return routes.fact_page(self.kind, self.ident)


def spellings(content: Content) -> dict[str, Target]:
    """Every name and alias of each fact page -> that page (a spelling belongs to one page only:
    scripts.content.rules). A crossing's place names are not spellings of it: "Brest" is a city."""
    out: dict[str, Target] = {}
    for kind in LINKED_KINDS:
        for ident, item in content.facts(kind).items():
            assert isinstance(item, Wallet | Crossing | Prisoner)
            for name in [*item.name.values(), *item.aliases]:
                out.setdefault(name, Target(kind, ident))
    return out


def _skipped(element: ET.Element) -> bool:
    classes = (element.get("class") or "").split()
    return element.tag in SKIP or "admonition" in classes or "figure-caption" in classes \
        or "image-caption" in classes


def _texts(element: ET.Element) -> Iterator[tuple[ET.Element, ET.Element | None]]:
    """(holder, child) for each run of text in reading order: ``holder.text`` when child is None,
    else ``child.tail`` (text after ``child`` inside ``holder``)."""
    yield element, None
    for child in list(element):
        if not _skipped(child):
            yield from _texts(child)
        yield element, child


def occurring(names: Iterable[str], text: str) -> list[str]:
    """The names that may occur in ``text``: those whose last word, less its ending, does (only these go
    into a pattern)."""
    out = []
    for name in names:
        words = name.split()
        if words and stem(words[-1], len(words) == 1) in text:
            out.append(name)
    return out


def link_tree(root: ET.Element, targets: dict[str, str]) -> list[str]:
    """Link the first mention of each target inside ``root``; ``targets``: spelling -> href.

    Returns the hrefs linked, in the order of their first mention.
    """
    names = name_pattern(tuple(sorted(occurring(targets, "".join(root.itertext())))))
    pattern = names.pattern
    linked: list[str] = []
    for holder, child in list(_texts(root)):
        while True:
            text = holder.text if child is None else child.tail
            match = next((m for m in pattern.finditer(text or "") if targets[names.which(m.group(1))] not in linked),
                         None)
            if text is None or match is None:
                break
            href = targets[names.which(match.group(1))]
            linked.append(href)
            anchor = ET.Element("a", {"href": href, "class": "fact-mention"})
            anchor.text, anchor.tail = match.group(0), text[match.end():]
            if child is None:
                holder.text = text[:match.start()]
                holder.insert(0, anchor)
            else:
                child.tail = text[:match.start()]
                holder.insert(list(holder).index(child) + 1, anchor)
            child = anchor  # go on with the text after the new link
    return linked


def mentions(content: Content, body: str) -> list[Target]:
    """The fact pages an article's text mentions (in the order of their first mention)."""
    by_path = {target.path: target for target in spellings(content).values()}
    targets = {name: target.path for name, target in spellings(content).items()}
    return [by_path[path] for path in link_tree(parse(body).root, targets)]


class _LinkBody(Treeprocessor):
    def __init__(self, md: Markdown, targets: dict[str, str]):
        super().__init__(md)
        self.targets = targets

    def run(self, root: ET.Element) -> None:
        bodies = [element for element in root.iter("div") if BODY_CLASS in (element.get("class") or "").split()]
        if not bodies:
            return
        # every body of the page is searched for the names that occur in any of them, not for all of them
        text = "".join(text for element in bodies for text in element.itertext())
        targets = {name: self.targets[name] for name in occurring(self.targets, text)}
        for element in bodies:
            link_tree(element, targets)


class FactLinks(Extension):
    """Python-Markdown extension: first mentions inside <div class="article-body"> link to fact pages.

    ``targets`` maps each spelling to the fact page's file from the docs root ('/people/gutseriev.md');
    MkDocs then checks and rewrites those links like any other (validation.links.absolute_links:
    relative_to_docs). ``targets_file`` names a JSON file of the same (the build uses it, so that a
    new name changes the articles that mention it, not the configuration of every page).
    """

    def __init__(self, **kwargs: Any):
        self.config = {"targets": [{}, "spelling -> '/people/<id>.md'"],
                       "targets_file": ["", "a JSON file of spelling -> '/people/<id>.md'"]}
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:
        targets = dict(self.getConfig("targets"))
        if self.getConfig("targets_file"):
            targets.update(_read_targets(Path(self.getConfig("targets_file"))))
        # after inline parsing (20), before MkDocs rewrites links (0)
        md.treeprocessors.register(_LinkBody(md, targets), "fact-links", 5)


_READ: dict[Path, tuple[tuple[int, int, int], dict[str, str]]] = {}


def _read_targets(path: Path) -> dict[str, str]:
    """The targets file, read once per version of it (MkDocs makes a new Markdown, and so calls
    extendMarkdown, for every page: parsing the file each time cost a second per language)."""
    stat = path.stat()
    stamp = (stat.st_ino, stat.st_mtime_ns, stat.st_size)
    kept = _READ.get(path)
    if kept is None or kept[0] != stamp:
        kept = _READ[path] = (stamp, json.loads(path.read_text(encoding="utf-8")))
    return kept[1]


def makeExtension(**kwargs: Any) -> FactLinks:
    return FactLinks(**kwargs)


def link_targets(content: Content) -> dict[str, str]:
    """The ``targets`` setting of FactLinks for a site: spelling -> '/<kind>/<id>.md'."""
    return {name: f"/{target.path}" for name, target in spellings(content).items()}


def add_notes(body: str, notes: list[tuple[str, str]]) -> str:
    """Insert each (phrase, block) after the paragraph that states the phrase.

    Paragraphs are the blocks Python-Markdown makes (text between blank lines); a phrase counts
    only where the parser sees it as paragraph text (not in a heading, code or a link's address).
    """
    readable = plain_paragraphs(body)
    blocks = paragraphs(body)
    after: dict[int, list[str]] = {}
    for phrase, block in notes:
        if not any(phrase in text for text in readable):
            continue
        index = next((i for i, text in enumerate(blocks) if phrase in text and not text.lstrip().startswith("#")),
                     None)
        if index is not None:
            after.setdefault(index, []).append(block)
    out = []
    for i, block in enumerate(blocks):
        out.append(block)
        out.extend(after.get(i, []))
    return "\n\n".join(out)
