"""Generation: the validated model rendered into every language's Markdown, data files and feed."""

from __future__ import annotations

import datetime as dt
import multiprocessing as mp
import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from scripts.feeds import atom
from scripts.gitdates import last_changed
from scripts.load import Content
from scripts.opendata import downloads
from scripts.render import Page, Renderer


@dataclass
class Generated:
    """The Markdown of one language, ready for MkDocs."""

    lang: str
    files: dict[str, str]
    """Path relative to docs/<lang>/ -> text."""
    pages: list[Page]
    nav: list[Any]


def generate(content: Content, root: Path, today: dt.date) -> list[Generated]:
    """Every language's pages, with the open data files and the Atom feed beside them.

    Languages are rendered in parallel on a machine with more than one core.
    """
    updated = last_changed(root, today)
    data = {f"data/{name}": text for name, text in downloads(content).items()}
    jobs = [(content, lang, updated, today) for lang in content.site.codes]
    if len(jobs) > 1 and (os.cpu_count() or 1) > 1 and sum(len(v) for v in content.facts.values()) > 100:
        with ProcessPoolExecutor(max_workers=min(len(jobs), os.cpu_count() or 1),
                                 mp_context=mp.get_context("fork")) as pool:
            out = list(pool.map(_generate_language, jobs))
    else:
        out = [_generate_language(job) for job in jobs]
    for gen in out:
        gen.files.update(data)
    return out


def _generate_language(job: tuple[Content, str, dict[str, dt.date], dt.date]) -> Generated:
    content, lang, updated, today = job
    renderer = Renderer(content, lang, updated, today)
    pages = renderer.pages()
    files = {page.path: renderer.render(page) for page in pages}
    files["feed.xml"] = atom(renderer)
    nav = renderer.nav(pages)
    for page in pages:
        page.data = {}  # the models behind the page are not needed any more (and not sent back)
    return Generated(lang, files, pages, nav)
