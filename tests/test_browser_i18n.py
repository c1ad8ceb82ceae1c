"""Browser tests: language switching keeps the reader on the same page, search finds every spelling.

The site is served under its GitHub Pages project path (/<repo>/) by a local server.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser

from tests.browser import new_page

LANGS = ["en", "be", "ru", "pl"]
HEADINGS = {"en": "Mikhail Gutseriev", "be": "Міхаіл Гуцэрыеў", "ru": "Михаил Гуцериев", "pl": "Michaił Guceriew"}


def test_switching_language_on_an_entity_page_lands_on_the_same_entity(browser: Browser, served_real: str) -> None:
    page, watch = new_page(browser, served_real)
    page.goto(served_real + "en/people/gutseriev/")
    for lang in ["be", "ru", "pl", "en"]:
        page.hover(".md-header__option .md-select")
        page.click(f'.md-select__link[hreflang="{lang}"]')
        page.wait_for_url(served_real + f"{lang}/people/gutseriev/")
        assert page.locator("html").get_attribute("lang") == lang
        assert page.locator("h1").first.inner_text().strip("¶ \n") == HEADINGS[lang]
    assert watch.failures == []
    assert watch.console_errors == []
    assert watch.foreign == []


def test_switching_works_without_javascript_too(browser: Browser, served_real: str) -> None:
    page, watch = new_page(browser, served_real, javascript=False)
    page.goto(served_real + "ru/crossings/bobrowniki/")
    page.hover(".md-header__option .md-select")
    page.click('.md-select__link[hreflang="pl"]')
    page.wait_for_url(served_real + "pl/crossings/bobrowniki/")
    assert "Bobrowniki – Bierestowica" in page.locator("h1").first.inner_text()
    assert watch.failures == []


SEARCHES = [
    # (site language, what the reader types, the page it must find)
    ("en", "Varabei", "people/vorobey/"), ("en", "Алексін", "people/oleksin/"),
    ("be", "Gutseriyev", "people/gutseriev/"), ("be", "Гуцэрыеў", "people/gutseriev/"),
    ("ru", "Varabei", "people/vorobey/"), ("ru", "Воробей", "people/vorobey/"),
    ("pl", "Halavaty", "people/golovaty/"), ("pl", "Головатый", "people/golovaty/"),
]


@pytest.mark.parametrize(("lang", "query", "target"), SEARCHES, ids=[f"{s[0]}-{s[1]}" for s in SEARCHES])
def test_any_spelling_in_any_script_finds_the_entity(browser: Browser, served_real: str, lang: str, query: str,
                                                      target: str) -> None:
    page, watch = new_page(browser, served_real)
    page.goto(served_real + f"{lang}/")
    box = page.locator(".md-search__input")
    box.click()
    box.fill(query)
    box.press("End")  # Material's search reacts to key events
    hit = page.locator(f'.md-search-result__link[href*="{lang}/{target}"]').first
    hit.wait_for(timeout=15_000)
    assert watch.failures == [] and watch.foreign == []
