"""Each language's MkDocs input and output, kept between builds under .build/mkdocs/<lang>/ so that
MkDocs can rebuild only what changed (a dirty build).

- `docs/` holds exactly the generated files: a file that changed is written anew (a new file
  renamed into place), a file no longer generated is removed, and the rest are not touched.
- `site/` is MkDocs' output. Before a dirty build, the output of every input that changed or
  went away is removed, so MkDocs renders the one and the other disappears, whatever the
  files' times say.
- `state.json` holds the fingerprint of what every page depends on (configuration, navigation,
  theme, hooks, tool versions, the language's labels): when it differs, the build is a full one.
  It is cleared while MkDocs runs, so that a build that fails or is killed leads to a full one.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any, Literal

Mode = Literal["full", "dirty", "unchanged"]
TOOLS = ("mkdocs", "mkdocs-material", "markdown", "pymdown-extensions", "pillow")


@dataclass(frozen=True)
class LanguageCache:
    folder: Path

    @property
    def docs(self) -> Path:
        return self.folder / "docs"

    @property
    def site(self) -> Path:
        return self.folder / "site"

    @property
    def _state(self) -> Path:
        return self.folder / "state.json"

    def sync(self, files: dict[str, str | bytes], linked: dict[str, Path]) -> set[str]:
        """Make docs/ hold ``files`` (text or bytes) and ``linked`` (hard links to immutable cached
        files, like the social cards); return the paths that changed or went away."""
        changed = set()
        for rel, text in files.items():
            if write_changed(self.docs / rel, text.encode("utf-8") if isinstance(text, str) else text):
                changed.add(rel)
        for rel, source in linked.items():
            path = self.docs / rel
            if not (path.exists() and os.path.samefile(path, source)):
                replace_file(path, functools.partial(os.link, source))
                changed.add(rel)
        wanted = files.keys() | linked.keys()
        for path in sorted(self.docs.rglob("*"), reverse=True) if self.docs.is_dir() else []:
            rel = path.relative_to(self.docs).as_posix()
            if path.is_file() and rel not in wanted:
                path.unlink()
                changed.add(rel)
            elif path.is_dir() and not any(path.iterdir()):
                path.rmdir()
        return changed

    def put(self, name: str, text: str) -> bool:
        """Keep ``text`` as the file ``name`` beside docs/; True when it changed."""
        return write_changed(self.folder / name, text.encode("utf-8"))

    def mode(self, fingerprint: str, changed: set[str]) -> Mode:
        state = json.loads(self._state.read_text()) if self._state.is_file() else {}
        if state.get("fingerprint") != fingerprint or not self.site.is_dir():
            return "full"
        return "dirty" if changed else "unchanged"

    def forget_outputs(self, changed: set[str]) -> set[str]:
        """Remove what MkDocs made from each changed or removed input (a dirty build then remakes it);
        return the outputs removed, relative to site/."""
        removed = set()
        for rel in changed:
            output = self.site / output_of(rel)
            if output.is_file():
                output.unlink()
                removed.add(output_of(rel))
            remove_empty_folders(output.parent, self.site)  # a page's own folder goes with it
        return removed

    def begin(self) -> None:
        """MkDocs is about to change site/: until `done`, the next build must be a full one."""
        self.folder.mkdir(parents=True, exist_ok=True)
        self._state.unlink(missing_ok=True)
        # MkDocs writes the gzipped sitemap through open(), into the file that may be published: a new one
        (self.site / "sitemap.xml.gz").unlink(missing_ok=True)

    def done(self, fingerprint: str) -> None:
        self._state.write_text(json.dumps({"fingerprint": fingerprint}), encoding="utf-8")

    def clear(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)


def output_of(rel: str) -> str:
    """Where MkDocs writes the output of a docs/ file (with use_directory_urls)."""
    if not rel.endswith(".md"):
        return rel
    stem = rel.removesuffix(".md")
    return f"{stem}.html" if stem == "index" or stem.endswith("/index") else f"{stem}/index.html"


def fingerprint(config: dict[str, Any], code: list[Path], labels: list[Path]) -> str:
    """What every page of a language depends on: its MkDocs configuration (navigation included,
    folders left out), the files of the theme and the code that runs inside MkDocs, the versions of
    the tools, and the language's labels."""
    shown = {k: v for k, v in config.items() if k not in ("docs_dir", "site_dir")}
    digest = hashlib.sha256(json.dumps([shown, [metadata.version(t) for t in TOOLS]], sort_keys=True,
                                       default=str).encode())
    for item in code + labels:
        paths = sorted(p for p in item.rglob("*") if p.is_file()) if item.is_dir() else [item]
        for path in paths:
            if path.exists():
                digest.update(path.name.encode())
                digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def _same(path: Path, data: bytes) -> bool:
    try:
        return path.stat().st_size == len(data) and path.read_bytes() == data
    except OSError:
        return False


def replace_file(path: Path, make: Callable[[Path], object]) -> None:
    """Make a new file beside ``path`` with ``make`` and rename it over ``path``: the old file is
    never written through (another tree may hold a hard link to it)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    partial.unlink(missing_ok=True)
    make(partial)
    os.replace(partial, path)


def write_new(path: Path, data: bytes) -> None:
    replace_file(path, lambda partial: partial.write_bytes(data))


def write_changed(path: Path, data: bytes) -> bool:
    """``write_new`` when ``path`` does not already hold ``data``; True when it wrote."""
    if _same(path, data):
        return False
    write_new(path, data)
    return True


def remove_empty_folders(folder: Path, stop: Path) -> None:
    """Remove ``folder`` and the folders above it while they are empty, up to (not including) ``stop``."""
    while folder != stop and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent
