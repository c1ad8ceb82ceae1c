"""An Atom feed per language: articles and fact changes (sanction steps, status changes, new counts)."""

from __future__ import annotations

import datetime as dt
from xml.etree import ElementTree as ET

from scripts.render import Renderer, event_anchor, point_anchor, status_anchor
from scripts.types import PartialDate

ATOM = "http://www.w3.org/2005/Atom"


def _when(date: PartialDate) -> str:
    return dt.datetime.combine(date.first_day(), dt.time(), tzinfo=dt.UTC).isoformat()


def atom(renderer: Renderer) -> str:
    """The feed of ``renderer``'s language, newest first."""
    content = renderer.content
    entries: list[tuple[PartialDate, str, str, str]] = []  # (date, title, url, summary)
    for slug, versions in content.articles.items():
        doc = renderer.version(versions)
        entries.append((doc.meta.date, doc.meta.title, renderer.page_url(f"articles/{slug}.md"), doc.meta.description))
    for kind in ("people", "companies"):
        for ident, item in content.facts[kind].items():
            url = renderer.page_url(f"{kind}/{ident}.md")
            for sanction in item.sanctions:
                body = renderer.text(content.lists["bodies"][sanction.authority].short)
                for event in sanction.history:
                    title = f"{renderer.text(item.name)}: {renderer.ui('event_' + event.event)} ({body})"
                    entries.append((event.date, title, f"{url}#{event_anchor(sanction, event)}",
                                    renderer.text(event.note)))
    for ident, crossing in content.facts["crossings"].items():
        url = renderer.page_url(f"crossings/{ident}.md")
        for change in crossing.history:
            title = f"{renderer.text(crossing.name)}: {renderer.ui('status_' + change.status)}"
            entries.append((change.date, title, f"{url}#{status_anchor(change)}",
                            renderer.text(change.note)))
    for ident, series in content.facts["series"].items():
        url = renderer.page_url("political-prisoners.md")
        for point in series.points:
            title = f"{renderer.text(series.title)}: {renderer.num(point.value)}"
            entries.append((point.date, title, f"{url}#{point_anchor(ident, point)}", renderer.text(point.note)))
    entries.sort(key=lambda e: (e[0], e[1]), reverse=True)

    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed", {"xml:lang": renderer.lang})
    ET.SubElement(feed, f"{{{ATOM}}}title").text = renderer.text(content.site.name)
    ET.SubElement(feed, f"{{{ATOM}}}subtitle").text = renderer.text(content.site.description)
    home = renderer.page_url("index.md")
    ET.SubElement(feed, f"{{{ATOM}}}id").text = home
    ET.SubElement(feed, f"{{{ATOM}}}link", {"href": home})
    ET.SubElement(feed, f"{{{ATOM}}}link", {"rel": "self", "href": f"{home}feed.xml"})
    ET.SubElement(feed, f"{{{ATOM}}}updated").text = _when(entries[0][0]) if entries else _when(PartialDate(2000))
    ET.SubElement(ET.SubElement(feed, f"{{{ATOM}}}author"), f"{{{ATOM}}}name").text = renderer.text(content.site.name)
    for date, title, url, summary in entries:
        entry = ET.SubElement(feed, f"{{{ATOM}}}entry")
        ET.SubElement(entry, f"{{{ATOM}}}title").text = title
        ET.SubElement(entry, f"{{{ATOM}}}id").text = url
        ET.SubElement(entry, f"{{{ATOM}}}link", {"href": url})
        ET.SubElement(entry, f"{{{ATOM}}}updated").text = _when(date)
        if summary:
            ET.SubElement(entry, f"{{{ATOM}}}summary").text = summary
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="unicode") + "\n"
