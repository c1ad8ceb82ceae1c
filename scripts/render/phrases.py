"""Short sentences about facts, in one language: how a crossing's status is said, with since when."""

from __future__ import annotations

from scripts.content import model as m
from scripts.content.crossings import Crossing
from scripts.content.prisoners import ARTICLE_RE, Prisoner
from scripts.i18n.locale import Locale


def since_text(locale: Locale, item: Crossing) -> str:
    """'since 17 November 2025', or 'reported on November 2025' when the source only saw the status then."""
    since = item.since
    if since.observed:
        return f"{locale.ui('reported_on')} {locale.date(since.date)}"
    return f"{locale.ui('since')} {locale.date(since.date, after_since=True)}"


def crossing_summary(locale: Locale, item: Crossing) -> str:
    """'Open since 17 November 2025'."""
    return f"{locale.ui('status_' + item.status)} {since_text(locale, item)}"


def body_name(locale: Locale, body: m.Body) -> str:
    """An institution's short name (EU, Viasna), or its full name when it has none."""
    return locale.text(body.short) or locale.text(body.name)


def prisoner_line(locale: Locale, item: Prisoner) -> str:
    """The status and since when: 'In custody since 25 March 2021', 'Released on 13 December 2025'."""
    held = item.status in ("held", "house_arrest", "released")
    return locale.ui(f"prisoner_{item.status}_since", date=locale.date(item.since.date, after_since=held))


def criminal_articles(locale: Locale, articles: list[str]) -> str:
    """Articles of the Criminal Code as the language writes them: 'Part 3 of Article 130, Article 361-1'."""
    out = []
    for article in articles:
        match = ARTICLE_RE.match(article)
        assert match is not None  # validated
        number, part = match.groups()
        out.append(locale.ui("criminal_article_part", article=number, part=part) if part
                   else locale.ui("criminal_article", article=number))
    return ", ".join(out)
