"""Phase 2 of validation: the rules that span files.

Unique ids, references that resolve (sources, authorities, countries, sectors, related
entities, the headline series and featured article), lists in date order, spellings that
belong to one fact page only, and figure ties that quote the article exactly.
"""

from __future__ import annotations

import difflib
import typing
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel

from scripts import model as m
from scripts.yamlsrc import Loc, dotted

if TYPE_CHECKING:
    from scripts.load import Content, Loader, Markdown


class Rules:
    """Phase 2: rules across files."""

    def __init__(self, loader: Loader, content: Content):
        self.loader = loader
        self.content = content
        self._ids: dict[str, set[str]] = {}

    def check(self) -> None:
        content = self.content
        seen: dict[str, str] = {}
        for kind in ("people", "companies", "crossings"):
            for ident in content.facts[kind]:
                rel = content.paths[(kind, ident)]
                if ident in seen:
                    self.add(rel, 0, "", f"the id '{ident}' (the file name) is also used by "
                             f"{seen[ident]}: rename one of the files")
                seen.setdefault(ident, rel)
        site = content.site
        if site.headline_series not in self.file_ids("series"):
            self.ref_problem(("site", ""), "headline_series", site.headline_series,
                             self.file_ids("series"), "content/facts/series/")
        articles = {p.name for p in (self.loader.content / "articles").glob("*") if p.is_dir()}
        if site.article not in articles:
            self.ref_problem(("site", ""), "article", site.article, articles, "content/articles/")
        for kind, items in content.facts.items():
            for ident, item in items.items():
                self.check_file(kind, ident, item)
        self.check_spellings()
        for versions in content.articles.values():
            for article in versions.values():
                self.check_figures(article)

    def check_spellings(self) -> None:
        """A name or alias points at one fact page only (for links and search)."""
        owners: dict[str, str] = {}
        for kind in ("people", "companies", "crossings"):
            for ident, item in self.content.facts[kind].items():
                key = (kind, ident)
                doc = self.loader.docs[key]
                spelled = [(("name", lang), name) for lang, name in item.name.items()]
                spelled += [(("aliases", i), alias) for i, alias in enumerate(item.aliases)]
                for loc, name in spelled:
                    owner = owners.setdefault(name, doc.rel)
                    if owner != doc.rel:
                        self.add(doc.rel, doc.line(loc), dotted(loc), f"'{name}' is also a name in {owner}: "
                                 "a spelling may belong to one fact page only")

    def check_figures(self, article: Markdown) -> None:
        doc = self.loader.docs[("markdown", article.rel)]
        series = self.file_ids("series")
        for i, tie in enumerate(article.meta.figures):
            if tie.phrase not in article.body:
                loc: Loc = ("figures", i, "phrase")
                self.add(doc.rel, doc.line(loc), dotted(loc), f"'{tie.phrase}' does not appear in the article "
                         "text: copy the words exactly as they stand")
            if tie.series not in series:
                self.ref_problem(("markdown", article.rel), ("figures", i, "series"), tie.series, series,
                                 "content/facts/series/")

    def add(self, rel: str, line: int, where: str, message: str) -> None:
        self.loader.add(rel, line, where, message)

    def file_ids(self, kind: str) -> set[str]:
        """Ids of every file of a kind, valid or not (so one bad file does not make links look dangling)."""
        if kind not in self._ids:
            self._ids[kind] = {path.stem for path in (self.loader.content / "facts" / kind).glob("*.yml")}
        return self._ids[kind]

    def ref_problem(self, key: tuple[str, str], loc_or_field: Any, value: str,
                    known: Any, where: str) -> None:
        doc = self.loader.docs[key]
        loc: Loc = (loc_or_field,) if isinstance(loc_or_field, str) else loc_or_field
        options = difflib.get_close_matches(value, list(known), n=1)
        hint = f": did you mean '{options[0]}'?" if options else f"; known: {', '.join(sorted(known)) or 'none'}"
        self.add(doc.rel, doc.line(loc), dotted(loc), f"'{value}' is not in {where}{hint}")

    def check_file(self, kind: str, ident: str, item: m.SourcedFile) -> None:
        key = (kind, ident)
        doc = self.loader.docs[key]
        lists = self.content.lists
        source_ids: set[str] = set()
        for i, source in enumerate(item.sources):
            if source.id in source_ids:
                self.add(doc.rel, doc.line(("sources", i, "id")), f"sources[{i}].id",
                         f"the source id '{source.id}' is used twice in this file: ids must be unique")
            source_ids.add(source.id)
        for loc, dates in _dated_lists(item):
            for i in range(1, len(dates)):
                if dates[i] < dates[i - 1]:
                    at = (*loc, i, "date")
                    self.add(doc.rel, doc.line(at), dotted(at),
                             f"{dates[i]} is earlier than the entry before it ({dates[i - 1]}): "
                             "keep entries in date order, oldest first")
                    break
        for loc, value in _references(item, "source"):
            if value not in source_ids:
                self.ref_problem(key, loc, value, source_ids, "this file's sources")
        broken = {problem.file for problem in self.loader.problems}
        for name, list_name in (("authority", "bodies"), ("counted_by", "bodies"), ("country", "countries")):
            if f"content/facts/lists/{list_name}.yml" in broken:
                continue  # already reported; every reference would look dangling
            for loc, value in _references(item, name):
                if value not in lists[list_name]:
                    self.ref_problem(key, loc, value, lists[list_name], f"content/facts/lists/{list_name}.yml")
        if isinstance(item, m.Wallet):
            for i, sector in enumerate(item.sectors):
                if sector not in lists["sectors"] and "content/facts/lists/sectors.yml" not in broken:
                    self.ref_problem(key, ("sectors", i), sector, lists["sectors"],
                                     "content/facts/lists/sectors.yml")
            wallets = self.file_ids("people") | self.file_ids("companies")  # even if invalid
            for i, other in enumerate(item.related):
                if other == ident:
                    self.add(doc.rel, doc.line(("related", i)), f"related[{i}]",
                             "a person or company cannot be related to itself: remove this line")
                elif other not in wallets:
                    self.ref_problem(key, ("related", i), other, wallets,
                                     "content/facts/people/ or content/facts/companies/")


def _dated_lists(item: m.SourcedFile) -> typing.Iterator[tuple[Loc, list[Any]]]:
    """Each list that must be in date order: sanction histories, status histories, points."""
    if isinstance(item, m.Wallet):
        for i, sanction in enumerate(item.sanctions):
            yield ("sanctions", i, "history"), [event.date for event in sanction.history]
    if isinstance(item, m.Crossing):
        yield ("history",), [change.date for change in item.history]
    if isinstance(item, m.Series):
        yield ("points",), [point.date for point in item.points]


def _references(item: BaseModel, name: str, loc: Loc = ()) -> typing.Iterator[tuple[Loc, str]]:
    """Every value of the field ``name`` anywhere inside ``item``, with its location."""
    for field_name in type(item).model_fields:
        value = getattr(item, field_name)
        here = (*loc, field_name)
        if field_name == name and isinstance(value, str):
            yield here, value
        elif isinstance(value, BaseModel):
            yield from _references(value, name, here)
        elif isinstance(value, list):
            for i, entry in enumerate(value):
                if isinstance(entry, BaseModel):
                    yield from _references(entry, name, (*here, i))
