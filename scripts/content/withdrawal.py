"""Withdrawal: a prisoner's file marked ``withdrawn:`` leaves no trace of the person on the site.

The file itself is never shown (scripts.content.load reads only its date and names). Here, before
anything is rendered, every other text of the content in every file has each of those names (in any
case and inflection, as a surname alone, inside a hashtag: scripts.content.names.withheld_pattern)
replaced by the label ``name_withheld`` of its language; a web address that spells the name, in a
source or a link, becomes its site's home page; and an action whose letter refers to the person is
not published. Pages, cards, the feed, open data, the search index and the printed sheets are all
made from the content, so none of them can name the person. The corrections page says that a
profile was withdrawn, without a name.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Any
from urllib.parse import unquote, urlsplit

from pydantic import BaseModel

from scripts.content.actions import TOKEN, Action
from scripts.content.documents import Content, MarkdownFile
from scripts.content.names import withheld_pattern

NOT_TEXT = {"id", "url", "archive", "source", "source_url", "authority", "counted_by", "country", "related",
            "sectors", "series", "countries", "risk_sources", "translated", "translated_from", "email"}
"""Fields that hold ids, addresses and fingerprints, never prose: they are left as they are."""


def redact(content: Content) -> None:
    """Take every withdrawn person out of ``content`` (in place): their names out of every text, web addresses
    that spell them out of every source and link, and every action whose letter refers to them."""
    names = tuple(sorted({name for w in content.withdrawn.values() for name in w.file.spellings}))
    if not names and not content.withdrawn:
        return
    pattern = withheld_pattern(names)
    needles = tuple(sorted({word.lower() for name in names for word in name.split()[-1:] if len(word) >= 4}))
    default = content.site.default_language
    labels = {lang: (ui.name_withheld or content.ui[default].name_withheld or "…") for lang, ui in content.ui.items()}

    def label(lang: str) -> str:
        return labels.get(lang) or labels.get(default) or "…"

    def text(value: str, lang: str) -> str:
        value = _WEB.sub(lambda m: scrub_url(m.group(0), needles), value)
        return pattern.sub(lambda _: label(lang), value) if pattern.search(value) else value

    def walk(value: Any, lang: str, field: str = "") -> Any:
        if field in ("url", "archive") and isinstance(value, str):
            return scrub_url(value, needles)
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
    for group in (content.articles, content.pages):
        for versions in group.values():
            for lang, doc in versions.items():
                versions[lang] = _redact_markdown(doc, lambda value, lang=lang: text(value, lang))


_WEB = re.compile(r"https?://[^\s)>\]\"'<]+")


def scrub_url(url: str, needles: tuple[str, ...]) -> str:
    """A web address that spells a withdrawn name (in its path, also percent-encoded) becomes its site's
    home page: the citation loses its page, the person is not named."""
    if not needles or not any(needle in unquote(url).lower() for needle in needles):
        return url
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}/"


def cites_withdrawn(action: Action, content: Content) -> bool:
    texts = [*action.letter.values(), *(text for opening in action.openings for text in opening.values())]
    return any(token.partition(":")[2] in content.withdrawn for text in texts for token in TOKEN.findall(text)
               if token.startswith("prisoner:"))


def _redact_markdown(doc: MarkdownFile[Any], text: Any) -> MarkdownFile[Any]:
    meta = doc.meta.model_copy(update={name: text(getattr(doc.meta, name)) for name in ("title", "description")})
    return dataclasses.replace(doc, body=text(doc.body), meta=meta)
