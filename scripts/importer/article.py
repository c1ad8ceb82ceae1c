"""What an import produces, whatever it read: an article's front matter, its Markdown blocks and
the images between them, written into content/articles/<slug>/.

- `Imported` is the article before it is written: blocks of Markdown and `Figure`s (images
  still at their original address).
- scripts.importer.run writes it: each image kept as a file beside the article, `<lang>.md`, and
  the scraped text it was read from.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

from slugify import slugify

from scripts.errors import SiteError

DESCRIPTION_MAX = 160
TITLE_MAX = 200
LANGUAGES = ("en", "be", "ru", "pl")
CREDIT_WORD = r"(?:Photos?|Image|Source|Фото|Фота|Fot|Foto|Zdjęcie)\b"
"""How a photo credit begins, in the site's languages ('Photo: …', 'Фота: …', 'Fot. …')."""
"""The languages an article's language is recognised in (the site's; others are given with --lang)."""


class ImportFailed(SiteError):
    """The input cannot be turned into an article; nothing was written."""


@dataclass(frozen=True)
class Figure:
    """An image of the article, still at the address the page gave."""

    url: str
    alt: str
    caption: str = ""


@dataclass
class Imported:
    slug: str
    meta: dict[str, str]
    blocks: list[str | Figure]
    """Markdown blocks (paragraphs, headings, lists, quotes, tables, captions) and images, in order."""
    lang: str | None = None
    """The article's language, when the page says it or its text shows it."""
    notes: list[str] = field(default_factory=list)
    original: str = ""
    """The scraped text the article was read from, kept beside it as source.<lang>.txt (a page's HTML
    is not kept: its address is the article's source_url)."""

    @property
    def body(self) -> str:
        """The Markdown of an article without images (a scraped text's): its blocks, one after another."""
        assert all(isinstance(b, str) for b in self.blocks), "an article with images is written by write_article"
        return "\n\n".join(str(b) for b in self.blocks) + "\n"

    def front_matter(self) -> str:
        front = "\n".join(f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in self.meta.items())
        return f"---\n{front}\n---\n\n"


def escape_markdown(text: str) -> str:
    """Keep the author's characters, but stop them from turning into Markdown syntax."""
    return escape_block_start(escape_inline(text))


def escape_inline(text: str) -> str:
    """The characters that would start emphasis, code, a link or HTML, escaped."""
    return re.sub(r"([\\`*_\[\]<])", r"\\\1", text)


def escape_block_start(markdown: str) -> str:
    """A paragraph that would start like a heading, a quote or a list item stays a paragraph."""
    if re.match(r"#{1,6}(\s|$)|>|[-+]\s", markdown):
        markdown = "\\" + markdown
    return re.sub(r"^(\d+)([.)])(\s)", r"\1\\\2\3", markdown)


def describe(paragraph: str) -> str:
    """The first paragraph as plain text, cut at a word to at most 160 characters."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", paragraph)  # a link's words only
    text = re.sub(r"\\(.)|[*_]{1,2}(?=\S)|(?<=\S)[*_]{1,2}", lambda m: m.group(1) or "", text)
    text = " ".join(text.split())
    if len(text) <= DESCRIPTION_MAX:
        return text
    cut = text[: DESCRIPTION_MAX - 1].rsplit(" ", 1)[0].rstrip(",;:–—- ")
    return cut + "…"


def slug_of(title: str) -> str:
    return slugify(title, max_length=60, word_boundary=True) or "article"


def language_of(text: str) -> str | None:
    """The language of a text in one of the site's languages, told by its letters:
    Belarusian has ў and і, Russian и, щ and ъ, Polish its own accented letters."""
    letters = text.casefold()
    cyrillic = sum("а" <= c <= "я" or c in "ёўі" for c in letters)
    latin = sum("a" <= c <= "z" for c in letters)
    if cyrillic > latin:
        belarusian = letters.count("ў") + letters.count("і")
        russian = sum(letters.count(c) for c in "ищъ")
        return "be" if belarusian > russian else "ru"
    if latin:
        polish = sum(letters.count(c) for c in "ąćęłńóśźż")
        return "pl" if polish * 200 > latin else "en"
    return None
