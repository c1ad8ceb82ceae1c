"""An article from the text of a scraped web page (what a browser's "select all, copy" gives).

The header lines (author, date, 'Updated …', 'N min read', in any order and language) are read
and taken out, and the headline is found by what it is: the line that is none of these and not
a paragraph. The author's words are kept exactly; what changes is only what a scrape adds or breaks:
page chrome is dropped (markers in scripts/importer/chrome.yml), an image's alt text followed
by its caption becomes one caption with its credit, a short line between paragraphs that
describes an image becomes a captioned image placeholder, a paragraph repeated as a pull
quote appears once as a pull quote, bullet lines become a list, whitespace is normalised,
and mismatched or misplaced double quotation marks are repaired.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from scripts.importer.article import (
    CREDIT_WORD,
    TITLE_MAX,
    Imported,
    ImportFailed,
    describe,
    escape_markdown,
    language_of,
    slug_of,
)
from scripts.importer.header import PERSON, HeaderFacts, is_chrome, read_header_line

FIGURE_MAX_WORDS = 12
HEADER_MAX = 8
"""Lines before the first paragraph looked at for the headline, the author and the dates."""

CREDIT = re.compile(rf"^[.,;:]?\s*({CREDIT_WORD}.*)$", re.I)
BULLET = re.compile(r"^(?:[•·▪◦‣*–-]|\d{1,2}[.)])\s+(.+)$")
NUMBERED = re.compile(r"^\d{1,2}[.)]\s")
QUOTES = '"“”„'
PAIRS = {('"', '"'), ("“", "”"), ("„", "“"), ("„", "”")}
"""Opening and closing marks that belong together (English, Belarusian/Russian, Polish)."""
TERMINAL = '.!?:;…"”»)'


# --- reading ------------------------------------------------------------------------------

def read_scrape(path: Path) -> str:
    if not path.is_file():
        raise ImportFailed(f"{path}: no such file")
    data = path.read_bytes()
    if b"\x00" in data:
        raise ImportFailed(f"{path}: this is not a text file (it contains binary data): "
                           "save the page's text as a .txt file, or the page itself as .html")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise ImportFailed(f"{path}:{line}: the file is not UTF-8 text: save it as UTF-8") from None
    if not text.strip():
        raise ImportFailed(f"{path}: the file is empty: there is no article to import")
    return text


def blocks_of(text: str) -> list[str]:
    """Each non-empty line is a block; whitespace inside it is normalised."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    out = []
    for line in text.split("\n"):
        line = re.sub(r"[ \t\u00a0\u2009\u202f]+", " ", line).strip()
        line = re.sub(r"[\u200b\u200c\u200d\ufeff]", "", line)
        if line:
            out.append(line)
    return out


# --- quotation marks ------------------------------------------------------------------------

def fix_quotes(text: str) -> str:
    """Repair double quotation marks a scrape broke; leave matched pairs as they are.

    - a closing mark glued to the next word gets a space: '"fugitives,"which' -> '"fugitives," which'
    - an opening mark that drifted before the space moves to the word: 'coming" thaw.' -> 'coming "thaw".'
      (closed after that word when no closing mark follows)
    - a pair of marks of two styles (a straight and a curly one) becomes two straight marks.
    Guillemets (« ») are never touched.
    """
    chars = list(text)
    inside: int | None = None  # index of the current opening mark
    i = 0
    while i < len(chars):
        c = chars[i]
        if c not in QUOTES:
            i += 1
            continue
        before = chars[i - 1] if i else " "
        after = chars[i + 1] if i + 1 < len(chars) else " "
        if inside is None:
            if before.isalnum() and after == " " and i + 2 < len(chars) and chars[i + 2].isalnum():
                # 'coming" thaw' -> 'coming "thaw'
                chars[i], chars[i + 1] = " ", '"'
                j = i + 2
                while j < len(chars) and (chars[j].isalnum() or chars[j] in "-'’"):
                    j += 1
                rest = "".join(chars[j:])
                next_mark = next((k for k, ch in enumerate(rest) if ch in QUOTES), None)
                opens_next = next_mark is not None and (next_mark == 0 or rest[next_mark - 1] == " ")
                if next_mark is None or opens_next:
                    chars.insert(j, '"')
                    i = j + 1
                    continue
                inside = i + 1
                i += 2
                continue
            inside = i
        else:
            if (chars[inside], c) not in PAIRS:
                chars[inside] = chars[i] = '"'
            if after.isalpha():
                chars.insert(i + 1, " ")
            inside = None
        i += 1
    return "".join(chars)


# --- Markdown -------------------------------------------------------------------------------

def same_text(a: str, b: str) -> bool:
    """Equal but for typography: dashes, quotation marks, apostrophes and spacing."""
    def norm(s: str) -> str:
        s = re.sub("[–—−-]", "-", s)
        s = re.sub("[“”„«»\"]", '"', s)
        s = re.sub("[’‘`']", "'", s)
        return re.sub(r"\s+", " ", s).strip().casefold()
    return norm(a) == norm(b)


def looks_like_figure(block: str, prev: str | None, nxt: str | None) -> bool:
    """A lone short line without end punctuation between two paragraphs."""
    if prev is None or nxt is None or block[-1] in TERMINAL or BULLET.match(block):
        return False
    words = len(block.split())
    return 2 <= words <= FIGURE_MAX_WORDS and len(prev.split()) > words and len(nxt.split()) > words


def convert(blocks: list[str]) -> list[str]:
    out: list[str] = []
    items: list[str] = []
    numbered = False

    def flush_list() -> None:
        nonlocal items
        if items:
            out.append("\n".join(f"{n}. {item}" if numbered else f"- {item}"
                                 for n, item in enumerate(items, 1)))
            items = []

    i = 0
    while i < len(blocks):
        block, nxt = blocks[i], blocks[i + 1] if i + 1 < len(blocks) else None
        prev = blocks[i - 1] if i else None
        bullet = BULLET.match(block)
        if bullet and (items or (nxt and BULLET.match(nxt))):
            numbered = bool(NUMBERED.match(block)) if not items else numbered
            items.append(escape_markdown(fix_quotes(bullet.group(1))))
            i += 1
            continue
        flush_list()
        if nxt and nxt.startswith(block) and (credit := CREDIT.match(nxt[len(block):])):
            caption = block if block[-1] in ".!?" else block + "."
            out.append(f"*{escape_markdown(caption)}* {escape_markdown(credit.group(1))}\n{{.figure-caption}}")
            i += 2
        elif nxt and same_text(block, nxt):
            out.append(f"> {escape_markdown(fix_quotes(block))}\n{{.pull-quote}}")
            i += 2
        elif looks_like_figure(block, prev, nxt):
            out.append(f"*{escape_markdown(block)}*\n{{.figure-caption}}")
            i += 1
        else:
            out.append(escape_markdown(fix_quotes(block)))
            i += 1
    flush_list()
    return out


def is_paragraph(block: str) -> bool:
    """A line of running text, not a headline: a sentence ending in a full stop, or a long line."""
    words = len(block.split())
    return words >= 30 or len(block) > TITLE_MAX or (words >= 6 and block[-1] in '.…:;"”»)')


def find_header(blocks: list[str], facts: HeaderFacts) -> tuple[str, list[str], int]:
    """(the headline, header lines that belong to the text, where the text after the header begins);
    ``facts`` gets the author and dates.

    The header is the lines before the first paragraph. Bylines, dates, reading times and
    chrome are read as such; of the lines left, a name standing next to a date is the author,
    a single word is a category, and the headline is the first line of four words or more, else
    the longest. Lines after the headline that are none of these (a subtitle) stay in the text."""
    header = []
    for block in blocks[:HEADER_MAX]:
        if is_paragraph(block) or BULLET.match(block):
            break
        header.append(block)
    meta = [read_header_line(block, facts) for block in header]
    left = [i for i, is_meta in enumerate(meta) if not is_meta]
    names = [i for i in left if PERSON.match(header[i]) and any(0 <= j < len(meta) and meta[j] for j in (i - 1, i + 1))]
    if len(left) > len(names) and names and facts.author is None:
        facts.author = header[names[0]]
    candidates = [i for i in left if i not in names and len(header[i].split()) > 1] or \
        [i for i in left if i not in names] or left
    if not candidates:
        shown = blocks[0][:40].rstrip() if blocks else ""
        raise ImportFailed(f"no title found: the first line of the article should be its headline, "
                           f"but it reads '{shown}…'")
    title = next((i for i in candidates if len(header[i].split()) >= 4), max(candidates, key=lambda i: len(header[i])))
    kept = [header[i] for i in candidates if i > title]
    return header[title], kept, len(header)


def import_text(text: str, *, name: str, slug: str | None = None, source_url: str | None = None,
                date: str | None = None, publisher: str | None = None) -> Imported:
    blocks = [b for b in blocks_of(text) if not is_chrome(b)]
    if not blocks:
        raise ImportFailed(f"{name}: only page chrome was found: there is no article to import")
    facts = HeaderFacts()
    try:
        title, kept, start = find_header(blocks, facts)
    except ImportFailed as exc:
        raise ImportFailed(f"{name}: {exc}") from None
    if len(title) > TITLE_MAX or title[-1] in ".;:," or BULLET.match(title):
        raise ImportFailed(f"{name}: no title found: the first line of the article should be its "
                           f"headline, but it reads '{title[:40].rstrip()}…'")
    body = convert(kept + blocks[start:])
    paragraphs = [b for b in body if not b.startswith(("*", ">", "- ", "1. "))]
    if not paragraphs:
        raise ImportFailed(f"{name}: no paragraph of text follows the title")
    meta = {"title": fix_quotes(title), "description": describe(paragraphs[0])}
    if facts.author:
        meta["author"] = facts.author
    notes = []
    for key, value in (("publisher", publisher), ("date", date or facts.date), ("source_url", source_url)):
        if value:
            meta[key] = value
        else:
            notes.append(f"add '{key}: ...' to the front matter before publishing")
    if facts.updated and facts.updated != meta.get("date"):
        meta["updated"] = facts.updated
    return Imported(slug or slug_of(title), meta, list(body), language_of(" ".join(blocks)), notes, text)
