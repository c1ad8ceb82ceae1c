"""Load content/ into the typed model, in two phases.

Phase 1 checks each file against its shape (scripts.model). Phase 2 checks the rules that
span files: unique ids, references that resolve, one default language, every fact's
source present. Every problem is collected; ContentErrors carries them all.
"""

from __future__ import annotations

import datetime as dt
import difflib
import logging
import re
import string
import types
import typing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import urlsplit

from pydantic import BaseModel, TypeAdapter, ValidationError

from scripts import model as m
from scripts.errors import ContentErrors, Problem
from scripts.types import Id, show
from scripts.yamlsrc import Doc, Loc, ProblemError, dotted, parse_yaml, read_text, split_front_matter

log = logging.getLogger(__name__)

T = TypeVar("T")

FACT_KINDS: dict[str, type[m.SourcedFile]] = {
    "people": m.Person,
    "companies": m.Company,
    "crossings": m.Crossing,
    "series": m.Series,
}
"""Folder under content/facts/ -> the shape of each file in it."""

LISTS: dict[str, type[m.Model]] = {"bodies": m.Body, "countries": m.Term, "sectors": m.Term}
"""content/facts/lists/<name>.yml -> the shape of each entry."""


@dataclass
class Markdown:
    """An article or hand-written page in one language."""

    slug: str
    lang: str
    rel: str
    meta: Any
    body: str
    body_line: int


@dataclass
class Content:
    """Everything in content/, validated."""

    site: m.SiteConfig
    ui: dict[str, m.UiStrings]
    lists: dict[str, dict[str, Any]]
    facts: dict[str, dict[str, Any]]
    """kind -> id -> model, in file-name order."""
    articles: dict[str, dict[str, Markdown]]
    pages: dict[str, dict[str, Markdown]]
    paths: dict[tuple[str, str], str] = field(default_factory=dict)
    """(kind, id) -> content file path, for 'last updated' and error messages."""

    def related(self, item: m.Wallet) -> list[tuple[str, str, m.Wallet]]:
        """(kind, id, wallet) for each id in ``item.related`` (all resolve after validation)."""
        return [(kind, ident, self.facts[kind][ident]) for ident in item.related
                for kind in ("people", "companies") if ident in self.facts[kind]]


class _Loader:
    def __init__(self, root: Path, today: dt.date):
        self.root = root
        self.content = root / "content"
        self.today = today
        self.problems: list[Problem] = []
        self.context: dict[str, Any] = {"today": today}
        self.docs: dict[tuple[str, str], Doc] = {}
        """(kind, id) -> parsed document, for the line numbers of phase 2."""

    # --- reading and shape checks ---------------------------------------------------------

    def rel(self, path: Path) -> str:
        return path.relative_to(self.root).as_posix()

    def doc(self, path: Path) -> Doc | None:
        try:
            doc = parse_yaml(read_text(path, self.rel(path)))
        except ProblemError as exc:
            self.problems.append(exc.problem)
            return None
        if doc.value is None:
            self.problems.append(Problem(doc.rel, 1, "", "the file is empty: fill it in, or "
                                         "delete it if it is not needed"))
            return None
        return doc

    def validate(self, doc: Doc, shape: type[T], value: Any = None, loc: Loc = ()) -> T | None:
        """Check ``value`` (default: the whole document) against ``shape``."""
        value = doc.value if value is None else value
        try:
            result: T = TypeAdapter(shape).validate_python(value, context=self.context)
            return result
        except ValidationError as exc:
            for error in exc.errors():
                self.problems.append(_problem(doc, shape, (*loc, *error["loc"]), error))
            return None

    def file(self, path: Path, shape: type[T]) -> tuple[Doc, T] | None:
        doc = self.doc(path)
        if doc is None:
            return None
        value = self.validate(doc, shape)
        return None if value is None else (doc, value)

    def markdown(self, path: Path, shape: type[T]) -> tuple[T, str, int] | None:
        rel = self.rel(path)
        try:
            doc, body, body_line = split_front_matter(read_text(path, rel))
        except ProblemError as exc:
            self.problems.append(exc.problem)
            return None
        if not isinstance(doc.value, dict):
            self.problems.append(Problem(rel, 2, "", "the front matter must be 'key: value' lines"))
            return None
        meta = self.validate(doc, shape)
        if meta is None:
            return None
        self.docs[("markdown", rel)] = doc
        return meta, body, body_line

    def add(self, rel: str, line: int, where: str, message: str) -> None:
        self.problems.append(Problem(rel, line, where, message))

    def check_body(self, rel: str, body: str, first_line: int) -> None:
        """Markdown only: no raw HTML, and links only to web pages or to other pages of the site."""
        in_fence = False
        for number, text in enumerate(body.split("\n"), start=first_line):
            if text.lstrip().startswith(("```", "~~~")):
                in_fence = not in_fence
            if in_fence:
                continue
            plain = _CODE_SPAN.sub("", text)
            if tag := _RAW_HTML.search(plain):
                self.add(rel, number, "", f"raw HTML ({tag.group(0)}…) is not allowed: write Markdown instead")
            if link := _BAD_LINK.search(plain):
                self.add(rel, number, "", f"a link to '{link.group(1)}…' is not allowed: link to an https:// "
                         "address or to another page of the site (about.md)")

    # --- the tree --------------------------------------------------------------------------

    def load(self) -> Content:
        site = self.load_site()
        if site is None:
            raise ContentErrors(self.problems)
        self.context.update(languages=site.codes, default=site.default_language)
        content = Content(site=site, ui=self.load_ui(site), lists={}, facts={},
                          articles=self.load_markdown("articles", m.ArticleMeta, site),
                          pages=self.load_markdown("pages", m.PageMeta, site))
        for name, shape in LISTS.items():
            content.lists[name] = self.load_list(name, shape)
        for kind, shape in FACT_KINDS.items():
            content.facts[kind] = self.load_facts(kind, shape, content)
        self.check_unexpected()
        _Rules(self, content).check()
        if self.problems:
            raise ContentErrors(self.problems)
        return content

    def load_site(self) -> m.SiteConfig | None:
        path = self.content / "site.yml"
        if not path.is_file():
            self.add("content/site.yml", 0, "", "the site settings file is missing: create it "
                     "(see README.md, 'Content')")
            return None
        doc = self.doc(path)
        if doc is None:
            return None
        self.docs[("site", "")] = doc
        languages = doc.value.get("languages") if isinstance(doc.value, dict) else None
        codes = [lang.get("code") for lang in languages or [] if isinstance(lang, dict)]
        defaults = [lang for lang in languages or [] if isinstance(lang, dict) and lang.get("default") is True]
        self.context.update(languages=[c for c in codes if isinstance(c, str)],
                            default=defaults[0].get("code") if len(defaults) == 1 else None)
        site = self.validate(doc, m.SiteConfig)
        if site is None:
            return None
        default_count = sum(lang.default for lang in site.languages)
        if default_count != 1:
            self.add(doc.rel, doc.line(("languages",)), "languages",
                     f"exactly one language must have 'default: true', found {default_count}")
            return None
        if not site.site_url.endswith("/"):
            self.add(doc.rel, doc.line(("site_url",)), "site_url", f"must end with '/': write {site.site_url}/")
            return None
        if site.custom_domain and urlsplit(site.site_url).netloc != site.custom_domain:
            self.add(doc.rel, doc.line(("custom_domain",)), "custom_domain",
                     f"site_url must be https://{site.custom_domain}/ when custom_domain is {site.custom_domain}, "
                     f"found {site.site_url}")
            return None
        seen: set[str] = set()
        for i, lang in enumerate(site.languages):
            if lang.code in seen:
                self.add(doc.rel, doc.line(("languages", i, "code")), f"languages[{i}].code",
                         f"the language '{lang.code}' is listed twice: keep one")
                return None
            seen.add(lang.code)
        return site

    def load_ui(self, site: m.SiteConfig) -> dict[str, m.UiStrings]:
        out: dict[str, m.UiStrings] = {}
        folder = self.content / "ui"
        for path in sorted(folder.glob("*.yml")) if folder.is_dir() else []:
            if not self.known_language(path, path.stem, site):
                continue
            loaded = self.file(path, m.UiStrings)
            if loaded:
                out[path.stem] = loaded[1]
                self.check_placeholders(*loaded)
        default = site.default_language
        rel = f"content/ui/{default}.yml"
        if default not in out:
            if not (self.content / "ui" / f"{default}.yml").is_file():
                self.add(rel, 0, "", f"the labels of the default language are missing: create {rel}")
            return out
        missing = [name for name, value in out[default] if value is None and name != "translated_from"]
        if missing:
            self.add(rel, 1, missing[0], f"the default language needs every label; missing: "
                     f"{', '.join(missing)}")
        return out

    def check_placeholders(self, doc: Doc, ui: m.UiStrings) -> None:
        """Labels the generator fills in ({total}, {original}, ...) may use only their own placeholders."""
        for key, allowed in m.PLACEHOLDERS.items():
            value = getattr(ui, key)
            if value is None:
                continue
            try:
                used = {name for _, name, _, _ in string.Formatter().parse(value) if name is not None}
            except ValueError:
                used = {"?"}
            if not used <= allowed:
                names = ", ".join("{" + name + "}" for name in sorted(allowed))
                self.add(doc.rel, doc.line((key,)), key, f"this label may use only {names} (and braces in pairs); "
                         f"found {value!r}")

    def known_language(self, path: Path, code: str, site: m.SiteConfig) -> bool:
        if code in site.codes:
            return True
        self.add(self.rel(path), 0, "", f"'{code}' is not a language of the site (content/site.yml "
                 f"lists: {', '.join(site.codes)}): name the file after one of them")
        return False

    def load_markdown(self, folder: str, shape: type, site: m.SiteConfig) -> dict[str, dict[str, Markdown]]:
        out: dict[str, dict[str, Markdown]] = {}
        base = self.content / folder
        for directory in sorted(p for p in base.iterdir() if p.is_dir()) if base.is_dir() else []:
            if not self.check_id(directory, directory.name, "folder"):
                continue
            versions: dict[str, Markdown] = {}
            for path in sorted(directory.glob("*.md")):
                if not self.known_language(path, path.stem, site):
                    continue
                loaded: tuple[Any, str, int] | None = self.markdown(path, shape)
                if loaded:
                    meta, body, line = loaded
                    self.check_body(self.rel(path), body, line)
                    versions[path.stem] = Markdown(directory.name, path.stem, self.rel(path), meta, body, line)
            default = site.default_language
            if default not in versions and not (directory / f"{default}.md").exists():
                self.add(self.rel(directory), 0, "", f"the version in the default language is missing: "
                         f"add {self.rel(directory)}/{default}.md")
            if default in versions:
                out[directory.name] = versions
        return out

    def load_list(self, name: str, shape: type[m.Model]) -> dict[str, Any]:
        path = self.content / "facts" / "lists" / f"{name}.yml"
        if not path.is_file():
            self.add(self.rel(path), 0, "", f"the list of {name} is missing: create it")
            return {}
        loaded: tuple[Doc, list[Any]] | None = self.file(path, list[shape])  # type: ignore[valid-type]
        if not loaded:
            return {}
        doc, items = loaded
        out: dict[str, Any] = {}
        for i, item in enumerate(items):
            if item.id in out:
                self.add(doc.rel, doc.line((i, "id")), f"[{i}].id",
                         f"the id '{item.id}' is used twice in this list: ids must be unique")
            out[item.id] = item
        return out

    def load_facts(self, kind: str, shape: type[m.SourcedFile], content: Content) -> dict[str, Any]:
        out: dict[str, Any] = {}
        folder = self.content / "facts" / kind
        for path in sorted(folder.glob("*.yml")) if folder.is_dir() else []:
            if not self.check_id(path, path.stem, "file"):
                continue
            loaded = self.file(path, shape)
            if loaded:
                doc, value = loaded
                out[path.stem] = value
                content.paths[(kind, path.stem)] = doc.rel
                self.docs[(kind, path.stem)] = doc
        return out

    def check_id(self, path: Path, name: str, what: str) -> bool:
        try:
            TypeAdapter(Id).validate_python(name)
        except ValidationError as exc:
            message = exc.errors()[0]["msg"]
            self.add(self.rel(path), 0, "", f"the {what} name is used as the page's address; {message}")
            return False
        return True

    def check_unexpected(self) -> None:
        """Files that the generator would silently ignore are reported instead."""
        expected_dirs = {"articles", "pages", "ui", "facts"}
        for path in sorted(self.content.rglob("*")):
            rel_parts = path.relative_to(self.content).parts
            if any(part.startswith(".") for part in rel_parts) or path.is_dir():
                continue
            top = rel_parts[0]
            ok = (
                (len(rel_parts) == 1 and path.name in ("site.yml", "README.md"))
                or (top == "ui" and len(rel_parts) == 2 and path.suffix == ".yml")
                or (top in ("articles", "pages") and len(rel_parts) == 3
                    and (path.suffix == ".md" or re.fullmatch(r"source\.[a-z]{2,3}\.txt", path.name)))
                or (top == "facts" and len(rel_parts) == 3 and path.suffix == ".yml"
                    and rel_parts[1] in (*FACT_KINDS, "lists"))
            )
            if ok:
                continue
            hint = "fact sheets end in .yml" if path.suffix == ".yaml" else (
                f"content/ holds only: site.yml, {', '.join(sorted(expected_dirs))}/ (see README.md)")
            self.add(self.rel(path), 0, "", f"unexpected file, the site would ignore it: {hint}")


_CODE_SPAN = re.compile(r"`[^`]*`")
_RAW_HTML = re.compile(r"(?<!\\)<(?:[a-zA-Z][a-zA-Z0-9-]*[\s/>]|/[a-zA-Z]|!--)")
_BAD_LINK = re.compile(r"\]\(\s*<?\s*((?:javascript|data|vbscript|file):)", re.I)


class _Rules:
    """Phase 2: rules across files."""

    def __init__(self, loader: _Loader, content: Content):
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


# --- turning pydantic errors into editor messages -------------------------------------------

_EXPECTED = {
    "int_type": "a whole number like 1135 (no spaces or commas)",
    "int_parsing": "a whole number like 1135 (no spaces or commas)",
    "int_from_float": "a whole number like 1135 (no spaces or commas)",
    "float_type": "a number like 53.13",
    "float_parsing": "a number like 53.13",
    "bool_type": "true or false",
    "bool_parsing": "true or false",
    "list_type": "a list (one entry per line, each starting with '- ')",
    "dict_type": "a block of 'key: value' lines",
    "model_type": "a block of 'key: value' lines",
    "model_attributes_type": "a block of 'key: value' lines",
}


def _problem(doc: Doc, shape: Any, loc: Loc, error: Any) -> Problem:
    kind = error["type"]
    found = error.get("input")
    loc = tuple(part for part in loc if part != "[key]")  # pydantic marks errors in dict keys so
    where = dotted(loc)
    if kind == "missing":
        name = loc[-1]
        return Problem(doc.rel, doc.line(loc[:-1]), where, f"required field is missing: add '{name}: ...'")
    if kind == "extra_forbidden":
        allowed = _fields_at(shape, loc[:-1])
        close = difflib.get_close_matches(str(loc[-1]), allowed, n=1)
        hint = f"did you mean '{close[0]}'?" if close else f"allowed here: {', '.join(allowed)}"
        return Problem(doc.rel, doc.line(loc), where, f"unknown field '{loc[-1]}': {hint}")
    if kind in _EXPECTED:
        message = f"expected {_EXPECTED[kind]}, got {show(found)}"
    elif kind == "literal_error":
        expected = error["ctx"]["expected"].replace("'", "")
        options = [o.strip() for o in expected.replace(" or ", ", ").split(",")]
        close = difflib.get_close_matches(str(found), options, n=1)
        hint = f": did you mean '{close[0]}'?" if close else ""
        message = f"expected one of {', '.join(options)}, got {show(found)}{hint}"
    elif kind == "too_short" and isinstance(found, list):
        least = error["ctx"]["min_length"]
        message = f"needs at least {least} entr{'y' if least == 1 else 'ies'}, found {len(found)}"
    elif kind == "too_long" and isinstance(found, list):
        message = f"may have at most {error['ctx']['max_length']} entries, found {len(found)}"
    elif kind == "string_too_long":
        message = (f"is {len(found)} characters long; at most {error['ctx']['max_length']} "
                   "fit in search results and share previews: shorten it")
    elif kind in ("greater_than_equal", "less_than_equal"):
        bound = error["ctx"].get("ge", error["ctx"].get("le"))
        word = "at least" if kind == "greater_than_equal" else "at most"
        message = f"must be {word} {bound}, got {show(found)}"
    else:
        message = str(error["msg"]).removeprefix("Value error, ")
    return Problem(doc.rel, doc.line(loc), where, message)


def _fields_at(shape: Any, loc: Loc) -> list[str]:
    """The field names allowed at ``loc`` inside ``shape`` (for 'did you mean')."""
    current = shape
    for part in loc:
        current = _unwrap(current)
        if isinstance(part, int):
            args = typing.get_args(current)
            current = args[0] if args else Any
        elif isinstance(current, type) and issubclass(current, BaseModel):
            info = current.model_fields.get(part)
            current = info.annotation if info else Any
        else:
            args = typing.get_args(current)
            current = args[-1] if args else Any
    current = _unwrap(current)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return list(current.model_fields)
    return []


def _unwrap(shape: Any) -> Any:
    while True:
        origin = typing.get_origin(shape)
        if origin is typing.Annotated:
            shape = typing.get_args(shape)[0]
        elif origin in (typing.Union, types.UnionType):
            shape = next(a for a in typing.get_args(shape) if a is not type(None))
        else:
            return shape


def load(root: Path, today: dt.date | None = None) -> Content:
    """Load and validate content/ under ``root``; raise ContentErrors listing every problem."""
    loader = _Loader(root, today or dt.date.today())
    content = loader.load()
    log.debug("loaded %s", {kind: len(items) for kind, items in content.facts.items()})
    return content
