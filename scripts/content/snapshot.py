"""The inputs of one build, read once: every file of content/ and mkdocs.yml, and their git dates.

A build reads the disk exactly once, here; everything after (loading, rendering, MkDocs' settings,
the images an article shows) works on these bytes. So a build publishes exactly the content it
read, even when a file is saved while it runs, and the digest of the snapshot names that content.
The folder-like methods let the loader list and read the snapshot as it would the disk.
"""

from __future__ import annotations

import datetime as dt
import fnmatch
import hashlib
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from scripts.content.history import last_changed

CONFIG = "mkdocs.yml"
"""The base MkDocs configuration, beside content/."""


@dataclass(frozen=True)
class Snapshot:
    root: Path
    files: dict[str, bytes]
    """Path relative to the project ('content/site.yml', 'mkdocs.yml') -> the bytes read."""
    dates: dict[str, dt.date] = field(default_factory=dict)
    """When each content file last changed (git; files with changes not yet committed: today)."""

    @classmethod
    def take(cls, root: Path, today: dt.date) -> Snapshot:
        return cls(root, read_inputs(root), last_changed(root, today))

    # --- what a build is made from ----------------------------------------------------------

    @cached_property
    def digests(self) -> dict[str, str]:
        """sha256 of every file, by its path."""
        return {rel: hashlib.sha256(data).hexdigest() for rel, data in self.files.items()}

    @cached_property
    def digest(self) -> str:
        """One digest of every file, its path and its date."""
        hashed = hashlib.sha256()
        for rel, sha in sorted(self.digests.items()):
            hashed.update(f"{rel}\0{sha}\0{self.dates.get(rel, '')}\n".encode())
        return hashed.hexdigest()

    def still_current(self) -> bool:
        """Do the files on disk still hold what this snapshot read (nothing saved since)?"""
        return read_inputs(self.root) == self.files

    # --- the snapshot as a folder tree, for the loader ------------------------------------

    def rel(self, path: Path) -> str:
        return path.relative_to(self.root).as_posix()

    def read_bytes(self, path: Path) -> bytes | None:
        return self.files.get(self.rel(path))

    def is_file(self, path: Path) -> bool:
        return self.rel(path) in self.files

    def is_dir(self, path: Path) -> bool:
        prefix = self.rel(path) + "/"
        return any(rel.startswith(prefix) for rel in self.files)

    def children(self, folder: Path) -> list[Path]:
        """The files and folders directly inside ``folder``, sorted by name."""
        prefix = self.rel(folder) + "/"
        names = {rel[len(prefix):].split("/", 1)[0] for rel in self.files if rel.startswith(prefix)}
        return [folder / name for name in sorted(names)]

    def glob(self, folder: Path, pattern: str) -> list[Path]:
        """The files directly inside ``folder`` whose name matches ``pattern``, sorted."""
        return [p for p in self.children(folder) if self.is_file(p) and fnmatch.fnmatchcase(p.name, pattern)]

    def folders(self, folder: Path) -> list[Path]:
        return [p for p in self.children(folder) if self.is_dir(p)]

    def below(self, folder: Path) -> list[Path]:
        """Every file below ``folder``, at any depth, sorted."""
        prefix = self.rel(folder) + "/"
        return [self.root / rel for rel in sorted(self.files) if rel.startswith(prefix)]


def read_inputs(root: Path) -> dict[str, bytes]:
    """The bytes of every file of content/ (hidden files and folders left out) and of mkdocs.yml."""
    out: dict[str, bytes] = {}
    content = root / "content"
    for path in sorted(content.rglob("*")) if content.is_dir() else []:
        parts = path.relative_to(content).parts
        if any(part.startswith(".") for part in parts):
            continue
        try:
            if path.is_file():
                out[path.relative_to(root).as_posix()] = path.read_bytes()
        except OSError:  # removed while being read: the next build sees the tree as it is then
            continue
    config = root / CONFIG
    if config.is_file():
        out[CONFIG] = config.read_bytes()
    return out
