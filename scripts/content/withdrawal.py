"""Withdrawal: a prisoner's file marked ``withdrawn:`` leaves no trace of the person on the site.

The file itself is never shown (scripts.content.load reads only its date and names). Here, before
anything is rendered, every other text of the content in every file has each of those names (in any
case and inflection, as a surname alone, inside a hashtag: scripts.content.names.withheld_pattern)
replaced by the label ``name_withheld`` of its language; a web address that spells the name (in any
alphabet: scripts.content.names.Spelled), in a source or a link, becomes its site's home page; an id
that spells it (a source's, a calendar day's) is replaced by a neutral one; a link to the person's
page loses its target and an image whose name or description names them is left out (and, no longer
referred to, is not published); and an action whose letter refers to the person is not published.
Pages, cards, the feed, open data, the search index and the printed sheets are all made from the
content, so none of them can name the person. The corrections page says that a
profile was withdrawn, without a name.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import unquote, urlsplit

from pydantic import BaseModel

from scripts.content.actions import TOKEN, Action
from scripts.content.documents import Content, MarkdownFile, MetaT
from scripts.content.names import Spelled, skeleton, withheld_pattern

NOT_TEXT = {"id", "url", "archive", "source", "source_url", "authority", "counted_by", "country", "related",
            "sectors", "series", "countries", "risk_sources", "background", "translated", "translated_from", "email"}
"""Fields that hold ids, addresses and fingerprints, never prose: no name is replaced in them."""
URLS = {"url", "archive", "source_url"}
"""Fields that hold a web address: one that spells a withdrawn name becomes its site's home page."""
LOCAL_IDS = {"id", "source", "risk_sources", "background"}
"""Fields that hold a source's or a calendar day's id, or refer to one: an id that spells a withdrawn name
is replaced, the same way everywhere."""


def redact(content: Content) -> None:
    """Take every withdrawn person out of ``content`` (in place): their names out of every text, web addresses
    that spell them out of every source and link, and every action whose letter refers to them."""
    names = tuple(sorted({name for w in content.withdrawn.values() for name in w.file.spellings}))
    if not names and not content.withdrawn:
        return
    pattern = withheld_pattern(names)
    spells = Spells.of([name for w in content.withdrawn.values() for name in w.file.name.values()],
                       [alias for w in content.withdrawn.values() for alias in w.file.aliases], list(content.withdrawn))
    default = content.site.default_language
    labels = {lang: (ui.name_withheld or content.ui[default].name_withheld or "…") for lang, ui in content.ui.items()}
    renamed: dict[str, str] = {}

    def label(lang: str) -> str:
        return labels.get(lang) or labels.get(default) or "…"

    def text(value: str, lang: str) -> str:
        value = _WEB.sub(lambda m: scrub_url(m.group(0), spells), value)
        if pattern.search(value):
            value = pattern.sub(lambda _: label(lang), value)
        return _CAPITALISED.sub(lambda m: label(lang) if spells.word(m.group(0)) else m.group(0), value)

    def local_id(value: str) -> str:
        if value not in renamed and spells(value):
            renamed[value] = f"withheld-{len(renamed) + 1}"
        return renamed.get(value, value)

    def walk(value: Any, lang: str, field: str = "") -> Any:
        if field in URLS and isinstance(value, str):
            return scrub_url(value, spells)
        if field in LOCAL_IDS:
            if isinstance(value, str):
                return local_id(value)
            if isinstance(value, list):
                new_ids = [local_id(v) for v in value]
                return new_ids if new_ids != value else value
        if field in NOT_TEXT:
            return value
        if isinstance(value, str):
            return text(value, lang)
        if isinstance(value, BaseModel):
            update = {}
            for name in type(value).model_fields:
                old = getattr(value, name)
                new = walk(old, lang, name)
                if new is not old:
                    update[name] = new
            return value.model_copy(update=update) if update else value
        if isinstance(value, dict):
            # a text per language ({en: ..., be: ...}): each in its own language
            new_dict = {k: walk(v, k if k in labels else lang) for k, v in value.items()}
            return new_dict if any(new_dict[k] is not value[k] for k in value) else value
        if isinstance(value, list):
            new_list = [walk(v, lang) for v in value]
            return new_list if any(a is not b for a, b in zip(new_list, value, strict=True)) else value
        return value

    for slug in [s for s, action in content.actions.items() if cites_withdrawn(action, content)]:
        del content.actions[slug]  # a letter about a withdrawn person is not published at all
    for field in ("people", "companies", "crossings", "series", "prisoners", "actions", "bodies", "countries",
                  "sectors"):
        items: dict[str, Any] = getattr(content, field)
        for ident, item in items.items():
            items[ident] = walk(item, default)
    for field in ("calendar", "releases", "phrases"):
        setattr(content, field, walk(getattr(content, field), default))

    def markdown(doc: MarkdownFile[MetaT], lang: str) -> MarkdownFile[MetaT]:
        body = text(unlinked(doc.body, spells, pattern), lang)
        return dataclasses.replace(doc, meta=walk(doc.meta, lang), body=body)

    for article in content.articles.values():
        article.update({lang: markdown(doc, lang) for lang, doc in article.items()})
    for page in content.pages.values():
        page.update({lang: markdown(doc, lang) for lang, doc in page.items()})


_WEB = re.compile(r"https?://[^\s)>\]\"'<]+")
_CAPITALISED = re.compile(r"(?<![\w-])[^\W\d_a-zа-яёіў][^\W\d_]{3,}")
_LINK = re.compile(r'(!?)\[((?:[^\]\\]|\\.)*)\]\(\s*<?([^)\s>]*)>?(\s+"[^"]*")?\s*\)')
_IMG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
_HREF = re.compile(r"""(<a\b[^>]*?)\s+href\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)""", re.IGNORECASE)


@dataclass(frozen=True)
class Spells:
    """Does a web address, an id or a file name spell a withdrawn name: a surname as written (in any case,
    also percent-encoded), or a word with its consonants in any alphabet ("andrei-paczobut")?"""

    literal: tuple[str, ...]
    """Surnames (lower case) and file ids, found anywhere in the address."""
    spelled: Spelled

    @classmethod
    def of(cls, names: list[str], aliases: list[str], ids: list[str]) -> Spells:
        """From people's names (first name first: the surname is the last word), other spellings (any order:
        each word of four letters or more that is not a first name of theirs) and the ids of their files."""
        first = {skeleton(name.split()[0]) for name in names if len(name.split()) > 1}
        words = {name.split()[-1] for name in names if name.split()}
        words |= {word for alias in aliases for word in alias.split() if len(word) >= 4 and skeleton(word) not in first}
        ordered = tuple(sorted(words))
        literal = {word.lower() for word in ordered if len(word) >= 4} | set(ids)
        return cls(tuple(sorted(literal)), Spelled.of(ordered))

    def __call__(self, value: str) -> bool:
        plain = unquote(value).lower()
        return any(word in plain for word in self.literal) or self.spelled.anywhere(plain)

    def word(self, word: str) -> bool:
        """A capitalised word of a text with the consonants of a surname of four or more ("Pachobut")."""
        return self.spelled.word(word) and len(skeleton(word)) >= 4


def scrub_url(url: str, spells: Spells) -> str:
    """A web address that spells a withdrawn name (in its path, also percent-encoded or in another alphabet)
    becomes its site's home page: the citation loses its page, the person is not named."""
    if not spells(url):
        return url
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}/"


def unlinked(body: str, spells: Spells, pattern: re.Pattern[str]) -> str:
    """Markdown without links to the person's pages or addresses that spell them (a link keeps its words) and
    without images whose file, description or title names them (a photo of the person is not shown)."""
    def link(m: re.Match[str]) -> str:
        image, words, target, title = m.group(1), m.group(2), m.group(3), m.group(4) or ""
        if image:
            return "" if spells(target) or pattern.search(words + title) or spells(words) else m.group(0)
        return words if spells(target) else m.group(0)

    body = _LINK.sub(link, body)
    body = _IMG.sub(lambda m: "" if spells(m.group(0)) or pattern.search(m.group(0)) else m.group(0), body)
    return _HREF.sub(lambda m: m.group(1) if spells(m.group(2)) else m.group(0), body)


def cites_withdrawn(action: Action, content: Content) -> bool:
    texts = [*action.letter.values(), *(text for opening in action.openings for text in opening.values())]
    return any(token.partition(":")[2] in content.withdrawn for text in texts for token in TOKEN.findall(text)
               if token.startswith("prisoner:"))
