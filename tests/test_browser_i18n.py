"""Browser tests: language switching keeps the reader on the same page, search finds every spelling.

The site is served under its GitHub Pages project path (/<repo>/) by a local server.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser

from tests.browser import new_page
from tests.sample import need, sample

LANGS = sample().content.site.codes


def test_switching_language_on_an_entity_page_lands_on_the_same_entity(browser: Browser, served_real: str) -> None:
    person = need(sample().person, "person")
    names = sample().content.people[person].name
    page, watch = new_page(browser, served_real)
    page.goto(served_real + f"en/people/{person}/")
    for lang in ["be", "ru", "pl", "en"]:
        page.hover(".md-header__option .md-select")
        page.click(f'.md-select__link[hreflang="{lang}"]')
        page.wait_for_url(served_real + f"{lang}/people/{person}/")
        assert page.locator("html").get_attribute("lang") == lang
        assert page.locator("h1").first.inner_text().strip("¶ \n") == names.get(lang, names["en"])
    assert watch.failures == []
    assert watch.console_errors == []
    assert watch.foreign == []


def test_switching_works_without_javascript_too(browser: Browser, served_real: str) -> None:
    crossing = need(sample().crossing, "crossing")
    names = sample().content.crossings[crossing].name
    page, watch = new_page(browser, served_real, javascript=False)
    page.goto(served_real + f"ru/crossings/{crossing}/")
    page.hover(".md-header__option .md-select")
    page.click('.md-select__link[hreflang="pl"]')
    page.wait_for_url(served_real + f"pl/crossings/{crossing}/")
    assert names.get("pl", names["en"]) in page.locator("h1").first.inner_text()
    assert watch.failures == []


def searches() -> list[tuple[str, str, str]]:
    """(site language, what the reader types, the page it must find): every person's spellings,
    Latin and Cyrillic, typed on every site."""
    out = []
    for ident, person in sample().content.people.items():
        spellings = [*person.name.values(), *person.aliases]
        latin = [s for s in spellings if s.isascii()][:1]  # a name may so far be written in one script only
        cyrillic = [s for s in spellings if any("\u0400" <= c <= "\u04ff" for c in s)][:1]
        for lang in LANGS:
            out += [(lang, spelling.split()[-1], f"people/{ident}/") for spelling in latin + cyrillic]
    return out[::3]  # a spread over languages, people and scripts; the search index test covers the rest


@pytest.mark.parametrize(("lang", "query", "target"), searches(), ids=[f"{s[0]}-{s[1]}" for s in searches()])
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
