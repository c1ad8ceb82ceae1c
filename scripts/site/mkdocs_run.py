"""MkDocs, one build per language: running it in worker processes, and pointing its warnings
back at the content file (and line) they come from."""

from __future__ import annotations

import logging
import multiprocessing as mp
import os
import re
import time
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from pathlib import Path

from scripts.render.generate import Generated


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


def run_mkdocs(config_file: str) -> list[str]:
    """Build one language with MkDocs in strict mode; return its warnings (empty: success).

    Runs in a worker process, so it returns messages rather than raising.
    """
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    with _capture_mkdocs() as captured:
        try:
            mkdocs_build(load_config(config_file=config_file))
        except MkDocsException as exc:
            return captured.messages or [str(exc)]
    return captured.messages


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


def run_languages(config_files: list[str]) -> list[tuple[float, list[str]]]:
    """(seconds, warnings) of MkDocs for each config, as many languages at a time as there are cores."""
    if len(config_files) <= 1 or (os.cpu_count() or 1) < 2:
        return [_timed_mkdocs(f) for f in config_files]
    with ProcessPoolExecutor(max_workers=min(len(config_files), os.cpu_count() or 1),
                             mp_context=mp.get_context("spawn")) as pool:
        return list(pool.map(_timed_mkdocs, config_files))


def _timed_mkdocs(config_file: str) -> tuple[float, list[str]]:
    started = time.perf_counter()
    messages = run_mkdocs(config_file)
    return round(time.perf_counter() - started, 2), messages
