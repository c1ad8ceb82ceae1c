"""Pages of people and companies are assembled in frames that MkDocs renders once per shape
(scripts.site.frames): the site is the one MkDocs makes when it renders every page itself, byte for byte."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import jinja2
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scripts.errors import SiteError
from scripts.site import frames
from scripts.site.build import build
from scripts.store import Store, digest
from tests.conftest import REPO, apply_routine_edits, make_project, run_cli, tree_digest


def add_alias(person: Path, alias: str) -> None:
    """Another spelling of a person's name (their page and the pages that name them change)."""
    text = person.read_text(encoding="utf-8")
    person.write_text(text.replace("\nid:", f"\naliases: [{alias}]\nid:", 1) if "\naliases:" not in text
                      else text.replace("\naliases:", f"\naliases:\n  - {alias}", 1), encoding="utf-8")


@pytest.mark.site
def test_a_site_built_with_frames_is_the_site_mkdocs_renders_page_by_page(tmp_path) -> None:  # type: ignore[no-untyped-def]
    today = dt.date.today()
    sites = {}
    for name in ("framed", "page-by-page"):
        root = make_project(tmp_path / name, REPO / "content")
        apply_routine_edits(root / "content", today.isoformat())
        build(root, today=today, cards=False, frames=name == "framed")
        sites[name] = tree_digest(root / "site")
        frame_files = sorted((root / "docs").rglob(f"{frames.FRAME}*.md"))
        assert bool(frame_files) == (name == "framed")
        person = min((root / "content/facts/people").glob("*.yml")).stem
        assert (root / "docs/en/people" / f"{person}.md").exists() == (name != "framed")  # framed: not MkDocs input
    framed, plain = sites["framed"], sites["page-by-page"]
    assert sum(1 for rel in framed if rel.startswith("en/people/") and rel.endswith("/index.html")) > 5
    assert not [rel for rel in framed if frames.FRAME in rel]
    assert sorted(framed) == sorted(plain)
    assert [rel for rel in framed if framed[rel] != plain[rel]] == []


@pytest.mark.site
def test_an_edited_person_is_assembled_again_in_a_dirty_build(tmp_path) -> None:  # type: ignore[no-untyped-def]
    root = make_project(tmp_path, REPO / "content")
    assert run_cli(root, "build", "--no-cards").code == 0
    person = min((root / "content/facts/people").glob("*.yml"))
    add_alias(person, "Zzyzx Framed")
    result = run_cli(root, "build", "--no-cards")
    assert result.code == 0, result.err
    assert "(dirty)" in result.out
    page = (root / "site/en/people" / person.stem / "index.html").read_text(encoding="utf-8")
    assert "Zzyzx Framed" in page and frames.FRAME not in page and frames.OPEN not in page


TEMPLATE = jinja2.Environment().from_string(
    "<title>{{ v }}</title><meta content=\"{{ v | e }}\"><nav aria-label=\"{{ v | striptags | e }}\">"
    "{{ v | striptags }}</nav><link rel=\"canonical\" href=\"{{ url }}\">{{ body }}")


@settings(max_examples=200, deadline=None)
@given(value=st.text(alphabet=st.sampled_from(list("ab <>&\"'/;#\u00e9\u0436 \n")), min_size=1, max_size=30))
def test_a_value_goes_in_through_the_filter_the_theme_printed_it_with(value: str) -> None:
    frame_url = "people/_frame-0123/"
    page = TEMPLATE.render(v=frames.placeholder("title"), url="https://x.org/en/" + frame_url, body=frames.BODY)
    parts = frames.compile_frame(page, "https://x.org/en/" + frame_url, frame_url)
    assert frames.assemble(parts, {"title": value}, "<h1>P</h1>", "https://x.org/en/people/p/") == \
        TEMPLATE.render(v=value, url="https://x.org/en/people/p/", body="<h1>P</h1>")


def test_a_value_printed_through_an_unknown_filter_stops_the_build() -> None:
    page = jinja2.Environment().from_string("{{ v | upper }}{{ body }}").render(
        v=frames.placeholder("title"), body=frames.BODY)
    with pytest.raises(SiteError, match=r"(?i)title.*do not know"):
        frames.compile_frame(page, "https://x.org/en/people/_frame-1/", "people/_frame-1/")


def test_the_frames_own_address_anywhere_but_its_canonical_link_stops_the_build() -> None:
    page = f'<link rel="canonical" href="https://x.org/en/people/_frame-1/"><a href="../_frame-1/">x</a>{frames.BODY}'
    with pytest.raises(SiteError, match="address"):
        frames.compile_frame(page, "https://x.org/en/people/_frame-1/", "people/_frame-1/")


def test_pages_of_one_shape_share_a_frame_and_empty_texts_are_part_of_the_shape(tmp_path) -> None:  # type: ignore[no-untyped-def]
    def page(title: str, x: str) -> bytes:
        return (f'---\ntitle: "{title}"\nhtml_body: true\nsocial: {{"x": "{x}"}}\n---\n<h1>{title}</h1>\n').encode()

    files = {"people/a.md": page("A", "@a"), "people/b.md": page("B", "@b"), "people/c.md": page("C", ""),
             "people/index.md": b"# People\n"}
    paths = {"people/a.md", "people/b.md", "people/c.md"}
    for _ in range(2):  # made, then taken from the store
        plan = frames.plan(files, paths, Store(tmp_path / "store.sqlite"), {rel: digest(files[rel]) for rel in files})
        assert len(plan.files) == 2
        by_page = {f.output: f.frame for f in plan.pages}
        assert by_page["people/a/index.html"] == by_page["people/b/index.html"] != by_page["people/c/index.html"]


@pytest.mark.site
def test_a_link_to_a_missing_anchor_of_a_framed_page_fails_in_both_modes_and_a_real_one_passes(tmp_path) -> None:  # type: ignore[no-untyped-def]
    person = min((REPO / "content/facts/people").glob("*.yml")).stem
    errors = {}
    for name in ("framed", "page-by-page"):
        root = make_project(tmp_path / name, REPO / "content")
        about = root / "content/pages/about/en.md"
        about.write_text(about.read_text(encoding="utf-8") + f"\nSee [them](people/{person}.md#no-such-anchor) and "
                         f"[their sanctions](people/{person}.md#sanctions).\n", encoding="utf-8")
        with pytest.raises(SiteError) as failed:
            build(root, cards=False, frames=name == "framed")
        errors[name] = failed.value.lines()
    assert errors["framed"] == errors["page-by-page"]
    number = len((REPO / "content/pages/about/en.md").read_text(encoding="utf-8").splitlines()) + 2
    assert [line for line in errors["framed"] if "#" in line] == [
        f"content/pages/about/en.md:{number}: "
        f"Doc file 'about.md' contains a link 'people/{person}.md#no-such-anchor', but the doc "
        f"'people/{person}.md' does not contain an anchor '#no-such-anchor'."]


@pytest.mark.site
def test_a_published_page_that_went_missing_is_assembled_again_by_the_next_dirty_build(tmp_path) -> None:  # type: ignore[no-untyped-def]
    root = make_project(tmp_path, REPO / "content")
    assert run_cli(root, "build", "--no-cards").code == 0
    people = sorted((root / "content/facts/people").glob("*.yml"))
    gone = root / "site/en/people" / people[0].stem / "index.html"
    kept = gone.read_bytes()
    gone.unlink()
    # another person changes
    add_alias(people[1], "Zzyzx Framed")
    result = run_cli(root, "build", "--no-cards")
    assert result.code == 0 and "(dirty)" in result.out, result.out + result.err
    assert gone.read_bytes() == kept


@pytest.mark.parametrize("text", ["Nikolai\x85Vorobey", "Oleksin\x86", "role\ufffe", "a \u2028 b",
                                  "People \ue000title\ue001"])
def test_text_that_yaml_readers_change_or_the_build_keeps_for_itself_is_refused(text: str) -> None:
    from scripts.content.fields import _text

    with pytest.raises(ValueError, match="retype it"):
        _text(text)


def test_a_value_printed_in_a_form_that_hides_its_placeholder_stops_the_build() -> None:
    page = jinja2.Environment().from_string("<script>{{ v | tojson }}</script>{{ body }}").render(
        v=frames.placeholder("title"), body=frames.BODY)
    with pytest.raises(SiteError, match="where frames cannot see it"):
        frames.compile_frame(page, "https://x.org/en/people/_frame-1/", "people/_frame-1/", {"title"})


@pytest.mark.site
def test_a_dirty_build_checks_links_to_anchors_of_framed_pages_it_did_not_assemble(tmp_path) -> None:  # type: ignore[no-untyped-def]
    root = make_project(tmp_path, REPO / "content")
    assert run_cli(root, "build", "--no-cards").code == 0
    person = min((root / "content/facts/people").glob("*.yml")).stem
    about = root / "content/pages/about/en.md"
    about.write_text(about.read_text(encoding="utf-8") + f"\nSee [them](people/{person}.md#no-such-anchor).\n",
                     encoding="utf-8")
    result = run_cli(root, "build", "--no-cards")
    assert result.code != 0
    assert f"contains a link 'people/{person}.md#no-such-anchor', but the doc 'people/{person}.md' does not " \
           "contain an anchor '#no-such-anchor'" in result.err


@pytest.mark.site
def test_a_new_person_is_a_dirty_build_not_a_full_one(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import yaml

    root = make_project(tmp_path, REPO / "content")
    assert run_cli(root, "build", "--no-cards").code == 0
    original = min((root / "content/facts/people").glob("*.yml"))
    data = yaml.safe_load(original.read_text(encoding="utf-8"))
    data["name"] = {lang: f"{name} Zzyzx" for lang, name in data["name"].items()}
    for key in ("aliases", "related", "translated", "corrections"):
        data.pop(key, None)
    (original.parent / "zzyzx-new.yml").write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False),
                                                   encoding="utf-8")
    result = run_cli(root, "build", "--no-cards")
    assert result.code == 0, result.err
    assert "languages rendered: en (dirty), be (dirty), ru (dirty), pl (dirty)" in result.out
    assert (root / "site/en/people/zzyzx-new/index.html").is_file()


@pytest.mark.site
def test_switching_frames_off_and_on_renders_every_page_anew_as_a_cold_build_would(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from tests.test_dirty import published

    root = make_project(tmp_path / "switched", REPO / "content")
    for step, frames_on in enumerate((True, False, True)):
        build(root, cards=False, frames=frames_on)
        cold = make_project(tmp_path / f"cold-{step}", REPO / "content")
        build(cold, cards=False, frames=frames_on)
        switched, fresh = published(root), published(cold)
        assert sorted(switched) == sorted(fresh)
        assert [rel for rel in switched if switched[rel] != fresh[rel]] == []
