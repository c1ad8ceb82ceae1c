"""Every case in tests/fixtures/bad/ breaks the minimal tree in one way.

Each case holds only the files that differ from tests/fixtures/minimal/content/ (and an
optional DELETE list of files to remove, or EDIT.yml of replacements inside files), plus
expected.txt: the exact lines the build must print. The
build must exit 1 and leave the previously built docs/ and site/ byte for byte as they were.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
import yaml

from scripts.errors import BuildFailed
from tests.conftest import FIXTURES, run_cli_here, tree_digest

CASES = sorted(p for p in (FIXTURES / "bad").iterdir() if p.is_dir())


def apply_case(case: Path, root: Path) -> None:
    delete = case / "DELETE"
    if delete.exists():
        for rel in delete.read_text().split():
            (root / "content" / rel).unlink()
    if (case / "content").exists():
        shutil.copytree(case / "content", root / "content", dirs_exist_ok=True)
    edits = case / "EDIT.yml"
    for edit in yaml.safe_load(edits.read_text(encoding="utf-8")) if edits.exists() else []:
        path = root / "content" / edit["file"]
        text = path.read_text(encoding="utf-8")
        assert edit["replace"] in text, f"{case.name}: {edit['replace']!r} not in {edit['file']}"
        path.write_text(text.replace(edit["replace"], edit["with"], 1), encoding="utf-8")


def test_there_are_enough_kinds_of_bad_content() -> None:
    assert len(CASES) >= 15


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_bad_content_is_reported_and_nothing_changes(case: Path, built_minimal: Path, tmp_path: Path) -> None:
    root = tmp_path / "project"
    # the built output as hard links (fast; the generator only ever replaces files, so a write
    # through a link would show as a change below), the content as real copies (edited here)
    shutil.copytree(built_minimal, root, ignore=shutil.ignore_patterns("content"), copy_function=os.link)
    shutil.copytree(built_minimal / "content", root / "content")
    before = {name: tree_digest(root / name) for name in ("docs", "site")}
    assert before["site"], "the minimal site should have been built"
    apply_case(case, root)

    result = run_cli_here(root, "build")

    expected = (case / "expected.txt").read_text(encoding="utf-8").splitlines()
    assert result.code == 1
    assert result.err_lines[:-1] == expected
    assert "Traceback" not in result.err
    if result.err_lines[-1] == BuildFailed.summary:  # MkDocs refused the Markdown: it stays in docs/ to be seen
        assert tree_digest(root / "site") == before["site"]
    else:
        assert result.err_lines[-1].endswith("docs/ and site/ were not changed.")
        assert {name: tree_digest(root / name) for name in ("docs", "site")} == before
