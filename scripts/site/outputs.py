"""Each language's MkDocs input and output, and what MkDocs must render.

- ``docs/<lang>/`` is MkDocs' input: exactly the generated files, less the pages assembled in frames
  (scripts.site.frames: MkDocs knows them without a file). A file that changed is written anew
  (renamed into place), a file no longer generated is removed, the others are not touched.
- ``site/<lang>/`` is the output of the language's last run. A run writes into a folder of its own
  under .build/mkdocs/<lang>/ and, once finished, replaces site/<lang>/ by renaming: a reader gets the
  old language or the new one, never a mix, and a build that fails or is stopped leaves site/ as it
  was. A full run starts from an empty folder. A dirty run starts from hard links to the published
  files, without the output of every input that changed and without the files MkDocs writes in every
  run (``ALWAYS_WRITTEN``), so that MkDocs renders exactly those (and the frames of
  scripts.site.frames, which are never published: a few pages a run) and only ever creates new files;
  ``Run.written`` checks that it wrote through no link (if it did, the build stops and the next one
  renders the language anew).
- The store's state ``mkdocs/<lang>`` records what the published output is made from: the key of what
  every page shows (configuration, navigation, theme, tools: another key means a full run) and the
  digest of every input file (a changed one means a dirty run), and whether docs/<lang>/ holds exactly
  those files (a build stopped while writing them leaves it unsure, and the next run is a full one).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from scripts.errors import SiteError
from scripts.render.pages import PDF_NAMES
from scripts.store import Store, write_changed

Mode = Literal["full", "dirty", "unchanged"]
ALWAYS_WRITTEN = ("404.html", "search/search_index.json")
"""What MkDocs writes in every run, full or dirty (the theme's 404 page; the search plugin's index)."""
PDFS = PDF_NAMES
"""A page's PDF, beside its index.html (scripts.site.factsheets): it goes with the page."""
Stat = tuple[int, int, int]


def output_of(rel: str) -> str:
    """Where MkDocs writes the output of a docs/ file (with use_directory_urls)."""
    if not rel.endswith(".md"):
        return rel
    stem = rel.removesuffix(".md")
    return f"{stem}.html" if stem == "index" or stem.endswith("/index") else f"{stem}/index.html"


@dataclass
class Run:
    """One MkDocs run of a language: its mode, and the folder it builds into."""

    lang: str
    mode: Mode
    site: Path
    docs: dict[str, str]
    """The digest of every input file, by its path in docs/<lang>/ (recorded when the run is done)."""
    stale: set[str] = field(default_factory=set)
    """A dirty run: the outputs to make again."""
    published: Path | None = None
    """A dirty run: the published output it starts from."""
    before: dict[str, Stat] = field(default_factory=dict)
    """A dirty run: the files its folder held before MkDocs ran, with what must stay the same."""

    def start(self) -> None:
        """A dirty run's folder: hard links to the published language, less the outputs to make again (a
        removed page's fact sheet with it), and what each file given to MkDocs is now."""
        if self.mode != "dirty" or self.published is None:
            return
        link_trees([(self.published, self.site)])
        for rel in self.stale:
            output = self.site / rel
            output.unlink(missing_ok=True)
            if output.name == "index.html":
                for name in PDFS:
                    (output.parent / name).unlink(missing_ok=True)
            remove_empty_folders(output.parent, self.site)
        for folder, _, names in os.walk(self.site):
            for name in names:
                path = os.path.join(folder, name)
                stat = os.stat(path)
                self.before[os.path.relpath(path, self.site).replace(os.sep, "/")] = \
                    (stat.st_ino, stat.st_size, stat.st_mtime_ns)

    def written(self) -> set[str]:
        """The files MkDocs wrote in this run; raises if it wrote into a file it was given."""
        out = set()
        for folder, _, names in os.walk(self.site):
            for name in names:
                path = os.path.join(folder, name)
                rel = os.path.relpath(path, self.site).replace(os.sep, "/")
                stat = os.stat(path)
                was = self.before.get(rel)
                if was is None or was[0] != stat.st_ino:
                    out.add(rel)
                elif was != (stat.st_ino, stat.st_size, stat.st_mtime_ns):
                    raise SiteError(f"MkDocs wrote into {rel} of the published site instead of making a new "
                                    "file; the next build renders this language anew")
        return out


class Outputs:
    """One language's MkDocs input, its runs and its published output."""

    def __init__(self, root: Path, lang: str, store: Store):
        self.lang = lang
        self.root = root
        self.docs = root / "docs" / lang
        self.site = root / "site" / lang
        self.folder = root / ".build" / "mkdocs" / lang
        self.store = store
        self.name = f"mkdocs/{lang}"
        self.state = store.state(self.name) or {}
        self.virtual: list[str] = []
        """The pages MkDocs knows without a file in docs/ (set by ``sync``)."""

    def sync(self, files: dict[str, bytes], digests: dict[str, str], virtual: set[str]) -> None:
        """Make docs/<lang>/ hold exactly ``files`` (``digests``: theirs, and those of the ``virtual`` pages,
        which MkDocs knows without a file: scripts.site.frames). When it is known to hold the last run's
        files, only those whose digest changed are written; else each is compared with the disk."""
        known: dict[str, str] = self.state.get("docs", {}) if self.state.get("clean") else {}
        was_virtual = set(self.state.get("virtual", ()))
        known = {rel: sha for rel, sha in known.items() if rel not in was_virtual}
        self.virtual = sorted(virtual)
        self.store.set_state(**{self.name: {**self.state, "clean": False}})  # unsure until the run is done
        for rel, data in files.items():
            if known.get(rel) != digests[rel]:
                write_changed(self.docs / rel, data)
        gone = known.keys() - files.keys() if known else {
            p.relative_to(self.docs).as_posix() for p in self.docs.rglob("*") if p.is_file()} - files.keys()
        for rel in gone:
            (self.docs / rel).unlink(missing_ok=True)
            remove_empty_folders((self.docs / rel).parent, self.docs)

    def plan(self, key: str, docs: dict[str, str]) -> Run:
        """The run that brings this language's output up to date with ``docs`` (path -> digest)."""
        last = self.state.get("docs", {})
        if self.state.get("key") != key or not self.state.get("clean") or not self.site.is_dir():
            return Run(self.lang, "full", self.new_folder(), docs)
        stale = {output_of(rel) for rel in docs.keys() | last.keys() if docs.get(rel) != last.get(rel)}
        if not stale:
            return Run(self.lang, "unchanged", self.site, docs)
        return Run(self.lang, "dirty", self.new_folder(make=False), docs, stale | set(ALWAYS_WRITTEN), self.site)

    def done(self, key: str, run: Run) -> None:
        """The run finished: put its folder in place of site/<lang>/ and record what it is made from."""
        if run.site != self.site:
            self.site.parent.mkdir(parents=True, exist_ok=True)
            old = run.site.with_name(run.site.name + "-replaced")
            if self.site.exists():
                os.rename(self.site, old)
            os.rename(run.site, self.site)
            remove_soon(old)
        self.store.set_state(**{self.name: {"key": key, "docs": run.docs, "clean": True, "virtual": self.virtual}})
        for left in self.folder.glob("run-*"):  # by runs that failed or were stopped
            remove_soon(left)

    def forget(self) -> None:
        """MkDocs wrote through a link: the published files may have changed with it; render anew next time."""
        self.store.set_state(**{self.name: None})

    def new_folder(self, make: bool = True) -> Path:
        self.folder.mkdir(parents=True, exist_ok=True)
        site = self.folder / f"run-{time.time_ns()}-{os.getpid()}"
        if make:
            site.mkdir()
        return site


def link_trees(pairs: list[tuple[Path, Path]]) -> None:
    """Each ``target`` as a copy of its ``source`` made of hard links (nothing is rewritten): with GNU cp,
    one `cp -al` each, side by side (making hundreds of folders is the kernel's work); else file by file."""
    if not pairs:
        return
    if not (sys.platform.startswith("linux") and shutil.which("cp")):
        for source, target in pairs:
            shutil.copytree(source, target, copy_function=os.link)
        return
    running = [subprocess.Popen(["cp", "-al", str(source), str(target)]) for source, target in pairs]
    if any(process.wait() != 0 for process in running):
        raise SiteError(f"could not link {pairs[0][0]} into {pairs[0][1]} (cp -al failed)")


def remove_empty_folders(folder: Path, stop: Path) -> None:
    """Remove ``folder`` and the folders above it while they are empty, up to (not including) ``stop``."""
    while folder != stop and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent


def remove_soon(folder: Path) -> None:
    """Remove ``folder`` without waiting for it (an old site is thousands of files nobody reads any more):
    on Linux a detached `rm -rf`; elsewhere now."""
    if not folder.exists():
        return
    if sys.platform.startswith("linux") and shutil.which("rm"):
        subprocess.Popen(["rm", "-rf", str(folder)], start_new_session=True,
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    else:
        shutil.rmtree(folder, ignore_errors=True)
