"""Generation: the validated model rendered into every language's Markdown, data files and feed.

A page's Markdown is a node of the build's store, keyed by the digest of its inputs
(scripts.render.reuse): a page whose inputs did not change is taken from the store, not rendered.
"""

from __future__ import annotations

import datetime as dt
import io
import multiprocessing as mp
import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from urllib.parse import quote

from PIL import Image, UnidentifiedImageError

from scripts.content.documents import Content
from scripts.content.snapshot import Snapshot
from scripts.i18n.translations import Status, report
from scripts.render import routes
from scripts.render.calendar import calendar_ics
from scripts.render.cards import Card
from scripts.render.embed import counter_files
from scripts.render.feeds import atom
from scripts.render.kit import WRITE
from scripts.render.opendata import downloads
from scripts.render.pages import ActionPage
from scripts.render.renderer import Renderer
from scripts.render.reuse import Inputs
from scripts.store import Store, digest

Sizes = dict[str, dict[str, tuple[int, int]]]
"""Article slug -> image file name -> (width, height)."""


@dataclass(frozen=True)
class PageInfo:
    """What later stages need of a generated page (the models behind it stay behind)."""

    path: str
    title: str
    sources: list[str]
    """Content files the page is made from."""
    card: Card | None
    pdf: str | None = None
    """The PDF `make factsheets` prints the page to (factsheet.pdf, letter.pdf), if any."""
    updated: dt.date | None = None
    """When its newest source last changed (the sitemap's lastmod)."""

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
    fresh: dict[str, bytes] = field(default_factory=dict)
    """The Markdown rendered in this build, by its key (to be kept in the store)."""
    keys: set[str] = field(default_factory=set)
    """The key of every page's Markdown."""


@dataclass(frozen=True)
class Job:
    content: Content
    snapshot: Snapshot
    lang: str
    today: dt.date
    statuses: list[Status]
    factsheets: bool
    sizes: Sizes


def generate(content: Content, snapshot: Snapshot, today: dt.date, store: Store, languages: list[str] | None = None,
             factsheets: bool = False) -> list[Generated]:
    """Every language's pages (or those of ``languages``), with the open data files, the article images
    and the Atom feed (``factsheets``: fact pages link their PDF). Languages are rendered in parallel
    on a machine with more than one core; the Markdown rendered is kept in ``store``."""
    images = article_images(snapshot, content)
    sizes = image_sizes(images)
    data: dict[str, str | bytes] = {path: blob for path, blob in images.items()}
    statuses = report(content)  # the translation report covers every language: made once
    jobs = [Job(content, snapshot, lang, today, statuses, factsheets, sizes)
            for lang in languages or content.site.codes]
    workers = min(len(jobs), cores())
    if workers > 1 and len(content.people) + len(content.companies) + len(content.crossings) > 100:
        _FORKED[:] = jobs  # forked workers inherit the jobs: only their numbers are sent to them
        try:
            with ProcessPoolExecutor(max_workers=workers, mp_context=mp.get_context("fork")) as pool:
                files = pool.submit(_open_data)  # beside the languages
                out = list(pool.map(_generate_forked, range(len(jobs))))
                data.update(files.result())
        finally:
            _FORKED.clear()
    else:
        data.update(_open_data(content))
        out = [_generate_language(job) for job in jobs]
    for gen in out:
        gen.files.update(data)
        store.put_many("markdown", gen.fresh)
    return out


def article_images(snapshot: Snapshot, content: Content) -> dict[str, bytes]:
    """Every article's images that one of its languages refers to (``images/<file>``), published beside it:
    a file no version shows (not yet used, or left out by a withdrawal) is not published."""
    out: dict[str, bytes] = {}
    for slug, versions in content.articles.items():
        folder = snapshot.root / "content" / "articles" / slug / "images"
        bodies = "\n".join(doc.body for doc in versions.values())
        for path in snapshot.glob(folder, "*"):
            if f"images/{path.name}" in bodies or f"images/{quote(path.name)}" in bodies:
                out[f"{routes.article_images(slug)}/{path.name}"] = snapshot.files[snapshot.rel(path)]
    return out


def image_sizes(images: dict[str, bytes]) -> Sizes:
    """The width and height of each article image, read from its bytes (a page shows them)."""
    out: Sizes = {}
    for path, data in images.items():
        slug, name = path.removeprefix("articles/").split("/images/", 1)
        try:
            with Image.open(io.BytesIO(data)) as image:
                out.setdefault(slug, {})[name] = image.size
        except (OSError, UnidentifiedImageError):
            continue
    return out


_FORKED: list[Job] = []


def _open_data(content: Content | None = None) -> dict[str, str | bytes]:
    """The open data files (in a forked worker: of the content the jobs were made for)."""
    return {routes.data_file(name): text for name, text in downloads(content or _FORKED[0].content).items()}


def _generate_forked(number: int) -> Generated:
    return _generate_language(_FORKED[number])


def cores() -> int:
    """The cores this process may run on (what `taskset` allows, else all of them)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _generate_language(job: Job) -> Generated:
    content, lang = job.content, job.lang
    store = Store.of(job.snapshot.root)
    renderer = Renderer(content, lang, job.snapshot.dates, job.today, job.statuses, job.factsheets, store, job.sizes)
    pages = renderer.pages()
    inputs = Inputs(content, job.snapshot, ["markdown", job.today, job.factsheets])
    keys = {page.path: digest(lang, inputs.of(page)) for page in pages}
    kept = store.get_many("markdown", keys.values())
    files: dict[str, str | bytes] = {}
    fresh: dict[str, bytes] = {}
    for page in pages:
        text = kept.get(keys[page.path])
        if text is None:
            text = fresh[keys[page.path]] = renderer.render(page).encode("utf-8")
        files[page.path] = text.decode("utf-8")
    files.update({routes.letter_file(page.slug): page.letter.text + "\n"
                  for page in pages if isinstance(page, ActionPage)})
    files[routes.FEED] = atom(content, renderer.locale)
    ics = calendar_ics(content, renderer.locale, routes.text_page(WRITE) if WRITE in content.pages else routes.HOME)
    if ics is not None:
        files[routes.CALENDAR] = ics
    files.update(counter_files(content, renderer.locale))
    infos = [PageInfo(page.path, page.title, page.sources, page.card, page.pdf, renderer.updated_of(page))
             for page in pages]
    return Generated(lang, files, infos, renderer.nav(pages), fresh, set(keys.values()))
