"""Field types shared by the content model: text, dates, links, ids, per-language text.

Each type validates one value and raises PydanticCustomError with a message written for
editors ("expected ..., got ..."); scripts.content.load adds the file, line and field path.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Annotated, Any
from urllib.parse import urlsplit

from pydantic import (
    AfterValidator,
    BeforeValidator,
    PlainSerializer,
    PlainValidator,
    ValidationInfo,
    WithJsonSchema,
)
from pydantic_core import PydanticCustomError

ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
LANG_RE = re.compile(r"^[a-z]{2,3}$")
DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufffe\uffff]")
"""Invisible control characters (C0 but tab and line breaks, DEL, C1, the line and paragraph separators, the
non-characters U+FFFE and U+FFFF): MkDocs' YAML reader changes or refuses them."""
_PRIVATE = re.compile("[\ue000-\uf8ff]")
"""Unicode's private use area: no real text has them (the build uses them as placeholders: scripts.site.frames)."""
_PLACEHOLDER = re.compile(r"\bTODO\b")
"""What `python -m scripts new` writes where a value is still to come (scripts.content.scaffold)."""


def show(value: Any) -> str:
    """How a found value is quoted in a message."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"{str(value).lower()} (a YAML yes/no value)"
    if isinstance(value, dict):
        return "a block of 'key: value' lines"
    if isinstance(value, list):
        return "a list"
    text = str(value)
    return repr(text if len(text) <= 60 else text[:57] + "...")


def fail(kind: str, message: str) -> PydanticCustomError:
    return PydanticCustomError(kind, message)


# --- text -------------------------------------------------------------------------------

def _text(value: Any) -> str:
    if isinstance(value, bool) or value is None or isinstance(value, (dict, list)):
        hint = ": put it in quotes" if isinstance(value, bool) else ""
        raise fail("text", f"expected text, got {show(value)}{hint}")
    text = str(value).strip()
    if not text:
        raise fail("text", "expected text, got an empty value")
    if _CONTROL.search(text):
        raise fail("text", "the text contains an invisible control character: retype it")
    if _PRIVATE.search(text):
        raise fail("text", "the text contains a private-use character (an icon font's, shown as a box "
                           "elsewhere): retype it")
    if _PLACEHOLDER.search(text):
        raise fail("text", f"still holds a placeholder of `new` ({show(text)}): write the real value")
    return text


Text = Annotated[str, PlainValidator(_text), WithJsonSchema({"type": "string", "minLength": 1})]
"""Plain text shown as written (never interpreted as HTML or Markdown)."""


def _id(value: Any) -> str:
    text = _text(value)
    if not ID_RE.match(text):
        suggestion = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "my-id"
        raise fail("id", f"expected an id of lowercase letters, digits and dashes like "
                   f"'{suggestion}', got {show(value)}")
    return text


Id = Annotated[str, PlainValidator(_id),
               WithJsonSchema({"type": "string", "pattern": ID_RE.pattern})]
"""A short stable id (lowercase ascii, digits, dashes): used in links and references."""


def _lang(value: Any) -> str:
    text = _text(value)
    if not LANG_RE.match(text):
        raise fail("lang", f"expected a two-letter language code like 'en' or 'be', got {show(value)}")
    return text


LangCode = Annotated[str, PlainValidator(_lang),
                     WithJsonSchema({"type": "string", "pattern": LANG_RE.pattern})]


_NOT_IN_URL = re.compile(r"[\s\"<>`{}|\\^]")
"""Characters a web address never holds as written (RFC 3986): a link with them breaks its page."""


def _url(value: Any) -> str:
    text = _text(value)
    parts = urlsplit(text)
    if parts.scheme not in ("http", "https") or not parts.netloc or " " in text:
        raise fail("url", f"expected a web address starting with https://, got {show(value)}")
    bad = _NOT_IN_URL.search(text)
    if bad:
        raise fail("url", f"a web address cannot hold {bad.group(0)!r} as written (in {show(value)}): copy it "
                   "from the browser's address bar, which writes %22 for \", %3C for <, %20 for a space")
    return text



def _page_url(value: Any) -> str:
    text = _url(value)
    parts = urlsplit(text)
    if parts.path in ("", "/") and not parts.query and not parts.fragment:
        raise fail("url", f"{text} is a site's home page: give the address of the page the fact was read on "
                   "(the article, the act, the list entry)")
    return text


PageUrl = Annotated[str, PlainValidator(_page_url),
                    WithJsonSchema({"type": "string", "format": "uri", "pattern": "^https?://[^/]+/.+"})]
"""The address of one page (not a site's home page): where a fact was read."""


Url = Annotated[str, PlainValidator(_url),
                WithJsonSchema({"type": "string", "format": "uri", "pattern": "^https?://"})]
"""An absolute http(s) link; javascript:, data: and other schemes are refused."""

EMAIL_RE = re.compile(r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$")


def _email(value: Any) -> str:
    text = _text(value)
    if not EMAIL_RE.match(text):
        raise fail("email", f"expected an e-mail address like someone@example.org, got {show(value)}")
    return text


Email = Annotated[str, PlainValidator(_email), WithJsonSchema({"type": "string", "format": "email"})]
"""An e-mail address, as the institution's own page gives it."""


# --- dates ------------------------------------------------------------------------------

@dataclass(frozen=True, order=True)
class PartialDate:
    """A date known to the day, the month or only the year, as sources often give them."""

    year: int
    month: int = 0
    day: int = 0

    @property
    def precision(self) -> str:
        return "day" if self.day else "month" if self.month else "year"

    def first_day(self) -> dt.date:
        return dt.date(self.year, self.month or 1, self.day or 1)

    def last_day(self) -> dt.date:
        """The last day the date may stand for: 2025-10 -> 31 October 2025."""
        if self.day:
            return self.first_day()
        if self.month:
            following = dt.date(self.year + self.month // 12, self.month % 12 + 1, 1)
            return following - dt.timedelta(days=1)
        return dt.date(self.year, 12, 31)

    def before(self, other: PartialDate) -> bool:
        """Certainly earlier than ``other``: 2025-10 is not before 2025-10-22 (it may be any day of October)."""
        return self.last_day() < other.first_day()

    def __str__(self) -> str:
        if self.day:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.month:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}"


def parse_date(value: Any) -> PartialDate:
    """Parse YYYY-MM-DD, YYYY-MM or YYYY; refuse dates that do not exist."""
    if isinstance(value, dt.date):
        value = value.isoformat()
    text = str(value).strip() if isinstance(value, (str, int)) else None
    match = DATE_RE.match(text) if text else None
    if text and text.startswith("YYYY"):
        raise fail("date", f"still holds a placeholder of `new` ({show(value)}): write the real date, "
                   "like 2021-06-21 (or 2021-06, or 2021)")
    if not match:
        raise fail("date", f"expected a date like 2021-06-21 (or 2021-06, or 2021), got {show(value)}")
    year, month, day = (int(g) if g else 0 for g in match.groups())
    try:
        dt.date(year, month or 1, day or 1)
    except ValueError:
        raise fail("date", f"{text} is not a date that exists: check the day and month") from None
    return PartialDate(year, month, day)


def _past_date(value: Any, info: ValidationInfo) -> PartialDate:
    date = parse_date(value)
    today = (info.context or {}).get("today")
    if today and date.first_day() > today:
        raise fail("date", f"{date} is in the future: facts record what has happened; check the year")
    return date


Date = Annotated[
    PartialDate,
    PlainValidator(_past_date),
    PlainSerializer(str, return_type=str),
    WithJsonSchema({"anyOf": [{"type": "string", "pattern": DATE_RE.pattern},
                              {"type": "integer", "minimum": 1900, "maximum": 2100}]}),
]
"""YYYY-MM-DD, or YYYY-MM / YYYY when the source gives no more."""


# --- text in several languages ------------------------------------------------------------

def _site_language(value: Any, info: ValidationInfo) -> str:
    languages: list[str] = (info.context or {}).get("languages") or []
    if languages and value not in languages:
        raise fail("lang_key", f"'{value}' is not a language of the site "
                   f"(content/site.yml lists: {', '.join(languages)})")
    return str(value)


SiteLanguage = Annotated[str, PlainValidator(_site_language),
                         WithJsonSchema({"type": "string", "pattern": LANG_RE.pattern})]


def _lang_default(value: dict[str, str], info: ValidationInfo) -> dict[str, str]:
    default = (info.context or {}).get("default")
    if default and default not in value:
        raise fail("lang_default", f"the text in the default language '{default}' is missing: "
                   f"add a line '{default}: ...'")
    return value


def _lang_mapping(value: Any) -> Any:
    if isinstance(value, dict):
        return value
    raise fail("lang_text", f"expected one line per language like 'en: ...', got {show(value)}")


LangText = Annotated[
    dict[SiteLanguage, Text],
    BeforeValidator(_lang_mapping),
    AfterValidator(_lang_default),
]
"""Text per site language: ``en: ...``, ``be: ...``. The default language is required."""
