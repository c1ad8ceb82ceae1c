"""Markdown written by the generator: escaping of content text, the template environment, and the raw
HTML pieces templates use (postal lines, a letter's paragraphs, a printed QR code).

Every ``{{ value }}`` in a template is escaped for Markdown and HTML by the environment's
``finalize`` hook, so a name containing ``<script>`` or ``*`` shows as text. Helpers that
build Markdown on purpose (links) return ``Md`` values, which pass through unchanged.
"""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any, cast

import jinja2
import jinja2.bccache
import zxingcpp
from markupsafe import Markup

from scripts.render.letters import Letter
from scripts.store import Store, digest
from scripts.store import environment as environment_stamp

TEMPLATES = Path(__file__).parent / "templates"
_MD_INLINE = re.compile(r"([\\`*_{}\[\]|])")
"""Characters that start Markdown syntax anywhere in a line (| for tables, { for attribute lists)."""
_MD_LINE_START = re.compile(r"^(#|>|[+-](?=\s)|\d+(?=[.)]\s))")
"""What starts a heading, quote, list item or numbered item at the beginning of a line."""


class Md(Markup):
    """Markdown produced by the generator itself (or a template macro): not escaped again."""


def escape(value: Any) -> Markup:
    """Make any value safe to place in Markdown: shown as written, never interpreted."""
    if isinstance(value, Markup):
        return value
    if value is None:
        return Markup("")
    text = html.escape(re.sub(r"[ \t\r\n]+", " ", str(value)).strip(), quote=True)  # keeps no-break spaces
    text = _MD_INLINE.sub(r"\\\1", text)
    return Markup(_MD_LINE_START.sub(lambda m: m.group(1) + "\\" if m.group(1)[0].isdigit() else "\\" + m.group(1),
                                     text))


class StoredBytecode(jinja2.BytecodeCache):
    """Compiled templates kept in the build's store (Jinja checks each against its source)."""

    def __init__(self, store: Store):
        self.store = store

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        data = self.store.get("jinja", digest(environment_stamp(), bucket.key))
        if data is not None:
            bucket.bytecode_from_string(data)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.store.put("jinja", digest(environment_stamp(), bucket.key), bucket.bytecode_to_string())


def environment(store: Store | None = None) -> jinja2.Environment:
    """The Jinja environment of the Markdown templates (escaping by default); with ``store``, the compiled
    templates are kept between builds."""
    return jinja2.Environment(
        bytecode_cache=StoredBytecode(store) if store is not None else None,
        loader=jinja2.FileSystemLoader(TEMPLATES),
        undefined=jinja2.StrictUndefined,
        finalize=escape,
        autoescape=True,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )


# --- raw HTML and Markdown pieces the templates use -------------------------------------

_IMAGE = re.compile(r'(!\[(?:[^\]\\]|\\.)*\]\(images/([^)\s]+)(?:\s+"[^"]*")?\))(?!\{)')


def sized_images(body: str, sizes: dict[str, tuple[int, int]]) -> str:
    """Each image of the article's own (images/<file>) given its width and height, so that the page does
    not jump while it loads; all but the first load lazily."""
    count = 0

    def size(match: re.Match[str]) -> str:
        nonlocal count
        known = sizes.get(match.group(2))
        if known is None:
            return match.group(0)
        count += 1
        lazy = ' loading="lazy"' if count > 1 else ""
        return f'{match.group(1)}{{ width="{known[0]}" height="{known[1]}"{lazy} decoding="async" }}'

    return _IMAGE.sub(size, body)


def html_text(value: Any) -> Md:
    """A value shown as text in raw HTML (helpers' HTML passes through)."""
    return value if isinstance(value, Md) else Md(html.escape(str(value)))


def html_lines(text: str) -> Md:
    """Lines of text (a postal address) in raw HTML, one per line."""
    return Md("<br>".join(html.escape(line.strip()) for line in text.strip().splitlines()))


_WEB = re.compile(r"(https?://[^\s<]+)")


def letter_html(letter: Letter) -> Md:
    """A letter's text as paragraphs, exactly its words (the copy button copies them), addresses linked."""
    out = []
    for paragraph in letter.text.split("\n\n"):
        escaped = "<br>".join(html.escape(line) for line in paragraph.split("\n"))
        out.append("<p>" + _WEB.sub(r'<a href="\1">\1</a>', escaped) + "</p>")
    return Md("\n".join(out))


def css_string(text: str) -> str:
    """Text as a quoted CSS string that is also safe inside an HTML <style> element."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("<", "\\3c ").replace("\n", "\\a ")
    return f'"{escaped}"'


def external(label: Any, url: str) -> Md:
    """A link to another site."""
    return Md(f"[{escape(label)}](<{url}>)")


_DARK = re.compile(rb"\x00+")
"""A run of dark modules in a row of a QR code's image."""


def qr_svg(text: str, title: str) -> str:
    """A QR code of ``text`` (error correction M) as a small inline SVG: one path, a run of dark modules per
    stroke. zxing-cpp encodes it (in C++: a pure-Python encoder took 4 ms a page); tests/test_factsheets.py
    reads the printed codes back."""
    code = zxingcpp.create_barcode(text, zxingcpp.BarcodeFormat.QRCode, ec_level="M")
    modules = memoryview(cast(Any, code.to_image(scale=1, add_quiet_zones=False)))  # one byte a module, 0: dark
    size = modules.shape[0] if modules.shape else 0
    rows = modules.tobytes()
    strokes = [f"M{run.start() - y * size} {y}.5h{run.end() - run.start()}" for y in range(size)
               for run in _DARK.finditer(rows, y * size, (y + 1) * size)]
    return (f'<svg viewBox="0 0 {size} {size}" class="factsheet__qr"><title>{html.escape(title)}</title>'
            f'<path fill="none" stroke="#000" d="{"".join(strokes)}"/></svg>')
