"""Reading content files: bytes -> text -> YAML tree that remembers the line of every value.

PyYAML's composer gives nodes with start marks; we walk them ourselves so that every value
in the tree has a line number (for error messages) and so that duplicate keys, which
PyYAML silently accepts, are reported.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.constructor import SafeConstructor

from scripts.errors import Problem

MAX_BYTES = 1_000_000
"""A content file larger than this is refused: no fact sheet needs a megabyte."""

Loc = tuple[str | int, ...]

_SCALAR = SafeConstructor()
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's parser when PyYAML has it (several times faster), the pure-Python one otherwise."""
_TYPED_TAGS = {
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
}


@dataclass
class Source:
    """A content file's text, with the path we show to editors."""

    rel: str
    """Path relative to the project root, forward slashes."""
    text: str


@dataclass
class Doc:
    """A parsed YAML document: plain Python values plus the line of each location."""

    rel: str
    value: Any
    lines: dict[Loc, int] = field(default_factory=dict)
    line_offset: int = 0
    """Added to every line (front matter starts after the opening ``---``)."""

    def where(self, loc: Loc) -> str:
        """``loc`` as a person reads it: 'sanction 2 (uk) › event 1 (2021-06-21) › date'."""
        return where(loc, self.value)

    def line(self, loc: Loc) -> int:
        """The line of ``loc`` or of its nearest enclosing value that exists."""
        for end in range(len(loc), -1, -1):
            found = self.lines.get(tuple(loc[:end]))
            if found is not None:
                return found + self.line_offset
        return 1 + self.line_offset


def read_text(rel: str, data: bytes) -> Source:
    """A content file's bytes as UTF-8 text (a BOM is accepted, CRLF line ends are normalised)."""
    size = len(data)
    if size > MAX_BYTES:
        raise _problem(rel, 0, f"the file is {size / 1e6:.1f} MB; a content file may be at most "
                       f"{MAX_BYTES // 1_000_000} MB: split it or remove what does not belong")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise _problem(rel, line, f"byte 0x{data[exc.start]:02x} is not UTF-8: save the file as "
                       "UTF-8 (in most editors: 'Save with encoding' > UTF-8)") from None
    return Source(rel, text.replace("\r\n", "\n").replace("\r", "\n"))


class ProblemError(Exception):
    """Raised for a single problem that stops reading one file."""

    def __init__(self, problem: Problem):
        super().__init__(str(problem))
        self.problem = problem


def _problem(rel: str, line: int, message: str, field: str = "") -> ProblemError:
    return ProblemError(Problem(rel, line, field, message))


def parse_yaml(src: Source, line_offset: int = 0) -> Doc:
    """Parse one YAML document; raise ProblemError with file and line on any syntax error."""
    if "\t" in src.text:
        for number, text in enumerate(src.text.split("\n"), start=1):
            if "\t" in text[: len(text) - len(text.lstrip())]:
                raise _problem(src.rel, number + line_offset,
                               "a tab is used for indenting: indent with spaces, not tabs")
    try:
        _refuse_references(src, line_offset)
        node = yaml.compose(src.text, Loader=_LOADER)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        what = exc.problem or "not valid YAML"
        if "end of stream" in what and exc.context_mark:
            mark = exc.context_mark  # an unclosed quote: point at where it opens
            what = "a quotation mark opened here is never closed"
        elif exc.context:
            what = f"{exc.context}, {what}"
        line = (mark.line + 1 if mark else 1) + line_offset
        raise _problem(src.rel, line, f"not valid YAML: {what}; check the indentation "
                       "and that text containing ': ' or '#' is in quotes") from None
    except yaml.YAMLError as exc:
        raise _problem(src.rel, 1 + line_offset, f"not valid YAML: {exc}") from None
    doc = Doc(src.rel, None, line_offset=line_offset)
    if node is not None:
        doc.value = _walk(doc, node, ())
    return doc


REFERENCES = "anchors and aliases are not allowed: write the value out"


def _refuse_references(src: Source, line_offset: int) -> None:
    """YAML anchors (&name), aliases (*name) and merge keys (<<) are refused before anything is built
    from the file: an alias repeats a value without copying it, so a few lines of aliases of aliases
    can stand for billions of values (and exhaust the memory of `make check` and of CI).

    Each needs its sign ("&", "*", "<<"): a file without any is not read twice."""
    if "&" not in src.text and "*" not in src.text and "<<" not in src.text:
        return
    for event in yaml.parse(src.text, Loader=_LOADER):
        anchor = isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None) is not None
        merge = isinstance(event, yaml.ScalarEvent) and event.value == "<<" and event.implicit[0]
        if anchor or merge:
            line = event.start_mark.line + 1 if event.start_mark else 1
            raise _problem(src.rel, line + line_offset, REFERENCES)


def _walk(doc: Doc, node: yaml.Node, loc: Loc) -> Any:
    doc.lines.setdefault(loc, node.start_mark.line + 1)
    if isinstance(node, yaml.ScalarNode):
        if node.tag in _TYPED_TAGS:
            return _SCALAR.construct_object(node)
        return node.value  # strings, and dates kept as written: the model parses them
    if isinstance(node, yaml.SequenceNode):
        return [_walk(doc, item, (*loc, i)) for i, item in enumerate(node.value)]
    if isinstance(node, yaml.MappingNode):
        out: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise _problem(doc.rel, key_node.start_mark.line + 1 + doc.line_offset,
                               "a key must be a plain word, not a list or mapping", where(loc))
            key = str(key_node.value)
            if key in out:
                first = doc.lines[(*loc, key)] + doc.line_offset
                raise _problem(doc.rel, key_node.start_mark.line + 1 + doc.line_offset,
                               f"'{key}' appears twice in the same block (first on line {first}): "
                               "keep one", where(loc))
            doc.lines[(*loc, key)] = key_node.start_mark.line + 1
            out[key] = _walk(doc, value_node, (*loc, key))
        return out
    raise _problem(doc.rel, node.start_mark.line + 1, "unsupported YAML node")  # pragma: no cover


def split_front_matter(src: Source) -> tuple[Doc, str, int]:
    """Split a Markdown file into its front matter (parsed) and its body.

    Returns the front matter document, the body text and the line where the body starts.
    """
    lines = src.text.split("\n")
    if not lines or lines[0].strip() != "---":
        raise _problem(src.rel, 1, "a page must start with a front matter block: a line '---', "
                       "then 'title: ...' and the other fields, then a line '---'")
    for end in range(1, len(lines)):
        if lines[end].strip() in ("---", "..."):
            break
    else:
        raise _problem(src.rel, 1, "the front matter block is not closed: add a line '---' "
                       "after its last field")
    front = Source(src.rel, "\n".join(lines[1:end]))
    doc = parse_yaml(front, line_offset=1)
    body = "\n".join(lines[end + 1:])
    return doc, body, end + 2


SINGULAR = {"sanctions": "sanction", "history": "record", "points": "point", "sources": "source",
            "aliases": "alias", "related": "related entry", "sectors": "sector", "languages": "language",
            "figures": "figure", "applies_to": "traffic", "traffic": "traffic", "sides": "side",
            "corrections": "correction", "recipients": "recipient", "openings": "opening",
            "talking_points": "point", "countries": "country", "risk_sources": "source", "relief": "relief",
            "releases": "release", "wallets": "wallet", "checks": "check", "days": "day", "notes": "note",
            "articles": "article", "background": "source"}
"""How one item of each list is called in messages."""
LABELS = ("id", "authority", "code", "date", "country")
"""The field that names a list item in messages, the first one it has."""


def where(loc: Loc, root: Any = None) -> str:
    """A location as people count and name things: positions from 1, with the item's own id or date."""
    parts: list[str] = []
    value = root
    parent = ""
    for i, part in enumerate(loc):
        if isinstance(part, int):
            item = value[part] if isinstance(value, list) and part < len(value) else None
            label = ""
            if isinstance(item, dict):
                label = next((str(item[k]) for k in LABELS if isinstance(item.get(k), (str, int))), "")
            elif isinstance(item, (str, int)) and len(str(item)) <= 40:
                label = str(item)
            if label.startswith(("TODO", "YYYY")):  # a placeholder of `new` names nothing
                label = ""
            name = SINGULAR.get(parent, "entry")
            if parent == "history":
                crossing = isinstance(root, dict) and "sides" in root  # a prisoner's history holds records
                name = "event" if any(p.startswith("sanction ") for p in parts) else "change" if crossing else "record"
            parts.append(f"{name} {part + 1}" + (f" ({label})" if label else ""))
            value = item
        else:
            if not (i + 1 < len(loc) and isinstance(loc[i + 1], int)):  # a list's name: its item says it
                parts.append(str(part))
            value = value.get(part) if isinstance(value, dict) else None
            parent = str(part)
    return " › ".join(parts)



