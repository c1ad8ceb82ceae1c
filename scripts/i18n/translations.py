"""What is missing or out of date in each language, and stamping finished translations.

Each translation records a fingerprint (a short hash) of the default-language texts it
was made from: `translated: {be: ...}` in a fact sheet, `translated_from: ...` in a
translated Markdown file or UI file. When the default-language text changes, the
fingerprint no longer matches and the translation is reported as out of date.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from scripts.content.documents import Article, Content, TextPage
from scripts.content.load import load
from scripts.content.source import Source as SourceText
from scripts.content.source import split_front_matter

EXEMPT = {"translated", "translated_from"}


@dataclass(frozen=True)
class Status:
    """The state of one file in one language."""

    file: str
    lang: str
    state: str
    """'missing', 'outdated' or 'complete'."""
    detail: str = ""


_TEXTS: dict[int, tuple[BaseModel, dict[str, dict[str, str]]]] = {}
"""lang_texts of whole models already walked (a build asks for each fact file's texts several times)."""


def lang_texts(value: Any, path: str = "") -> dict[str, dict[str, str]]:
    """Every per-language text in a model: field path -> {lang: text}."""
    if not path and isinstance(value, BaseModel):
        kept = _TEXTS.get(id(value))
        if kept is None or kept[0] is not value:
            if len(_TEXTS) > 50_000:  # a long preview loads the content again and again
                _TEXTS.clear()
            kept = _TEXTS[id(value)] = (value, _lang_texts(value, ""))
        return kept[1]
    return _lang_texts(value, path)


def _lang_texts(value: Any, path: str) -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {}
    if isinstance(value, BaseModel):
        for name in type(value).model_fields:
            if name not in EXEMPT:
                out.update(_lang_texts(getattr(value, name), f"{path}.{name}" if path else name))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            out.update(_lang_texts(item, f"{path}[{i}]"))
    elif isinstance(value, dict) and value and all(isinstance(v, str) for v in value.values()) \
            and path.split(".")[-1] not in EXEMPT:
        out[path] = value
    return out


def fingerprint(texts: list[str]) -> str:
    return hashlib.sha256(json.dumps(texts, ensure_ascii=False).encode()).hexdigest()[:12]


def fact_fingerprint(item: BaseModel, default: str) -> str:
    return fingerprint([texts[default] for texts in lang_texts(item).values() if default in texts])


def markdown_fingerprint(doc: Article | TextPage) -> str:
    return fingerprint([doc.meta.title, doc.meta.description, doc.body])


def ui_fingerprint(content: Content) -> str:
    default = content.ui[content.site.default_language]
    return fingerprint([str(v) for k, v in default if k not in EXEMPT and v is not None])


def report(content: Content) -> list[Status]:
    site = content.site
    default = site.default_language
    out: list[Status] = []
    for lang in site.codes:
        if lang == default:  # only an article written in another language can lack its default version
            out += [Status(f"content/articles/{slug}/{lang}.md", lang, "missing",
                           f"no translation (written in {content.original_language(versions)})")
                    for slug, versions in content.articles.items() if lang not in versions]
            continue
        for (kind, ident), rel in content.paths.items():
            item = content.facts(kind)[ident]
            missing = [path for path, texts in lang_texts(item).items() if lang not in texts]
            if missing:
                out.append(Status(rel, lang, "missing", ", ".join(missing)))
            elif item.translated.get(lang) != fact_fingerprint(item, default):
                out.append(Status(rel, lang, "outdated", "the English text changed since it was translated"
                                  if lang in item.translated else "no fingerprint yet"))
            else:
                out.append(Status(rel, lang, "complete"))
        markdown: dict[str, dict[str, dict[str, Article]] | dict[str, dict[str, TextPage]]] = {
            "articles": content.articles, "pages": content.pages}
        for folder, found in markdown.items():
            for slug, versions in found.items():
                rel = f"content/{folder}/{slug}/{lang}.md"
                original = content.original_language(versions)
                if lang not in versions:
                    out.append(Status(rel, lang, "missing", "no translation"))
                elif lang == original:
                    out.append(Status(rel, lang, "complete"))
                elif versions[lang].meta.translated_from != markdown_fingerprint(versions[original]):
                    out.append(Status(rel, lang, "outdated", "the original changed since it was translated"
                                      if versions[lang].meta.translated_from else "no fingerprint yet"))
                else:
                    out.append(Status(rel, lang, "complete"))
        rel = f"content/ui/{lang}.yml"
        ui = content.ui.get(lang)
        if ui is None or any(v is None for k, v in ui if k not in EXEMPT):
            missing_keys = [k for k, v in ui if v is None and k not in EXEMPT] if ui else ["all labels"]
            out.append(Status(rel, lang, "missing", ", ".join(missing_keys)))
        elif ui.translated_from != ui_fingerprint(content):
            out.append(Status(rel, lang, "outdated", "the default labels changed since they were translated"
                              if ui.translated_from else "no fingerprint yet"))
        else:
            out.append(Status(rel, lang, "complete"))
        lists: dict[str, dict[str, BaseModel]] = {"bodies": dict(content.bodies), "countries": dict(content.countries),
                                                  "sectors": dict(content.sectors)}
        for name, items in lists.items():
            gaps = [ident for ident, entry in items.items()
                    if any(lang not in texts for texts in lang_texts(entry).values())]
            rel = f"content/facts/lists/{name}.yml"
            out.append(Status(rel, lang, "missing", ", ".join(gaps)) if gaps else Status(rel, lang, "complete"))
        site_gaps = [path for path, texts in lang_texts(site).items() if lang not in texts]
        out.append(Status("content/site.yml", lang, "missing", ", ".join(site_gaps)) if site_gaps
                   else Status("content/site.yml", lang, "complete"))
    return out


def stamp(root: Path, lang: str) -> list[str]:
    """Record the current fingerprint in every complete translation into ``lang``."""
    content = load(root)
    default = content.site.default_language
    written = []
    for status in report(content):
        if status.lang != lang or status.state != "outdated":
            continue
        path = root / status.file
        if status.file.endswith(".md"):
            folder, slug = status.file.split("/")[1:3]
            versions = content.articles[slug] if folder == "articles" else content.pages[slug]
            original = versions[content.original_language(versions)]
            _set_front_matter(path, "translated_from", markdown_fingerprint(original))
        elif status.file.startswith("content/ui/"):
            _set_top_level(path, "translated_from", ui_fingerprint(content))
        else:
            kind, ident = next(key for key, rel in content.paths.items() if rel == status.file)
            _set_mapping_entry(path, "translated", lang, fact_fingerprint(content.facts(kind)[ident], default))
        written.append(status.file)
    return written


def _set_front_matter(path: Path, key: str, value: str) -> None:
    """Set ``key: value`` in a Markdown file's front matter, found by the YAML parser (the body is untouched)."""
    text = path.read_text(encoding="utf-8")
    doc, _, body_line = split_front_matter(SourceText(path.name, text))
    lines = text.split("\n")
    if (key,) in doc.lines:
        lines[doc.line((key,)) - 1] = f"{key}: {value}"
    else:
        lines.insert(body_line - 2, f"{key}: {value}")  # just before the closing '---'
    path.write_text("\n".join(lines), encoding="utf-8")


def _set_top_level(path: Path, key: str, value: str) -> None:
    """Set ``key: value`` as the first entry of the file (after its leading comments)."""
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith(f"{key}:")]
    at = next((i for i, line in enumerate(lines) if not line.startswith("#")), len(lines))
    path.write_text("\n".join([*lines[:at], f"{key}: {value}", *lines[at:]]) + "\n", encoding="utf-8")


def _set_mapping_entry(path: Path, key: str, lang: str, value: str) -> None:
    text = path.read_text(encoding="utf-8").rstrip("\n") + "\n"
    block = re.search(rf"^{key}:\n((?:  .*\n)*)", text, flags=re.M)
    if block is None:
        text += f"{key}:\n  {lang}: {value}\n"
    else:
        entries = [line for line in block.group(1).splitlines() if not line.startswith(f"  {lang}:")]
        entries.append(f"  {lang}: {value}")
        text = text[:block.start(1)] + "\n".join(sorted(entries)) + "\n" + text[block.end(1):]
    path.write_text(text, encoding="utf-8")


def print_report(root: Path, strict: bool = False) -> int:
    """Print per language what is missing and out of date; 1 in strict mode if anything is."""
    content = load(root)
    statuses = report(content)
    pending = 0
    for lang in content.site.codes:
        rows = [s for s in statuses if s.lang == lang]
        if not rows:
            continue
        count = {state: sum(s.state == state for s in rows) for state in ("complete", "missing", "outdated")}
        print(f"{lang}: {count['complete']} complete, {count['missing']} missing, {count['outdated']} out of date")
        for s in rows:
            if s.state != "complete":
                word = "missing" if s.state == "missing" else "out of date"
                print(f"  {word:11} {s.file}: {s.detail}")
        pending += count["missing"] + count["outdated"]
    return 1 if strict and pending else 0
