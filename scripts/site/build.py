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
import shutil
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

import yaml

from scripts.content.documents import Content
from scripts.content.history import last_changed
from scripts.content.load import load
from scripts.errors import BuildFailed
from scripts.render import links
from scripts.render.cards import CardCache
from scripts.render.generate import Generated, generate
from scripts.site.config import HOOKS, THEME, mkdocs_config
from scripts.site.mkdocs_run import explain, run_languages
from scripts.site.publish import OUTPUTS, link_tree, place_tree, reuse_unchanged, swap, write_root_pages

SCRIPTS = Path(__file__).resolve().parents[1]

log = logging.getLogger(__name__)

DOCS_README = """\
# docs/ is generated

Everything in this folder is written by `python -m scripts build` (run by `make site`)
from the files in `content/`. Do not edit it: your changes would be overwritten.
Edit `content/` instead; see the README at the top of the repository.
"""


def build(root: Path, today: dt.date | None = None, cards: bool = True) -> BuildReport:
    """Validate content, generate and build every language, then replace docs/ and site/.

    Incremental: a language whose generated input did not change since the published build
    is not rebuilt, and every file that comes out the same is the very same file (a hard
    link to the published one), so an unchanged rebuild rewrites nothing.
    """
    timer = Timer()
    today = today or dt.date.today()
    inputs = input_fingerprint(root, today, cards)
    inputs_file = root / ".build" / "inputs.txt"
    if inputs_file.exists() and inputs_file.read_text() == inputs and (root / "site").is_dir() \
            and (root / "docs").is_dir():
        timer.lap("inputs unchanged")
        return BuildReport({}, 0, 0, [], timer.laps, unchanged=True)
    content = load(root, today)
    timer.lap("load")
    generated = generate(content, root, today)
    timer.lap("generate")
    (root / ".build").mkdir(exist_ok=True)
    with _exclusive(root / ".build" / "lock"):
        report = _build_locked(root, content, generated, cards, timer)
    inputs_file.write_text(inputs)
    return report


def input_fingerprint(root: Path, today: dt.date, cards: bool) -> str:
    """Everything a build reads: content/, mkdocs.yml, the generator's own code, templates and theme,
    the date (timelines end today) and the git dates of content files ('last updated')."""
    digest = hashlib.sha256(f"{today}|{cards}|{sorted(last_changed(root, today).items())}".encode())
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
                  timer: Timer) -> BuildReport:
    """Stage everything under .build/, build the languages that changed, then swap docs/ and site/ in."""
    for stale in (root / ".build").glob("stage-*"):  # left by a build that was killed
        shutil.rmtree(stale, ignore_errors=True)
    published_file = root / ".build" / "published.json"
    published = json.loads(published_file.read_text()) if published_file.exists() and (root / "site").exists() else {}
    stage = Path(tempfile.mkdtemp(prefix="stage-", dir=root / ".build"))
    try:
        docs, site = stage / "docs", stage / "site"
        files: dict[str, str | bytes] = {"README.md": DOCS_README}
        for gen in generated:
            files.update({f"{gen.lang}/{rel}": text for rel, text in gen.files.items()})
        place_tree(docs, files, root / "docs")
        cards = CardCache(root / ".build" / "cards")
        if with_cards:
            cards.place_all([(page.card, docs / gen.lang / page.card_path)
                             for gen in generated for page in gen.pages if page.card])
        timer.lap("cards")
        fingerprints, configs = {}, {}
        for gen in generated:
            config = mkdocs_config(root, content, gen.lang, gen.nav, docs / gen.lang, site / gen.lang)
            configs[gen.lang] = stage / f"mkdocs.{gen.lang}.yml"
            configs[gen.lang].write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
            fingerprints[gen.lang] = fingerprint(docs / gen.lang, {k: v for k, v in config.items()
                                                                   if k not in ("docs_dir", "site_dir")})
        changed = [gen for gen in generated
                   if published.get(gen.lang) != fingerprints[gen.lang] or not (root / "site" / gen.lang).is_dir()]
        for gen in generated:
            if gen not in changed:
                link_tree(root / "site" / gen.lang, site / gen.lang)
        results = run_languages([str(configs[gen.lang]) for gen in changed])
        for gen, (seconds, messages) in zip(changed, results, strict=True):
            timer.laps[f"mkdocs {gen.lang}"] = seconds
            if messages:
                raise BuildFailed(explain(messages, gen, root))
        for gen in changed:
            reuse_unchanged(site / gen.lang, root / "site" / gen.lang)
        timer.lap("mkdocs")
        write_root_pages(site, content)
        reuse_unchanged(site, root / "site", recursive=False)
        for name in OUTPUTS:
            swap(stage / name, root / name)
        published_file.write_text(json.dumps(fingerprints), encoding="utf-8")
        timer.lap("publish")
    finally:
        shutil.rmtree(stage, ignore_errors=True)
    return BuildReport({gen.lang: len(gen.pages) for gen in generated}, cards.drawn, cards.reused,
                       [gen.lang for gen in changed], timer.laps)


class Timer:
    """Seconds spent in each phase of a build."""

    def __init__(self) -> None:
        self.laps: dict[str, float] = {}
        self._last = time.perf_counter()

    def lap(self, name: str) -> None:
        now = time.perf_counter()
        self.laps[name] = round(now - self._last, 2)
        self._last = now


def fingerprint(docs: Path, config: dict[str, Any]) -> str:
    """Everything one language's MkDocs build depends on: its input files, config, theme and hooks."""
    versions = [metadata.version(name) for name in ("mkdocs", "mkdocs-material", "markdown", "pymdown-extensions")]
    digest = hashlib.sha256(json.dumps([config, versions], sort_keys=True, default=str).encode())
    for folder in (docs, THEME):
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            digest.update(path.relative_to(folder).as_posix().encode())
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    for module in (HOOKS, Path(links.__file__), Path(__file__)):  # code that runs inside MkDocs
        digest.update(module.read_bytes())
    return digest.hexdigest()
@dataclass
class BuildReport:
    pages: dict[str, int]
    """Pages per language."""
    cards_drawn: int
    cards_reused: int
    rebuilt: list[str] = field(default_factory=list)
    """Languages MkDocs built (the others were unchanged)."""
    timings: dict[str, float] = field(default_factory=dict)
    unchanged: bool = False
    """Nothing the site is made from changed since the last build: nothing was done."""

    def __str__(self) -> str:
        if self.unchanged:
            return "nothing changed since the last build"
        pages = ", ".join(f"{lang}: {count} pages" for lang, count in self.pages.items())
        rebuilt = ", ".join(self.rebuilt) or "none"
        return (f"{pages}; social cards: {self.cards_drawn} drawn, {self.cards_reused} from cache; "
                f"languages rebuilt: {rebuilt}")
