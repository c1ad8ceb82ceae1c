"""Warnings about valid content that asks for an editor's look (`make check` prints them; nothing fails).

- a source that no record cites (and that is not listed as ``background:`` of the summary);
- a record marked official whose source is not on an official site of any body (bodies.yml:
  ``official_sites``): confirm it on the official page, or mark it reported;
- a promise with a date in a note ("until 31 October 2026") that has passed while no later record
  says what happened since;
- a source address that is a mirror, a preview, a staging or tag page, or an archive reached through
  a proxy or a bare IP address: give the page where the publisher itself published it.

Each warning names the file and line, as errors do.
"""

from __future__ import annotations

import datetime as dt
import ipaddress
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from pydantic import BaseModel

from scripts.content.documents import FACT_KINDS, Content
from scripts.content.model import SourcedFile
from scripts.content.source import Doc, Loc, ProblemError, parse_yaml, read_text


@dataclass(frozen=True)
class Note:
    file: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}"


ARCHIVES = ("web.archive.org", "archive.org", "archive.today", "archive.ph", "archive.is", "archive.li", "archive.md")
"""Archives whose copies are kept as they are (anything else in ``archive:`` is a proxy or a copy of a copy)."""
DOUBTFUL = [
    (re.compile(r"(^|\.)cloudfront\.net$|(^|\.)pangea-cms\.com$|^zerkalo-|\.c97\.org$"), "a mirror or a CMS copy"),
    (re.compile(r"^(stage|staging|beta|preview|dev)\."), "a staging or preview site"),
]
_UNTIL = re.compile(r"\buntil (\d{1,2} [A-Z][a-z]+ \d{4}|[A-Z][a-z]+ \d{1,2}, \d{4}|\d{4}-\d{2}-\d{2}"
                    r"|[A-Z][a-z]+ \d{4})")
_FORMATS = ("%d %B %Y", "%d %b %Y", "%B %d, %Y", "%b %d, %Y", "%Y-%m-%d", "%B %Y", "%b %Y")


def content_warnings(root: Path, content: Content, today: dt.date) -> list[Note]:
    """Every warning about ``content`` as read from ``root``."""
    official = official_sites(content)
    default = content.site.default_language
    out: list[Note] = []
    for rel, item in sourced_files(content):
        doc = _doc(root, rel)
        out += unused_sources(rel, doc, item)
        out += unofficial_records(rel, doc, item, official)
        out += due_promises(rel, doc, item, today, default)
        out += doubtful_sources(rel, doc, item)
    return out


def sourced_files(content: Content) -> Iterator[tuple[str, SourcedFile]]:
    for kind in FACT_KINDS:
        for ident, item in content.facts(kind).items():
            yield content.paths[(kind, ident)], item
    for slug, action in content.actions.items():
        yield content.action_paths[slug], action
    if content.calendar is not None:
        yield "content/calendar.yml", content.calendar
    if content.releases is not None:
        yield "content/facts/releases.yml", content.releases


def official_sites(content: Content) -> tuple[str, ...]:
    return tuple(site.lower() for body in content.bodies.values() for site in body.official_sites)


def on_site(url: str, sites: tuple[str, ...]) -> bool:
    host = (urlsplit(url).hostname or "").lower()
    return any(host == site or host.endswith("." + site) for site in sites)


def records(model: BaseModel, loc: Loc = ()) -> Iterator[tuple[Loc, BaseModel]]:
    """Every model inside ``model`` with its location (the file itself first)."""
    yield loc, model
    for name in type(model).model_fields:
        value = getattr(model, name)
        if isinstance(value, BaseModel):
            yield from records(value, (*loc, name))
        elif isinstance(value, list):
            for i, entry in enumerate(value):
                if isinstance(entry, BaseModel):
                    yield from records(entry, (*loc, name, i))


def cited(item: SourcedFile) -> set[str]:
    """The ids of the sources that records, addresses and warnings of ``item`` cite, and its background."""
    out = set(item.background) | set(getattr(item, "risk_sources", []))
    for _, record in records(item):
        source = getattr(record, "source", None)
        if isinstance(source, str):
            out.add(source)
    return out


def unused_sources(rel: str, doc: Doc | None, item: SourcedFile) -> list[Note]:
    used = cited(item)
    return [Note(rel, _line(doc, ("sources", i, "id")), f"the source '{s.id}' is cited by no record: cite it, list it "
                    "under 'background:' if it backs the summary, or remove it")
            for i, s in enumerate(item.sources) if s.id not in used]


def unofficial_records(rel: str, doc: Doc | None, item: SourcedFile, sites: tuple[str, ...]) -> list[Note]:
    out = []
    for loc, record in records(item):
        basis = getattr(record, "basis", None) or getattr(record, "kind", None)
        source = getattr(record, "source", None)
        if basis != "official" or not isinstance(source, str) or loc == ():
            continue
        url = item.source(source).url
        if not on_site(url, sites):
            out.append(Note(rel, _line(doc, loc), f"marked official, but its source ({urlsplit(url).hostname}) is not "
                               "an official site of any body in bodies.yml: cite the act on the official site, or "
                               "mark the record 'reported'"))
    return out


def due_promises(rel: str, doc: Doc | None, item: SourcedFile, today: dt.date, lang: str) -> list[Note]:
    """Notes that promise something until a date that has passed, with no later record in the same list."""
    out = []
    found = list(records(item))
    for loc, record in found:
        note: dict[str, str] | None = getattr(record, "note", None)
        date = getattr(record, "date", None)
        if not note or date is None or not loc or not isinstance(loc[-1], int):
            continue
        siblings = [r for at, r in found if at[:-1] == loc[:-1] and at != loc]
        if any(date.before(r.date) for r in siblings if hasattr(r, "date")):
            continue  # a later record says what happened since
        for promise in _UNTIL.findall(note.get(lang, "")):
            until = _parse(promise)
            if until is not None and until < today:
                out.append(Note(rel, _line(doc, (*loc, "note")), f"due: the note says 'until {promise}', "
                                          "which has passed with no record since: add what happened after it, with "
                                          "its source"))
    return out


def doubtful_sources(rel: str, doc: Doc | None, item: SourcedFile) -> list[Note]:
    out = []
    for i, source in enumerate(item.sources):
        parts = urlsplit(source.url)
        host = (parts.hostname or "").lower()
        why = _doubtful_host(host) or ("a tag page, not the page of the fact" if "/tag/" in parts.path else None)
        if why:
            out.append(Note(rel, _line(doc, ("sources", i, "url")), f"the source '{source.id}' is {why}: give the "
                               "address of the page where its publisher published it"))
        if source.archive:
            archive = (urlsplit(source.archive).hostname or "").lower()
            if not any(archive == a or archive.endswith("." + a) for a in ARCHIVES):
                out.append(Note(rel, _line(doc, ("sources", i, "archive")), f"the archived copy of '{source.id}' "
                                "is not in a public archive (web.archive.org, archive.today): link the archive's "
                                "own copy, not a proxy"))
    return out


def _doubtful_host(host: str) -> str | None:
    try:
        ipaddress.ip_address(host)
        return "a bare IP address"
    except ValueError:
        pass
    return next((why for pattern, why in DOUBTFUL if pattern.search(host)), None)


def _parse(text: str) -> dt.date | None:
    for pattern in _FORMATS:
        try:
            parsed = dt.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
        if "%d" not in pattern:  # a month: the promise runs to its last day
            following = parsed.replace(day=28) + dt.timedelta(days=4)
            return following - dt.timedelta(days=following.day)
        return parsed
    return None


def _doc(root: Path, rel: str) -> Doc | None:
    try:
        return parse_yaml(read_text(rel, (root / rel).read_bytes()))
    except (OSError, ProblemError):
        return None


def _line(doc: Doc | None, loc: Loc) -> int:
    return doc.line(loc) if doc is not None else 0
