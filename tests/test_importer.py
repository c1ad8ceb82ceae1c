"""The article importer: each rule on scraped pages written for the tests, the seed article, bad input."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from scripts.importer.text import fix_quotes, import_text, parse_date_line
from tests.conftest import FIXTURES, REPO, run_cli, tree_digest

PAGES = sorted(p for p in (FIXTURES / "import").iterdir() if p.is_dir())
SEED = REPO.parent / "shared" / "seed" / "how-to-negotiate-with-lukashenko.txt"
ARTICLE = REPO / "content" / "articles" / "how-to-negotiate-with-lukashenko"


def import_args(case: Path) -> list[str]:
    args = yaml.safe_load((case / "args.yml").read_text(encoding="utf-8"))
    return [part for key, value in args.items() for part in (f"--{key.replace('_', '-')}", str(value))]


@pytest.mark.parametrize("case", PAGES, ids=[p.name for p in PAGES])
def test_scraped_page_becomes_the_expected_article(case: Path, tmp_path: Path) -> None:
    (tmp_path / "content").mkdir()
    result = run_cli(tmp_path, "import-article", str(case / "page.txt"), *import_args(case))
    assert result.code == 0, result.err
    produced = [p for p in (tmp_path / "content").rglob("*.md")]
    expected_path = (case / "expected-path.txt").read_text().strip()
    assert [p.relative_to(tmp_path).as_posix() for p in produced] == [expected_path]
    assert produced[0].read_text(encoding="utf-8") == (case / "expected.md").read_text(encoding="utf-8")
    raw = produced[0].with_name(f"source.{produced[0].stem}.txt")
    assert raw.read_text(encoding="utf-8") == (case / "page.txt").read_text(encoding="utf-8")


def body(markdown: str) -> str:
    return markdown.split("\n---\n", 1)[1]


def test_committed_seed_article_body_is_exactly_what_the_importer_produces() -> None:
    text = (ARTICLE / "source.en.txt").read_text(encoding="utf-8")
    imported = import_text(text, name="seed", slug="how-to-negotiate-with-lukashenko")
    assert body((ARTICLE / "en.md").read_text(encoding="utf-8")) == "\n" + imported.body
    if SEED.exists():  # the raw text kept beside the article is the scrape itself
        assert SEED.read_text(encoding="utf-8") == text


def test_seed_rules() -> None:
    imported = import_text((ARTICLE / "source.en.txt").read_text(encoding="utf-8"), name="seed")
    text = imported.body
    assert "top of page" not in text and "bottom of page" not in text
    assert "*Lukashenka meets with political prisoners in the KGB jail.* Photo: Pool One\n{.figure-caption}" in text
    assert "*Lukashenko and Putin in Sochi*\n{.figure-caption}" in text
    assert "*Poland closed Berestovitsa checkpoint*\n{.figure-caption}" in text
    assert text.count("the only effective negotiating position") == 1
    assert "> Let’s be realistic, shall we?" in text
    assert '"return of the fugitives," which' in text and 'the coming "thaw".' in text
    assert imported.slug == "how-to-negotiate-with-lukashenko-and-release-political"
    assert len(imported.meta["description"]) <= 160 and imported.meta["description"].endswith("…")


@pytest.mark.parametrize(("broken", "fixed"), [
    ('so-called "return,"which', 'so-called "return," which'),
    ('the coming" thaw. Then "more"', 'the coming "thaw". Then "more"'),
    ('recognition by the West”.', 'recognition by the West”.'),
    ('"recognition by the West”.', '"recognition by the West".'),
    ("„нашым музеем“ і “пяць тысяч\"", "„нашым музеем“ і \"пяць тысяч\""),
    ("«памяць» застаецца", "«памяць» застаецца"),
])
def test_quotation_marks_are_repaired_and_only_that(broken: str, fixed: str) -> None:
    assert fix_quotes(broken) == fixed


@pytest.mark.parametrize(("line", "iso"), [
    ("12 February 2023", "2023-02-12"), ("February 12, 2023", "2023-02-12"), ("12.02.2023", "2023-02-12"),
    ("12 лютага 2023 г.", "2023-02-12"), ("3 марта 2024", "2024-03-03"), ("5 maja 2022 r.", "2022-05-05"),
    ("31 February 2023", None), ("The river", None),
])
def test_date_lines_in_four_languages(line: str, iso: str | None) -> None:
    assert parse_date_line(line) == iso


def test_markdown_in_the_author_text_stays_text() -> None:
    imported = import_text("A title\n\n1. Not a list but a year: 1984. *Stars* and [brackets] and <b>.\n",
                           name="x")
    assert imported.body == "1\\. Not a list but a year: 1984. \\*Stars\\* and \\[brackets\\] and \\<b>.\n"


def test_existing_article_is_not_overwritten_without_force(tmp_path: Path) -> None:
    shutil.copytree(REPO / "content", tmp_path / "content")
    before = tree_digest(tmp_path / "content")
    source = ARTICLE / "source.en.txt"
    args = ["import-article", str(source), "--lang", "en", "--slug", "how-to-negotiate-with-lukashenko"]

    refused = run_cli(tmp_path, *args)
    assert refused.code == 1
    assert refused.err_lines[0] == ("content/articles/how-to-negotiate-with-lukashenko/en.md already exists: "
                                    "pass --force to replace it")
    assert tree_digest(tmp_path / "content") == before

    forced = run_cli(tmp_path, *args, "--force")
    assert forced.code == 0, forced.err
    after = tree_digest(tmp_path / "content")
    changed = {path for path in after if after[path] != before.get(path)}
    assert changed == {"articles/how-to-negotiate-with-lukashenko/en.md"}  # no other file touched


@pytest.mark.parametrize(("name", "data", "message"), [
    ("empty.txt", b"  \n\n", "the file is empty: there is no article to import"),
    ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00", "this is not a text file (it contains binary data): "
     "save the page's text as a .txt file first"),
    ("latin1.txt", "Título\n\nCafé".encode("latin-1"), "the file is not UTF-8 text: save it as UTF-8"),  # line 1
    ("chrome.txt", b"top of page\nShare\nbottom of page\n", "only page chrome was found: there is no article "
     "to import"),
    ("no-title.txt", b"This page starts with a long paragraph, not with a headline, and so it has no title.\n",
     "no title found: the first line of the article should be its headline, but it reads 'This page starts "
     "with a long paragraph,…'"),
])
def test_input_that_makes_no_sense_gives_one_line_and_writes_nothing(
        tmp_path: Path, name: str, data: bytes, message: str) -> None:
    (tmp_path / "content").mkdir()
    page = tmp_path / name
    page.write_bytes(data)
    result = run_cli(tmp_path, "import-article", str(page), "--lang", "en")
    assert result.code == 1
    line = ":1" if name == "latin1.txt" else ""
    assert result.err_lines[0] == f"{page}{line}: {message}"
    assert len(result.err_lines) == 2 and "Traceback" not in result.err
    assert not any((tmp_path / "content").iterdir())


def test_an_imported_article_with_its_details_passes_validation(tmp_path: Path) -> None:
    shutil.copytree(FIXTURES / "minimal" / "content", tmp_path / "content")
    case = FIXTURES / "import" / "english-news"
    assert run_cli(tmp_path, "import-article", str(case / "page.txt"), *import_args(case)).code == 0
    result = run_cli(tmp_path, "check")
    assert result.code == 0, result.err
