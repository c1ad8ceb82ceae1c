"""`python -m scripts new KIND ID`: a file with every field explained, refused by `check` until an
editor has filled in each placeholder, accepted once they have; and the README's table of allowed
values, which is made from the same model."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from scripts.content.scaffold import KINDS, readme_with_allowed_values
from tests.conftest import FIXTURES, REPO, make_project, run_cli_here

FILLED = [
    # (what the placeholder looks like, what an editor writes instead), in this order
    (re.compile(r'# email: "TODO: email"'), "email: minister@example.org"),
    (re.compile(r'(authority|counted_by): "TODO: \w+"'), r"\1: eu"),
    (re.compile(r'country: "TODO: country"'), "country: pl"),
    (re.compile(r'(source|id): "TODO: (source|id)"'), r"\1: one"),
    (re.compile(r'series: "TODO: series"'), "series: prisoners"),
    (re.compile(r'"https://TODO"'), "https://example.org/news/2025/item"),
    (re.compile(r'"TODO: (\w+)"'), r'"A \1 written by the editor"'),
    (re.compile(r"YYYY-MM-DD"), "2025-03-04"),
    (re.compile(r"event: TODO"), "event: listed"),
    (re.compile(r"status: TODO"), "status: open"),
    (re.compile(r"value: TODO"), "value: 12"),
    (re.compile(r"traffic: \[\]"), "traffic: [cars]"),
    (re.compile(r"countries: \[\]"), "countries: [pl]"),
    (re.compile(r"safe_in_belarus: false"), "safe_in_belarus: true"),
    (re.compile(r"^TODO: write the text here.*$", re.M), "The article's first paragraph."),
]


def fill(text: str) -> str:
    for pattern, value in FILLED:
        text = pattern.sub(value, text)
    return text


@pytest.mark.parametrize("kind", list(KINDS))
def test_a_new_file_fails_check_until_it_is_filled(tmp_path: Path, kind: str) -> None:
    root = make_project(tmp_path, FIXTURES / "minimal" / "content")
    made = run_cli_here(root, "new", kind, "fresh-one")
    assert made.code == 0, made.err
    path = root / KINDS[kind][0].format(id="fresh-one", lang="en")
    assert f"wrote {path.relative_to(root)}" in made.out
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".yml":
        up = "../" * (len(path.relative_to(root).parts) - 1)
        assert text.startswith(f"# yaml-language-server: $schema={up}scripts/schemas/{KINDS[kind][2]}")
    fields = [line for line in text.splitlines() if re.match(r"^\s*(- )?[a-z_]+: ", line)
              and not re.match(r"^\s+(- )?en: ", line)]  # a language's line belongs to the field above it
    assert fields and all("  # " in line for line in fields), "a field without its explanation"

    refused = run_cli_here(root, "check")
    assert refused.code == 1
    problems = refused.err.splitlines()[:-1]
    assert problems and all(line.startswith(f"{path.relative_to(root)}:") for line in problems), refused.err
    for line in problems:  # each names its line and says what is wrong in words an editor reads once
        assert re.match(r"^\S+:\d+: ", line), line
        assert re.search(r"placeholder of `new`|expected one of|needs at least|whole number", line), line
    assert "problem(s) found; docs/ and site/ were not changed." in refused.err.splitlines()[-1]

    if kind == "prisoner":  # a prisoner's record is of another kind than a sanction's
        text = text.replace("event: TODO", "event: detained")
    path.write_text(fill(text), encoding="utf-8")
    accepted = run_cli_here(root, "check")
    assert accepted.code == 0, accepted.err + path.read_text()


def test_the_body_of_a_new_article_is_refused_until_written(tmp_path: Path) -> None:
    root = make_project(tmp_path, FIXTURES / "minimal" / "content")
    run_cli_here(root, "new", "article", "weekly")
    path = root / "content/articles/weekly/en.md"
    path.write_text(fill(path.read_text()).replace("The article's first paragraph.", "TODO: write the text here."))
    refused = run_cli_here(root, "check")
    assert refused.code == 1
    assert "content/articles/weekly/en.md:" in refused.err and "write the text" in refused.err


def test_new_refuses_to_overwrite_and_names_what_it_makes(tmp_path: Path) -> None:
    root = make_project(tmp_path, FIXTURES / "minimal" / "content")
    before = (root / "content/facts/people/alpha.yml").read_bytes()
    again = run_cli_here(root, "new", "person", "alpha")
    assert again.code != 0
    assert "content/facts/people/alpha.yml already exists" in again.err
    assert (root / "content/facts/people/alpha.yml").read_bytes() == before
    bad = run_cli_here(root, "new", "person", "Anna Alpha")
    assert bad.code != 0 and "cannot be an address" in bad.err and "nothing was written." in bad.err


def test_the_readme_table_of_allowed_values_is_made_from_the_model() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert readme_with_allowed_values(readme) == readme, "run: python -m scripts schemas"
    for value in ["listed", "relisted", "official", "announced", "restricted", "freight", "at_least"]:
        assert f"`{value}`" in readme
