"""The site is made through MkDocs' public face only, so ProperDocs (the drop-in fork of MkDocs 1.x that
carries it on) makes the same site, byte for byte: the project can change engine with one option."""

from __future__ import annotations

import pytest

from tests.conftest import REPO, make_project, run_cli
from tests.test_dirty import published

pytestmark = pytest.mark.site


def test_properdocs_builds_the_same_site_as_mkdocs(tmp_path) -> None:  # type: ignore[no-untyped-def]
    trees = {}
    for engine in ("mkdocs", "properdocs"):
        root = make_project(tmp_path / engine, REPO / "content")
        result = run_cli(root, "build", "--no-cards", "--engine", engine)
        assert result.code == 0, result.err
        trees[engine] = published(root)
    assert len(trees["mkdocs"]) > 500
    assert sorted(trees["mkdocs"]) == sorted(trees["properdocs"])
    assert [rel for rel in trees["mkdocs"] if trees["mkdocs"][rel] != trees["properdocs"][rel]] == []


def test_the_engine_is_part_of_what_every_page_is_made_from(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Changing the engine renders every page again (nothing one engine made is kept for the other)."""
    root = make_project(tmp_path, REPO / "content")
    assert run_cli(root, "build", "--no-cards").code == 0
    switched = run_cli(root, "build", "--no-cards", "--engine", "properdocs")
    assert switched.code == 0, switched.err
    assert "(dirty)" not in switched.out and "languages rendered: en, be, ru, pl" in switched.out
