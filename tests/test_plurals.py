"""Every UI sentence with a number stays grammatical for any number, in every language.

The expected sentences (tests/plurals.yml) are written as a native speaker would write them,
for the numbers whose forms differ (CLDR: 0, 1, 2, 5, 11, 12, 21, 22, 25, 101, 111, 1,452,
1,135). A plural message that lacks a category its language needs is refused with file:line
(tests/fixtures/bad/plural-missing-category).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from scripts.content.load import load
from scripts.content.messageformat import check, plural_categories
from scripts.i18n.locale import Locale
from tests.conftest import REPO

EXPECTED = yaml.safe_load((Path(__file__).parent / "plurals.yml").read_text(encoding="utf-8"))
NUMBERS = [0, 1, 2, 5, 11, 12, 21, 22, 25, 101, 111, 1452, 1135]
COUNTER = {"en": "Viasna", "be": "Вясна", "ru": "Весна", "pl": "Wiasna"}


def sentences(locale: Locale) -> dict[str, Callable[[int], str]]:
    ui, num = locale.ui, locale.num
    return {
        "headline_prisoners": lambda n: f"{num(n)} {ui('headline_prisoners', count=n)}",
        "headline_crossings (closed of 14)": lambda n: f"{num(n)} " + ui(
            "headline_crossings", closed=n, of_total=ui("headline_crossings_total", total=14)),
        "headline_crossings (1 of total)": lambda n: f"{num(1)} " + ui(
            "headline_crossings", closed=1, of_total=ui("headline_crossings_total", total=n)),
        "headline_wallets (sanctioned of 12)": lambda n: f"{num(n)} " + ui(
            "headline_wallets", sanctioned=n, of_total=ui("headline_wallets_total", total=12)),
        "headline_wallets (2 of total)": lambda n: f"{num(2)} " + ui(
            "headline_wallets", sanctioned=2, of_total=ui("headline_wallets_total", total=n)),
        "count_open": lambda n: ui("count_open", count=n),
        "count_restricted": lambda n: ui("count_restricted", count=n),
        "count_closed": lambda n: ui("count_closed", count=n),
        "card_active_sanctions": lambda n: f"{num(n)} {ui('card_active_sanctions', count=n, authorities='EU, UK')}",
        "map_desc (first sentence)": lambda n: ui("map_desc", count=n).split(";")[0].split(", each")[0],
        "letter_count": lambda n: ui("letter_count", count=n, counter=COUNTER[locale.code],
                                     date=locale.date(dt.date(2025, 12, 31))),
        "prisoners_held_count": lambda n: ui("prisoners_held_count", count=n),
        "prisoners_free_count": lambda n: ui("prisoners_free_count", count=n),
        "write_who_intro": lambda n: ui("write_who_intro", count=n),
        "home_write_intro (last sentence)": lambda n: ui("home_write_intro", count=n).rsplit(". ", 1)[-1],
    }


@pytest.fixture(scope="module")
def locales() -> dict[str, Locale]:
    content = load(REPO)
    return {code: Locale.of(content, code) for code in content.site.codes}


@pytest.mark.parametrize("lang", ["en", "be", "ru", "pl"])
def test_every_sentence_with_a_number_reads_right_for_every_number(locales: dict[str, Locale], lang: str) -> None:
    made = sentences(locales[lang])
    assert set(EXPECTED[lang]) == set(made)
    wrong = []
    for message, expected in EXPECTED[lang].items():
        assert sorted(expected) == sorted(NUMBERS), message
        for number, sentence in expected.items():
            got = made[message](number).replace("\u00a0", " ").replace("\u202f", " ")
            if got != sentence:
                wrong.append(f"{message} {number}: {got!r} (expected {sentence!r})")
    assert wrong == []


def test_the_language_rules_come_from_cldr() -> None:
    assert plural_categories("en") == {"one", "other"}
    for code in ("be", "ru", "pl", "uk", "lt"):
        assert plural_categories(code) == {"one", "few", "many", "other"}, code
    assert plural_categories("cs") == {"one", "few", "many", "other"}
    assert plural_categories("ar") == {"zero", "one", "two", "few", "many", "other"}


@pytest.mark.parametrize(("text", "locale", "problem"), [
    ("{count, plural, one {# вязень} other {# вязняў}}", "be", "lacks few, many"),
    ("{count, plural, one {# więzień} few {# więźniów} other {# więźniów}}", "pl", "lacks many"),
    ("{count, plural, one {# prisoner} other {# prisoners}}", "en", None),
    ("{count, plural, one {#} few {#} other {#}}", "en", "has 'few', which this language does not use"),
    ("{total} prisoners", "en", "'{total}' is not filled in by the site"),
    ("{count, plural, one {#} other {#}", "en", "not a valid message"),
])
def test_a_message_is_checked_against_its_language(text: str, locale: str, problem: str | None) -> None:
    found = [p.message for p in check(text, {"count": "number"}, locale)]
    if problem is None:
        assert found == []
    else:
        assert len(found) == 1 and problem in found[0], found
