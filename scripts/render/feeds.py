"""An Atom feed per language: articles and fact changes (sanction steps, status changes, new counts)."""

from __future__ import annotations

import datetime as dt
from xml.etree import ElementTree as ET

from scripts.content.documents import Content
from scripts.content.fields import PartialDate
from scripts.i18n.locale import Locale
from scripts.render import routes
from scripts.render.pages import version
from scripts.render.phrases import body_name

ATOM = "http://www.w3.org/2005/Atom"
LIMIT = 100
"""Entries in a feed: the newest (every fact's history stays on its page and in the open data)."""


def _when(date: PartialDate) -> str:
    return dt.datetime.combine(date.first_day(), dt.time(), tzinfo=dt.UTC).isoformat()


def atom(content: Content, locale: Locale) -> str:
    """The feed of one language: the newest ``LIMIT`` articles and fact changes, newest first."""
    site = content.site

    def url(page: str) -> str:
        return routes.page_url(site.site_url, locale.code, page)

    entries: list[tuple[PartialDate, str, str, str]] = []  # (date, title, url, summary)
    for slug, versions in content.articles.items():
        doc = version(locale, versions)
        entries.append((doc.meta.date, doc.meta.title, url(routes.article_page(slug)), doc.meta.description))
    for kind, ident, item in content.all_wallets():
        page = url(routes.fact_page(kind, ident))
        for sanction in item.sanctions:
            body = body_name(locale, content.bodies[sanction.authority])
            for event in sanction.history:
                title = f"{locale.text(item.name)}: {locale.ui('event_' + event.event)} ({body})"
                entries.append((event.date, title, f"{page}#{routes.event_anchor(sanction, event)}",
                                locale.text(event.note)))
    for ident, crossing in content.crossings.items():
        page = url(routes.fact_page("crossings", ident))
        for change in crossing.history:
            title = f"{locale.text(crossing.name)}: {locale.ui('status_' + change.status)}"
            entries.append((change.date, title, f"{page}#{routes.status_anchor(change)}", locale.text(change.note)))
    for ident, series in content.series.items():
        page = url(routes.PRISONERS)
        for point in series.points:
            title = f"{locale.text(series.title)}: {locale.num(point.value)}"
            entries.append((point.date, title, f"{page}#{routes.point_anchor(ident, point)}", locale.text(point.note)))
    entries.sort(key=lambda e: (e[0], e[1]), reverse=True)
    del entries[LIMIT:]

    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed", {"xml:lang": locale.code})
    ET.SubElement(feed, f"{{{ATOM}}}title").text = locale.text(site.name)
    ET.SubElement(feed, f"{{{ATOM}}}subtitle").text = locale.text(site.description)
    home = url(routes.HOME)
    ET.SubElement(feed, f"{{{ATOM}}}id").text = home
    ET.SubElement(feed, f"{{{ATOM}}}link", {"href": home})
    ET.SubElement(feed, f"{{{ATOM}}}link", {"rel": "self", "href": f"{home}{routes.FEED}"})
    ET.SubElement(feed, f"{{{ATOM}}}updated").text = _when(entries[0][0]) if entries else _when(PartialDate(2000))
    ET.SubElement(ET.SubElement(feed, f"{{{ATOM}}}author"), f"{{{ATOM}}}name").text = locale.text(site.name)
    for date, title, link, summary in entries:
        entry = ET.SubElement(feed, f"{{{ATOM}}}entry")
        ET.SubElement(entry, f"{{{ATOM}}}title").text = title
        ET.SubElement(entry, f"{{{ATOM}}}id").text = link
        ET.SubElement(entry, f"{{{ATOM}}}link", {"href": link})
        ET.SubElement(entry, f"{{{ATOM}}}updated").text = _when(date)
        if summary:
            ET.SubElement(entry, f"{{{ATOM}}}summary").text = summary
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="unicode") + "\n"
