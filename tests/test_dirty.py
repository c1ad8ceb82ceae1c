"""Incremental builds are correct by construction, shown by comparison: after every step of a seeded
random sequence of edits (every kind of content file, new and deleted files, an image replaced by one
of another size, labels, site settings and the MkDocs configuration, the environment stamp), of files
saved while a build runs, of two builds started at once and of builds killed at a random moment, the
published docs/ and site/ are byte for byte those of a cold build of the same content, made by
another process from nothing."""

from __future__ import annotations

import datetime as dt
import io
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

import pytest
from PIL import Image

from scripts import store as store_module
from scripts.content import snapshot as snapshot_module
from scripts.site.build import build
from scripts.site.report import BuildReport
from tests.conftest import FIXTURES, REPO, make_project, run_cli

pytestmark = pytest.mark.site  # every test here builds sites

SEED = 20261206
STEPS = 60
PERSON = """name:
  en: {name}
role:
  en: {role}
summary:
  en: A person the differential test made up.
sanctions:
  - authority: eu
    programme:
      en: Test programme
    history:
      - date: 2022-03-02
        event: listed
        source: one
sources:
  - id: one
    url: https://example.org/{ident}
    publisher: Example
    accessed: 2026-11-01
"""


def published(root: Path) -> dict[str, bytes]:
    """Every file of docs/ and site/, by its path."""
    return {p.relative_to(root).as_posix(): p.read_bytes() for name in ("docs", "site")
            for p in sorted((root / name).rglob("*")) if p.is_file()}


def copy_inputs(root: Path, scratch: Path) -> Path:
    """A new project holding ``root``'s content and configuration as they are now."""
    shutil.rmtree(scratch, ignore_errors=True)
    scratch.mkdir(parents=True)
    shutil.copytree(root / "content", scratch / "content")
    shutil.copy(root / "mkdocs.yml", scratch / "mkdocs.yml")
    return scratch


def cold_build(project: Path) -> dict[str, bytes]:
    """docs/ and site/ of a cold build of a project, by another process."""
    result = run_cli(project, "build")
    assert result.code == 0, result.err
    out = published(project)
    shutil.rmtree(project, ignore_errors=True)
    return out


def cold(root: Path, scratch: Path) -> dict[str, bytes]:
    return cold_build(copy_inputs(root, scratch))


def differing(dirty: dict[str, bytes], fresh: dict[str, bytes]) -> list[str]:
    return sorted(rel for rel in dirty.keys() | fresh.keys() if dirty.get(rel) != fresh.get(rel))


class Comparisons:
    """Each step's published site, compared with a cold build made by another process meanwhile (the
    next step goes on while it runs)."""

    def __init__(self, scratch: Path):
        self.scratch = scratch
        self.pool = ThreadPoolExecutor(max_workers=1)
        self.pending: list[tuple[str, dict[str, bytes], Future[dict[str, bytes]]]] = []

    def add(self, root: Path, step: str) -> None:
        project = copy_inputs(root, self.scratch / str(len(self.pending)))
        self.pending.append((step, published(root), self.pool.submit(cold_build, project)))

    def check(self) -> None:
        failures = [f"after {step}: {differing(dirty, future.result())[:10]}" for step, dirty, future in self.pending
                    if differing(dirty, future.result())]
        self.pool.shutdown()
        assert failures == [], failures


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


class Project:
    """The minimal site in two languages, an article with an image, and the edits an editor makes."""

    def __init__(self, root: Path, rng: random.Random, monkeypatch: pytest.MonkeyPatch):
        self.root = root
        self.rng = rng
        self.monkeypatch = monkeypatch
        self.content = root / "content"
        self.people: list[str] = []
        self.day = 0
        belarusian = "    default: true\n  - code: be\n    name: Беларуская\n"
        edit(self.content / "site.yml", "    default: true\n", belarusian)
        article = self.content / "articles/sample"
        (article / "images").mkdir()
        self.image(400, 300)
        edit(article / "en.md", "The first paragraph.", "The first paragraph names Anna Alpha.\n\n"
             "![A view of the test garden](images/view.png)")

    def word(self) -> str:
        return "".join(self.rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(self.rng.randint(4, 9)))

    def image(self, width: int, height: int) -> None:
        out = io.BytesIO()
        Image.new("RGB", (width, height), (self.rng.randrange(256), 90, 40)).save(out, format="PNG")
        (self.content / "articles/sample/images/view.png").write_bytes(out.getvalue())

    # --- the edits ----------------------------------------------------------------------------

    def person(self) -> None:
        path = self.content / "facts/people/alpha.yml"
        text = path.read_text(encoding="utf-8")
        old = text.split("role:\n  en: ", 1)[1].split("\n", 1)[0]
        edit(path, f"role:\n  en: {old}", f"role:\n  en: Owner of {self.word()}")

    def new_person(self) -> None:
        ident = f"person-{self.word()}"
        (self.content / f"facts/people/{ident}.yml").write_text(
            PERSON.format(name=f"Person {self.word().title()}", role=self.word(), ident=ident), encoding="utf-8")
        self.people.append(ident)

    def delete_person(self) -> None:
        if self.people:
            (self.content / f"facts/people/{self.people.pop(self.rng.randrange(len(self.people)))}.yml").unlink()
        else:
            self.new_person()

    def company(self) -> None:
        path = self.content / "facts/companies/beta-oil.yml"
        text = path.read_text(encoding="utf-8")
        summary = f"summary:\n  en: {self.word().title()}. "
        path.write_text(text.replace("summary:\n  en: ", summary, 1), encoding="utf-8")

    def crossing(self) -> None:
        self.day += 1
        day = dt.date(2025, 11, 17) + dt.timedelta(days=self.day)
        status = self.rng.choice(["open", "restricted", "closed"])
        edit(self.content / "facts/crossings/gamma.yml", "\nsources:\n",
             f"\n  - date: {day}\n    status: {status}\n    source: three\nsources:\n")

    def series(self) -> None:
        self.day += 1
        day = dt.date(2024, 1, 1) + dt.timedelta(days=self.day)
        edit(self.content / "facts/series/prisoners.yml", "\nsources:\n",
             f"\n  - date: {day}\n    value: {self.rng.randint(900, 1600)}\n    counted_by: counter\n"
             "    source: four\nsources:\n")

    def article(self) -> None:
        path = self.content / "articles/sample/en.md"
        path.write_text(path.read_text(encoding="utf-8") + f"\nA sentence about {self.word()}.\n", encoding="utf-8")

    def page(self) -> None:
        path = self.content / "pages/about/en.md"
        path.write_text(path.read_text(encoding="utf-8") + f"\nMore about {self.word()}.\n", encoding="utf-8")

    def replace_image(self) -> None:
        self.image(self.rng.randint(100, 900), self.rng.randint(100, 900))

    def label(self) -> None:
        path = self.content / "ui/en.yml"
        text = path.read_text(encoding="utf-8")
        old = text.split("\nshare: ", 1)[1].split("\n", 1)[0]
        edit(path, f"\nshare: {old}\n", f"\nshare: Share it {self.word()}\n")

    def site(self) -> None:
        path = self.content / "site.yml"
        text = path.read_text(encoding="utf-8")
        old = text.split("description:\n  en: ", 1)[1].split("\n", 1)[0]
        edit(path, f"description:\n  en: {old}", f"description:\n  en: A test site about {self.word()}.")

    def configuration(self) -> None:
        path = self.root / "mkdocs.yml"
        text = path.read_text(encoding="utf-8")
        feature = "    - content.tooltips\n"
        path.write_text(text.replace(feature, "") if feature in text else
                        text.replace("    - navigation.top\n", "    - navigation.top\n" + feature), encoding="utf-8")

    def environment(self) -> None:
        """A dependency updated: one more distribution (or another version) in the environment stamp."""
        real, version = store_module.installed, self.word()
        self.monkeypatch.setattr(store_module, "installed", lambda: [*real(), ("a-dependency", version)])
        store_module.environment.cache_clear()

    def nothing(self) -> None:
        pass

    def edits(self) -> dict[str, Callable[[], None]]:
        return {name: getattr(self, name) for name in (
            "person", "new_person", "delete_person", "company", "crossing", "series", "article", "page",
            "replace_image", "label", "site", "configuration", "environment", "nothing")}


def build_here(root: Path) -> BuildReport:
    """A build in this process, as the preview runs them (one process, build after build)."""
    return build(root)


def build_process(root: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, "-m", "scripts", "--root", str(root), "build"], cwd=REPO,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)


@pytest.fixture
def fresh_environment() -> Iterator[None]:
    """The environment stamp is worked out again after the test (which changes it)."""
    store_module.environment.cache_clear()
    yield
    store_module.environment.cache_clear()


@pytest.mark.usefixtures("fresh_environment")
def test_any_sequence_of_edits_and_accidents_publishes_what_a_cold_build_makes(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    rng = random.Random(SEED)
    root = make_project(tmp_path / "project", FIXTURES / "minimal" / "content")
    scratch = tmp_path / "cold"
    project = Project(root, rng, monkeypatch)
    edits = project.edits()
    build_here(root)
    comparisons = Comparisons(tmp_path / "cold-builds")
    comparisons.add(root, "the first build")
    accidents = ["saved-while-building", "two-builds", "killed"]
    plan = [*edits, *edits, *accidents, *accidents]  # every kind of step twice, the rest drawn at random
    plan += [rng.choice(list(edits)) for _ in range(STEPS - len(plan))]
    rng.shuffle(plan)
    for number, step in enumerate(plan, 1):
        name = f"step {number} ({step})"
        if step == "saved-while-building":
            saved_while_building(project, scratch, name, monkeypatch)
        elif step == "two-builds":
            project.person()
            first, second = build_process(root), build_process(root)
            outs = [process.communicate(timeout=300) for process in (first, second)]
            assert first.returncode == second.returncode == 0, outs
            assert any(b"another build of this site is running: waiting" in err for _, err in outs)
        elif step == "killed":
            killed(project, scratch, name)
        else:
            edits[step]()
            build_here(root)
        comparisons.add(root, name)
    comparisons.check()


def saved_while_building(project: Project, scratch: Path, name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """A file saved just after the build read content/: the build publishes what it read, says that
    content/ changed meanwhile, and the next build publishes the new content."""
    root = project.root
    before = {rel: data for rel, data in published(root).items()}
    project.person()  # the content the build reads
    expected = cold(root, scratch)
    take = snapshot_module.Snapshot.take.__func__  # type: ignore[attr-defined]

    def take_then_save(cls: type, root_: Path, today: dt.date) -> snapshot_module.Snapshot:
        taken: snapshot_module.Snapshot = take(cls, root_, today)
        project.company()  # saved while the build runs
        return taken

    with monkeypatch.context() as patch:
        patch.setattr(snapshot_module.Snapshot, "take", classmethod(take_then_save))
        report = build_here(root)
    assert report.changed_meanwhile
    assert published(root) == expected != before, name
    assert not build_here(root).changed_meanwhile


def killed(project: Project, scratch: Path, name: str) -> None:
    """A build killed at a random moment leaves the last published site whole (the old one or the new
    one, never a mix within site/), and the next build publishes the content."""
    root = project.root
    old_site = {rel: data for rel, data in published(root).items() if rel.startswith("site/")}
    project.person()
    new_site = {rel: data for rel, data in cold(root, scratch).items() if rel.startswith("site/")}
    process = build_process(root)
    time.sleep(project.rng.uniform(0.05, 2.5))
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    now = {rel: data for rel, data in published(root).items() if rel.startswith("site/")}
    assert now in (old_site, new_site), name
    build_here(root)


def test_a_failed_build_keeps_the_site_and_the_next_one_succeeds(tmp_path: Path) -> None:
    root = make_project(tmp_path, FIXTURES / "minimal" / "content")
    assert run_cli(root, "build").code == 0
    before = published(root)
    about = root / "content/pages/about/en.md"
    good = about.read_text(encoding="utf-8")
    shutil.copy(FIXTURES / "bad/broken-link/content/pages/about/en.md", about)
    failed = run_cli(root, "build")
    assert failed.code != 0 and "political-prisonerz.md" in failed.err
    assert failed.err.splitlines()[-1] == "the build failed; site/ was not changed (docs/ holds the Markdown " \
        "MkDocs was given)."
    assert {rel: data for rel, data in published(root).items() if rel.startswith("site/")} == \
        {rel: data for rel, data in before.items() if rel.startswith("site/")}
    about.write_text(good.replace("# About", "# About this test site"), encoding="utf-8")
    assert run_cli(root, "build").code == 0
    assert b"About this test site" in (root / "site/en/about/index.html").read_bytes()


def test_the_published_site_is_never_written_through_a_hard_link(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p", FIXTURES / "minimal" / "content")
    assert run_cli(root, "build").code == 0
    kept = {}
    for rel in ("site/en/people/alpha/index.html", "site/en/search/search_index.json", "site/en/404.html",
                "site/en/sitemap.xml.gz"):
        kept[rel] = tmp_path / rel.replace("/", "_")
        os.link(root / rel, kept[rel])  # the file as it was published
    before = {rel: path.read_bytes() for rel, path in kept.items()}
    edit(root / "content/facts/people/alpha.yml", "Owner of Beta Oil", "Founder of Beta Oil")
    assert run_cli(root, "build").code == 0
    assert {rel: path.read_bytes() for rel, path in kept.items()} == before  # every old file untouched
    assert b"Founder of Beta Oil" in (root / "site/en/people/alpha/index.html").read_bytes()


def test_a_build_stopped_while_publishing_publishes_next_time(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Publishing stopped after the languages were in place: the next build, with nothing new to render,
    still finishes publishing (the root files)."""
    from scripts.errors import SiteError
    from scripts.site import make as make_module
    from tests.conftest import run_cli_here

    root = make_project(tmp_path / "p", FIXTURES / "minimal" / "content")
    assert run_cli_here(root, "build").code == 0
    edit(root / "content/site.yml", "  en: A small, valid content tree", "  en: A small and valid content tree")

    def fail(*_: object, **__: object) -> None:
        raise SiteError("stopped while publishing")

    with monkeypatch.context() as patch:
        patch.setattr(make_module, "publish_root", fail)
        assert run_cli_here(root, "build").code == 1
    assert b"A small and valid" not in (root / "site/index.html").read_bytes()
    out = run_cli_here(root, "build")
    assert out.code == 0, out.err
    assert "languages rendered: none" in out.out
    assert b"A small and valid" in (root / "site/index.html").read_bytes()


def test_a_new_environment_checks_and_renders_everything_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Nothing made with other code or other tool versions is reused: not a checked file, not a page."""
    from tests.conftest import run_cli_here

    root = make_project(tmp_path / "p", FIXTURES / "minimal" / "content")
    assert run_cli_here(root, "build").code == 0
    assert "nothing changed" in run_cli_here(root, "build").out
    monkeypatch.setattr(store_module, "environment", lambda: "another environment")
    for module in ("scripts.site.build", "scripts.site.make", "scripts.content.load", "scripts.render.reuse",
                   "scripts.render.cards"):
        monkeypatch.setattr(f"{module}.environment", lambda: "another environment")
    out = run_cli_here(root, "build")
    assert out.code == 0 and "languages rendered: en" in out.out and "(dirty)" not in out.out
    pages = re.search(r"en: (\d+) pages", out.out).group(1)  # type: ignore[union-attr]
    assert f"social cards: {pages} drawn" in out.out
