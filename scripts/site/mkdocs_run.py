"""MkDocs, one build per language: running it in worker processes (one per core), and pointing
its warnings back at the content file (and line) they come from.

Each build gets its configuration as a dict (parsing it back from YAML cost half a second per
language on a large site), may be a dirty build (only the pages whose input changed are
rendered: scripts.site.build decides), and writes every file as a new file renamed into place,
so that it never writes through a hard link into a published tree.
"""

from __future__ import annotations

import fnmatch
import io
import logging
import multiprocessing as mp
import os
import re
import shutil
import time
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from scripts.render.generate import Generated, cores
from scripts.site.cache import replace_file, write_new


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
    dirty: bool


ALWAYS_WRITTEN = ("search/search_index.json", "sitemap.xml", "sitemap.xml.gz")
"""Files every build writes, some not through MkDocs' write_file (the merged search index, the gzip)."""
_WRITTEN: list[str] = []


def run_mkdocs(job: Job) -> tuple[list[str], list[str]]:
    """Build one language with MkDocs in strict mode; return its warnings (empty: success) and the
    files it wrote, relative to its output folder.

    Runs in a worker process, so it returns messages rather than raising.
    """
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    _write_by_renaming()
    _theme_files_faster()
    _WRITTEN.clear()
    build_log = logging.getLogger("mkdocs.commands.build")
    if not any(isinstance(f, _DirtyNotice) for f in build_log.filters):
        build_log.addFilter(_DirtyNotice())  # before strict mode counts it as a warning
    with _capture_mkdocs() as captured:
        try:
            config = load_config(io.BytesIO(b"{}"), config_file_path=job.config_path, **job.config)
            mkdocs_build(config, dirty=job.dirty)
        except MkDocsException as exc:
            return captured.messages or [str(exc)], []
    site = Path(config["site_dir"])
    written = {Path(path).relative_to(site).as_posix() for path in _WRITTEN} | set(ALWAYS_WRITTEN)
    return captured.messages, sorted(written)


class _DirtyNotice(logging.Filter):
    """MkDocs warns that a dirty build may leave navigation and links stale. Here it does not: a dirty
    build runs only when nothing that every page shows (configuration, navigation, theme, labels)
    changed, and the output of every changed input is removed first (scripts.site.cache)."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith("A 'dirty' build is being performed")


def _write_by_renaming() -> None:
    """MkDocs' two ways of writing a file, made to write a new file and rename it into place."""
    from mkdocs import utils

    def write_file(content: bytes, output_path: str) -> None:
        write_new(Path(output_path), content)
        _WRITTEN.append(output_path)

    def copy_file(source_path: str, output_path: str) -> None:
        if os.path.isdir(output_path):
            output_path = os.path.join(output_path, os.path.basename(source_path))
        replace_file(Path(output_path), lambda partial: shutil.copyfile(source_path, partial))
        _WRITTEN.append(output_path)

    utils.write_file, utils.copy_file = write_file, copy_file


def theme_files(config: Any) -> list[tuple[str, str]]:
    """The theme's static files as MkDocs lists them (Files.add_files_from_theme): every file of the
    theme folders but dot files, Python, HTML, read-mes, locales, Markdown and the static templates,
    each from the first folder that has it. MkDocs walks and matches all of Material's 14,000 files
    for every build of every language (a tenth of a second each); the hidden folders, which hold all
    but 160 of them and are excluded by the first two patterns, are not walked here."""
    from mkdocs import utils

    patterns = [".*", "*/.*", "*.py", "*.pyc", "*.html", "*readme*", "mkdocs_theme.yml", "locales/*",
                *(f"*{x}" for x in utils.markdown_extensions), *config.theme.static_templates]
    names: set[str] = set()
    for folder in config.theme.dirs:
        for current, folders, files in os.walk(folder):
            folders[:] = [name for name in folders if not name.startswith(".")]
            base = os.path.relpath(current, folder)
            names.update(name if base == "." else f"{base}/{name}".replace(os.sep, "/") for name in files)
    out = []
    for name in sorted(names):
        if any(fnmatch.fnmatch(name.lower(), pattern) for pattern in patterns):
            continue
        folder = next(d for d in config.theme.dirs if os.path.isfile(os.path.join(d, name)))
        out.append((name, folder))
    return out


def _theme_files_faster() -> None:
    """MkDocs' listing of the theme's static files, without walking the hidden folders (theme_files)."""
    from mkdocs.structure.files import File, Files

    def add_files_from_theme(self: Any, env: Any, config: Any) -> None:
        for path, folder in theme_files(config):
            if self.get_file_from_path(path) is None:  # theme files do not override docs files
                self.append(File(path, folder, config.site_dir, config.use_directory_urls))

    if not hasattr(Files, "mkdocs_add_files_from_theme"):  # MkDocs' own, kept (a test compares them)
        Files.mkdocs_add_files_from_theme = Files.add_files_from_theme  # type: ignore[attr-defined]
    Files.add_files_from_theme = add_files_from_theme  # type: ignore[method-assign]


def explain(messages: list[str], gen: Generated, root: Path) -> list[str]:
    """Point MkDocs warnings at the content file (and line) they come from."""
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
        if target and len(page.sources) == 1:
            text = (root / rel).read_text(encoding="utf-8-sig").splitlines()
            needle = target.group(1).split("#")[0] or target.group(1)
            line = next((i for i, row in enumerate(text, 1) if needle in row), 0)
        out.append(f"{rel}:{line}: {message}" if line else f"{rel}: {message}")
    return out


def run_languages(jobs: list[Job]) -> list[tuple[float, list[str], list[str]]]:
    """(seconds, warnings, files written) of MkDocs for each job, as many languages at a time as there are cores.

    Workers are forked from this process after MkDocs and Material are imported here, so that no
    worker pays for importing them again."""
    if len(jobs) <= 1 or cores() < 2:
        return [_timed_mkdocs(job) for job in jobs]
    import importlib

    for module in ("material.plugins.search.plugin", "mkdocs.commands.build", "material.templates",
                   "pygments.lexers", "pygments.formatters", "colorama"):
        importlib.import_module(module)  # what a build imports: once here, inherited by every worker
    with ProcessPoolExecutor(max_workers=min(len(jobs), cores()), mp_context=mp.get_context("fork")) as pool:
        return list(pool.map(_timed_mkdocs, jobs))


def _timed_mkdocs(job: Job) -> tuple[float, list[str], list[str]]:
    started = time.perf_counter()
    messages, written = run_mkdocs(job)
    return round(time.perf_counter() - started, 2), messages, written
