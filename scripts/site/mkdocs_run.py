"""MkDocs, one build per language, through its public face: ``load_config`` and ``build`` (the API
behind `mkdocs build`, with ``dirty`` as its `--dirty`), run in worker processes (one per core),
with its warnings pointed back at the content file (and line) they come from.

The engine may be MkDocs or ProperDocs (a drop-in fork of MkDocs 1.x: `--engine properdocs`); a
process uses one of them, chosen before anything imports MkDocs (``scripts.site.build.use_engine``).
"""

from __future__ import annotations

import io
import logging
import multiprocessing as mp
import os
import re
import time
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from scripts.errors import SiteError
from scripts.render.generate import Generated, cores
from scripts.site.finish import finish_page, finish_pages, index_pages
from scripts.site.frames import Framed, assemble_all, dangling_anchors
from scripts.site.outputs import Run
from scripts.store import Store


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@contextmanager
def _capture_mkdocs() -> Iterator[_Collect]:
    logger = logging.getLogger("mkdocs")
    handler = _Collect()
    logger.addHandler(handler)
    propagate, logger.propagate = logger.propagate, False
    try:
        yield handler
    finally:
        logger.removeHandler(handler)
        logger.propagate = propagate


@dataclass(frozen=True)
class Job:
    """One language's MkDocs build."""

    config: dict[str, Any]
    config_path: str
    """Where relative paths in the configuration are read from (the project's mkdocs.yml)."""
    run: Run
    search: dict[str, tuple[str, str]]
    """Each page's address (below the language) -> the key of its search entries, and its title."""
    framed: list[Framed] = field(default_factory=list)
    """The pages assembled in frames (scripts.site.frames)."""
    sources: dict[str, str] = field(default_factory=dict)
    """Each page's docs file, by its address (for messages)."""
    in_frames: dict[str, str] = field(default_factory=dict)
    """Every page assembled in a frame (this run or before): its HTML file, by its address."""


@dataclass(frozen=True)
class Done:
    """What a job did: its time, MkDocs' warnings (none: success), the files it wrote."""

    seconds: float
    messages: list[str]
    written: set[str]
    through_link: str = ""
    """Why the run's output cannot be trusted (MkDocs wrote into a file of the published site)."""


class _DirtyNotice(logging.Filter):
    """MkDocs warns that a dirty build may leave navigation and links stale. Here it does not: a dirty
    build runs only when nothing that every page shows (configuration, navigation, theme, tools)
    changed, on the outputs of the last run without the output of every input that changed
    (scripts.site.outputs)."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith("A 'dirty' build is being performed")


def run_mkdocs(job: Job) -> list[str]:
    """Build one language in strict mode; return its warnings (empty: success). Runs in a worker process,
    so it returns messages rather than raising."""
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    build_log = logging.getLogger("mkdocs.commands.build")
    if not any(isinstance(f, _DirtyNotice) for f in build_log.filters):
        build_log.addFilter(_DirtyNotice())  # before strict mode counts it as a warning
    with _capture_mkdocs() as captured:
        try:
            config = load_config(io.BytesIO(b"{}"), config_file_path=job.config_path, **job.config)
            mkdocs_build(config, dirty=job.run.mode == "dirty")
        except MkDocsException as exc:
            return captured.messages or [str(exc)]
    return captured.messages


def run_job(job: Job) -> Done:
    """MkDocs for one language, with before it the run's folder (scripts.site.outputs.Run.start) and after
    it the check that it wrote only new files, the pages assembled in frames and the check of links to
    their anchors (scripts.site.frames), the finishing of the pages written and the language's search
    index (scripts.site.finish): all in the worker, side by side with the other languages."""
    started = time.perf_counter()
    job.run.start()
    messages = run_mkdocs(job)
    if messages:
        return Done(round(time.perf_counter() - started, 2), messages, set())
    try:
        written = job.run.written()
    except SiteError as exc:
        return Done(round(time.perf_counter() - started, 2), [], set(), str(exc))
    site_url = str(job.config["site_url"])
    try:
        framed, frames = assemble_all(job.run.site, job.framed, written, site_url,
                                      lambda page: finish_page(page, site_url))
    except SiteError as exc:
        return Done(round(time.perf_counter() - started, 2), [str(exc)], set())
    finish_pages(job.run.site, written - frames, site_url)
    dangling = dangling_anchors(job.run.site, written - frames, framed, job.in_frames, job.sources)
    if dangling:
        return Done(round(time.perf_counter() - started, 2), dangling, set())
    written = (written - frames) | framed.keys()
    store = Store(Path(job.config["extra"]["build_store"]))
    index_pages(job.run.site, written, job.search, store, framed)
    store.close()
    return Done(round(time.perf_counter() - started, 2), [], written)


def explain(messages: list[str], gen: Generated, root: Path, files: dict[str, bytes]) -> list[str]:
    """Point MkDocs warnings at the content file (and line) they come from (``files``: the build's
    snapshot of content/, so that the line is the one of the text that was built)."""
    by_path = {page.path: page for page in gen.pages}
    out = []
    for message in messages:
        match = re.search(r"Doc file '([^']+)'", message)
        page = by_path.get(match.group(1)) if match else None
        if page is None or not page.sources:
            out.append(f"docs/{gen.lang}: {message}")
            continue
        rel = page.sources[0]
        line = 0
        target = re.search(r"(?:link|anchor) '([^']+)'", message)
        if target and len(page.sources) == 1 and rel in files:
            text = files[rel].decode("utf-8-sig", "replace").splitlines()
            needle = target.group(1).split("#")[0] or target.group(1)
            line = next((i for i, row in enumerate(text, 1) if needle in row), 0)
        out.append(f"{rel}:{line}: {message}" if line else f"{rel}: {message}")
    return out


def run_languages(jobs: list[Job]) -> list[Done]:
    """What each job did, as many languages at a time as there are cores.

    Workers are forked from this process after the engine is imported here, so that no worker pays
    for importing it again."""
    if len(jobs) <= 1 or cores() < 2:
        return [run_job(job) for job in jobs]
    import importlib

    for module in ("material.plugins.search.plugin", "mkdocs.commands.build", "material.templates",
                   "pygments.lexers", "pygments.formatters", "colorama"):
        importlib.import_module(module)  # what a build imports: once here, inherited by every worker
    with ProcessPoolExecutor(max_workers=min(len(jobs), cores()), mp_context=mp.get_context("fork")) as pool:
        return list(pool.map(run_job, jobs))
