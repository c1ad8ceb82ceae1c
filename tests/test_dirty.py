"""Dirty builds: after edits, only the changed pages are rendered again, and the site (the search index
above all) is the same as a cold build of the same content; deleted pages go; the published site is
never written through a hard link; a failed build keeps the last good site and leads to a full one."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, make_project, run_cli

pytestmark = pytest.mark.site  # every test here builds a site

GAMMA_PERSON = """name:
  en: Greta Gamma
role:
  en: Director of Beta Oil
summary:
  en: Another person made up for the tests.
related: [beta-oil]
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
    url: https://example.org/gamma
    publisher: Example
    accessed: 2026-11-01
"""


def build(root: Path) -> str:
    result = run_cli(root, "build", "--timings")
    assert result.code == 0, result.err
    return result.out


def files(site: Path) -> dict[str, bytes]:
    """Every file of a built language but the sitemap (its dates are the build's)."""
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*"))
            if p.is_file() and not p.name.startswith("sitemap.xml")}


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_after_a_series_of_dirty_builds_the_site_is_a_cold_builds(tmp_path: Path) -> None:
    root = make_project(tmp_path / "edited", FIXTURES / "minimal" / "content")
    build(root)
    people = root / "content/facts/people"
    edit(people / "alpha.yml", "Owner of Beta Oil", "Founder of Beta Oil")
    assert "mkdocs en (dirty)" in build(root)
    (people / "greta-gamma.yml").write_text(GAMMA_PERSON, encoding="utf-8")
    assert "mkdocs en (dirty)" in build(root)
    edit(people / "greta-gamma.yml", "Director", "Chair")
    build(root)
    edit(root / "content/facts/crossings/gamma.yml", "refresh_days:", "# checked again\nrefresh_days:")
    build(root)
    edit(root / "content/ui/en.yml", "share: Share", "share: Pass it on")
    out = build(root)
    assert "mkdocs en " in out and "mkdocs en (dirty)" not in out  # a label is on every page: a full build
    edit(people / "alpha.yml", "A person made up for the tests.", "A person made up for these tests.")
    assert "mkdocs en (dirty)" in build(root)

    cold = make_project(tmp_path / "cold", root / "content")
    build(cold)
    for name in ("docs", "site"):  # published file by file after each dirty build: the same trees
        assert files(root / name) == files(cold / name), name
    dirty, fresh = files(root / "site/en"), files(cold / "site/en")
    assert sorted(dirty) == sorted(fresh)
    assert dirty["search/search_index.json"] == fresh["search/search_index.json"]
    assert [name for name in fresh if dirty[name] != fresh[name]] == []
    assert b"Chair of Beta Oil" in dirty["search/search_index.json"]


def test_a_deleted_entry_disappears_from_a_dirty_build(tmp_path: Path) -> None:
    root = make_project(tmp_path, FIXTURES / "minimal" / "content")
    (root / "content/facts/people/greta-gamma.yml").write_text(GAMMA_PERSON, encoding="utf-8")
    build(root)
    assert (root / "site/en/people/greta-gamma/index.html").is_file()
    assert b"Greta Gamma" in (root / "site/en/search/search_index.json").read_bytes()

    (root / "content/facts/people/greta-gamma.yml").unlink()
    assert "mkdocs en (dirty)" in build(root)
    assert not (root / "site/en/people/greta-gamma").exists()
    assert not (root / "docs/en/people/greta-gamma.md").exists()
    assert not list((root / "site/en/assets/cards/people").glob("greta-gamma*"))
    assert b"Greta Gamma" not in (root / "site/en/search/search_index.json").read_bytes()
    assert b"Greta Gamma" not in (root / "site/en/people/index.html").read_bytes()


def test_the_published_site_is_never_written_through_a_hard_link(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p", FIXTURES / "minimal" / "content")
    build(root)
    published = root / "site/en/people/alpha/index.html"
    kept = tmp_path / "kept.html"
    os.link(published, kept)  # the file as it was published
    before = kept.read_bytes()
    sitemap = tmp_path / "sitemap.xml.gz"  # MkDocs writes this one through open(): it must be a new file
    os.link(root / "site/en/sitemap.xml.gz", sitemap)
    sitemap_before = sitemap.read_bytes()
    edit(root / "content/facts/people/alpha.yml", "Owner of Beta Oil", "Founder of Beta Oil")
    build(root)
    assert sitemap.read_bytes() == sitemap_before
    assert kept.read_bytes() == before  # the old file is untouched: the new page is a new file
    assert b"Founder of Beta Oil" in published.read_bytes()
    assert published.stat().st_ino != kept.stat().st_ino


def test_a_failed_build_keeps_the_site_and_the_next_one_is_full(tmp_path: Path) -> None:
    root = make_project(tmp_path, FIXTURES / "minimal" / "content")
    build(root)
    before = files(root / "site/en")
    about = root / "content/pages/about/en.md"
    good = about.read_text(encoding="utf-8")
    shutil.copy(FIXTURES / "bad/broken-link/content/pages/about/en.md", about)
    failed = run_cli(root, "build")
    assert failed.code != 0 and "political-prisonerz.md" in failed.err
    assert files(root / "site/en") == before
    about.write_text(good.replace("# About", "# About this test site"), encoding="utf-8")
    out = build(root)
    assert "mkdocs en " in out and "mkdocs en (dirty)" not in out


def test_a_build_stopped_while_publishing_is_made_whole_by_the_next(tmp_path: Path) -> None:
    """Publishing after a dirty build replaces files one by one; if it stops half way (here: its mark
    is gone and a published page is missing), the next build swaps in a whole new tree."""
    root = make_project(tmp_path / "p", FIXTURES / "minimal" / "content")
    build(root)
    edit(root / "content/facts/people/alpha.yml", "Owner of Beta Oil", "Founder of Beta Oil")
    build(root)
    assert (root / ".build/published.json").is_file()
    (root / ".build/published.json").unlink()  # as if the build had been killed while publishing
    (root / ".build/inputs.txt").unlink()
    (root / "site/en/people/alpha/index.html").unlink()
    build(root)
    assert b"Founder of Beta Oil" in (root / "site/en/people/alpha/index.html").read_bytes()
    assert (root / ".build/published.json").is_file()


def test_the_theme_files_are_listed_as_mkdocs_lists_them() -> None:
    """scripts.site.mkdocs_run lists the theme's static files without walking its hidden folders: the
    same files, from the same folders, as MkDocs' own listing."""
    import io

    from mkdocs.config import load_config
    from mkdocs.structure.files import Files

    from scripts.site.config import THEME
    from scripts.site.mkdocs_run import theme_files
    from tests.conftest import REPO

    config = load_config(io.BytesIO(b"{}"), config_file_path=str(REPO / "mkdocs.yml"), site_name="x",
                         theme={"name": "material", "custom_dir": str(THEME)})
    mkdocs_own = getattr(Files, "mkdocs_add_files_from_theme", Files.add_files_from_theme)
    probe = Files([])
    mkdocs_own(probe, config.theme.get_env(), config)
    ours = theme_files(config)
    assert [(f.src_uri, f.src_dir) for f in probe] == ours
    assert any(name.endswith("campaign.css") for name, _ in ours) and len(ours) > 20


def test_a_build_that_fails_after_mkdocs_publishes_its_pages_next_time(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """MkDocs succeeded (the caches are ahead of the site) but publishing never happened: the next
    build, with nothing new to render, still publishes what the caches hold."""
    from scripts.errors import SiteError
    from scripts.site.publish import Published
    from tests.conftest import run_cli_here

    root = make_project(tmp_path / "p", FIXTURES / "minimal" / "content")
    build(root)
    edit(root / "content/facts/people/alpha.yml", "Owner of Beta Oil", "Founder of Beta Oil")

    def fail(*_: object, **__: object) -> None:
        raise SiteError("stopped while publishing")

    with monkeypatch.context() as patch:
        patch.setattr(Published, "update", fail)
        assert run_cli_here(root, "build").code == 1
    assert b"Founder of Beta Oil" not in (root / "site/en/people/alpha/index.html").read_bytes()
    out = run_cli_here(root, "build")
    assert out.code == 0, out.err
    assert b"Founder of Beta Oil" in (root / "site/en/people/alpha/index.html").read_bytes()


def test_content_read_by_other_code_is_checked_again(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The files kept from the last load are used only with the same checking code."""
    from scripts.content import kept
    from scripts.content.load import load

    root = make_project(tmp_path / "p", FIXTURES / "minimal" / "content")
    (root / ".build").mkdir()
    load(root)
    assert (root / ".build/loaded.pickle").is_file() and kept.Kept.of(root).files
    monkeypatch.setattr(kept, "code_stamp", lambda: "other code")
    assert kept.Kept.of(root).files == {}  # neither the memory nor the file is trusted
