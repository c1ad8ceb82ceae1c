"""Content files as earlier loads read and checked them, so that a load reads again only what changed.

Parsing and checking 500 YAML files takes a third of a second; a build after one edit, and above
all the preview, which loads the content after every edit, need only the changed one. Entries are
named by what the result depends on: the file, the shape it was checked against, the digest of its
bytes and the validation context (languages, today). They live in memory (the preview is one long
process) and in .build/loaded.pickle between runs, with a stamp of the code that checks content
(this package and pydantic): after that code changes, every file is read and checked again.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from functools import cache
from pathlib import Path
from typing import Any

import pydantic

from scripts.content.source import Doc

Entry = tuple[Doc, Any]
"""A file's parsed document and its checked value."""


@cache
def code_stamp() -> str:
    """The code that reads and checks content."""
    digest = hashlib.sha256(pydantic.VERSION.encode())
    for path in sorted(Path(__file__).parent.glob("*.py")):
        digest.update(path.read_bytes())
    return digest.hexdigest()


class Kept:
    """The entries of one project, shared by the loads of one process."""

    _current: Kept | None = None

    def __init__(self, path: Path, stamp: str):
        self.path = path
        self.stamp = stamp
        self.files: dict[str, Entry] = _read(path, stamp)
        self.fresh = False
        """Was anything read anew since the file was last written?"""

    @classmethod
    def of(cls, root: Path) -> Kept:
        path, stamp = root / ".build" / "loaded.pickle", code_stamp()
        current = cls._current
        if current is None or current.path != path or current.stamp != stamp:
            current = cls._current = cls(path, stamp)
        return current

    def get(self, key: str) -> Entry | None:
        return self.files.get(key)

    def put(self, key: str, entry: Entry) -> None:
        self.files[key] = entry
        self.fresh = True

    def write(self, used: set[str]) -> None:
        """Keep the entries ``used`` by the last load, in memory and on disk (when any is new)."""
        if not self.fresh or not self.path.parent.is_dir():
            return
        self.files = {key: entry for key, entry in self.files.items() if key in used}
        self.fresh = False
        partial = self.path.with_name(f".{self.path.name}.{os.getpid()}.tmp")
        partial.write_bytes(pickle.dumps({"code": self.stamp, "files": self.files}, protocol=pickle.HIGHEST_PROTOCOL))
        os.replace(partial, self.path)


def _read(path: Path, stamp: str) -> dict[str, Entry]:
    try:
        kept = pickle.loads(path.read_bytes())
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, ValueError, TypeError):
        return {}
    if not isinstance(kept, dict) or kept.get("code") != stamp or not isinstance(kept.get("files"), dict):
        return {}
    files: dict[str, Entry] = kept["files"]
    return files
