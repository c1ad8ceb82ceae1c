"""The article importer: a corpus of pages modelled on real platforms (saved HTML and scraped text, in
four languages), each with the exact article, images and notes it must give; the seed article; bad input.

Tests never touch the network: the corpus reads its images through `FixtureFetcher` (from each
case's files/ folder), and tests/test_import_web.py serves pages and sitemaps from 127.0.0.1.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import shutil
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
import yaml

from scripts.importer.fetch import Fetched, Fetcher, FetchFailed
from scripts.importer.header import parse_date_line
from scripts.importer.run import Options, import_article
from scripts.importer.text import fix_quotes, import_text
from tests.conftest import FIXTURES, REPO, run_cli, tree_digest

CASES = sorted(p for p in (FIXTURES / "import").iterdir() if p.is_dir())
SEED_SHA256 = "3067e5dc97f4aac23533b8d4be124528820f0cd3892e3423c1df2eae77dc26b7"
"""The scraped article as the campaign gave it (shared/seed/how-to-negotiate-with-lukashenko.txt)."""
ARTICLE = REPO / "content" / "articles" / "how-to-negotiate-with-lukashenko"


class FixtureFetcher(Fetcher):
    """Files from disk as Fetcher reads them; an http(s) address answered from the case's files/
    folder by its last path segment (an image missing there fails as an unreachable one would)."""

    def __init__(self, files: Path) -> None:
        super().__init__()
        self.files = files

    def _http(self, url: str, limit: int) -> Fetched:
        path = self.files / unquote(urlsplit(url).path).rsplit("/", 1)[-1]
        if not path.is_file():
            raise FetchFailed(f"{url}: could not be read (ConnectionError)")
        return Fetched(url, path.read_bytes(), "")


def import_args(case: Path) -> list[str]:
    args = yaml.safe_load((case / "args.yml").read_text(encoding="utf-8")) or {}
    return [part for key, value in args.items() for part in (f"--{key.replace('_', '-')}", str(value))]


def run_case(case: Path, root: Path) -> tuple[Path, str]:
    """Import the case's page into ``root``; return the article written and the notes printed."""
    args = yaml.safe_load((case / "args.yml").read_text(encoding="utf-8")) or {}
    page = next(p for p in (case / "page.html", case / "page.txt") if p.exists())
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        path = import_article(root, str(page), Options(**args), FixtureFetcher(case / "files"))
    return path, printed.getvalue()


def expected(case: Path, name: str) -> str:
    path = case / name
    return path.read_text(encoding="utf-8") if path.exists() else ""


@pytest.mark.parametrize("case", CASES, ids=[p.name for p in CASES])
def test_each_page_of_the_corpus_becomes_the_expected_article(case: Path, tmp_path: Path) -> None:
    path, notes = run_case(case, tmp_path)
    assert path.relative_to(tmp_path).as_posix() == expected(case, "expected-path.txt").strip()
    assert path.read_text(encoding="utf-8") == expected(case, "expected.md")
    images = sorted(p.name for p in (path.parent / "images").glob("*")) if (path.parent / "images").exists() else []
    assert images == expected(case, "expected-images.txt").split()
    assert notes.replace(str(tmp_path) + "/", "") == expected(case, "expected-notes.txt")
    for name in images:  # every image kept is shown, and shown by the file it is
        assert f"](images/{name})" in path.read_text(encoding="utf-8")
    if (case / "page.txt").exists():
        assert (path.parent / f"source.{path.stem}.txt").read_text(encoding="utf-8") == \
            (case / "page.txt").read_text(encoding="utf-8")


def body(markdown: str) -> str:
    return markdown.split("\n---\n", 1)[1]


def test_committed_seed_article_body_is_exactly_what_the_importer_produces() -> None:
    text = (ARTICLE / "source.en.txt").read_text(encoding="utf-8")
    imported = import_text(text, name="seed", slug="how-to-negotiate-with-lukashenko")
    assert body((ARTICLE / "en.md").read_text(encoding="utf-8")) == "\n" + imported.body
    # the raw text kept beside the article is the scrape itself, byte for byte
    assert hashlib.sha256((ARTICLE / "source.en.txt").read_bytes()).hexdigest() == SEED_SHA256


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
     "save the page's text as a .txt file, or the page itself as .html"),
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
    case = FIXTURES / "import" / "wordpress-news"
    run_case(case, tmp_path)
    result = run_cli(tmp_path, "check")
    assert result.code == 0, result.err
