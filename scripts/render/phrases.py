"""Short sentences about facts, in one language: how a crossing's status is said, with since when."""

from __future__ import annotations

from scripts.content import model as m
from scripts.i18n.locale import Locale


def since_text(locale: Locale, item: m.Crossing) -> str:
    """'since 17 November 2025', or 'reported on November 2025' when the source only saw the status then."""
    since = item.since
    if since.observed:
        return f"{locale.ui('reported_on')} {locale.date(since.date)}"
    return f"{locale.ui('since')} {locale.date(since.date, after_since=True)}"


def crossing_summary(locale: Locale, item: m.Crossing) -> str:
    """'Open since 17 November 2025'."""
    return f"{locale.ui('status_' + item.status)} {since_text(locale, item)}"


def body_name(locale: Locale, body: m.Body) -> str:
    """An institution's short name (EU, Viasna), or its full name when it has none."""
    return locale.text(body.short) or locale.text(body.name)
