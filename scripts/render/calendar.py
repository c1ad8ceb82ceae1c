"""The campaign's calendar as an iCalendar file (RFC 5545), one per language: <lang>/calendar.ics.

Readers add it to their phone's calendar (or subscribe to its address) and are reminded of the
solidarity days and campaign dates in content/calendar.yml. It holds no one's birthday: a calendar
ends up in other people's devices and accounts. The file is made by the icalendar library and is
the same for the same content (its time stamps come from the sources' dates, never the clock).
"""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlsplit

from icalendar import Calendar as ICalendar
from icalendar import Event

from scripts.content.documents import Content
from scripts.content.model import Source
from scripts.content.prisoners import Day
from scripts.i18n.locale import Locale
from scripts.render import routes


def calendar_ics(content: Content, locale: Locale, page: str) -> str | None:
    """The calendar in ``locale``'s language (None: the site has no calendar); ``page``: the page that explains
    it (each entry links there)."""
    calendar = content.calendar
    if calendar is None:
        return None
    site = content.site
    host = urlsplit(site.site_url).netloc
    name = locale.text(site.name)
    out = ICalendar()
    out.add("prodid", f"-//{host}//{name}//{locale.code.upper()}")
    out.add("version", "2.0")
    out.add("calscale", "GREGORIAN")
    out.add("method", "PUBLISH")
    out.add("x-wr-calname", name)
    out.add("x-wr-caldesc", locale.ui("calendar_description"))
    url = routes.page_url(site.site_url, locale.code, page)
    for day in calendar.days:
        out.add_component(_event(day, calendar.source(day.source), locale, host, url))
    text: str = out.to_ical().decode("utf-8")
    return text


def _event(day: Day, source: Source, locale: Locale, host: str, url: str) -> Event:
    accessed = source.accessed.first_day()
    if day.on is not None:
        start = day.on.first_day()
    else:
        assert day.yearly is not None
        start = day.yearly.in_year(day.since or accessed.year)
    event = Event()
    event.add("uid", f"{day.id}-{locale.code}@{host}")
    event.add("dtstamp", dt.datetime(accessed.year, accessed.month, accessed.day, tzinfo=dt.UTC))
    event.add("dtstart", start)
    event.add("dtend", start + dt.timedelta(days=1))
    if day.yearly is not None:
        event.add("rrule", {"freq": "yearly"})
    event.add("summary", locale.text(day.name))
    event.add("description", f"{locale.text(day.about)}\n\n{locale.ui('source')}: {source.url}\n{url}")
    event.add("url", url)
    event.add("transp", "TRANSPARENT")
    return event
