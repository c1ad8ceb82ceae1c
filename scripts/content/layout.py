"""What content/ may hold: a file the build would silently ignore is reported instead."""

from __future__ import annotations

import re

from scripts.content.documents import FACT_KINDS
from scripts.content.snapshot import Snapshot
from scripts.errors import Problem

IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png", ".gif", ".webp")
"""The image files an article's images/ folder may hold."""
TOP = ("site.yml", "calendar.yml", "README.md")
"""The files directly in content/."""
FOLDERS = ("actions", "articles", "facts", "pages", "ui")


def expected(parts: tuple[str, ...], suffix: str, name: str) -> bool:
    """Is content/<parts> a file the build reads?"""
    top, depth = parts[0], len(parts)
    return (
        (depth == 1 and name in TOP)
        or (top == "ui" and depth == 2 and suffix == ".yml")
        or (top in ("articles", "pages") and depth == 3
            and (suffix == ".md" or re.fullmatch(r"source\.[a-z]{2,3}\.txt", name) is not None))
        or (top == "actions" and depth == 2 and suffix == ".yml")
        or (top == "facts" and depth == 3 and suffix == ".yml" and parts[1] in (*FACT_KINDS, "lists"))
        or (top == "facts" and depth == 2 and name == "releases.yml")
        or (top == "articles" and depth == 4 and parts[2] == "images" and suffix.lower() in IMAGE_SUFFIXES)
    )


def unexpected_files(snapshot: Snapshot) -> list[Problem]:
    """A problem for each file under content/ that the build would not read."""
    content = snapshot.root / "content"
    out = []
    for path in snapshot.below(content):
        parts = path.relative_to(content).parts
        if expected(parts, path.suffix, path.name):
            continue
        hint = "fact sheets end in .yml" if path.suffix == ".yaml" else (
            f"an article's images are {', '.join(IMAGE_SUFFIXES)} files" if "images" in parts else
            f"content/ holds only: {', '.join(TOP[:2])}, {', '.join(FOLDERS)}/ (see README.md)")
        out.append(Problem(snapshot.rel(path), 0, "", f"unexpected file, the site would ignore it: {hint}"))
    return out
