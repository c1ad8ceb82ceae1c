"""Import an article from the text of a scraped web page into content/articles/<slug>/<lang>.md.

The author's words are kept exactly; what changes is only what a scrape adds or breaks:
page chrome is dropped (markers in scripts/importer/chrome.yml), an image's alt text followed
by its caption becomes one caption with its credit, a short line between paragraphs that
describes an image becomes a captioned image placeholder, a paragraph repeated as a pull
quote appears once as a pull quote, bullet lines become a list, whitespace is normalised,
and mismatched or misplaced double quotation marks are repaired.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import yaml
from babel.dates import get_month_names
from slugify import slugify

from scripts.errors import SiteError

CHROME_FILE = Path(__file__).parent / "chrome.yml"
DESCRIPTION_MAX = 160
TITLE_MAX = 200
FIGURE_MAX_WORDS = 12

CREDIT = re.compile(r"^[.,;:]?\s*((?:Photos?|Image|Source|Фото|Фота|Fot|Foto|Zdjęcie)\b.*)$", re.I)
BYLINE = re.compile(r"^(?:By|Author:|Автор:|Аўтар:|Autor:|Autorka:)\s+(.+)$", re.I)
BULLET = re.compile(r"^(?:[•·▪◦‣*–-]|\d{1,2}[.)])\s+(.+)$")
NUMBERED = re.compile(r"^\d{1,2}[.)]\s")
QUOTES = '"“”„'
PAIRS = {('"', '"'), ("“", "”"), ("„", "“"), ("„", "”")}
"""Opening and closing marks that belong together (English, Belarusian/Russian, Polish)."""
TERMINAL = '.!?:;…"”»)'


class ImportFailed(SiteError):
    """The input cannot be turned into an article; nothing was written."""


@dataclass
class Imported:
    slug: str
    meta: dict[str, str]
    body: str
    notes: list[str] = field(default_factory=list)

    def markdown(self) -> str:
        front = "\n".join(f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in self.meta.items())
        return f"---\n{front}\n---\n\n{self.body}"


# --- reading ------------------------------------------------------------------------------

def read_scrape(path: Path) -> str:
    if not path.is_file():
        raise ImportFailed(f"{path}: no such file")
    data = path.read_bytes()
    if b"\x00" in data:
        raise ImportFailed(f"{path}: this is not a text file (it contains binary data): "
                           "save the page's text as a .txt file first")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise ImportFailed(f"{path}:{line}: the file is not UTF-8 text: save it as UTF-8") from None
    if not text.strip():
        raise ImportFailed(f"{path}: the file is empty: there is no article to import")
    return text


@cache
def chrome() -> tuple[frozenset[str], tuple[re.Pattern[str], ...]]:
    data = yaml.safe_load(CHROME_FILE.read_text(encoding="utf-8"))
    lines = frozenset(line.casefold() for line in data["lines"])
    return lines, tuple(re.compile(p, re.I) for p in data["patterns"])


def is_chrome(block: str) -> bool:
    lines, patterns = chrome()
    return block.casefold() in lines or any(p.match(block) for p in patterns)


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


# --- dates and bylines --------------------------------------------------------------------

@cache
def month_numbers() -> dict[str, int]:
    """Month names in the site's languages, in every form Babel knows ('лютага', 'lutego')."""
    names: dict[str, int] = {}
    for locale in ("en", "be", "ru", "pl", "uk", "lt", "lv", "de"):
        for context in ("format", "stand-alone"):
            for width in ("wide", "abbreviated"):
                for number, name in get_month_names(width, context, locale).items():
                    names[name.casefold().rstrip(".")] = number
    return names


def parse_date_line(block: str) -> str | None:
    """'12 February 2023', 'February 12, 2023', '12.02.2023', '2023-02-12', '12 лютага 2023 г.'."""
    text = block.casefold().strip(" .")
    text = re.sub(r"\s*(г|гг|р|r)\.?$", "", text)
    if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", text):
        y, mo, d = int(m[1]), int(m[2]), int(m[3])
    elif m := re.fullmatch(r"(\d{1,2})\.(\d{1,2})\.(\d{4})", text):
        d, mo, y = int(m[1]), int(m[2]), int(m[3])
    elif m := re.fullmatch(r"(\d{1,2}) ([^\W\d]+)\.? (\d{4})", text):
        d, mo, y = int(m[1]), month_numbers().get(m[2], 0), int(m[3])
    elif m := re.fullmatch(r"([^\W\d]+)\.? (\d{1,2}),? (\d{4})", text):
        d, mo, y = int(m[2]), month_numbers().get(m[1], 0), int(m[3])
    else:
        return None
    try:
        return dt.date(y, mo, d).isoformat()
    except ValueError:
        return None


def split_byline(block: str) -> tuple[str | None, str | None]:
    """(author, date) from a byline such as 'By Anna Kowalska · 12 February 2023'."""
    parts = [p.strip() for p in re.split(r"\s[·|•—–-]\s|,\s(?=\d)", block) if p.strip()]
    author = date = None
    for part in parts:
        if (found := parse_date_line(part)) and date is None:
            date = found
        elif (m := BYLINE.match(part)) and author is None:
            author = m.group(1).strip()
    if author is None and date is None:
        return None, None
    if len(parts) > (author is not None) + (date is not None):
        return None, None  # something else in the line: not a byline
    return author, date


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

def escape_markdown(text: str) -> str:
    """Keep the author's characters, but stop them from turning into Markdown syntax."""
    text = re.sub(r"([\\`*_\[\]<])", r"\\\1", text)
    if re.match(r"#{1,6}(\s|$)|>|[-+]\s", text):
        text = "\\" + text
    return re.sub(r"^(\d+)([.)])(\s)", r"\1\\\2\3", text)


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


def describe(paragraph: str) -> str:
    """The first paragraph, cut at a word to at most 160 characters."""
    text = re.sub(r"\\(.)", r"\1", paragraph)
    if len(text) <= DESCRIPTION_MAX:
        return text
    cut = text[: DESCRIPTION_MAX - 1].rsplit(" ", 1)[0].rstrip(",;:–—- ")
    return cut + "…"


def import_text(text: str, *, name: str, slug: str | None = None, source_url: str | None = None,
                date: str | None = None, publisher: str | None = None) -> Imported:
    blocks = [b for b in blocks_of(text) if not is_chrome(b)]
    if not blocks:
        raise ImportFailed(f"{name}: only page chrome was found: there is no article to import")
    title = blocks.pop(0)
    if len(title) > TITLE_MAX or title[-1] in ".;:," or BULLET.match(title):
        raise ImportFailed(f"{name}: no title found: the first line of the article should be its "
                           f"headline, but it reads '{title[:40].rstrip()}…'")
    author = None
    for _ in range(3):
        if not blocks:
            break
        found_author, found_date = split_byline(blocks[0])
        if found_author is None and found_date is None:
            break
        author = author or found_author
        date = date or found_date
        blocks.pop(0)
    body = convert(blocks)
    paragraphs = [b for b in body if not b.startswith(("*", ">", "- ", "1. "))]
    if not paragraphs:
        raise ImportFailed(f"{name}: no paragraph of text follows the title")
    meta = {"title": fix_quotes(title), "description": describe(paragraphs[0])}
    notes = []
    if author:
        meta["author"] = author
    for key, value in (("publisher", publisher), ("date", date), ("source_url", source_url)):
        if value:
            meta[key] = value
        else:
            notes.append(f"add '{key}: ...' to the front matter before publishing")
    return Imported(slug or slugify(title, max_length=60, word_boundary=True), meta, "\n\n".join(body) + "\n",
                    notes)


def import_article(root: Path, source: Path, lang: str, *, slug: str | None = None, source_url: str | None = None,
                   date: str | None = None, publisher: str | None = None, force: bool = False) -> Path:
    """Write content/articles/<slug>/<lang>.md and source.<lang>.txt; return the article path."""
    text = read_scrape(source)
    imported = import_text(text, name=str(source), slug=slug, source_url=source_url, date=date, publisher=publisher)
    folder = root / "content" / "articles" / imported.slug
    target = folder / f"{lang}.md"
    raw = folder / f"source.{lang}.txt"
    if target.exists() and not force:
        raise ImportFailed(f"{target.relative_to(root)} already exists: pass --force to replace it")
    folder.mkdir(parents=True, exist_ok=True)
    target.write_text(imported.markdown(), encoding="utf-8")
    if source.resolve() != raw.resolve():
        raw.write_text(text, encoding="utf-8")
    for note in imported.notes:
        print(f"{target.relative_to(root)}: {note}")
    return target
