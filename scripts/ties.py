"""Ties between articles and fact sheets.

- The first mention of each person, company or crossing in an article links to its page,
  found through any of its names and spellings, also when followed by a possessive or an
  inflection ("Lukashenko's", "Гуцериева"), never inside a word, a link, code or a tag.
- Figures the article states can be tied to a series in its front matter; the page then
  shows the latest sourced figure beside the paragraph. The article file is never changed.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from scripts.load import Content

LINKED_KINDS = ("people", "companies", "crossings")

# Parts of Markdown where no link may be added: code, links, images, raw HTML tags,
# attribute lists and headings.
_PROTECTED = re.compile(
    r"`[^`\n]*`"
    r"|!?\[[^\]\n]*\]\([^)\n]*\)"
    r"|<[^>\n]+>"
    r"|^\{[^}\n]*\}$"
    r"|^#{1,6} .*$",
    re.M,
)


@dataclass(frozen=True)
class Target:
    kind: str
    ident: str

    @property
    def path(self) -> str:
        return f"{self.kind}/{self.ident}.md"


def spellings(content: Content) -> dict[str, Target]:
    """Every name, alias and place name of each fact page -> that page."""
    out: dict[str, Target] = {}
    for kind in LINKED_KINDS:
        for ident, item in content.facts[kind].items():
            names = [*item.name.values(), *item.aliases]
            for side in getattr(item, "sides", []):
                names += list((side.place or {}).values())
            for name in names:
                out.setdefault(name, Target(kind, ident))
    return out


class Linker:
    """Finds mentions in Markdown and links the first one of each fact page."""

    def __init__(self, content: Content):
        self.targets = spellings(content)
        names = sorted(self.targets, key=len, reverse=True)
        alternatives = "|".join(re.escape(n) for n in names) or r"(?!x)x"
        # a name, then a possessive or an inflection that starts with it; not inside a word
        self.pattern = re.compile(rf"(?<![\w-])({alternatives})((?:['’]s)?[^\W\d_]*)(?![\w-])")

    def mentions(self, markdown: str) -> set[Target]:
        return {self.targets[m.group(1)] for segment in _free(markdown) for m in self.pattern.finditer(segment)}

    def link(self, markdown: str, href: Callable[[Target], str]) -> str:
        """``markdown`` with its first mention of each fact page turned into a link."""
        seen: set[Target] = set()
        out = []
        for segment, free in _segments(markdown):
            if not free:
                out.append(segment)
                continue

            def replace(match: re.Match[str]) -> str:
                target = self.targets[match.group(1)]
                if target in seen:
                    return match.group(0)
                seen.add(target)
                return f"[{match.group(0)}]({href(target)})"

            out.append(self.pattern.sub(replace, segment))
        return "".join(out)


def _segments(markdown: str) -> Iterator[tuple[str, bool]]:
    """The text cut into (segment, may-be-linked) pieces."""
    last = 0
    for match in _PROTECTED.finditer(markdown):
        yield markdown[last:match.start()], True
        yield match.group(0), False
        last = match.end()
    yield markdown[last:], True


def _free(markdown: str) -> Iterator[str]:
    return (segment for segment, free in _segments(markdown) if free)


def add_notes(raw: str, shown: str, notes: list[tuple[str, str]]) -> str:
    """Insert each (phrase, block) after the paragraph of ``shown`` that holds the phrase in ``raw``.

    ``shown`` is ``raw`` with links added: the same paragraphs, so positions come from ``raw``.
    """
    raw_paragraphs = raw.split("\n\n")
    paragraphs = shown.split("\n\n")
    after: dict[int, list[str]] = {}
    for phrase, block in notes:
        index = next((i for i, p in enumerate(raw_paragraphs) if phrase in p), None)
        if index is not None:
            after.setdefault(index, []).append(block)
    out = []
    for i, paragraph in enumerate(paragraphs):
        out.append(paragraph)
        out.extend(after.get(i, []))
    return "\n\n".join(out)
