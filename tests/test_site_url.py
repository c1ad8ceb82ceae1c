"""A fork publishes the same content under its own address: another repository name on GitHub Pages,
or a domain of its own. Every absolute address in the built site is then the fork's, and nothing
names the address the content was written for."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import REPO, make_project, run_cli
from tests.sample import sample

pytestmark = pytest.mark.site  # every test here builds a site

ORIGINAL = sample().content.site.site_url


@pytest.mark.parametrize(("site_url", "domain"), [
    ("https://someone.github.io/another-repository/", None),
    ("https://facts.example.org/", "facts.example.org"),
], ids=["another-repository", "custom-domain"])
def test_the_site_builds_under_another_address(tmp_path: Path, site_url: str, domain: str | None) -> None:
    root = make_project(tmp_path, REPO / "content")
    settings = root / "content/site.yml"
    text = settings.read_text(encoding="utf-8").replace(f"site_url: {ORIGINAL}", f"site_url: {site_url}")
    if domain:
        text = text.replace(f"site_url: {site_url}\n", f"site_url: {site_url}\ncustom_domain: {domain}\n")
    settings.write_text(text, encoding="utf-8")
    result = run_cli(root, "build", "--no-cards")
    assert result.code == 0, result.err

    site = root / "site"
    texts = {p: p.read_text(encoding="utf-8") for p in site.rglob("*")
             if p.is_file() and p.suffix in (".html", ".xml", ".json", ".txt", ".svg", ".csv")}
    assert not [p for p, t in texts.items() if ORIGINAL in t]
    for lang in sample().content.site.codes:
        page = texts[site / lang / "index.html"]
        assert f'<link rel="canonical" href="{site_url}{lang}/">' in page
        assert f'<meta property="og:url" content="{site_url}{lang}/">' in page
        locs = re.findall(r"<loc>([^<]+)</loc>", texts[site / lang / "sitemap.xml"])
        assert locs and all(loc.startswith(f"{site_url}{lang}/") for loc in locs)
    assert all(line.startswith(f"Sitemap: {site_url}") for line in texts[site / "robots.txt"].splitlines()
               if line.startswith("Sitemap:"))
    assert (site / "CNAME").is_file() == bool(domain)
    if domain:
        assert (site / "CNAME").read_text(encoding="utf-8") == f"{domain}\n"


@pytest.mark.parametrize("path", ["/belarus//prisoners/", "/belarus/./prisoners/", "/belarus/../prisoners/"])
def test_an_address_with_an_empty_or_dot_folder_is_refused_with_its_tidy_form(tmp_path: Path, path: str) -> None:
    """Browsers and MkDocs tidy such a path, the site's own links would not: one address for both."""
    root = make_project(tmp_path, REPO / "content")
    site = root / "content/site.yml"
    text = site.read_text(encoding="utf-8")
    site.write_text(text.replace(ORIGINAL, f"https://example.github.io{path}", 1), encoding="utf-8")
    result = run_cli(root, "check")
    assert result.code != 0
    line = next(n for n, row in enumerate(text.splitlines(), 1) if row.startswith("site_url:"))
    tidy = {"/belarus//prisoners/": "/belarus/prisoners/", "/belarus/./prisoners/": "/belarus/prisoners/",
            "/belarus/../prisoners/": "/prisoners/"}[path]
    assert f"content/site.yml:{line}: site_url: the address has an empty, '.' or '..' folder in its path: " \
           f"write https://example.github.io{tidy}" in result.err
