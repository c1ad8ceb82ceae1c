"""Values from YAML are data: HTML or Markdown inside them shows as text."""

from __future__ import annotations

import re
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


@pytest.mark.site
def test_pages_written_as_html_show_labels_and_names_as_written(tmp_path: Path) -> None:
    """The pages of people, companies and the sanctions matrix are HTML made by the generator: text with
    Markdown's characters in it is shown as written (no backslashes), in the page's language or as a
    fallback; a heading whose text gives the id of another keeps away from it, as Python-Markdown's would."""
    root = make_project(tmp_path, FIXTURES / "minimal" / "content")
    ui = root / "content/ui/en.yml"
    ui.write_text(ui.read_text().replace('kind_reported: "Reported"', 'kind_reported: "Reported [media] *x*"')
                  .replace('align_state_not_checked: "Not checked"', 'align_state_not_checked: "- Not_checked *"'))
    shutil.copy(ui, root / "content/ui/de.yml")  # a second language, in which the bodies' names fall back
    site = root / "content/site.yml"
    site.write_text(site.read_text().replace("    default: true\n",
                                             "    default: true\n  - code: de\n    name: Deutsch\n"))
    bodies = root / "content/facts/lists/bodies.yml"
    bodies.write_text(bodies.read_text().replace("    en: EU\n", "    en: 'EU [NSDC] *x_y* <b>'\n", 1))
    person = root / "content/facts/people/alpha.yml"
    person.write_text(person.read_text().replace("en: Anna Alpha", "en: Sanctions"))

    result = run_cli(root, "build")

    assert result.code == 0, result.err
    for lang in ("en", "de"):
        page = (root / f"site/{lang}/people/alpha/index.html").read_text(encoding="utf-8")
        matrix = (root / f"site/{lang}/sanctions/index.html").read_text(encoding="utf-8")
        assert "Reported [media] *x*" in page and "EU [NSDC] *x_y* &lt;b&gt;" in page, lang
        assert "- Not_checked *" in matrix and "EU [NSDC] *x_y* &lt;b&gt;" in matrix, lang
        assert "\\[" not in page + matrix and "\\*" not in page + matrix and "\\_" not in page + matrix, lang
        ids = re.findall(r'<h[1-6] id="([^"]+)"', page)
        assert ids[0] == "sanctions_1" and "sanctions" in ids and len(ids) == len(set(ids)), ids
    assert '<span lang="en">EU [NSDC]' in (root / "site/de/sanctions/index.html").read_text(encoding="utf-8")


def test_a_web_address_with_characters_no_address_holds_is_refused(tmp_path: Path) -> None:
    root = make_project(tmp_path, FIXTURES / "minimal" / "content")
    person = root / "content/facts/people/alpha.yml"
    person.write_text(person.read_text().replace("url: https://example.org/one",
                                                 "url: 'https://example.org/a\"><script>x</script>'"))
    result = run_cli(root, "check")
    assert result.code != 0
    assert "content/facts/people/alpha.yml:" in result.err and "cannot hold '\"'" in result.err
