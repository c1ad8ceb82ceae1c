"""UI messages in ICU MessageFormat: parsing and checking what each message may contain.

A label with a number in it says the number through a plural block, so that the words
around it agree with it in every language:

    headline_crossings: "{closed, plural, one {crossing of {total} is closed} other {crossings of {total} are closed}}"

The plural categories a language needs come from CLDR (Babel): one and other in English;
one, few, many and other in Belarusian, Russian and Polish. A message that lacks one of
its language's categories is refused, so no number can ever produce a broken sentence.
Formatting lives in scripts.i18n.messages.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any, Literal

from babel import Locale as BabelLocale
from pyicumessageformat import Parser

Node = str | dict[str, Any]
"""A parsed message is a list of nodes: text, or a dict for an argument / plural / select."""

ArgType = Literal["number", "text"]

_PARSER = Parser({"include_indices": False, "allow_tags": False, "strict": False})


@dataclass(frozen=True)
class MessageProblem:
    """What is wrong with one message, for an editor."""

    message: str


@cache
def parse(text: str) -> tuple[Node, ...]:
    """The message as nodes; raises ValueError with the parser's explanation."""
    try:
        return tuple(_PARSER.parse(text))
    except SyntaxError as exc:
        raise ValueError(str(exc)) from None


@cache
def plural_categories(locale: str) -> frozenset[str]:
    """The CLDR plural categories a language's messages must cover (always including 'other')."""
    return frozenset(BabelLocale.parse(locale).plural_form.tags) | {"other"}


def check(text: str, arguments: dict[str, ArgType], locale: str) -> list[MessageProblem]:
    """Problems of one message: syntax, unknown arguments, plurals of text, missing categories."""
    try:
        nodes = parse(text)
    except ValueError as exc:
        return [MessageProblem(f"not a valid message ({exc}); braces must come in pairs, and a plural "
                               "reads like {count, plural, one {…} other {…}}")]
    problems: list[MessageProblem] = []
    needed = plural_categories(locale)
    for node in walk(nodes):
        name = node.get("name")
        kind = node.get("type")
        if node.get("hash"):
            continue
        if name not in arguments:
            allowed = ", ".join("{" + a + "}" for a in sorted(arguments)) or "no {…} at all"
            problems.append(MessageProblem(f"'{{{name}}}' is not filled in by the site: this label may use {allowed}"))
            continue
        if kind == "plural":
            if arguments[name] != "number":
                problems.append(MessageProblem(f"'{name}' is text, not a number: it cannot take a plural"))
                continue
            options = set(node["options"])
            missing = sorted(needed - options, key=["zero", "one", "two", "few", "many", "other"].index)
            if missing:
                have = ", ".join(sorted(options))
                problems.append(MessageProblem(
                    f"the plural of '{name}' lacks {', '.join(missing)}: in this language every number falls in "
                    f"one of {', '.join(sorted(needed))} (CLDR); found only {have}"))
            unknown = sorted(o for o in options if not o.startswith("=") and o not in needed)
            if unknown:
                problems.append(MessageProblem(f"the plural of '{name}' has '{unknown[0]}', which this language "
                                               f"does not use: its categories are {', '.join(sorted(needed))}"))
        elif kind not in (None, "select", "number"):
            problems.append(MessageProblem(f"'{{{name}, {kind}}}' is not supported: use {{{name}}} or a plural"))
    return problems


def walk(nodes: tuple[Node, ...] | list[Node]) -> list[dict[str, Any]]:
    """Every argument node of a message, nested ones included."""
    out: list[dict[str, Any]] = []
    for node in nodes:
        if isinstance(node, dict):
            out.append(node)
            for branch in (node.get("options") or {}).values():
                out.extend(walk(branch))
    return out

