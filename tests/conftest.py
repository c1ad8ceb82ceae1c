"""Shared helpers: project trees in temporary folders, and the CLI run as editors run it."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@dataclass
class Run:
    code: int
    out: str
    err: str

    @property
    def err_lines(self) -> list[str]:
        return self.err.splitlines()


BUILDING = {"build", "serve"}
"""The commands that build a site: a test running one belongs to the 'site' layer (or 'browser')."""
_layer: list[str] = []


def _check_layer(args: tuple[str, ...]) -> None:
    """A test that builds a site must say so (``pytestmark = pytest.mark.site``): the fast unit layer
    (`make test-unit`) stays fast because nothing in it builds."""
    if BUILDING & set(args) and _layer and _layer[-1] == "unit":
        pytest.fail("this test builds a site: mark it with @pytest.mark.site (or pytestmark in its module)")


def run_cli(root: Path, *args: str) -> Run:
    """``python -m scripts --root ROOT ARGS`` in a subprocess, like `make` runs it."""
    _check_layer(args)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    done = subprocess.run([sys.executable, "-m", "scripts", "--root", str(root), *args], cwd=REPO,
                          capture_output=True, text=True, env=env, timeout=300)
    return Run(done.returncode, done.stdout, done.stderr)


def run_cli_here(root: Path, *args: str) -> Run:
    """The CLI's main() in this process (what `python -m scripts` runs, without starting Python again)."""
    import contextlib
    import io

    from scripts.cli import main

    _check_layer(args)
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["--root", str(root), *args])
    return Run(code, out.getvalue(), err.getvalue())


def make_project(dest: Path, content: Path) -> Path:
    """A project folder holding a copy of ``content`` and the repository's mkdocs.yml."""
    dest.mkdir(parents=True, exist_ok=True)
    shutil.copytree(content, dest / "content")
    shutil.copy(REPO / "mkdocs.yml", dest / "mkdocs.yml")
    return dest


def tree_digest(folder: Path) -> dict[str, str]:
    """Path -> sha256 of every file below ``folder`` (empty if it does not exist)."""
    if not folder.exists():
        return {}
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="session")
def built_minimal(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The minimal fixture tree, built once: docs/ and site/ exist."""
    root = make_project(tmp_path_factory.mktemp("minimal"), FIXTURES / "minimal" / "content")
    result = run_cli(root, "build")
    assert result.code == 0, result.err
    return root


@pytest.fixture(scope="session")
def built_real(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real content/ of this repository, built strictly in a temporary folder."""
    root = make_project(tmp_path_factory.mktemp("real"), REPO / "content")
    result = run_cli(root, "build")
    assert result.code == 0, result.err
    return root


@pytest.fixture(scope="session")
def browser():  # type: ignore[no-untyped-def]
    """Debian's Chromium driven by Playwright (no browser download)."""
    from playwright.sync_api import sync_playwright

    from tests.browser import CHROMIUM, CHROMIUM_ARGS

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def served_real(built_real: Path):  # type: ignore[no-untyped-def]
    """The real site served under its GitHub Pages project path, e.g. /belarus-political-prisoners/."""
    from urllib.parse import urlsplit

    import yaml

    from scripts.dev.localserver import serve

    site_url = yaml.safe_load((built_real / "content/site.yml").read_text(encoding="utf-8"))["site_url"]
    with serve(built_real / "site", urlsplit(site_url).path) as base:
        yield base


SITE_FIXTURES = {"built_minimal", "built_real", "built_edited", "served_real", "built"}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Layers, by what a test does: 'browser' (it drives Chromium), 'site' (it builds a fixture site or the
    real one: through a fixture, or itself, marked in its module); the rest are unit tests, and a unit test
    that starts a build fails (``_check_layer``). `make test-unit` runs the unit layer, `make test` all."""
    for item in items:
        fixtures = set(getattr(item, "fixturenames", ()))
        if "browser" in fixtures:
            item.add_marker(pytest.mark.browser)
        if fixtures & SITE_FIXTURES:
            item.add_marker(pytest.mark.site)


@pytest.fixture(autouse=True)
def _test_layer(request: pytest.FixtureRequest) -> Iterator[None]:
    marked = {m.name for m in request.node.iter_markers()} & {"site", "browser"}
    _layer.append("integration" if marked else "unit")
    yield
    _layer.pop()


def apply_routine_edits(content: Path, today: str) -> None:
    """The edits editors make every week, on a copy of the real content/ (README, "Add a fact").

    A new count at the end of the headline series, a status change that reopens a closed
    crossing, a new person (named so far in the default language only) with one sanction and one
    source, a new crossing with a single record, and a new article in one language.
    """
    import yaml

    site = yaml.safe_load((content / "site.yml").read_text(encoding="utf-8"))
    series = content / "facts/series" / f"{site['headline_series']}.yml"
    data = yaml.safe_load(series.read_text(encoding="utf-8"))
    latest = data["points"][-1]
    text = series.read_text(encoding="utf-8")
    point = (f"  - date: {today}\n    value: {latest['value'] + 7}\n    counted_by: {latest['counted_by']}\n"
             f"    source: editor-count\n")
    source = (f"  - id: editor-count\n    url: https://example.org/news/count-{today}\n    publisher: Example\n"
              f"    accessed: {today}\n")
    series.write_text(text.replace("\nsources:\n", f"\n{point}sources:\n{source}", 1), encoding="utf-8")

    for path in sorted((content / "facts/crossings").glob("*.yml")):
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        if doc["history"][-1]["status"] == "closed":
            text = path.read_text(encoding="utf-8")
            change = (f"  - date: {today}\n    status: open\n    note:\n      en: Reopened.\n"
                      f"    source: editor-reopening\n")
            source = (f"  - id: editor-reopening\n    url: https://example.org/news/reopened-{path.stem}\n"
                      f"    publisher: Example\n    accessed: {today}\n")
            path.write_text(text.replace("\nsources:\n", f"\n{change}sources:\n{source}", 1), encoding="utf-8")
            break

    (content / "facts/people/editor-test-person.yml").write_text(f"""\
name:
  en: Test Person
role:
  en: A person added in a test
summary:
  en: Added by the routine-edits test.
sanctions:
  - authority: eu
    programme:
      en: EU restrictive measures against Belarus
    history:
      - date: {today}
        event: listed
        source: act
sources:
  - id: act
    url: https://example.org/act/test-person
    publisher: Example
    accessed: {today}
""", encoding="utf-8")

    (content / "facts/crossings/editor-test-crossing.yml").write_text(f"""\
name:
  en: Test Crossing
sides:
  - country: lv
  - country: by
traffic: [cars]
refresh_days: 60
history:
  - date: {today}
    status: open
    source: opened
sources:
  - id: opened
    url: https://example.org/news/test-crossing
    publisher: Example
    accessed: {today}
""", encoding="utf-8")

    folder = content / "articles/editor-test-article"
    folder.mkdir()
    (folder / "en.md").write_text(f"""\
---
title: A new article
description: An article added by the routine-edits test.
publisher: Example
date: {today}
source_url: https://example.org/articles/new
---

A paragraph that names Test Person.
""", encoding="utf-8")


@pytest.fixture(scope="session")
def built_edited(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real content/ after a week of routine editor edits, built strictly."""
    import datetime as dt

    root = make_project(tmp_path_factory.mktemp("edited"), REPO / "content")
    apply_routine_edits(root / "content", dt.date.today().isoformat())
    result = run_cli(root, "build", "--no-cards")  # the cards are tested on the real site
    assert result.code == 0, result.err
    return root
