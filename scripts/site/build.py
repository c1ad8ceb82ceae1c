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
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import metadata
from pathlib import Path

from scripts.content.snapshot import Snapshot
from scripts.errors import SiteError
from scripts.site.report import OUTPUTS, BuildReport, Timer
from scripts.store import Store, digest, environment


def build(root: Path, today: dt.date | None = None, cards: bool = True, languages: list[str] | None = None,
          factsheets: bool = False, engine: str = "mkdocs", frames: bool = True) -> BuildReport:
    """Bring docs/ and site/ up to date with content/ (``languages``: only those, as the preview's first
    pass does; the others stay as published). ``factsheets``: print every fact page to factsheet.pdf
    beside it (its page then links it). ``engine``: mkdocs or properdocs. ``frames``: pages of people and
    companies assembled in frames (scripts.site.frames; without, MkDocs renders each: the same bytes)."""
    timer = Timer()
    today = today or dt.date.today()
    engine_name = use_engine(engine)
    with build_lock(root):
        timer.lap("lock")
        snapshot = Snapshot.take(root, today)
        store = Store.of(root)
        key = digest(environment(), snapshot.digest, str(today), cards, factsheets, engine_name, frames)
        built = all((root / name).is_dir() for name in OUTPUTS)
        if languages is None and built and store.state("published") == key:
            timer.lap("snapshot")
            return BuildReport(timings=timer.laps, unchanged=True, changed_meanwhile=not snapshot.still_current())
        timer.lap("snapshot")
        from scripts.site.make import make  # the whole pipeline, imported only when there is work

        return make(root, store, snapshot, key, today, cards, languages, factsheets, engine_name, timer, frames)

def use_engine(engine: str) -> str:
    """Make ``engine`` the one this process runs (ProperDocs answers every `mkdocs` import once its
    `replacement` module is loaded); return its name and version, a part of every page's key."""
    if engine == "properdocs":
        try:
            import properdocs.replacement  # noqa: F401
        except ImportError:
            raise SiteError("the ProperDocs engine is not installed: run `make setup`") from None
    return f"{engine} {metadata.version(engine)}"


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
