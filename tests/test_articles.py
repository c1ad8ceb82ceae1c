"""Articles are a section: every article of a language on /<lang>/articles/, newest first, reached from
the navigation; an article imported by an editor appears there at the next build."""

from __future__ import annotations

import shutil
from pathlib import Path
from urllib.parse import urlsplit

import yaml
from playwright.sync_api import Browser, Page

from scripts.content.load import load
from scripts.dev.localserver import serve
from tests.browser import new_page
from tests.conftest import FIXTURES, make_project, run_cli
from tests.test_importer import import_args


def expected_titles(root: Path, lang: str) -> list[str]:
    """The titles the index should show, worked out from content/: newest first, then by title."""
    content = load(root)
    default = content.site.default_language
    shown = [versions.get(lang) or versions[default] for versions in content.articles.values()]
    by_title = sorted(shown, key=lambda doc: doc.meta.title.casefold())
    return [doc.meta.title for doc in sorted(by_title, key=lambda doc: doc.meta.date.first_day(), reverse=True)]


def open_articles_from_the_nav(page: Page, home: str, label: str) -> None:
    page.goto(home)
    link = page.locator(".md-nav--primary > .md-nav__list > .md-nav__item > a.md-nav__link", has_text=label).first
    assert link.inner_text().strip() == label
    link.click()
    page.wait_for_url(f"{home}articles/")


def listed_titles(page: Page) -> list[str]:
    return [t.strip() for t in page.locator("h2.article-entry__title a:not(.headerlink)").all_inner_texts()]


def test_the_articles_index_of_every_language_lists_every_article_newest_first(
        browser: Browser, built_real: Path, served_real: str) -> None:
    page, watch = new_page(browser, served_real)
    page.set_viewport_size({"width": 1300, "height": 900})
    for lang in load(built_real).site.codes:
        label = yaml.safe_load((built_real / f"content/ui/{lang}.yml").read_text(encoding="utf-8"))["articles"]
        open_articles_from_the_nav(page, f"{served_real}{lang}/", label)
        titles = expected_titles(built_real, lang)
        assert titles and listed_titles(page) == titles
        assert page.locator("h1").inner_text().strip().removesuffix("¶") == label
        for link in page.locator("h2.article-entry__title a:not(.headerlink)").all():  # each entry leads to its article
            assert link.get_attribute("href", timeout=1000)
    assert watch.failures == [] and watch.foreign == []


def test_an_imported_article_appears_in_the_index_and_the_pager(browser: Browser, tmp_path: Path) -> None:
    root = make_project(tmp_path, FIXTURES / "minimal" / "content")
    case = FIXTURES / "import" / "english-news"
    assert run_cli(root, "import-article", str(case / "page.txt"), *import_args(case)).code == 0
    built = run_cli(root, "build")
    assert built.code == 0, built.err
    site_url = yaml.safe_load((root / "content/site.yml").read_text(encoding="utf-8"))["site_url"]
    with serve(root / "site", urlsplit(site_url).path) as base:
        page, watch = new_page(browser, base)
        page.set_viewport_size({"width": 1300, "height": 900})
        open_articles_from_the_nav(page, f"{base}en/", "Articles")
        assert listed_titles(page) == ["The night the river library reopened", "A sample article"]
        assert "Anna Kowalska · River Town News" in page.locator(".article-entry__byline").first.inner_text()
        page.locator("h2.article-entry__title a", has_text="The night the river library reopened").click()
        page.wait_for_url("**/articles/the-night-the-river-library-reopened/")
        pager = page.locator("nav.article-pager")  # the newest links on to the one before it, and only that
        assert pager.inner_text().strip() == "Previous article: A sample article"
        pager.locator("a").click()
        page.wait_for_url("**/articles/sample/")
        assert page.locator("nav.article-pager").inner_text().strip() == \
            "Next article: The night the river library reopened"
        page.goto(f"{base}en/")  # the home page shows it among the latest
        assert "The night the river library reopened" in page.locator(".latest-articles").inner_text()
        assert watch.failures == [] and watch.foreign == []
    shutil.rmtree(root / "site")


def test_raw_html_does_not_change_how_a_wrong_image_path_is_explained(tmp_path: Path) -> None:
    from scripts.content.markdown import check_body

    body = "Some text.\n\n<b>bold</b>\n\n![A view](pictures/view.jpg)\n"
    problems = [p.message for p in check_body(body, [], "content/articles/x/images/")]
    assert problems == ["raw HTML (<b>…) is not allowed: write Markdown instead",
                        "raw HTML (</b>…) is not allowed: write Markdown instead",
                        "'pictures/view.jpg': an image is referred to as images/<file>, the file being in "
                        "content/articles/x/images/"]
