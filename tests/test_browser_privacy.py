"""Browser tests: every page kind, in every language, talks only to the site itself and breaks
no rule of its Content-Security-Policy."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser

from scripts.content.load import load
from scripts.i18n.locale import Locale
from tests.browser import Watch, new_page
from tests.conftest import REPO
from tests.sample import need, sample, surname

KINDS = [*sample().pages(), "translations/", "404.html"]


@pytest.mark.parametrize("lang", ["en", "be", "ru", "pl"])
def test_pages_load_nothing_from_third_parties_and_violate_no_policy(browser: Browser, served_real: str,
                                                                     lang: str) -> None:
    page, watch = new_page(browser, served_real)
    for kind in KINDS:
        page.goto(served_real + f"{lang}/{kind}")
        page.wait_for_load_state("networkidle")
    box = page.locator(".md-search__input")  # the search worker and index load on use
    box.click()
    box.fill(surname("en"))
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


def test_pages_work_without_javascript(browser: Browser, served_real: str) -> None:
    content = load(REPO)
    found = next(((k, i, w) for k, i, w in content.all_wallets() if w.sanctions and w.related), None)
    if found is None:
        pytest.skip("no person or company with a sanction and a related entry yet")
    kind, ident, wallet = found
    english = Locale.of(content, "en")
    page, watch = new_page(browser, served_real, javascript=False)
    page.goto(served_real + f"en/{kind}/")
    page.get_by_role("link", name=english.text(wallet.name), exact=True).click()
    page.wait_for_url(served_real + f"en/{kind}/{ident}/")
    rows = page.locator("table tbody tr")
    assert rows.count() == sum(len(s.history) for s in wallet.sanctions)  # every step is in the page itself
    other_kind, other, related = content.related(wallet)[0]
    page.get_by_role("link", name=english.text(related.name), exact=True).first.click()
    page.wait_for_url(served_real + f"en/{other_kind}/{other}/")
    page.goto(served_real + "be/political-prisoners/")
    assert page.locator("svg.chart").is_visible() and page.locator("table").first.is_visible()
    assert watch.failures == [] and watch.foreign == []


def test_the_search_index_is_fetched_only_when_the_reader_asks_for_search(browser: Browser, served_real: str) -> None:
    page, watch = new_page(browser, served_real)
    page.goto(served_real + f"pl/people/{need(sample().person, 'person')}/")
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(500)
    assert [u for u in watch.requests if u.endswith("/search/search_index.json")] == []
    with page.expect_request(lambda request: request.url.endswith("/search/search_index.json")):
        page.locator(".md-search__input").focus()
    page.wait_for_load_state("networkidle")
    page.locator(".md-search__input").fill(surname("pl"))
    page.locator(".md-search__input").press("End")
    page.locator(".md-search-result__item").first.wait_for(timeout=15_000)
    assert [u for u in watch.requests if u.endswith("/search/search_index.json")] == \
        [served_real + "pl/search/search_index.json"]
    assert [u for u in watch.requests if "sitemap" in u] == []  # the language switcher probes nothing
    assert watch.console_errors == [] and watch.foreign == []


def test_a_browser_without_resize_observer_gets_the_polyfill_from_the_site(browser: Browser, served_real: str) -> None:
    context = browser.new_context()
    context.add_init_script("delete window.ResizeObserver")
    page = context.new_page()
    watch = Watch(served_real.split("/", 3)[0] + "//" + served_real.split("/", 3)[2])
    watch.attach(page)
    page.goto(served_real + "be/political-prisoners/")
    page.wait_for_load_state("networkidle")
    assert served_real + "be/assets/javascripts/vendor/resize-observer.js" in watch.requests
    assert page.evaluate("typeof ResizeObserver") == "function"
    assert watch.foreign == [] and watch.failures == [] and watch.console_errors == []
    context.close()
