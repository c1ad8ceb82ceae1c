"""Formatting UI messages (ICU MessageFormat) in one language.

The plural category of a number comes from CLDR through Babel (``Locale.plural_form``):
1, 21 and 101 are 'one' in Belarusian and Russian, 2–4 and 22–24 'few', 5–20 and 25 'many';
Polish puts 1 alone in 'one'. An exact branch (=0) wins over a category, and '#' in a
branch is the number written as the language writes it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from babel import Locale as BabelLocale

from scripts.content.messageformat import Node, parse


def format_message(text: str, values: Mapping[str, int | str], locale: BabelLocale,
                   number: Callable[[int], str]) -> str:
    """``text`` with every argument filled in from ``values``."""
    return _render(parse(text), values, locale, number, None)


def _render(nodes: tuple[Node, ...] | list[Node], values: Mapping[str, int | str], locale: BabelLocale,
            number: Callable[[int], str], current: int | None) -> str:
    out = []
    for node in nodes:
        if isinstance(node, str):
            out.append(node)
            continue
        name = str(node["name"])
        if node.get("hash"):
            out.append(number(current) if current is not None else "#")
            continue
        if name not in values:
            raise KeyError(f"the message needs a value for {{{name}}}")
        value = values[name]
        options = node.get("options")
        if node.get("type") == "plural" and options is not None:
            count = int(value)
            branch = options.get(f"={count}")
            if branch is None:
                category = locale.plural_form(abs(count - int(node.get("offset") or 0)))
                branch = options.get(category, options["other"])
            out.append(_render(branch, values, locale, number, count - int(node.get("offset") or 0)))
        elif node.get("type") == "select" and options is not None:
            out.append(_render(options.get(str(value), options["other"]), values, locale, number, current))
        else:
            out.append(number(value) if isinstance(value, int) else str(value))
    return "".join(out)
