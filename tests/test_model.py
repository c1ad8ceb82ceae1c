"""Units of the model: dates as sources give them, statuses derived from histories."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pydantic import TypeAdapter, ValidationError

from scripts.content import model as m
from scripts.content.fields import Date, PartialDate, parse_date
from scripts.errors import SiteError
from scripts.site.publish import swap


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


def test_crossing_status_since_the_start_of_the_last_run() -> None:
    change = {"source": "s"}
    crossing = m.Crossing.model_validate({
        "name": {"en": "x"}, "sides": [{"country": "pl"}, {"country": "by"}], "traffic": ["cars"],
        "sources": [{"id": "s", "url": "https://example.org", "publisher": "p"}],
        "history": [{**change, "date": "2020-03-13", "status": "closed"},
                    {**change, "date": "2021", "status": "open"},
                    {**change, "date": "2023-02-10", "status": "closed"},
                    {**change, "date": "2025-11", "status": "closed", "observed": True}],
    })
    assert crossing.current.status == "closed"
    assert crossing.since.date == PartialDate(2023, 2, 10)


def test_swap_refuses_to_replace_anything_but_docs_and_site(tmp_path: Path) -> None:
    stage = tmp_path / ".build" / "stage-x"
    (stage / "content").mkdir(parents=True)
    (tmp_path / "content").mkdir()
    with pytest.raises(SiteError):
        swap(stage / "content", tmp_path / "content")
    assert (tmp_path / "content").is_dir()
