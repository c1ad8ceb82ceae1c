"""Shared helpers: project trees in temporary folders, and the CLI run as editors run it."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
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


def run_cli(root: Path, *args: str) -> Run:
    """``python -m scripts --root ROOT ARGS`` in a subprocess, like `make` runs it."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    done = subprocess.run([sys.executable, "-m", "scripts", "--root", str(root), *args], cwd=REPO,
                          capture_output=True, text=True, env=env, timeout=300)
    return Run(done.returncode, done.stdout, done.stderr)


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


SITE_FIXTURES = {"built_minimal", "built_real", "served_real"}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Layers, by what a test needs: 'browser' (Chromium), 'site' (a fixture site or the real one built);
    the rest are unit tests. `pytest -m "not browser"` leaves out the slowest layer."""
    for item in items:
        fixtures = set(getattr(item, "fixturenames", ()))
        if "browser" in fixtures:
            item.add_marker(pytest.mark.browser)
        if fixtures & SITE_FIXTURES:
            item.add_marker(pytest.mark.site)
