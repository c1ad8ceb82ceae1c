"""Build the site: read content/ once, validate it, generate each language's Markdown, render it with
MkDocs, and publish docs/ and site/ all at once.

A build is one graph of nodes in one store (scripts.store): a content file as checked, a page's
Markdown, a social card, a page's search entries, a fact sheet's PDF, each kept under the digest of
what it is made from (the bytes read into the build's snapshot, the environment stamp, the options),
and each language's last MkDocs run, recorded with what it was made from (scripts.site.outputs).
What is out of date is made again; nothing else is. The whole build, from reading content/ to
publishing, holds one lock: a second build waits for the first, and a build publishes exactly the
content it read (if a file was saved meanwhile, the report says so and the next build takes it).

Until it publishes, a build writes only under .build/: a build that fails or is stopped leaves
docs/ and site/ exactly as they were (scripts.site.publish).
"""

from __future__ import annotations

import datetime as dt
import fcntl
import json
import logging
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from scripts.content.documents import Content
from scripts.content.load import last_checked, load_snapshot
from scripts.content.snapshot import CONFIG, Snapshot
from scripts.errors import BuildFailed, SiteError
from scripts.render import links, routes
from scripts.render.cards import Cards, card_images
from scripts.render.generate import Generated, generate
from scripts.site.config import mkdocs_config
from scripts.site.factsheets import Printed, Sheet, print_sheets
from scripts.site.finish import merge_search_index, search_key, write_sitemap
from scripts.site.mkdocs_run import Job, explain, run_languages, use_engine
from scripts.site.outputs import PDFS, Outputs, Run
from scripts.site.publish import OUTPUTS, publish_root
from scripts.store import Store, digest, environment, write_changed

log = logging.getLogger(__name__)


@dataclass
class Language:
    """One language's part of a build."""

    gen: Generated
    outputs: Outputs
    key: str
    """What every page of the language shows: configuration, navigation, theme, tools."""
    docs: dict[str, str]
    """sha256 of each MkDocs input file."""
    config: dict[str, object]
    run: Run
    search: dict[str, str]
    """The key of each page's search entries (its rendering), by its path."""


def build(root: Path, today: dt.date | None = None, cards: bool = True, languages: list[str] | None = None,
          factsheets: bool = False, engine: str = "mkdocs") -> BuildReport:
    """Bring docs/ and site/ up to date with content/ (``languages``: only those, as the preview's first
    pass does; the others stay as published). ``factsheets``: print every fact page to factsheet.pdf
    beside it (its page then links it). ``engine``: mkdocs or properdocs."""
    timer = Timer()
    today = today or dt.date.today()
    engine_name = use_engine(engine)
    with build_lock(root):
        timer.lap("lock")
        snapshot = Snapshot.take(root, today)
        store = Store.of(root)
        key = digest(environment(), snapshot.digest, str(today), cards, factsheets, engine_name)
        built = all((root / name).is_dir() for name in OUTPUTS)
        if languages is None and built and store.state("published") == key:
            timer.lap("snapshot")
            return BuildReport(timings=timer.laps, unchanged=True, changed_meanwhile=not snapshot.still_current())
        timer.lap("snapshot")
        content = load_snapshot(snapshot, today, store)
        timer.lap("load")
        if languages and not all((root / name / code).is_dir() for name in OUTPUTS for code in content.site.codes):
            languages = None  # a language never built cannot be left out
        some = [code for code in content.site.codes if code in languages] if languages else None
        generated = generate(content, snapshot, today, store, some, factsheets)
        timer.lap("generate")
        drawn = card_images([p.card for gen in generated for p in gen.pages if p.card], store) if cards \
            else Cards({}, 0, 0)
        timer.lap("cards")
        store.set_state(published=None)  # docs/ changes from here on
        langs = [prepare(root, store, snapshot, content, gen, drawn, engine_name) for gen in generated]
        timer.lap("plan")
        render(root, store, snapshot, content, langs, timer)
        printed = print_sheets([Sheet(lang.gen.lang, routes.url_path(p.path), lang.run.site, p.pdf)
                                for lang in langs for p in lang.gen.pages if p.pdf], store) if factsheets \
            else None
        for lang in langs:
            if lang.run.mode != "unchanged" or printed:
                place_factsheets(lang, printed)
        timer.lap("factsheets")
        for lang in langs:
            lang.outputs.done(lang.key, lang.run)
        if not some:
            publish_root(root, content)
            store.set_state(published=key)
            forget_unused(store, langs, drawn if cards else None, printed)
        timer.lap("publish")
        return BuildReport({lang.gen.lang: len(lang.gen.pages) for lang in langs}, drawn.drawn, drawn.reused,
                           [f"{lang.gen.lang}{' (dirty)' if lang.run.mode == 'dirty' else ''}" for lang in langs
                            if lang.run.mode != "unchanged"], timer.laps,
                           printed.printed if printed else 0, printed.reused if printed else 0,
                           changed_meanwhile=not snapshot.still_current())


def place_factsheets(lang: Language, printed: Printed | None) -> None:
    """Every printable page's PDF beside it when the build prints them; none at all when it does not."""
    pdfs = {(s.url_path, s.name): pdf for s, pdf in printed.pdfs.items() if s.lang == lang.gen.lang} if printed else {}
    for page in lang.gen.pages:
        for name in PDFS:
            path = lang.run.site / routes.url_path(page.path) / name
            if (routes.url_path(page.path), name) in pdfs:
                write_changed(path, pdfs[(routes.url_path(page.path), name)])
            else:
                path.unlink(missing_ok=True)


def forget_unused(store: Store, langs: list[Language], drawn: Cards | None, printed: Printed | None) -> None:
    """After a build of every language, the store keeps only the nodes the published site is made of."""
    store.keep_only("markdown", {key for lang in langs for key in lang.gen.keys})
    store.keep_only("search", {key for lang in langs for key in lang.search.values()})
    store.keep_only("loaded", last_checked())
    if drawn is not None:
        store.keep_only("card", drawn.images)
    if printed is not None:
        store.keep_only("pdf", printed.keys)


@contextmanager
def build_lock(root: Path) -> Iterator[None]:
    """One build at a time per project: a second one says so and waits."""
    (root / ".build").mkdir(exist_ok=True)
    with (root / ".build" / "lock").open("w") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            print("another build of this site is running: waiting for it to finish", file=sys.stderr, flush=True)
            fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def prepare(root: Path, store: Store, snapshot: Snapshot, content: Content, gen: Generated, drawn: Cards,
            engine: str) -> Language:
    """A language's MkDocs input written into docs/<lang>/, and the run that brings its output up to date."""
    outputs = Outputs(root, gen.lang, store)
    files = {rel: text.encode("utf-8") if isinstance(text, str) else text for rel, text in gen.files.items()}
    files.update({p.card_path: drawn.images[p.card.key()] for p in gen.pages if p.card and drawn.images})
    docs = {rel: digest(data) for rel, data in files.items()}
    outputs.sync(files, docs)
    targets = outputs.folder / "link-targets.json"  # read by the articles' Markdown extension (scripts.render.links)
    write_changed(targets, json.dumps(links.link_targets(content), ensure_ascii=False, sort_keys=True).encode())
    config = mkdocs_config(snapshot, content, gen.lang, gen.nav, outputs.docs, outputs.site, targets)
    shown = json.dumps({k: v for k, v in config.items() if k != "site_dir"}, sort_keys=True, default=str)
    key = digest("mkdocs", environment(), engine, shown.replace(str(root), "<project>"))  # wherever it lies
    search = {page.path: search_key(key, docs[page.path]) for page in gen.pages}
    return Language(gen, outputs, key, docs, config, outputs.plan(key, docs), search)


def render(root: Path, store: Store, snapshot: Snapshot, content: Content, langs: list[Language],
           timer: Timer) -> None:
    """Run MkDocs for every language whose output is out of date; then each one's search index and sitemap."""
    todo = [lang for lang in langs if lang.run.mode != "unchanged"]
    for lang in todo:
        lang.config["site_dir"] = str(lang.run.site)
    results = run_languages([Job(lang.config, str(root / CONFIG), lang.run, {
        routes.url_path(page.path): (lang.search[page.path], page.title) for page in lang.gen.pages}) for lang in todo])
    for lang, done in zip(todo, results, strict=True):
        timer.laps[f"mkdocs {lang.gen.lang}{' (dirty)' if lang.run.mode == 'dirty' else ''}"] = done.seconds
        if done.messages:
            raise BuildFailed(explain(done.messages, lang.gen, root, snapshot.files))
        if done.through_link:
            lang.outputs.forget()
            raise SiteError(done.through_link)
        merge_search_index(lang.run.site, lang.gen.pages, lang.search, store)
        write_sitemap(lang.run.site, content, lang.gen.lang, lang.gen.pages)
    timer.lap("mkdocs")


class Timer:
    """Seconds spent in each phase of a build."""

    def __init__(self) -> None:
        self.laps: dict[str, float] = {}
        self._last = time.perf_counter()

    def lap(self, name: str) -> None:
        now = time.perf_counter()
        self.laps[name] = round(now - self._last, 2)
        self._last = now


@dataclass
class BuildReport:
    pages: dict[str, int] = field(default_factory=dict)
    """Pages per language."""
    cards_drawn: int = 0
    cards_reused: int = 0
    rebuilt: list[str] = field(default_factory=list)
    """Languages MkDocs rendered (the others were unchanged), '(dirty)' when only some pages."""
    timings: dict[str, float] = field(default_factory=dict)
    sheets_printed: int = 0
    sheets_reused: int = 0
    unchanged: bool = False
    """Nothing the site is made from changed since the last build: nothing was done."""
    changed_meanwhile: bool = False
    """A file of content/ was saved while the build ran: what was published is what the build read."""

    def __str__(self) -> str:
        if self.unchanged:
            return "nothing changed since the last build"
        pages = ", ".join(f"{lang}: {count} pages" for lang, count in self.pages.items())
        rebuilt = ", ".join(self.rebuilt) or "none"
        sheets = (f"fact sheets: {self.sheets_printed} printed, {self.sheets_reused} from the store; "
                  if self.sheets_printed or self.sheets_reused else "")
        return (f"{pages}; social cards: {self.cards_drawn} drawn, {self.cards_reused} from the store; {sheets}"
                f"languages rendered: {rebuilt}")

