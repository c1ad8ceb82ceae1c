"""Browser tests: every page kind, in every language, talks only to the site itself and breaks
no rule of its Content-Security-Policy."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser

from tests.browser import new_page

KINDS = ["", "articles/how-to-negotiate-with-lukashenko/", "political-prisoners/", "people/", "companies/",
         "crossings/", "people/oleksin/", "companies/belaruskali/", "crossings/kukuryki/", "data/", "translations/",
         "404.html"]


@pytest.mark.parametrize("lang", ["en", "be", "ru", "pl"])
def test_pages_load_nothing_from_third_parties_and_violate_no_policy(browser: Browser, served_real: str,
                                                                     lang: str) -> None:
    page, watch = new_page(browser, served_real)
    for kind in KINDS:
        page.goto(served_real + f"{lang}/{kind}")
        page.wait_for_load_state("networkidle")
    box = page.locator(".md-search__input")  # the search worker and index load on use
    box.click()
    box.fill("Gutseriev")
    box.press("End")
    page.locator(".md-search-result__item").first.wait_for(timeout=15_000)
    assert watch.foreign == []
    assert watch.console_errors == []
    assert [f for f in watch.failures if not f.endswith("/404.html")] == []
    assert len(watch.requests) > len(KINDS)


def test_the_root_page_sends_the_reader_to_their_language(browser: Browser, served_real: str) -> None:
    context = browser.new_context(locale="pl-PL")
    page = context.new_page()
    page.goto(served_real)
    page.wait_for_url(served_real + "pl/")
    assert page.locator("html").get_attribute("lang") == "pl"
    context.close()
