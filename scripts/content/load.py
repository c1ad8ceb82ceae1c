"""Load content/ into the typed model, in two phases.

Phase 1 reads each file and checks it against its shape (scripts.content.model). Phase 2
runs the rules that span files (scripts.content.rules). Every problem of both phases is
collected; ContentErrors carries them all.

Files are read from a `Snapshot` (the bytes a build read once), never from the disk. A file read
and checked once is kept, by the digest of its bytes and of what its check depends on, in the
build's store (``loaded`` nodes) and in this process (the preview loads after every edit).
"""

from __future__ import annotations

import datetime as dt
import logging
import pickle
from collections.abc import Hashable
from functools import cache
from pathlib import Path
from typing import Any, TypeVar, cast

from pydantic import TypeAdapter, ValidationError

from scripts.content import model as m
from scripts.content import rules
from scripts.content.actions import Action
from scripts.content.crossings import Crossing
from scripts.content.documents import Content, FactKind, Key, MarkdownFile, MetaT, Positions, Withdrawal
from scripts.content.fields import Id, PartialDate
from scripts.content.frontmatter import ArticleMeta, PageMeta
from scripts.content.layout import unexpected_files
from scripts.content.markdown import check_body
from scripts.content.messages import problems_from
from scripts.content.prisoners import RESERVED_PRISONER_IDS, WITHDRAWN, Calendar, Phrase, Prisoner, Withdrawn
from scripts.content.releases import Releases
from scripts.content.snapshot import Snapshot, read_inputs
from scripts.content.source import Doc, Loc, ProblemError, parse_yaml, read_text, split_front_matter
from scripts.content.ui import UiStrings
from scripts.content.withdrawal import redact
from scripts.errors import ContentErrors, Problem
from scripts.store import Store, digest, environment

log = logging.getLogger(__name__)

T = TypeVar("T")
S = TypeVar("S", bound=m.SourcedFile)



Entry = tuple[Doc, Any]
"""A file's parsed document and its checked value."""
_CHECKED: dict[str, Entry] = {}
"""The files this process read and checked last, by key (what the last load used)."""


class Loader:
    def __init__(self, snapshot: Snapshot, today: dt.date, store: Store | None = None):
        self.snapshot = snapshot
        self.root = snapshot.root
        self.content = snapshot.root / "content"
        self.today = today
        self.store = store
        self.problems: list[Problem] = []
        self.context: dict[str, Any] = {"today": today}
        self.positions = Positions()
        """Every parsed document, for the line numbers of phase 2."""
        self.checked: dict[str, Entry] = {}
        """The files this load read and checked (or found checked before), by key."""
        self.fresh: dict[str, Entry] = {}
        """Those of them checked now, to be kept for the next load."""
        self.withdrawn: dict[str, Withdrawal] = {}
        """Prisoners' files marked withdrawn, by id."""

    # --- reading and shape checks ---------------------------------------------------------

    def rel(self, path: Path) -> str:
        return path.relative_to(self.root).as_posix()

    def data(self, path: Path) -> bytes:
        data = self.snapshot.read_bytes(path)
        if data is None:
            raise ProblemError(Problem(self.rel(path), 0, "", "the file could not be read"))
        return data

    def doc(self, path: Path) -> Doc | None:
        try:
            doc = parse_yaml(read_text(self.rel(path), self.data(path)))
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
            result: T = adapter(cast(Hashable, shape)).validate_python(value, context=self.context)
            return result
        except ValidationError as exc:
            self.problems += problems_from(doc, shape, loc, list(exc.errors()))
            return None

    def file(self, path: Path, shape: type[T]) -> tuple[Doc, T] | None:
        """A YAML file read and checked against ``shape`` (or as an earlier load found it, when neither
        the file nor what its check depends on changed: parsing and checking 500 files takes a third of
        a second)."""
        rel = self.rel(path)
        key = digest(environment(), rel, shape.__name__, self.snapshot.digests.get(rel, ""),
                     sorted(self.context.items()))
        found = _CHECKED.get(key)
        if found is None and self.store is not None:
            kept = self.store.get("loaded", key)
            found = pickle.loads(kept) if kept is not None else None
        if found is not None:
            self.checked[key] = found
            return found
        doc = self.doc(path)
        if doc is None:
            return None
        value = self.validate(doc, shape)
        if value is None:
            return None
        self.checked[key] = self.fresh[key] = (doc, value)
        return doc, value

    def keep(self) -> None:
        """Keep what this load checked for the next one (only a load without problems is kept)."""
        if self.problems:
            return
        _CHECKED.clear()
        _CHECKED.update(self.checked)
        if self.store is not None:
            self.store.put_many("loaded", {key: pickle.dumps(entry, protocol=pickle.HIGHEST_PROTOCOL)
                                           for key, entry in self.fresh.items()})

    def markdown(self, path: Path, shape: type[T]) -> tuple[T, str, int] | None:
        rel = self.rel(path)
        try:
            doc, body, body_line = split_front_matter(read_text(rel, self.data(path)))
        except ProblemError as exc:
            self.problems.append(exc.problem)
            return None
        if not isinstance(doc.value, dict):
            self.problems.append(Problem(rel, 2, "", "the front matter must be 'key: value' lines"))
            return None
        meta = self.validate(doc, shape)
        if meta is None:
            return None
        self.positions.docs[Key("markdown", rel)] = doc
        return meta, body, body_line

    def add(self, rel: str, line: int, where: str, message: str) -> None:
        self.problems.append(Problem(rel, line, where, message))

    def check_body(self, rel: str, body: str, first_line: int, images: Path | None = None) -> None:
        """Markdown only: no raw HTML, links only to web pages or to other pages of the site, and
        images of the site's own only from the article's images/ folder."""
        shown = self.rel(images) + "/" if images else ""
        names = [p.name for p in self.snapshot.glob(images, "*")] if images else None
        for problem in check_body(body, names, shown):
            self.add(rel, first_line + problem.line - 1, "", problem.message)

    # --- the tree --------------------------------------------------------------------------

    def load(self) -> Content:
        site = self.load_site()
        if site is None:
            raise ContentErrors(self.problems)
        self.context.update(languages=site.codes, default=site.default_language)
        paths: dict[tuple[FactKind, str], str] = {}
        content = Content(
            site=site, ui=self.load_ui(site),
            bodies=self.load_list("bodies", m.Body), countries=self.load_list("countries", m.Term),
            sectors=self.load_list("sectors", m.Term),
            people=self.load_facts("people", m.Person, paths),
            companies=self.load_facts("companies", m.Company, paths),
            crossings=self.load_facts("crossings", Crossing, paths),
            series=self.load_facts("series", m.Series, paths),
            articles=self.load_markdown("articles", ArticleMeta, site),
            pages=self.load_markdown("pages", PageMeta, site),
            paths=paths,
            actions=self.load_facts("actions", Action, folder=self.content / "actions"),
            prisoners=self.load_facts("prisoners", Prisoner, paths), withdrawn=self.withdrawn,
            calendar=self.load_one("calendar.yml", Calendar, "calendar"),
            releases=self.load_one("facts/releases.yml", Releases, "releases"),
            phrases=list(self.load_list("phrases", Phrase, required=False).values()),
        )
        self.problems += unexpected_files(self.snapshot)
        self.problems += rules.check(content, self.positions, self.snapshot, self.problems)
        if self.problems:
            raise ContentErrors(self.problems)
        redact(content)
        return content

    def load_site(self) -> m.SiteConfig | None:
        path = self.content / "site.yml"
        if not self.snapshot.is_file(path):
            self.add("content/site.yml", 0, "", "the site settings file is missing: create it "
                     "(see README.md, 'Content')")
            return None
        doc = self.doc(path)
        if doc is None:
            return None
        self.positions.docs[Key("site", "")] = doc
        languages = doc.value.get("languages") if isinstance(doc.value, dict) else None
        codes = [lang.get("code") for lang in languages or [] if isinstance(lang, dict)]
        defaults = [lang for lang in languages or [] if isinstance(lang, dict) and lang.get("default") is True]
        self.context.update(languages=[c for c in codes if isinstance(c, str)],
                            default=defaults[0].get("code") if len(defaults) == 1
                            and isinstance(defaults[0].get("code"), str) else None)
        site = self.validate(doc, m.SiteConfig)
        if site is None:
            return None
        problem = rules.site_settings(site, doc)
        if problem is not None:
            self.problems.append(problem)
            return None
        return site

    def load_ui(self, site: m.SiteConfig) -> dict[str, UiStrings]:
        out: dict[str, UiStrings] = {}
        folder = self.content / "ui"
        for path in self.snapshot.glob(folder, "*.yml"):
            if not self.known_language(path, path.stem, site):
                continue
            loaded = self.file(path, UiStrings)
            if loaded:
                out[path.stem] = loaded[1]
                self.positions.docs[Key("ui", path.stem)] = loaded[0]
        default = site.default_language
        rel = f"content/ui/{default}.yml"
        if default not in out:
            if not self.snapshot.is_file(self.content / "ui" / f"{default}.yml"):
                self.add(rel, 0, "", f"the labels of the default language are missing: create {rel}")
            return out
        missing = [name for name, value in out[default] if value is None and name != "translated_from"]
        if missing:
            self.add(rel, 1, missing[0], f"the default language needs every label; missing: "
                     f"{', '.join(missing)}")
        return out

    def known_language(self, path: Path, code: str, site: m.SiteConfig) -> bool:
        if code in site.codes:
            return True
        self.add(self.rel(path), 0, "", f"'{code}' is not a language of the site (content/site.yml "
                 f"lists: {', '.join(site.codes)}): name the file after one of them")
        return False

    def load_markdown(self, folder: str, shape: type[MetaT],
                      site: m.SiteConfig) -> dict[str, dict[str, MarkdownFile[MetaT]]]:
        out: dict[str, dict[str, MarkdownFile[MetaT]]] = {}
        base = self.content / folder
        for directory in self.snapshot.folders(base):
            if not self.check_id(directory, directory.name, "folder"):
                continue
            versions: dict[str, MarkdownFile[MetaT]] = {}
            for path in self.snapshot.glob(directory, "*.md"):
                if not self.known_language(path, path.stem, site):
                    continue
                loaded = self.markdown(path, shape)
                if loaded:
                    meta, body, line = loaded
                    images = directory / "images" if folder == "articles" else None
                    self.check_body(self.rel(path), body, line, images)
                    versions[path.stem] = MarkdownFile(directory.name, path.stem, self.rel(path), meta, body, line)
            default = site.default_language
            if folder == "articles":  # an article may be written in any of the site's languages
                if not versions and not self.snapshot.glob(directory, "*.md"):
                    self.add(self.rel(directory), 0, "", f"the folder holds no article: add "
                             f"{self.rel(directory)}/<language>.md, or remove the folder")
                if versions:
                    out[directory.name] = versions
                continue
            if default not in versions and not self.snapshot.is_file(directory / f"{default}.md"):
                self.add(self.rel(directory), 0, "", f"the version in the default language is missing: "
                         f"add {self.rel(directory)}/{default}.md")
            if default in versions:
                out[directory.name] = versions
        return out

    def load_list(self, name: str, shape: type[T], required: bool = True) -> dict[str, T]:
        path = self.content / "facts" / "lists" / f"{name}.yml"
        if not self.snapshot.is_file(path):
            if required:
                self.add(self.rel(path), 0, "", f"the list of {name} is missing: create it")
            return {}
        loaded = self.file(path, list[shape])  # type: ignore[valid-type]
        if not loaded:
            return {}
        doc, items = loaded
        self.positions.docs[Key("lists", name)] = doc
        out: dict[str, T] = {}
        for i, item in enumerate(items):
            ident = getattr(item, "id")  # noqa: B009 (every list entry has an id)
            if ident in out:
                self.add(doc.rel, doc.line((i, "id")), doc.where((i, "id")),
                         f"the id '{ident}' is used twice in this list: ids must be unique")
            out[ident] = item
        return out

    def load_facts(self, kind: FactKind | str, shape: type[S], paths: dict[tuple[FactKind, str], str] | None = None,
                   folder: Path | None = None) -> dict[str, S]:
        """Every file of a folder of content/facts/ (or of ``folder``), by its name. A prisoner's file marked
        ``withdrawn:`` is left out and read only for its date and names (``self.withdrawn``)."""
        out: dict[str, S] = {}
        for path in self.snapshot.glob(folder or self.content / "facts" / kind, "*.yml"):
            if not self.check_id(path, path.stem, "file"):
                continue
            if kind == "prisoners" and self.withdrawal(path):
                continue
            loaded = self.file(path, shape)
            if loaded:
                doc, value = loaded
                out[path.stem] = value
                if paths is not None:
                    paths[(cast(FactKind, kind), path.stem)] = doc.rel
                self.positions.docs[Key(kind, path.stem)] = doc
        return out

    def withdrawal(self, path: Path) -> bool:
        """Is this prisoner's file not to be shown (withdrawn, or named after a page of the site)?"""
        if path.stem in RESERVED_PRISONER_IDS:
            self.add(self.rel(path), 0, "", f"'{path.stem}' is the address of a page of the site: name the file "
                     "after the person, like andrzej-poczobut.yml")
            return True
        if not WITHDRAWN.search(self.snapshot.read_bytes(path) or b""):
            return False
        marked = self.file(path, Withdrawn)
        if marked:
            when = marked[1].withdrawn
            if when is True:
                changed = self.snapshot.dates.get(self.rel(path), self.today)
                when = PartialDate(changed.year, changed.month, changed.day)
            self.withdrawn[path.stem] = Withdrawal(marked[1], when)
        return True

    def load_one(self, rel: str, shape: type[T], key: str) -> T | None:
        """A file that may be missing (content/calendar.yml, content/facts/releases.yml)."""
        path = self.content / rel
        loaded = self.file(path, shape) if self.snapshot.is_file(path) else None
        if loaded:
            self.positions.docs[Key(key, "")] = loaded[0]
        return loaded[1] if loaded else None

    def check_id(self, path: Path, name: str, what: str) -> bool:
        try:
            adapter(Id).validate_python(name)
        except ValidationError as exc:
            message = exc.errors()[0]["msg"]
            self.add(self.rel(path), 0, "", f"the {what} name is used as the page's address; {message}")
            return False
        return True


@cache
def adapter(shape: Any) -> TypeAdapter[Any]:
    """One validator per shape (making one costs more than using it)."""
    return TypeAdapter(shape)


def load(root: Path, today: dt.date | None = None) -> Content:
    """Load and validate content/ under ``root`` as it is on disk now; raise ContentErrors listing every
    problem (`make check`, the translation and freshness reports)."""
    today = today or dt.date.today()
    return load_snapshot(Snapshot(root, read_inputs(root)), today, Store.of(root) if (root / ".build").is_dir()
                         else None)


def last_checked() -> set[str]:
    """The keys of the files the last load of this process checked (or found checked)."""
    return set(_CHECKED)


def load_snapshot(snapshot: Snapshot, today: dt.date, store: Store | None = None) -> Content:
    """Load and validate the content of a snapshot (what a build read); raise ContentErrors listing every
    problem. Files checked before, by this process or by an earlier run (``store``), are not checked again."""
    loader = Loader(snapshot, today, store)
    content = loader.load()
    loader.keep()
    return content
