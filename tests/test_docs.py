"""The README and the generated docs/README.md stay true."""

from __future__ import annotations

import re

from scripts.site.publish import DOCS_README
from tests.conftest import REPO


def test_readme_names_the_two_commands_and_ci_runs_the_test_one() -> None:
    readme = (REPO / "README.md").read_text()
    assert "make site" in readme and "make test" in readme
    assert "make test" in (REPO / ".ci/run").read_text()


def test_every_make_target_in_the_readme_exists() -> None:
    readme = (REPO / "README.md").read_text()
    makefile = (REPO / "Makefile").read_text()
    for target in set(re.findall(r"make ([\w-]+)", readme)):
        assert re.search(rf"^{target}:", makefile, re.M), target


def test_committed_docs_readme_is_what_the_generator_writes() -> None:
    assert (REPO / "docs/README.md").read_text() == DOCS_README


def test_readme_example_error_is_the_real_message() -> None:
    readme = (REPO / "README.md").read_text()
    example = next(line.strip() for line in readme.splitlines() if "sanctoins" in line and ".yml:" in line)
    expected = (REPO / "tests/fixtures/bad/unknown-key/expected.txt").read_text().strip()
    assert example.split(": ", 1)[1] == expected.split(": ", 1)[1]


def test_every_path_the_readme_names_exists() -> None:
    readme = (REPO / "README.md").read_text()
    for path in set(re.findall(r"`(scripts/[\w./-]+)`", readme)):
        assert (REPO / path).exists(), path


def test_the_readme_and_the_cli_name_the_same_commands() -> None:
    import argparse

    from scripts import cli

    actions = [a for a in cli.parser()._actions if isinstance(a, argparse._SubParsersAction)]
    commands = set(actions[0].choices)
    readme = (REPO / "README.md").read_text()
    listed = re.search(r"python -m scripts \{([\w,-]+)\}", readme)
    assert listed and set(listed.group(1).split(",")) == commands
    docstring = re.search(r"python -m scripts \{([\w,-]+)\}", cli.__doc__ or "")
    assert docstring and set(docstring.group(1).split(",")) == commands
