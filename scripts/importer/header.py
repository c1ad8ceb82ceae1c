"""The lines around an article's headline that are about it rather than of it, in any order and
in any of the site's languages: the author, the date, 'Updated …', 'N min read', counters, and
the page chrome listed in scripts/importer/chrome.yml."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml
from babel.dates import get_month_names

CHROME_FILE = Path(__file__).parent / "chrome.yml"

BYLINE = re.compile(r"^(?:By|Written by|Author:?|Автор:?|Аўтар:?|Autor:?|Autorka:?|Tekst:?)\s+(.+)$", re.I)
READ_TIME = re.compile(r"^(?:\d+|one|two|three)\s*[-\s]?(?:min(?:ute)?s?|мин(?:ут[аы]?)?|хв(?:ілін[аы]?)?|"
                       r"мін|minut[ay]?)\.?(?:\s+(?:read|reading|на\s+чтение|чтения|чытання|"
                       r"на\s+чытанне|czytania|lektury))?$", re.I)
UPDATED = re.compile(r"^(?:Updated|Last updated|Обновлено|Обновлён[оа]?|Абноўлена|Zaktualizowano|"
                     r"Aktualizacja)[:\s]+(.+)$", re.I)
PUBLISHED = re.compile(r"^(?:Published|Posted(?: on)?|Опубликовано|Апублікавана|Opublikowano)[:\s]+(.+)$", re.I)
NUMBER = re.compile(r"^[\d\s.,·|]+$")
"""A line of numbers only: like, comment and view counters."""
PERSON = re.compile(r"^(?:[A-ZА-ЯЁЎІŁŚŻŹĆŃÓ][\w'’.-]+\s){1,3}[A-ZА-ЯЁЎІŁŚŻŹĆŃÓ][\w'’-]+$")
"""Two to four capitalised words: a name, when it stands next to a date."""


@cache
def chrome() -> tuple[frozenset[str], tuple[re.Pattern[str], ...]]:
    data = yaml.safe_load(CHROME_FILE.read_text(encoding="utf-8"))
    lines = frozenset(line.casefold() for line in data["lines"])
    return lines, tuple(re.compile(p, re.I) for p in data["patterns"])


def is_chrome(block: str) -> bool:
    """A line a page carries around an article: navigation, share buttons, counters."""
    lines, patterns = chrome()
    text = block.strip()
    return text.casefold() in lines or any(p.match(text) for p in patterns) or bool(NUMBER.match(text))


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
    text = re.sub(r",?\s+(?:at\s+|в\s+|o\s+)?\d{1,2}:\d{2}(?:\s*[ap]m)?$", "", text)  # a time after the date
    if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", text):
        y, mo, d = int(m[1]), int(m[2]), int(m[3])
    elif m := re.fullmatch(r"(\d{1,2})\.(\d{1,2})\.(\d{4})", text):
        d, mo, y = int(m[1]), int(m[2]), int(m[3])
    elif m := re.fullmatch(r"(\d{1,2}) ([^\W\d]+)\.?,? (\d{4})", text):
        d, mo, y = int(m[1]), month_numbers().get(m[2], 0), int(m[3])
    elif m := re.fullmatch(r"([^\W\d]+)\.? (\d{1,2}),? (\d{4})", text):
        d, mo, y = int(m[2]), month_numbers().get(m[1], 0), int(m[3])
    else:
        return None
    try:
        return dt.date(y, mo, d).isoformat()
    except ValueError:
        return None


def clean_author(name: str) -> str:
    """An author as a page gives it, without 'By' or 'Автор:'."""
    name = " ".join(name.split())
    match = BYLINE.match(name)
    return (match.group(1) if match else name).strip(" ,·|")


@dataclass
class HeaderFacts:
    """What the header lines said."""

    author: str | None = None
    date: str | None = None
    updated: str | None = None


def read_header_line(block: str, facts: HeaderFacts) -> bool:
    """Take what ``block`` says about the article into ``facts``; True when the line is only that
    (a byline, a date, 'Updated …', a reading time, chrome), so that it is not part of the text.

    A line may hold several parts: 'By Anna Kowalska · 12 February 2023 · 5 min read'."""
    found = HeaderFacts()
    for part in _parts(block, r"\s[·|•—–-]\s|\s·\s?"):
        if not _read_part(part, found):
            pieces = _parts(part, r",\s(?=\d)")  # 'Anna Kowalska, 12 February 2023'
            if len(pieces) == 1 or not all(_read_part(piece, found) for piece in pieces):
                return False
    facts.author = facts.author or found.author
    facts.date = facts.date or found.date
    facts.updated = facts.updated or found.updated
    return True


def _parts(text: str, separators: str) -> list[str]:
    return [p.strip() for p in re.split(separators, text) if p.strip()]


def _read_part(part: str, found: HeaderFacts) -> bool:
    if (updated := UPDATED.match(part)) and (day := parse_date_line(updated.group(1))):
        found.updated = found.updated or day
    elif ((published := PUBLISHED.match(part)) and (day := parse_date_line(published.group(1)))) \
            or (day := parse_date_line(part)):
        found.date = found.date or day
    elif byline := BYLINE.match(part):
        found.author = found.author or clean_author(byline.group(1))
    else:
        return bool(READ_TIME.match(part) or is_chrome(part))
    return True
