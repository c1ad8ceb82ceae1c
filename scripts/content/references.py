"""Helpers of the rules across files: the ids of every file of a kind, a dangling reference as a problem with
a suggestion, and every value of some fields anywhere inside a model."""

from __future__ import annotations

import difflib
from collections.abc import Iterable

from pydantic import BaseModel

from scripts.content.documents import Key, Positions
from scripts.content.snapshot import Snapshot
from scripts.content.source import Loc
from scripts.errors import Problem


class FileIds:
    """Ids of every file of a kind, valid or not (so one bad file does not make links look dangling)."""

    def __init__(self, snapshot: Snapshot):
        self.snapshot = snapshot
        self._ids: dict[str, set[str]] = {}

    def __call__(self, kind: str) -> set[str]:
        if kind not in self._ids:
            folder = self.snapshot.root / "content" / "facts" / kind
            self._ids[kind] = {path.stem for path in self.snapshot.glob(folder, "*.yml")}
        return self._ids[kind]


def reference(positions: Positions, key: Key, loc: Loc, value: str, known: Iterable[str], where: str) -> Problem:
    """A value that should name something in ``known`` but does not."""
    doc = positions[key]
    options = difflib.get_close_matches(value, list(known), n=1)
    hint = f": did you mean '{options[0]}'?" if options else f"; known: {', '.join(sorted(known)) or 'none'}"
    return Problem(doc.rel, doc.line(loc), doc.where(loc), f"'{value}' is not in {where}{hint}")


def references(item: BaseModel, names: tuple[str, ...]) -> dict[str, list[tuple[Loc, str]]]:
    """Every value of each field of ``names`` anywhere inside ``item``, with its location (one walk)."""
    found: dict[str, list[tuple[Loc, str]]] = {name: [] for name in names}

    def walk(model: BaseModel, loc: Loc) -> None:
        for field_name in type(model).model_fields:
            value = getattr(model, field_name)
            here = (*loc, field_name)
            if field_name in found and isinstance(value, str):
                found[field_name].append((here, value))
            elif isinstance(value, BaseModel):
                walk(value, here)
            elif isinstance(value, list):
                for i, entry in enumerate(value):
                    if isinstance(entry, BaseModel):
                        walk(entry, (*here, i))

    walk(item, ())
    return found
