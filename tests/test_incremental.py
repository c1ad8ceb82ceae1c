"""Rebuilds rewrite nothing that did not change; a synthetic site of many entities stays light."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from scripts.dev.bench import synth
from tests.conftest import FIXTURES, REPO, make_project, run_cli

pytestmark = pytest.mark.site  # every test here builds a site


def snapshot(root: Path) -> dict[str, tuple[int, int]]:
    """path -> (inode, modification time) of every file in docs/ and site/."""
    return {p.relative_to(root).as_posix(): (p.stat().st_ino, p.stat().st_mtime_ns)
            for folder in ("docs", "site") for p in sorted((root / folder).rglob("*")) if p.is_file()}


def test_a_rebuild_with_nothing_changed_rewrites_no_file(tmp_path: Path) -> None:
    root = make_project(tmp_path, FIXTURES / "minimal" / "content")
    assert run_cli(root, "build").code == 0
    before = snapshot(root)
    result = run_cli(root, "build")
    assert "nothing changed since the last build" in result.out
    assert snapshot(root) == before


def test_unchanged_pages_stay_the_same_files_when_something_else_changes(tmp_path: Path) -> None:
    root = make_project(tmp_path, FIXTURES / "minimal" / "content")
    assert run_cli(root, "build").code == 0
    before = snapshot(root)

    person = root / "content/facts/people/alpha.yml"
    person.write_text("# a comment changes the input, not the site\n" + person.read_text())
    result = run_cli(root, "build")
    assert "languages rendered: none" in result.out
    assert snapshot(root) == before

    person.write_text(person.read_text().replace("Owner of Beta Oil", "Founder of Beta Oil"))
    result = run_cli(root, "build")
    assert "languages rendered: en" in result.out
    after = snapshot(root)
    assert after["site/en/people/alpha/index.html"] != before["site/en/people/alpha/index.html"]
    assert after["site/en/crossings/gamma/index.html"] == before["site/en/crossings/gamma/index.html"]
    assert after["site/en/assets/javascripts/vendor/resize-observer.js"] == \
        before["site/en/assets/javascripts/vendor/resize-observer.js"]


def test_a_synthetic_site_of_many_entities_builds_light_pages(tmp_path: Path) -> None:
    root = synth.write(tmp_path, REPO / "content", entities=60, crossings=6, points=30, langs=["en", "pl"])
    result = run_cli(root, "build", "--no-cards")
    assert result.code == 0, result.err
    assert len(list((root / "content/facts/people").glob("*.yml"))) == 30
    page = root / "site/pl/people/person-0/index.html"
    assert page.stat().st_size < 30 * 1024
    for lang, other in (("en", "(pl)"), ("pl", "(en)")):
        index = json.loads((root / f"site/{lang}/search/search_index.json").read_text(encoding="utf-8"))
        assert not any(other in doc["title"] for doc in index["docs"]), lang  # only this language
    shutil.rmtree(root)
