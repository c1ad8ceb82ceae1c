"""Withdrawal: a prisoner's file marked ``withdrawn:`` leaves no trace of the person on the site.

The file itself is never shown (scripts.content.load reads only its date and names). Here every
other text of the content, in every file, has each of those names (also inflected: "Почобута")
replaced by the label ``name_withheld`` of its language, before anything is rendered: pages, cards,
the feed, open data, the search index and the printed sheets are all made from the content, so none
of them can name the person. The corrections page says that a profile was withdrawn, without a name.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from pydantic import BaseModel

from scripts.content.documents import Content, MarkdownFile

NOT_TEXT = {"id", "url", "archive", "source", "source_url", "authority", "counted_by", "country", "related",
            "sectors", "series", "countries", "risk_sources", "translated", "translated_from", "email"}
"""Fields that hold ids, addresses and fingerprints, never prose: they are left as they are."""


_STEM_END = re.compile(r"[аяоеэёыіиуюйьaeoyij]$", re.IGNORECASE)


def stem(word: str, alone: bool = True) -> str:
    """What every inflected form of a word of a name starts with: the word less a last vowel, й or ь
    ("Анджей" -> "Андже", "Зоя" -> "Зо"), only for words of four letters or more when ``alone``."""
    return word[:-1] if _STEM_END.search(word) and (len(word) >= 4 or (not alone and len(word) >= 3)) else word


def _spelling(name: str, ahead: bool = True) -> str:
    """A regular expression of a name that also matches its inflected forms: each word may change its last
    vowel and take up to three more letters before the next word, the last word any ending after its stem
    (``name_pattern``): "Анджей Почобут" matches "Анджея Почобута", "Секрэтная Зоя" "Секрэтнай Зоі"."""
    words = name.split()
    if not words:
        return re.escape(name)
    parts = [re.escape(stem(word)) + r"[^\W\d_]{0,3}" if len(word) >= 4 else re.escape(word) for word in words[:-1]]
    last = stem(words[-1], alone=len(words) == 1)
    ending = r"(?=[^\W\d_])" if ahead and last != words[-1] else ""  # a stem is followed by its ending
    return r"\s+".join([*parts, re.escape(last) + ending])


@dataclass(frozen=True)
class Names:
    """A pattern that finds any of some names in a text, and which name a match is."""

    pattern: re.Pattern[str]
    """Group 1: the name as the text writes it; group 2: the possessive or inflection after it."""
    names: tuple[str, ...]
    each: tuple[re.Pattern[str], ...]

    def which(self, found: str) -> str:
        """The name (as given) that the text ``found`` (a match's group 1) spells."""
        return next((name for name, one in zip(self.names, self.each, strict=True) if one.fullmatch(found)),
                    self.names[0])


@lru_cache(maxsize=256)
def name_pattern(names: tuple[str, ...]) -> Names:
    """Any of ``names``, also inflected and followed by a possessive or an ending ("Lukashenko's", "Гуцериева",
    "Анджэю Пачобуту"), never inside a longer word."""
    ordered = tuple(sorted(names, key=len, reverse=True))
    spelled = [_spelling(n) for n in ordered]
    alternatives = "|".join(spelled) or r"(?!x)x"
    return Names(re.compile(rf"(?<![\w-])({alternatives})((?:['’]s)?[^\W\d_]*)(?![\w-])"), ordered,
                 tuple(re.compile(_spelling(n, ahead=False)) for n in ordered))


def redact(content: Content) -> None:
    """Take every withdrawn person's names out of every text of ``content`` (in place)."""
    names = tuple(sorted({name for w in content.withdrawn.values() for name in w.file.spellings}))
    if not names:
        return
    pattern = name_pattern(names).pattern
    default = content.site.default_language
    labels = {lang: (ui.name_withheld or content.ui[default].name_withheld or "…") for lang, ui in content.ui.items()}

    def label(lang: str) -> str:
        return labels.get(lang) or labels.get(default) or "…"

    def text(value: str, lang: str) -> str:
        return pattern.sub(lambda _: label(lang), value) if pattern.search(value) else value

    def walk(value: Any, lang: str, field: str = "") -> Any:
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

    for field in ("people", "companies", "crossings", "series", "prisoners", "actions"):
        items: dict[str, Any] = getattr(content, field)
        for ident, item in items.items():
            items[ident] = walk(item, default)
    if content.calendar is not None:
        content.calendar = walk(content.calendar, default)
    content.phrases = walk(content.phrases, default)
    for group in (content.articles, content.pages):
        for versions in group.values():
            for lang, doc in versions.items():
                versions[lang] = _redact_markdown(doc, lambda value, lang=lang: text(value, lang))


def _redact_markdown(doc: MarkdownFile[Any], text: Any) -> MarkdownFile[Any]:
    meta = doc.meta.model_copy(update={name: text(getattr(doc.meta, name)) for name in ("title", "description")})
    return dataclasses.replace(doc, body=text(doc.body), meta=meta)
