"""Generation: the validated model rendered into every language's Markdown, data files and feed."""

from __future__ import annotations

import datetime as dt
import multiprocessing as mp
import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from scripts.content.documents import Content
from scripts.content.history import last_changed
from scripts.i18n.translations import Status, report
from scripts.render import routes
from scripts.render.cards import Card
from scripts.render.embed import counter_files
from scripts.render.feeds import atom
from scripts.render.opendata import downloads
from scripts.render.renderer import Renderer
from scripts.render.reuse import Inputs, Rendered, code_digest, file_digests


@dataclass(frozen=True)
class PageInfo:
    """What later stages need of a generated page (the models behind it stay behind)."""

    path: str
    title: str
    sources: list[str]
    """Content files the page is made from."""
    card: Card | None
    factsheet: bool = False
    """Is the page a fact sheet (printed to a PDF by `make factsheets`)?"""

    @property
    def card_path(self) -> str:
        return routes.card_path(self.path)


@dataclass
class Generated:
    """The Markdown of one language, ready for MkDocs."""

    lang: str
    files: dict[str, str | bytes]
    """Path relative to docs/<lang>/ -> text (or the bytes of an image)."""
    pages: list[PageInfo]
    nav: list[dict[str, str]]
    rendered: int = 0
    """Pages rendered in this build (the others' inputs had not changed: their Markdown was kept)."""


def generate(content: Content, root: Path, today: dt.date, languages: list[str] | None = None,
             factsheets: bool = False, open_data: bool = True) -> list[Generated]:
    """Every language's pages (or those of ``languages``), with the open data files and the Atom feed
    (``factsheets``: fact pages link their PDF). Without ``open_data`` (the preview's first pass), no
    open data, and the pages rendered are not kept for the next build (the full pass keeps them).

    Languages are rendered in parallel on a machine with more than one core.
    """
    updated = last_changed(root, today)
    data: dict[str, str | bytes] = article_images(root, content)
    inputs = Inputs(content, file_digests(root), updated, today, code_digest() + ("+factsheets" if factsheets else ""))
    statuses = report(content)  # the translation report covers every language: made once
    jobs = [(content, lang, updated, today, inputs, root / ".build" / "render" / f"{lang}.pickle", statuses,
             factsheets, open_data)
            for lang in languages or content.site.codes]
    workers = min(len(jobs), cores())
    if workers > 1 and len(content.people) + len(content.companies) + len(content.crossings) > 100:
        _FORKED[:] = jobs  # forked workers inherit the jobs: only their numbers are sent to them
        try:
            with ProcessPoolExecutor(max_workers=workers, mp_context=mp.get_context("fork")) as pool:
                files = pool.submit(_open_data) if open_data else None  # beside the languages
                out = list(pool.map(_generate_forked, range(len(jobs))))
                data.update(files.result() if files else {})
        finally:
            _FORKED.clear()
    else:
        data.update(_open_data(content) if open_data else {})
        out = [_generate_language(job) for job in jobs]
    for gen in out:
        gen.files.update(data)
    return out


def article_images(root: Path, content: Content) -> dict[str, str | bytes]:
    """Every article's images, published beside it (the same files in every language)."""
    out: dict[str, str | bytes] = {}
    for slug in content.articles:
        folder = root / "content" / "articles" / slug / "images"
        for path in sorted(folder.iterdir()) if folder.is_dir() else []:
            if path.is_file():
                out[f"{routes.article_images(slug)}/{path.name}"] = path.read_bytes()
    return out


Job = tuple[Content, str, dict[str, dt.date], dt.date, Inputs, Path, list[Status], bool, bool]
_FORKED: list[Job] = []


def _open_data(content: Content | None = None) -> dict[str, str | bytes]:
    """The open data files (in a forked worker: of the content the jobs were made for)."""
    return {routes.data_file(name): text for name, text in downloads(content or _FORKED[0][0]).items()}


def _generate_forked(number: int) -> Generated:
    return _generate_language(_FORKED[number])


def cores() -> int:
    """The cores this process may run on (what `taskset` allows, else all of them)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _generate_language(job: Job) -> Generated:
    content, lang, updated, today, inputs, kept, statuses, factsheets, remember = job
    renderer = Renderer(content, lang, updated, today, statuses, factsheets, bytecode=kept.parent / "jinja")
    pages = renderer.pages()
    rendered = Rendered(kept)
    files: dict[str, str | bytes] = {}
    for page in pages:
        digest = inputs.of(page)
        text = rendered.get(page.path, digest)
        files[page.path] = text if text is not None else renderer.render(page)
        rendered.put(page.path, digest, str(files[page.path]), fresh=text is None)
    if remember:
        rendered.save()
    files[routes.FEED] = atom(content, renderer.locale)
    files.update(counter_files(content, renderer.locale))
    infos = [PageInfo(page.path, page.title, page.sources, page.card, page.factsheet) for page in pages]
    return Generated(lang, files, infos, renderer.nav(pages), rendered.rendered)
