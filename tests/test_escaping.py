"""Values from YAML are data: HTML or Markdown inside them shows as text."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, make_project, run_cli


@pytest.mark.site
def test_script_and_markdown_in_a_name_are_shown_as_text(tmp_path: Path) -> None:
    root = make_project(tmp_path, FIXTURES / "minimal" / "content")
    person = root / "content/facts/people/alpha.yml"
    text = person.read_text().replace("en: Anna Alpha", "en: \"<script>alert('x')</script> *Anna* [a](b) |\"")
    person.write_text(text.replace("  - Alfa\n", "  - \"<img src=x onerror=alert(1)>\"\n"))
    site = root / "content/site.yml"
    site.write_text(site.read_text().replace("en: Test site", "en: \"Test <script>alert(2)</script> site\""))
    ui = root / "content/ui/en.yml"
    ui.write_text(ui.read_text().replace("people: People", "people: \"<b onmouseover=alert(3)>People</b>\""))

    result = run_cli(root, "build")

    assert result.code == 0, result.err
    for rel in ["site/en/people/alpha/index.html", "site/en/people/index.html"]:
        page = (root / rel).read_text(encoding="utf-8")
        assert "<script>alert" not in page, rel
        assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in page or \
            "&lt;script&gt;alert('x')&lt;/script&gt;" in page, rel
        assert "*Anna* [a](b)" in page, rel
    page = (root / "site/en/people/alpha/index.html").read_text(encoding="utf-8")
    assert "<img src=x" not in page and "&lt;img src=x onerror=alert(1)&gt;" in page
    for built in (root / "site").rglob("*.html"):
        text = built.read_text(encoding="utf-8")
        assert "<script>alert" not in text and "<b onmouseover" not in text, built
    shutil.rmtree(root)
