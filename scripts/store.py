"""The build's one store, its one way of writing a file, and the stamp of the environment it runs in.

Every output of a build (a content file as read and checked, a page's Markdown, a page's search
entries, a social card, a printed fact sheet, the compiled templates) is a node: a value kept under
a key that is the digest of everything the value is made from. A node whose key is in the store is
never made again; a node whose inputs changed has another key. Keys always include the
environment stamp (`environment`): the Python version, every installed distribution and its
version, and the generator's own code, templates, theme and fonts. So a dependency update or an
edit of the code makes every node new, and nothing made by other code is ever reused.

The store is one SQLite database (.build/store.sqlite) in WAL mode: each write is a transaction,
readers never see half of one, and two processes may open it at once.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import sys
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import Any, ClassVar

SCRIPTS = Path(__file__).resolve().parent
"""The generator's code, templates, theme and fonts: all of it is in the environment stamp."""


def digest(*parts: Any) -> str:
    """A key for a node from its inputs (strings, numbers, bytes, and lists and dicts of them)."""
    hashed = hashlib.sha256()
    for part in parts:
        if isinstance(part, bytes):
            hashed.update(b"b%d:" % len(part) + part)
        else:
            text = json.dumps(part, sort_keys=True, ensure_ascii=False, default=str).encode()
            hashed.update(b"j%d:" % len(text) + text)
    return hashed.hexdigest()


def installed() -> list[str]:
    """Every installed distribution and its version. A wheel's metadata folder carries both in its
    name (`<name>-<version>.dist-info`), which is a hundred times faster to read than each METADATA;
    an older egg's (`.egg-info`, or an `.egg` on the import path or in a folder of it) may not, so
    its version is read from its metadata."""
    found: set[str] = set()
    for entry in sys.path:
        if entry.endswith(".egg"):
            found.add(f"{Path(entry).name} {_egg_version(Path(entry))}")
            continue
        try:
            with os.scandir(entry or ".") as listing:
                items = [Path(item.path) for item in listing
                         if item.name.endswith((".dist-info", ".egg-info", ".egg"))]
        except OSError:  # not a folder (a zip, a missing entry)
            continue
        found.update(path.name if path.name.endswith(".dist-info") else f"{path.name} {_egg_version(path)}"
                     for path in items)
    return sorted(found)


def _egg_version(path: Path) -> str:
    if path.is_dir():
        version = metadata.Distribution.at(path / "EGG-INFO" if path.suffix == ".egg" else path).version
        if version:
            return str(version)
    if not path.exists():
        return ""
    stat = path.stat()  # a zipped egg or a lone PKG-INFO file: when and how it was written
    return f"{stat.st_size}-{stat.st_mtime_ns}"


@cache
def environment() -> str:
    """The stamp of everything a build runs with besides its inputs: Python, every installed
    distribution and its version, and every file of the generator (code, templates, theme, fonts)."""
    distributions = installed()
    code = []
    for path in sorted(SCRIPTS.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            code.append((path.relative_to(SCRIPTS).as_posix(), hashlib.sha256(path.read_bytes()).hexdigest()))
    return digest(sys.version, distributions, code)


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``path`` as a new file renamed into place: a reader sees the old file or the new one, never
    half of one, and a file another tree holds a hard link to is never written through."""
    try:
        handle, partial = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except FileNotFoundError:  # making folders only when they are missing: most writes go to one that exists
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, partial = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(partial, path)
    except BaseException:
        Path(partial).unlink(missing_ok=True)
        raise


def write_changed(path: Path, data: bytes) -> bool:
    """``write_atomic`` unless ``path`` already holds ``data``; True when it wrote."""
    try:
        if path.stat().st_size == len(data) and path.read_bytes() == data:
            return False
    except OSError:
        pass
    write_atomic(path, data)
    return True


class Store:
    """Nodes by kind and key, and a few named states, in one SQLite file."""

    _open: ClassVar[dict[Path, Store]] = {}

    def __init__(self, path: Path):
        self.path = path
        self._connection: sqlite3.Connection | None = None
        self._pid = 0

    @classmethod
    def of(cls, root: Path) -> Store:
        """The store of a project, one object per process."""
        path = root / ".build" / "store.sqlite"
        if path not in cls._open:
            cls._open[path] = cls(path)
        return cls._open[path]

    @property
    def db(self) -> sqlite3.Connection:
        if self._connection is None or self._pid != os.getpid():  # a forked worker opens its own
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._connection = sqlite3.connect(self.path, timeout=60, isolation_level=None,
                                               check_same_thread=False)  # builds take turns (one lock)
            self._connection.execute("PRAGMA journal_mode=WAL")
            self._connection.execute("PRAGMA synchronous=NORMAL")
            self._connection.execute("CREATE TABLE IF NOT EXISTS node (kind TEXT, key TEXT, value BLOB, "
                                     "PRIMARY KEY (kind, key)) WITHOUT ROWID")
            self._connection.execute("CREATE TABLE IF NOT EXISTS state (name TEXT PRIMARY KEY, value TEXT)")
            self._pid = os.getpid()
        return self._connection

    def get(self, kind: str, key: str) -> bytes | None:
        row = self.db.execute("SELECT value FROM node WHERE kind = ? AND key = ?", (kind, key)).fetchone()
        return bytes(row[0]) if row else None

    def get_many(self, kind: str, keys: Iterable[str]) -> dict[str, bytes]:
        """The values of those ``keys`` that are in the store."""
        wanted = list(dict.fromkeys(keys))
        out: dict[str, bytes] = {}
        for start in range(0, len(wanted), 500):
            chunk = wanted[start:start + 500]
            marks = ",".join("?" * len(chunk))
            rows = self.db.execute(f"SELECT key, value FROM node WHERE kind = ? AND key IN ({marks})", (kind, *chunk))
            out.update((key, bytes(value)) for key, value in rows)
        return out

    def put_many(self, kind: str, values: dict[str, bytes]) -> None:
        """Keep every value, all in one transaction."""
        if not values:
            return
        with self.transaction():
            self.db.executemany("INSERT OR REPLACE INTO node (kind, key, value) VALUES (?, ?, ?)",
                                [(kind, key, value) for key, value in values.items()])

    def put(self, kind: str, key: str, value: bytes) -> None:
        self.put_many(kind, {key: value})

    def keep_only(self, kind: str, keys: Iterable[str]) -> None:
        """Forget the values of ``kind`` whose key is not in ``keys`` (what no output uses any more)."""
        kept = set(keys)
        stored = {row[0] for row in self.db.execute("SELECT key FROM node WHERE kind = ?", (kind,))}
        gone = stored - kept
        with self.transaction():
            self.db.executemany("DELETE FROM node WHERE kind = ? AND key = ?", [(kind, key) for key in gone])

    def state(self, name: str) -> Any:
        row = self.db.execute("SELECT value FROM state WHERE name = ?", (name,)).fetchone()
        return json.loads(row[0]) if row else None

    def set_state(self, **states: Any) -> None:
        """Record named states, all in one transaction (None forgets one)."""
        with self.transaction():
            for name, value in states.items():
                if value is None:
                    self.db.execute("DELETE FROM state WHERE name = ?", (name,))
                else:
                    self.db.execute("INSERT OR REPLACE INTO state (name, value) VALUES (?, ?)",
                                    (name, json.dumps(value, sort_keys=True)))

    @contextmanager
    def transaction(self) -> Iterator[None]:
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")

    def close(self) -> None:
        if self._connection is not None and self._pid == os.getpid():
            self._connection.close()
        self._connection = None
