"""Open data: every fact sheet as JSON and CSV (with sources), and JSON Schemas of the content files.

The downloads are made from the validated model, so they hold exactly what the site shows:
one record per entity, one CSV row per entity, per sanction step, per status change, per data
point and per record of a prisoner's case, each with its source. A prisoner's address for letters
is never among them. The schemas also serve editors: content files name them
in a `# yaml-language-server: $schema=...` line, so editors check the files while typing.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter

from scripts.content import model as m
from scripts.content.actions import Action
from scripts.content.crossings import Crossing
from scripts.content.documents import FACT_KINDS, Content, FactKind
from scripts.content.frontmatter import ArticleMeta, PageMeta
from scripts.content.prisoners import Calendar, Phrase, Prisoner
from scripts.content.releases import Releases
from scripts.content.ui import UiStrings
from scripts.render.leverage import matrix_rows_csv

SCHEMAS: dict[str, Any] = {
    "site": m.SiteConfig, "person": m.Person, "company": m.Company, "crossing": Crossing, "series": m.Series,
    "bodies": list[m.Body], "terms": list[m.Term], "ui": UiStrings,
    "article": ArticleMeta, "page": PageMeta, "action": Action, "prisoner": Prisoner, "calendar": Calendar,
    "phrases": list[Phrase], "releases": Releases,
}
"""Schema name -> the shape it describes (articles and pages: their front matter)."""

SCHEMA_DIR = Path(__file__).parents[1] / "schemas"
"""scripts/schemas/: committed, so that content files can name them (regenerate with `python -m scripts schemas`)."""


def schema(name: str) -> dict[str, Any]:
    out: dict[str, Any] = TypeAdapter(SCHEMAS[name]).json_schema()
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "title": f"content file: {name}", **out}


def schema_texts() -> dict[str, str]:
    """File name -> text of every schema (as committed in scripts/schemas/)."""
    return {f"{name}.schema.json": json.dumps(schema(name), ensure_ascii=False, indent=2) + "\n" for name in SCHEMAS}


def _records(content: Content, kind: FactKind) -> list[dict[str, Any]]:
    out = []
    for ident, item in content.facts(kind).items():
        # a prisoner's address for letters is never in the data: it is shown only while it is safe to (on the page)
        record: dict[str, Any] = {"id": ident, **item.model_dump(mode="json", exclude={"translated", "address"})}
        if isinstance(item, m.Wallet):
            for data, sanction in zip(record["sanctions"], item.sanctions, strict=True):
                data.update(listed=str(sanction.listed), status=sanction.status)
        if isinstance(item, Prisoner):
            record.update(status=item.status, since=str(item.since.date), as_of=str(item.as_of))
        if isinstance(item, Crossing):
            record.update(status=item.status, since=str(item.since.date), since_observed=item.since.observed,
                          as_of=str(item.as_of))
        out.append(record)
    return out


def _csv(rows: list[dict[str, Any]]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(rows[0]) if rows else ["id"], lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()


def _source(item: m.SourcedFile, source_id: str) -> dict[str, str]:
    source = item.source(source_id)
    return {"source_url": source.url, "source_publisher": source.publisher, "source_title": source.title or "",
            "source_accessed": str(source.accessed), "source_archive": source.archive or ""}


def records_json(records: list[dict[str, Any]]) -> str:
    """A JSON array with one record on each line (readable, and written by the fast encoder)."""
    lines = ",\n".join(json.dumps(record, ensure_ascii=False, separators=(", ", ": ")) for record in records)
    return f"[\n{lines}\n]\n" if records else "[]\n"


def downloads(content: Content) -> dict[str, str]:
    """Path (relative to data/) -> file text."""
    default = content.site.default_language

    def text(value: dict[str, str] | None) -> str:
        return (value or {}).get(default, "")
    files: dict[str, str] = {}
    for kind in FACT_KINDS:
        files[f"{kind}.json"] = records_json(_records(content, kind))
    wallets, steps = [], []
    for kind, ident, item in content.all_wallets():
        active = item.active_sanctions
        wallets.append({"kind": kind, "id": ident, "name": text(item.name), "aliases": "; ".join(item.aliases),
                        "role": text(item.role), "sectors": "; ".join(item.sectors),
                        "related": "; ".join(item.related), "active_sanctions": len(active),
                        "active_by": "; ".join(s.authority for s in active),
                        "sources": "; ".join(s.url for s in item.sources)})
        for sanction in item.sanctions:
            for event in sanction.history:
                steps.append({"kind": kind, "id": ident, "name": text(item.name), "authority": sanction.authority,
                              "programme": text(sanction.programme), "date": str(event.date),
                              "event": event.event, "basis": event.kind, "note": text(event.note),
                              **_source(item, event.source)})
    files["wallets.csv"] = _csv(wallets)
    files["sanctions.csv"] = _csv(steps)
    crossings, changes = [], []
    for ident, crossing in content.crossings.items():
        crossings.append({"id": ident, "name": text(crossing.name),
                          "countries": "; ".join(side.country for side in crossing.sides),
                          "traffic": "; ".join(crossing.traffic), "status": crossing.status,
                          "since": str(crossing.since.date), "since_observed": crossing.since.observed,
                          "as_of": str(crossing.as_of), "refresh_days": crossing.refresh_days})
        for change in crossing.history:
            changes.append({"id": ident, "name": text(crossing.name), "date": str(change.date), "status": change.status,
                            "applies_to": "; ".join(change.applies_to), "observed": change.observed,
                            "basis": change.kind,
                            "note": text(change.note), **_source(crossing, change.source)})
    files["crossings.csv"] = _csv(crossings)
    files["crossing-status.csv"] = _csv(changes)
    points = []
    for ident, series in content.series.items():
        for point in series.points:
            points.append({"series": ident, "title": text(series.title), "date": str(point.date), "value": point.value,
                           "bound": point.bound or "", "counted_by": point.counted_by, "basis": point.kind,
                           "note": text(point.note), **_source(series, point.source)})
    files["series.csv"] = _csv(points)
    prisoners, records = [], []
    for ident, prisoner in content.prisoners.items():
        prisoners.append({"id": ident, "name": text(prisoner.name), "aliases": "; ".join(prisoner.aliases),
                          "status": prisoner.status, "since": str(prisoner.since.date), "place": text(prisoner.place),
                          "birthday": str(prisoner.birthday.day) if prisoner.birthday else "",
                          "as_of": str(prisoner.as_of), "sources": "; ".join(s.url for s in prisoner.sources)})
        for record in prisoner.history:
            records.append({"id": ident, "name": text(prisoner.name), "date": str(record.date), "event": record.event,
                            "term": text(record.term), "articles": "; ".join(record.articles),
                            "place": text(record.place), "basis": record.kind, "note": text(record.note),
                            **_source(prisoner, record.source)})
    files["prisoners.csv"] = _csv(prisoners)
    files["prisoner-history.csv"] = _csv(records)
    if content.authorities:
        files["sanctions-matrix.csv"] = _csv(matrix_rows_csv(content))
    if content.releases is not None:
        timeline = content.releases
        files["releases.json"] = records_json([timeline.model_dump(mode="json", exclude={"translated"})])
        files["releases.csv"] = _csv([{"date": str(r.date), "count": r.count, "kind": r.kind, "basis": r.basis,
                                       "note": text(r.note), **_source(timeline, r.source)} for r in timeline.releases])
        files["relief.csv"] = _csv([{"date": str(r.date), "authority": r.authority, "action": r.action,
                                     "basis": r.basis, "what": text(r.what), "wallets": "; ".join(r.wallets),
                                     "note": text(r.note), **_source(timeline, r.source)} for r in timeline.relief])
    articles = [{"slug": slug, "languages": [c for c in content.site.codes if c in versions],
                 "versions": {lang: {"title": doc.meta.title, "description": doc.meta.description,
                                     "author": doc.meta.author, "publisher": doc.meta.publisher,
                                     "date": str(doc.meta.date), "source_url": doc.meta.source_url}
                              for lang, doc in versions.items()}}
                for slug, versions in content.articles.items()]
    files["articles.json"] = records_json(articles)
    for name in SCHEMAS:  # as committed (tests/test_opendata.py holds them to the model; making them anew is slow)
        files[f"schema/{name}.schema.json"] = (SCHEMA_DIR / f"{name}.schema.json").read_text(encoding="utf-8")
    return files
