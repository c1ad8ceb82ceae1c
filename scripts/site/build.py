"""Build the site: validate, generate docs/<lang>/, run one MkDocs build per language.

Everything is written into a staging folder under .build/ first. Only when every
language has built does the staging output replace docs/ and site/, so a failed run
leaves the last good docs/ and site/ exactly as they were.
"""

from __future__ import annotations

import datetime as dt
import fcntl
import hashlib
import json
import logging
import os
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from scripts.content.documents import Content
from scripts.content.history import last_changed
from scripts.content.load import load
from scripts.errors import BuildFailed
from scripts.render import links, routes
from scripts.render.cards import CardCache
from scripts.render.generate import Generated, generate
from scripts.site.cache import LanguageCache, fingerprint
from scripts.site.config import HOOKS, THEME, mkdocs_config
from scripts.site.factsheets import FACTSHEET, FactsheetCache, Sheet
from scripts.site.mkdocs_run import Job, explain, run_languages
from scripts.site.publish import OUTPUTS, Published, link_trees, remove_soon, reuse_unchanged, swap, write_root_pages

SCRIPTS = Path(__file__).resolve().parents[1]

log = logging.getLogger(__name__)

DOCS_README = """\
# docs/ is generated

Everything in this folder is written by `python -m scripts build` (run by `make site`)
from the files in `content/`. Do not edit it: your changes would be overwritten.
Edit `content/` instead; see the README at the top of the repository.
"""


def build(root: Path, today: dt.date | None = None, cards: bool = True,
          languages: list[str] | None = None, factsheets: bool = False) -> BuildReport:
    """Validate content, generate and build every language, then replace docs/ and site/.

    Incremental: nothing is done when no input changed; only pages whose inputs changed are
    generated again, and MkDocs renders only those (scripts.site.cache). With ``languages``, only
    those are built and swapped in (the preview's first pass); the others stay as published. With
    ``factsheets``, every fact page is also printed to factsheet.pdf beside it, and links to it.
    """
    timer = Timer()
    today = today or dt.date.today()
    inputs = input_fingerprint(root, today, cards, factsheets)
    inputs_file = root / ".build" / "inputs.txt"
    if inputs_file.exists() and inputs_file.read_text() == inputs and (root / "site").is_dir() \
            and (root / "docs").is_dir():
        timer.lap("inputs unchanged")
        return BuildReport({}, 0, 0, [], timer.laps, unchanged=True)
    content = load(root, today, remember=languages is None)
    timer.lap("load")
    some = [code for code in content.site.codes if code in languages] if languages else None
    if some and not all((root / folder / code).is_dir() for folder in OUTPUTS for code in content.site.codes):
        some = None  # the other languages have never been built: build them all
    # the preview's first pass shows the edited page: the open data follows in the full pass
    generated = generate(content, root, today, some, factsheets=factsheets and not some, open_data=not some)
    for gen in generated if some else []:
        kept = LanguageCache(root / ".build" / "mkdocs" / gen.lang).docs / "data"
        gen.files.update({f"data/{path.relative_to(kept).as_posix()}": path.read_bytes()
                          for path in kept.rglob("*") if path.is_file()})
    timer.lap("generate")
    (root / ".build").mkdir(exist_ok=True)
    inputs_file.unlink(missing_ok=True)
    with _exclusive(root / ".build" / "lock"):
        report = _build_locked(root, content, generated, cards, factsheets and not some, timer)
    if not some:  # a build of some languages leaves the others as they were: not up to date
        inputs_file.write_text(inputs)
    return report


def input_fingerprint(root: Path, today: dt.date, cards: bool, factsheets: bool = False) -> str:
    """Everything a build reads: content/, mkdocs.yml, the generator's own code, templates and theme,
    the date (timelines end today) and the git dates of content files ('last updated')."""
    digest = hashlib.sha256(f"{today}|{cards}|{factsheets}|{sorted(last_changed(root, today).items())}".encode())
    for folder in (root / "content", SCRIPTS):
        for path in sorted(p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
            digest.update(path.relative_to(folder).as_posix().encode())
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    digest.update((root / "mkdocs.yml").read_bytes())
    return digest.hexdigest()


@contextmanager
def _exclusive(lock: Path) -> Iterator[None]:
    """One build at a time per project; a second one waits instead of racing for docs/ and site/."""
    with lock.open("w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _build_locked(root: Path, content: Content, generated: list[Generated], with_cards: bool,
                  with_factsheets: bool, timer: Timer) -> BuildReport:
    """Bring each language's cached MkDocs input up to date, build the languages that changed (only
    their changed pages, unless something every page depends on changed), then stage docs/ and
    site/ from the caches and swap them in."""
    for stale in (root / ".build").glob("stage-*"):  # left by a build that was killed (or being removed)
        remove_soon(stale)
    published = Published(root, with_factsheets)
    published.begin()  # from here on docs/ and site/ may fall behind the caches until published again
    partial = len(generated) < len(content.site.codes)
    """The preview's first pass: the language being previewed; cards and open data come with the full pass."""
    cards = CardCache(root / ".build" / "cards")
    card_files = cards.files([p.card for gen in generated for p in gen.pages if p.card]) \
        if with_cards and not partial else {}
    timer.lap("cards")
    plans = []
    changes: dict[str, tuple[set[str], set[str]]] = {}
    """Per language: the docs/ files that changed, and the outputs removed before a dirty build."""
    targets = json.dumps(links.link_targets(content), ensure_ascii=False, sort_keys=True)
    for gen in generated:
        cache = LanguageCache(root / ".build" / "mkdocs" / gen.lang)
        linked = {p.card_path: card_files[p.card.key()] for p in gen.pages if p.card and card_files}
        if partial and with_cards:  # the cards as they are
            linked = {path.relative_to(cache.docs).as_posix(): path
                      for path in (cache.docs / "assets" / "cards").rglob("*.png")}
        changed = cache.sync(gen.files, linked)
        if cache.put("link-targets.json", targets):  # names changed: the articles that link them did
            changed |= {routes.article_page(slug) for slug in content.articles}
        config = mkdocs_config(root, content, gen.lang, gen.nav, cache.docs, cache.site,
                               cache.folder / "link-targets.json")
        labels = [root / "content" / "ui" / f"{code}.yml" for code in {gen.lang, content.site.default_language}]
        print_ = fingerprint(config, [THEME, HOOKS, Path(links.__file__)], sorted(labels))
        mode = cache.mode(print_, changed)
        if mode != "unchanged":
            cache.begin()  # a build stopped from here on is a full one next time
        removed = cache.forget_outputs(changed) if mode == "dirty" else set()
        plans.append((gen, cache, mode, print_, config))
        changes[gen.lang] = (changed, removed)
    timer.lap("sync")
    todo = [plan for plan in plans if plan[2] != "unchanged"]
    results = run_languages([Job(config, str(root / "mkdocs.yml"), mode == "dirty")
                             for _, _, mode, _, config in todo])
    for (gen, cache, mode, print_, _), (seconds, messages, written) in zip(todo, results, strict=True):
        timer.laps[f"mkdocs {gen.lang}{' (dirty)' if mode == 'dirty' else ''}"] = seconds
        if messages:
            raise BuildFailed(explain(messages, gen, root))
        cache.done(print_)
        changes[gen.lang][1].update(written)
    timer.lap("mkdocs")
    sheets = FactsheetCache(root / ".build" / "factsheets")
    pdfs = sheets.files([Sheet(gen.lang, routes.url_path(p.path), cache.site)
                         for gen, cache, _, _, _ in plans for p in gen.pages if p.factsheet]) if with_factsheets else {}
    if with_factsheets:
        sheets.prune(set(pdfs.values()))
        timer.lap("factsheets")
    report = BuildReport({gen.lang: len(gen.pages) for gen in generated}, cards.drawn, cards.reused,
                         [plan[0].lang for plan in todo], timer.laps, sheets.printed, sheets.reused)
    if published.can_update() and all(mode != "full" for _, _, mode, _, _ in plans):
        published.update(content, [(gen.lang, cache) for gen, cache, _, _, _ in plans], changes, pdfs)
        timer.lap("publish")
        return report
    stage = Path(tempfile.mkdtemp(prefix="stage-", dir=root / ".build"))
    try:
        (stage / "docs").mkdir()
        (stage / "docs" / "README.md").write_text(DOCS_README, encoding="utf-8")
        reuse_unchanged(stage / "docs", root / "docs", recursive=False)
        pairs = [pair for gen, cache, _, _, _ in plans
                 for pair in ((cache.docs, stage / "docs" / gen.lang), (cache.site, stage / "site" / gen.lang))]
        link_trees(pairs)
        for sheet, pdf in pdfs.items():  # cached PDFs are never rewritten (another look, another file): linked
            os.link(pdf, stage / "site" / sheet.lang / sheet.url_path / FACTSHEET)
        if partial:  # some languages (the preview's first pass):
            for gen in generated:  # swap in each of those, leave the others as they are
                for name in OUTPUTS:
                    swap(stage / name / gen.lang, root / name / gen.lang)
            published.done(whole=False)
            timer.lap("publish")
            return report
        write_root_pages(stage / "site", content)
        reuse_unchanged(stage / "site", root / "site", recursive=False)
        for name in OUTPUTS:
            swap(stage / name, root / name)
        published.done(whole=True)
        timer.lap("publish")
    finally:
        remove_soon(stage)  # the old docs/ and site/, swapped out into it
    return report


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
    pages: dict[str, int]
    """Pages per language."""
    cards_drawn: int
    cards_reused: int
    rebuilt: list[str] = field(default_factory=list)
    """Languages MkDocs built (the others were unchanged)."""
    timings: dict[str, float] = field(default_factory=dict)
    sheets_printed: int = 0
    sheets_reused: int = 0
    unchanged: bool = False
    """Nothing the site is made from changed since the last build: nothing was done."""

    def __str__(self) -> str:
        if self.unchanged:
            return "nothing changed since the last build"
        pages = ", ".join(f"{lang}: {count} pages" for lang, count in self.pages.items())
        rebuilt = ", ".join(self.rebuilt) or "none"
        sheets = (f"fact sheets: {self.sheets_printed} printed, {self.sheets_reused} from cache; "
                  if self.sheets_printed or self.sheets_reused else "")
        return (f"{pages}; social cards: {self.cards_drawn} drawn, {self.cards_reused} from cache; {sheets}"
                f"languages rebuilt: {rebuilt}")
