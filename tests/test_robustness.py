"""Bad input never breaks or loses anything: odd encodings, huge files, killed builds, random edits."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scripts.content.load import load_snapshot
from scripts.content.snapshot import Snapshot
from scripts.errors import ContentErrors
from scripts.render.generate import generate
from scripts.store import Store
from tests.conftest import FIXTURES, REPO, make_project, run_cli, tree_digest

pytestmark = pytest.mark.site  # every test here builds a site

MINIMAL = FIXTURES / "minimal" / "content"


def test_utf8_with_bom_and_crlf_line_ends_are_accepted(tmp_path: Path) -> None:
    root = make_project(tmp_path, MINIMAL)
    for path in (root / "content").rglob("*.yml"):
        path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes().replace(b"\n", b"\r\n"))
    page = root / "content/pages/about/en.md"
    page.write_bytes(b"\xef\xbb\xbf" + page.read_bytes().replace(b"\n", b"\r\n"))
    result = run_cli(root, "check")
    assert result.code == 0, result.err


def test_a_ten_megabyte_file_is_refused_before_it_is_read(built_minimal: Path, tmp_path: Path) -> None:
    root = tmp_path / "project"
    shutil.copytree(built_minimal, root)
    before = {name: tree_digest(root / name) for name in ("docs", "site")}
    huge = root / "content/facts/people/huge.yml"
    huge.write_text("name:\n  en: Huge\n" + "# padding\n" * 1_100_000)
    result = run_cli(root, "build")
    assert result.code == 1
    assert result.err_lines[0] == ("content/facts/people/huge.yml: the file is 11.0 MB; a content file may be at "
                                   "most 1 MB: split it or remove what does not belong")
    assert {name: tree_digest(root / name) for name in ("docs", "site")} == before


def test_a_build_killed_half_way_leaves_the_last_good_site(built_minimal: Path, tmp_path: Path) -> None:
    root = tmp_path / "project"
    shutil.copytree(built_minimal, root)
    before = {name: tree_digest(root / name) for name in ("docs", "site")}
    person = root / "content/facts/people/alpha.yml"
    person.write_text(person.read_text().replace("Anna Alpha", "Anna Alpha-Changed"))
    build = subprocess.Popen([sys.executable, "-m", "scripts", "--root", str(root), "build"], cwd=REPO,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.monotonic() + 60
    runs = root / ".build/mkdocs/en"
    first = set(runs.glob("run-*"))
    while set(runs.glob("run-*")) == first and time.monotonic() < deadline:
        time.sleep(0.005)  # wait until MkDocs is rendering the language into a new run
    os.killpg(build.pid, signal.SIGKILL)
    build.wait()
    assert tree_digest(root / "site") == before["site"]  # docs/ holds MkDocs' input as far as it got
    result = run_cli(root, "build")  # the next build cleans up and succeeds
    assert result.code == 0, result.err
    assert "Anna Alpha-Changed" in (root / "site/en/people/alpha/index.html").read_text(encoding="utf-8")
    deadline = time.monotonic() + 30
    while list((root / ".build").glob("stage-*")) and time.monotonic() < deadline:
        time.sleep(0.05)  # the swapped-out site is removed in the background
    assert not list((root / ".build").glob("stage-*"))


def test_the_generator_replaces_only_docs_and_site(built_minimal: Path, tmp_path: Path) -> None:
    root = tmp_path / "project"
    shutil.copytree(built_minimal, root)
    (root / "notes.txt").write_text("mine")
    before = {p.name for p in root.iterdir()}
    content = tree_digest(root / "content")
    assert run_cli(root, "build").code == 0
    assert {p.name for p in root.iterdir()} == before
    assert tree_digest(root / "content") == content and (root / "notes.txt").read_text() == "mine"


# --- property-based: random edits to a valid tree ---------------------------------------------

TEXTS = st.one_of(st.text(max_size=40), st.sampled_from(["<script>", "*x*", "[a](javascript:x)", "yes", "null",
                                                          "2023-02-30", "2099-01-01", "-1", "é ў ł", "{{ x }}"]))
VALUES = st.recursive(st.one_of(st.none(), st.booleans(), st.integers(-10, 3000), st.floats(allow_nan=False),
                                TEXTS, st.dates(dt.date(1990, 1, 1), dt.date(2100, 1, 1))),
                      lambda inner: st.one_of(st.lists(inner, max_size=3),
                                              st.dictionaries(st.sampled_from(["en", "be", "xx", "id", "date",
                                                                               "source", "status", "name"]),
                                                              inner, max_size=3)),
                      max_leaves=6)
FILES = sorted(p.relative_to(MINIMAL).as_posix() for p in MINIMAL.rglob("*.yml"))


def paths(value: object, prefix: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
    out = [prefix]
    if isinstance(value, dict):
        for key, item in value.items():
            out += paths(item, (*prefix, key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            out += paths(item, (*prefix, i))
    return out


def replace(tree: object, where: tuple[object, ...], new: object) -> object:
    if not where:
        return new
    head, rest = where[0], where[1:]
    if isinstance(tree, dict):
        return {k: replace(v, rest, new) if k == head else v for k, v in tree.items()}
    if isinstance(tree, list):
        return [replace(v, rest, new) if i == head else v for i, v in enumerate(tree)]
    return tree


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_random_edits_give_a_site_or_a_validation_error_never_a_crash(
        data: st.DataObject, tmp_path_factory: pytest.TempPathFactory) -> None:
    root = make_project(tmp_path_factory.mktemp("prop"), MINIMAL)
    rel = data.draw(st.sampled_from(FILES))
    path = root / "content" / rel
    tree = yaml.safe_load(path.read_text(encoding="utf-8"))
    where = data.draw(st.sampled_from(paths(tree)))
    action = data.draw(st.sampled_from(["replace", "raw"]))
    if action == "replace":
        path.write_text(yaml.safe_dump(replace(tree, where, data.draw(VALUES)), allow_unicode=True), encoding="utf-8")
    else:
        path.write_bytes(data.draw(st.binary(max_size=200)))
    today = dt.date(2026, 11, 28)
    snapshot = Snapshot.take(root, today)
    try:
        content = load_snapshot(snapshot, today)
    except ContentErrors as exc:
        assert exc.problems and all(p.file.startswith("content/") for p in exc.problems)
        return
    generated = generate(content, snapshot, today, Store.of(root))
    assert all(gen.files for gen in generated)


_SEGMENT = st.sampled_from(["a", "b", "ab", "people", "x-1", ".", "..", ""])


@given(st.lists(_SEGMENT, max_size=4), st.lists(_SEGMENT, max_size=4))
def test_links_between_pages_are_what_posixpath_says(target: list[str], start: list[str]) -> None:
    """The fast relative path that every link of a page is made with answers as posixpath.relpath does."""
    import posixpath

    from scripts.render.routes import relpath

    to, here = "/".join(target) or ".", "/".join(start) or "."
    assert relpath(to, here) == posixpath.relpath(to, here)


def test_an_egg_installed_without_its_version_in_its_name_still_stamps_it(tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """`setup.py develop` writes foo.egg-info with no version in its name: a new version is a new stamp."""
    from scripts.store import installed

    info = tmp_path / "foo.egg-info"
    info.mkdir()
    monkeypatch.setattr(sys, "path", [str(tmp_path)])
    (info / "PKG-INFO").write_text("Metadata-Version: 2.1\nName: foo\nVersion: 1.0\n", encoding="utf-8")
    before = installed()
    (info / "PKG-INFO").write_text("Metadata-Version: 2.1\nName: foo\nVersion: 2.0\n", encoding="utf-8")
    assert installed() != before and before == ["foo.egg-info 1.0"]
