"""Each language's MkDocs input and output, kept under .build/mkdocs/<lang>/, and what MkDocs must render.

- ``docs/`` holds exactly the generated files: a changed file is written anew (renamed into place),
  a file no longer generated is removed, the others are not touched.
- Each MkDocs run writes into a folder of its own (``run-…``), which is never written again once
  the run is over: the published site is made of hard links to it. A full run starts from an empty
  folder. A dirty run starts from hard links to the last run's files, without the output of every
  input that changed and without the files MkDocs writes in every run (``ALWAYS_WRITTEN``), so that
  MkDocs renders exactly those and only ever creates new files; ``Run.written`` then checks that no
  file was written through a link (if one was, the build stops and the next one is a full one).
- The store's state ``mkdocs/<lang>`` records, once a run has finished, what its folder was made
  from: the key of what every page shows (configuration, navigation, theme, tools: a change of it
  means a full run) and the digest of every input file (a change of one means a dirty run).
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
from scripts.store import Store, write_changed

Mode = Literal["full", "dirty", "unchanged"]
ALWAYS_WRITTEN = ("404.html", "search/search_index.json")
"""What MkDocs writes in every run, full or dirty (the theme's 404 page; the search plugin's index)."""
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
    """sha256 of every input file, by its path in docs/ (recorded when the run is done)."""
    before: dict[str, Stat] = field(default_factory=dict)
    """The files the folder held before MkDocs ran (a dirty run), with what should stay the same."""

    def written(self) -> set[str]:
        """The files MkDocs wrote in this run; raises if it wrote into a file it was given."""
        out = set()
        for path in self.site.rglob("*"):
            if not path.is_file():
                continue
            rel = path.relative_to(self.site).as_posix()
            stat = path.stat()
            was = self.before.get(rel)
            if was is None or was[0] != stat.st_ino:
                out.add(rel)
            elif was != (stat.st_ino, stat.st_size, stat.st_mtime_ns):
                raise SiteError(f"MkDocs wrote into {rel} of the last build instead of making a new file; "
                                "the next build renders this language anew")
        return out


class Outputs:
    """One language's MkDocs input and runs."""

    def __init__(self, root: Path, lang: str, store: Store):
        self.lang = lang
        self.folder = root / ".build" / "mkdocs" / lang
        self.docs = self.folder / "docs"
        self.store = store
        self.name = f"mkdocs/{lang}"

    def sync(self, files: dict[str, bytes]) -> None:
        """Make docs/ hold exactly ``files``."""
        for rel, data in files.items():
            write_changed(self.docs / rel, data)
        for path in sorted(self.docs.rglob("*"), reverse=True) if self.docs.is_dir() else []:
            if path.is_file() and path.relative_to(self.docs).as_posix() not in files:
                path.unlink()
            elif path.is_dir() and not any(path.iterdir()):
                path.rmdir()

    def last(self) -> tuple[str | None, Path | None, dict[str, str]]:
        """The last finished run: its key, its folder, the digests of its input files."""
        state = self.store.state(self.name) or {}
        run = self.folder / state["run"] if state.get("run") else None
        return state.get("key"), run if run is not None and run.is_dir() else None, state.get("docs", {})

    def plan(self, key: str, docs: dict[str, str]) -> Run:
        """The run that brings this language's output up to date with ``docs`` (path -> sha256)."""
        last_key, last_run, last_docs = self.last()
        if last_run is None or last_key != key:
            return self.full(docs)
        changed = {rel for rel in docs.keys() | last_docs.keys() if docs.get(rel) != last_docs.get(rel)}
        if not changed:
            return Run(self.lang, "unchanged", last_run, docs)
        site = self._new_folder(make=False)
        link_tree(last_run, site)
        for rel in {output_of(rel) for rel in changed} | set(ALWAYS_WRITTEN):
            (site / rel).unlink(missing_ok=True)
        before = {}
        for path in site.rglob("*"):
            if path.is_file():
                stat = path.stat()
                before[path.relative_to(site).as_posix()] = (stat.st_ino, stat.st_size, stat.st_mtime_ns)
        return Run(self.lang, "dirty", site, docs, before)

    def full(self, docs: dict[str, str]) -> Run:
        """A run that renders every page, into an empty folder."""
        return Run(self.lang, "full", self._new_folder(), docs)

    def done(self, key: str, run: Run) -> None:
        """The run finished: record what its folder is made from, and let the older folders go."""
        self.store.set_state(**{self.name: {"key": key, "run": run.site.name, "docs": run.docs}})
        for old in self.folder.glob("run-*"):
            if old != run.site:
                remove_soon(old)

    def check(self, run: Run) -> set[str]:
        """``run.written()``; when MkDocs wrote through a link, the last run is forgotten too (the file it
        shared changed with it), so that the next build is a full one."""
        try:
            return run.written()
        except SiteError:
            self.store.set_state(**{self.name: None})
            raise

    def _new_folder(self, make: bool = True) -> Path:
        self.folder.mkdir(parents=True, exist_ok=True)
        site = self.folder / f"run-{time.time_ns()}-{os.getpid()}"
        if make:
            site.mkdir()
        return site


def link_tree(source: Path, target: Path) -> None:
    """``target`` as a copy of ``source`` made of hard links (nothing is rewritten): with GNU cp, one
    `cp -al` (making hundreds of folders is the kernel's work), else file by file."""
    if sys.platform.startswith("linux") and shutil.which("cp"):
        target.parent.mkdir(parents=True, exist_ok=True)
        if subprocess.run(["cp", "-al", str(source), str(target)]).returncode != 0:
            raise SiteError(f"could not link {source} into {target} (cp -al failed)")
        return
    shutil.copytree(source, target, copy_function=os.link)


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
