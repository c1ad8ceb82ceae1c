"""Units of the model: dates as sources give them, statuses derived from histories."""

from __future__ import annotations

import datetime as dt

import pytest
from pydantic import TypeAdapter, ValidationError

from scripts.content import model as m
from scripts.content.crossings import Crossing
from scripts.content.fields import Date, PartialDate, parse_date


def test_partial_dates_keep_their_precision() -> None:
    assert parse_date("2021-06-21") == PartialDate(2021, 6, 21)
    assert parse_date("2020-12").precision == "month"
    assert parse_date(2021).precision == "year"
    assert parse_date(dt.date(2021, 6, 21)) == PartialDate(2021, 6, 21)
    assert str(parse_date("2020-12")) == "2020-12"
    assert parse_date("2020-12") < parse_date("2020-12-17") < parse_date("2021")


@pytest.mark.parametrize("bad", ["21.06.21", "2023-02-30", "2021-13", "", "yesterday"])
def test_impossible_or_malformed_dates_are_refused(bad: str) -> None:
    with pytest.raises(ValidationError):
        TypeAdapter(Date).validate_python(bad)


def test_future_dates_are_refused_when_today_is_known() -> None:
    adapter = TypeAdapter(Date)
    assert adapter.validate_python("2026-01-01", context={"today": dt.date(2026, 1, 1)})
    with pytest.raises(ValidationError, match="in the future"):
        adapter.validate_python("2026-01-02", context={"today": dt.date(2026, 1, 1)})


def event(date: str, kind: str) -> dict[str, str]:
    return {"date": date, "event": kind, "source": "s"}


@pytest.mark.parametrize(("events", "status"), [
    ([event("2021-06-21", "listed")], "active"),
    ([event("2021-06-21", "listed"), event("2024-09-18", "upheld")], "active"),
    ([event("2021-06-21", "listed"), event("2024-02", "renewed"), event("2025-10-22", "annulled")], "annulled"),
    ([event("2021-06-21", "listed"), event("2023", "lifted"), event("2024", "listed")], "active"),
])
def test_sanction_status_comes_from_the_last_event(events: list[dict[str, str]], status: str) -> None:
    sanction = m.Sanction.model_validate({"authority": "eu", "programme": {"en": "p"}, "history": events})
    assert sanction.status == status
    assert sanction.listed == PartialDate(2021, 6, 21)


def crossing(history: list[dict[str, object]], traffic: list[str] | None = None) -> Crossing:
    return Crossing.model_validate({
        "name": {"en": "x"}, "sides": [{"country": "pl"}, {"country": "by"}], "traffic": traffic or ["cars"],
        "refresh_days": 90, "history": [{"source": "s", **change} for change in history],
        "sources": [{"id": "s", "url": "https://example.org/page", "publisher": "p", "accessed": "2026-01-01"}],
    })


def test_crossing_status_since_the_start_of_the_last_run() -> None:
    item = crossing([{"date": "2020-03-13", "status": "closed"}, {"date": "2021", "status": "open"},
                     {"date": "2023-02-10", "status": "closed"},
                     {"date": "2025-11", "status": "closed", "observed": True}])
    assert item.status == "closed"
    assert item.since.date == PartialDate(2023, 2, 10)
    assert item.as_of == PartialDate(2025, 11)


def test_a_crossing_open_for_some_traffic_and_closed_for_other_is_restricted() -> None:
    item = crossing([{"date": "2023-02-10", "status": "closed"},
                     {"date": "2025-11-17", "status": "open", "applies_to": ["cars", "buses"]},
                     {"date": "2025-11-17", "status": "restricted", "applies_to": ["freight"]}],
                    traffic=["cars", "buses", "freight"])
    assert {k: c.status for k, c in item.statuses().items()} == {"cars": "open", "buses": "open",
                                                                  "freight": "restricted"}
    assert item.status == "restricted" and item.since.date == PartialDate(2025, 11, 17)


def test_announced_measures_never_count_as_in_force() -> None:
    item = crossing([{"date": "2023-02-10", "status": "closed"},
                     {"date": "2025-10-28", "status": "open", "kind": "announced"}])
    assert item.status == "closed" and item.as_of == PartialDate(2023, 2, 10)
    sanction = m.Sanction.model_validate({"authority": "us", "programme": {"en": "p"}, "history": [
        event("2021-08-09", "listed"), {**event("2025-12-13", "lifted"), "kind": "announced"},
        event("2025-12-15", "eased")]})
    assert sanction.status == "active"


def test_a_relisting_after_an_annulment_puts_the_sanction_back_in_force() -> None:
    sanction = m.Sanction.model_validate({"authority": "eu", "programme": {"en": "p"}, "history": [
        event("2021-06-21", "listed"), event("2025-10-22", "annulled"), event("2025-10", "relisted")]})
    assert sanction.status == "active"


def test_a_month_is_not_before_a_day_of_that_month() -> None:
    assert not PartialDate(2025, 10).before(PartialDate(2025, 10, 22))
    assert PartialDate(2025, 9).before(PartialDate(2025, 10, 22))
    assert not PartialDate(2025).before(PartialDate(2025, 12, 31))
    assert PartialDate(2025, 12).last_day().isoformat() == "2025-12-31"


def test_a_source_must_be_a_page_not_a_home_page() -> None:
    base = {"id": "s", "publisher": "p", "accessed": "2026-01-01"}
    for url in ("https://reform.news/", "https://www.thefirstnews.com", "https://niezalezna.pl/"):
        with pytest.raises(ValidationError, match="home page"):
            m.Source.model_validate({**base, "url": url})
    assert m.Source.model_validate({**base, "url": "https://spring96.org/en/news/113805"})

