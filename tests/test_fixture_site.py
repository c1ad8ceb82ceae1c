"""Exact figures, dates and labels, asserted on the minimal fixture site (tests/fixtures/minimal/),
whose content never changes. Tests on the real content check only what stays true after any edit."""

from __future__ import annotations

import html as htmllib
import re
from pathlib import Path
from xml.etree import ElementTree

import extruct
import pytest

from tests.conftest import FIXTURES, make_project, run_cli


def read(root: Path, rel: str) -> str:
    return (root / "site/en" / rel).read_text(encoding="utf-8")


def text(html: str) -> str:
    return re.sub(r"\s+", " ", htmllib.unescape(re.sub(r"<[^>]+>", " ", html)).replace("\u00a0", " "))


def test_home_headlines_with_dates_and_the_stale_marker(built_minimal: Path) -> None:
    home = read(built_minimal, "index.html")
    figures = [(kind, text(body).strip()) for kind, body in
               re.findall(r'<p class="headline-figure__(\w+)">(.*?)</p>', home, re.S)]
    assert figures[:4] == [("value", "1,452"), ("label", "political prisoners held in Belarus"),
                           ("source", "A counting body, as of December 31, 2023 · Political prisoners"),
                           ("stale", "Last confirmed on December 31, 2023: "
                                     "no newer sourced record has been found yet.")]
    assert ("label", "of the 1 border crossing we track are closed") in figures
    assert ("label", "of the 2 people and companies we track is under at least one active sanction") in figures
    assert [v for k, v in figures if k == "value"] == ["1,452", "0", "1"]


def test_a_sanction_ended_by_its_last_event(built_minimal: Path) -> None:
    page = text(read(built_minimal, "people/alpha/index.html"))
    assert "Status: Lifted (January 2023) · First listed: June 21, 2021" in page
    assert "Active sanctions: 0" in page
    assert 'id="eu-2021-06-21-listed"' in read(built_minimal, "people/alpha/index.html")


def test_a_crossing_partly_open_is_restricted_since_the_change(built_minimal: Path) -> None:
    page = text(read(built_minimal, "crossings/gamma/index.html"))
    assert "Current status: Restricted since November 17, 2025 · as of November 17, 2025" in page
    assert "By traffic: Restricted cars · Closed freight" in page
    assert "Last confirmed on November 17, 2025" in page


def test_two_counts_for_one_date_are_both_drawn_and_listed(built_minimal: Path) -> None:
    page = read(built_minimal, "political-prisoners/index.html")
    start = page.index('<svg class="chart"')
    svg = ElementTree.fromstring(page[start:page.index("</svg>", start) + 6])
    circles = svg.findall("{http://www.w3.org/2000/svg}circle")
    assert len(circles) == 2 and len({c.get("cx") for c in circles}) == 1
    table = text(page[page.index("<table>"):page.index("</table>")])
    assert "1,477" in table and "1,452" in table
    assert 'id="prisoners-2023-12-31-four"' in page and 'id="prisoners-2023-12-31-five"' in page


def test_feed_card_and_structured_data(built_minimal: Path) -> None:
    ns = {"a": "http://www.w3.org/2005/Atom"}
    feed = ElementTree.parse(built_minimal / "site/en/feed.xml").getroot()
    links = [str(e.find("a:link", ns).get("href")) for e in feed.findall("a:entry", ns)]  # type: ignore[union-attr]
    assert links[0] == "https://example.org/repo/en/crossings/gamma/#status-2025-11-17-restricted"
    assert "https://example.org/repo/en/political-prisoners/#prisoners-2023-12-31-five" in links
    assert "https://example.org/repo/en/articles/sample/" in links
    html = read(built_minimal, "crossings/gamma/index.html")
    meta = extruct.extract(html, syntaxes=["opengraph", "json-ld"], uniform=False)
    alt = dict(meta["opengraph"][0]["properties"])["og:image:alt"]
    assert alt == "Gamma – Hamma — Restricted since November 17, 2025 — Test site"
    data = extruct.extract(read(built_minimal, "political-prisoners/index.html"), syntaxes=["json-ld"],
                           uniform=False)["json-ld"][0]
    assert data["@type"] == "Dataset" and data["temporalCoverage"] == "2023-12-31/2023-12-31"


@pytest.mark.site
def test_the_corrections_log_and_where_to_report(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p", FIXTURES / "minimal" / "content")
    (root / "content/pages/corrections").mkdir()
    (root / "content/pages/corrections/en.md").write_text(
        "---\ntitle: Corrections\ndescription: What we corrected.\n---\n\n# Corrections\n\nWe fix mistakes.\n")
    site = root / "content/site.yml"
    site.write_text(site.read_text() + "repo_url: https://github.com/owner/repo\ncontact_email: fix@example.org\n")
    person = root / "content/facts/people/alpha.yml"
    person.write_text(person.read_text() + "corrections:\n  - date: 2026-01-05\n    what:\n      en: The listing date "
                      "was wrong.\n    why:\n      en: The act says 21 June.\n")
    assert run_cli(root, "build", "--no-cards").code == 0
    page = (root / "site/en/corrections/index.html").read_text(encoding="utf-8")
    assert 'href="https://github.com/owner/repo/issues/new"' in page
    assert 'href="mailto:fix@example.org"' in page
    row = text(page[page.index('id="log"'):])
    assert "January 5, 2026 Anna Alpha The listing date was wrong. The act says 21 June." in row


@pytest.mark.site
def test_an_article_not_yet_translated_is_listed_in_its_original(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p", FIXTURES / "minimal" / "content")
    site = root / "content/site.yml"
    belarusian = "    default: true\n  - code: be\n    name: Беларуская\n"
    site.write_text(site.read_text().replace("    default: true\n", belarusian))
    (root / "content/ui/be.yml").write_text("languages: Мовы\noriginal_language: арыгінал\n", encoding="utf-8")
    assert run_cli(root, "build", "--no-cards").code == 0
    page = (root / "site/be/articles/index.html").read_text(encoding="utf-8")
    entry = text(page[page.index('id="sample"'):page.index("article-entry__languages") + 200])
    assert "A sample article" in entry and "Мовы: English (арыгінал)" in entry
    assert '<span lang="en"><a href="sample/">A sample article</a></span>' in page
    english = text(read(root, "articles/index.html"))
    assert "Languages: English" in english and "(original)" not in english


@pytest.mark.site
def test_an_article_written_in_another_language_than_the_default(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p", FIXTURES / "minimal" / "content")
    site = root / "content/site.yml"
    polish = "    default: true\n  - code: pl\n    name: Polski\n"
    site.write_text(site.read_text().replace("    default: true\n", polish))
    folder = root / "content/articles/most"
    folder.mkdir()
    (folder / "pl.md").write_text("---\ntitle: Nowy most\ndescription: Most otwarto po dwóch latach.\n"
                                  "publisher: Gazeta\ndate: 2024-05-02\nsource_url: https://example.org/most\n---\n\n"
                                  "Most otwarto po dwóch latach budowy.\n", encoding="utf-8")
    assert run_cli(root, "build", "--no-cards").code == 0
    english = (root / "site/en/articles/most/index.html").read_text(encoding="utf-8")
    assert '<div lang="pl">' in english and "Most otwarto po dwóch latach budowy." in english
    index = text(read(root, "articles/index.html"))
    assert index.index("Nowy most") < index.index("A sample article")  # newest first
    assert "Languages: Polski (original)" in index
    report = run_cli(root, "translations").out
    assert "content/articles/most/en.md" in report
