"""Every kind of fact may be empty: a campaign that tracks no crossings (or no companies, or nothing but
its headline count) still gets a site, whose indexes say so and whose home page leaves the empty
figures out."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, make_project, run_cli

pytestmark = pytest.mark.site  # every test here builds a site


def without(root: Path, kinds: list[str]) -> None:
    for kind in kinds:
        for path in (root / "content/facts" / kind).glob("*.yml"):
            path.unlink()
    for path in (root / "content/facts").rglob("*.yml"):  # references to what was removed go too
        text = path.read_text(encoding="utf-8")
        path.write_text(re.sub(r"^related: .*\n", "", text, flags=re.M), encoding="utf-8")
    cited = {"crossings": "crossing", "people": "sanctions", "companies": "sanctions"}
    for path in (root / "content/actions").glob("*.yml"):  # and so do the letter's lines that cite it
        text = path.read_text(encoding="utf-8")
        for kind in kinds:
            text = re.sub(r"^.*\{" + cited[kind] + r":[^}]*\}.*\n", "", text, flags=re.M)
        path.write_text(text, encoding="utf-8")


@pytest.mark.parametrize("kinds", [["crossings"], ["companies"], ["people", "companies", "crossings"]],
                         ids=["no-crossings", "no-companies", "headline-only"])
def test_a_site_without_some_kinds_of_fact_builds(tmp_path: Path, kinds: list[str]) -> None:
    root = make_project(tmp_path, FIXTURES / "minimal" / "content")
    without(root, kinds)
    result = run_cli(root, "build", "--no-cards")
    assert result.code == 0, result.err
    assert "Traceback" not in result.err
    home = (root / "site/en/index.html").read_text(encoding="utf-8")
    assert "political prisoners held in Belarus" in home  # the headline stays
    assert ("border crossing" in home) == ("crossings" not in kinds)
    assert ("at least one active sanction" in home) == (kinds != ["people", "companies", "crossings"])
    for kind in kinds:
        index = (root / "site/en" / kind / "index.html").read_text(encoding="utf-8")
        assert "Nothing has been added here yet." in index
        assert "<table" not in index
