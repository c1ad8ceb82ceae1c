"""What a build does once something changed (scripts.site.build decides that, holding the lock):
load the snapshot, generate every language's pages, draw the cards, run MkDocs where its output is out
of date, print fact sheets, publish, and let the store forget what the published site no longer uses.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
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
from scripts.site.finish import search_key, write_sitemap
from scripts.site.frames import Framed, Plan
from scripts.site.frames import plan as plan_frames
from scripts.site.mkdocs_run import Job, explain, run_languages
from scripts.site.outputs import PDFS, Outputs, Run
from scripts.site.publish import publish_root
from scripts.site.report import OUTPUTS, BuildReport, Timer
from scripts.store import Store, digest, environment, write_changed


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
    frames: Plan
    """The pages assembled in frames (scripts.site.frames)."""


def make(root: Path, store: Store, snapshot: Snapshot, key: str, today: dt.date, cards: bool,
         languages: list[str] | None, factsheets: bool, engine_name: str, timer: Timer,
         frames: bool = True) -> BuildReport:
    """The build of ``snapshot`` (under the build's lock), published under ``key`` unless only some
    ``languages`` were asked for."""
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
    langs = [prepare(root, store, snapshot, content, gen, drawn, engine_name, frames) for gen in generated]
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


def prepare(root: Path, store: Store, snapshot: Snapshot, content: Content, gen: Generated, drawn: Cards,
            engine: str, frames: bool = True) -> Language:
    """A language's MkDocs input written into docs/<lang>/, and the run that brings its output up to date
    (``frames``: the pages written as HTML and not in the navigation are assembled in frames)."""
    outputs = Outputs(root, gen.lang, store)
    files = {rel: text.encode("utf-8") if isinstance(text, str) else text for rel, text in gen.files.items()}
    files.update({p.card_path: drawn.images[p.card.key()] for p in gen.pages if p.card and drawn.images})
    in_nav = {path for entry in gen.nav for path in entry.values()}
    framed_paths = {p.path for p in gen.pages if frames and framable(p.path) and p.path not in in_nav
                    and written_as_html(files[p.path])}
    docs = {rel: digest(data) for rel, data in files.items()}
    framing = plan_frames(files, framed_paths, store, docs)
    files.update(framing.files)
    docs.update({rel: digest(data) for rel, data in framing.files.items()})
    outputs.sync({rel: data for rel, data in files.items() if rel not in framed_paths}, docs, framed_paths)
    targets = outputs.folder / "link-targets.json"  # read by the articles' Markdown extension (scripts.render.links)
    write_changed(targets, json.dumps(links.link_targets(content), ensure_ascii=False, sort_keys=True).encode())
    config = mkdocs_config(snapshot, content, gen.lang, gen.nav, outputs.docs, outputs.site, targets)
    if framed_paths:  # not MkDocs input: known to it as excluded pages (scripts.site.hooks)
        config["extra"] = {**config["extra"], "framed": sorted(framed_paths)}
    # what every page shows: whether pages are assembled in frames (a change of it renders every page anew),
    # not the list of them (as with pages in docs/, a page that links to one added or removed changes itself)
    shown = json.dumps({k: ({**v, "framed": None} if k == "extra" and isinstance(v, dict) else v)
                        for k, v in config.items() if k != "site_dir"}, sort_keys=True, default=str)
    key = digest("mkdocs", environment(), engine, frames, shown.replace(str(root), "<project>"))  # wherever it lies
    search = {page.path: search_key(key, docs[page.path]) for page in gen.pages}
    return Language(gen, outputs, key, docs, config, outputs.plan(key, docs), search, framing)


def render(root: Path, store: Store, snapshot: Snapshot, content: Content, langs: list[Language],
           timer: Timer) -> None:
    """Run MkDocs for every language whose output is out of date (its workers assemble the pages in frames and
    make the search index: scripts.site.mkdocs_run); then each one's sitemap."""
    todo = [lang for lang in langs if lang.run.mode != "unchanged"]
    for lang in todo:
        lang.config["site_dir"] = str(lang.run.site)
    results = run_languages([Job(lang.config, str(root / CONFIG), lang.run, {
        routes.url_path(page.path): (lang.search[page.path], page.title) for page in lang.gen.pages},
        to_assemble(lang), {routes.url_path(page.path): page.path for page in lang.gen.pages},
        {page.url: page.output for page in lang.frames.pages})
        for lang in todo])
    for lang, done in zip(todo, results, strict=True):
        timer.laps[f"mkdocs {lang.gen.lang}{' (dirty)' if lang.run.mode == 'dirty' else ''}"] = done.seconds
        if done.messages:
            raise BuildFailed(explain(done.messages, lang.gen, root, snapshot.files))
        if done.through_link:
            lang.outputs.forget()
            raise SiteError(done.through_link)
        write_sitemap(lang.run.site, content, lang.gen.lang, lang.gen.pages)
    timer.lap("mkdocs")


def to_assemble(lang: Language) -> list[Framed]:
    """The pages a run assembles in their frames: all in a full run; in a dirty one, those that changed and
    any whose published page went missing (as MkDocs renders a page whose output is missing)."""
    if lang.run.mode == "full":
        return lang.frames.pages
    return [page for page in lang.frames.pages
            if page.output in lang.run.stale or not (lang.outputs.site / page.output).exists()]


def framable(path: str) -> bool:
    """Whether a page can be assembled in a frame of its folder: a page of a folder, not its index (a frame
    ``<folder>/_frame-….md`` is written at the same depth as ``<folder>/<name>.md``)."""
    return "/" in path and not path.endswith("/index.md")


def written_as_html(text: bytes) -> bool:
    """Whether the generator wrote the page as HTML (scripts.render.direct; the hook does not convert it)."""
    return text.startswith(b"---\n") and b"\nhtml_body: true\n" in text.split(b"\n---\n", 1)[0]


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
    store.keep_only("frame", {key for lang in langs for key in lang.frames.keys})
    if drawn is not None:
        store.keep_only("card", drawn.images)
    if printed is not None:
        store.keep_only("pdf", printed.keys)
