"""What a page shows when it is shared: its card, Open Graph and X fields, and schema.org data."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, Any

from babel import Locale
from babel.core import get_global

from scripts import charts
from scripts.cards import Card

if TYPE_CHECKING:
    from scripts.render import Page, Renderer


def card(r: Renderer, page: Page) -> Card:
    """What the page's social card shows: the headline fact of a fact page drawn large."""
    site = r.content.site
    base: dict[str, Any] = {"site": r.text(site.name), "footer": site.site_url.split("://", 1)[-1].rstrip("/")}
    data = page.data
    if page.template in ("home.md.j2", "series.md.j2"):
        series = data["headline"]
        point = series.latest
        counter = r.text(r.content.lists["bodies"][point.counted_by].short)
        caption = f"{counter}, {r.ui('as_of')} {r.date(point.date)}"
        if page.template == "home.md.j2":
            caption = f"{r.ui('headline_prisoners')} · {caption}"
        spark = tuple((round(x, 4), round(y, 4)) for x, y in charts.trend(charts.plot(series)))
        return Card(**base, kicker=r.ui("political_prisoners"), title=page.title,
                    figure=r.num(point.value), caption=caption, spark=spark)
    if page.template == "wallet.md.j2":
        item = data["item"]
        active = item.active_sanctions
        who = ", ".join(r.text(r.content.lists["bodies"][s.authority].short) for s in active)
        return Card(**base, kicker=r.ui(data["kind"]), title=page.title, figure=str(len(active)),
                    caption=f"{r.ui('active_sanctions')}{': ' + who if who else ''}")
    if page.template == "crossing.md.j2":
        item = data["item"]
        return Card(**base, kicker=r.ui("crossings"), title=page.title,
                    figure=r.ui("status_" + item.current.status), caption=r.since_text(item))
    kicker = r.ui("article") if page.template == "article.md.j2" else ""
    return Card(**base, kicker=kicker, title=page.title, caption=page.description)


def social(r: Renderer, page: Page) -> dict[str, Any]:
    """Open Graph and X card fields; every value escaped for an HTML attribute."""
    site = r.content.site
    url = r.page_url(page.path)
    image = f"{site.site_url}{r.lang}/{page.card_path}"
    alt = page.card.alt() if page.card else page.title
    fields = {
        "title": page.title, "description": shorten(page.description, 200), "url": url, "image": image,
        "image_alt": alt, "type": "article" if page.template == "article.md.j2" else "website",
        "locale": og_locale(r.language.babel_locale),
        "locale_alternates": [og_locale(x.babel_locale) for x in site.languages if x.code != r.lang],
        "site_name": r.text(site.name), "x": site.x_handle or "", "telegram": site.telegram_channel or "",
    }
    return {key: [html.escape(v) for v in value] if isinstance(value, list) else html.escape(value)
            for key, value in fields.items()}


def structured_data(r: Renderer, page: Page) -> dict[str, Any]:
    """schema.org JSON-LD in the page's language."""
    site = r.content.site
    url = r.page_url(page.path)
    base: dict[str, Any] = {"@context": "https://schema.org", "url": url, "inLanguage": r.lang,
                            "name": page.title, "description": page.description,
                            "image": f"{site.site_url}{r.lang}/{page.card_path}"}
    data = page.data
    if page.template == "article.md.j2":
        meta = data["doc"].meta
        out = {**base, "@type": "Article", "headline": page.title, "datePublished": str(meta.date),
               "publisher": {"@type": "Organization", "name": meta.publisher}, "isBasedOn": meta.source_url,
               "inLanguage": data["doc"].lang}
        if meta.author:
            out["author"] = {"@type": "Person", "name": meta.author}
        return out
    if page.template == "wallet.md.j2":
        item = data["item"]
        return {**base, "@type": "Person" if data["kind"] == "people" else "Organization",
                "alternateName": r.other_names(item), "description": r.text(item.summary),
                "subjectOf": [source.url for source in item.sources]}
    if page.template == "crossing.md.j2":
        item = data["item"]
        out = {**base, "@type": "Place", "alternateName": r.other_names(item),
               "description": r.crossing_summary(item),
               "containedInPlace": [{"@type": "Country", "name": r.text(r.content.lists["countries"]
                                                                           [side.country].name)}
                                    for side in item.sides]}
        if item.coordinates:
            out["geo"] = {"@type": "GeoCoordinates", "latitude": item.coordinates.lat,
                          "longitude": item.coordinates.lon}
        return out
    if page.template == "series.md.j2":
        points = [p for _, series in data["series"] for p in series.points]
        first, last = min(p.date for p in points), max(p.date for p in points)
        bodies = {p.counted_by for p in points}
        return {**base, "@type": "Dataset", "temporalCoverage": f"{first}/{last}",
                "creator": [{"@type": "Organization", "name": r.text(r.content.lists["bodies"][b].name)}
                            for b in sorted(bodies)],
                "variableMeasured": [r.text(series.title) for _, series in data["series"]],
                "isBasedOn": [s.url for s in data["cited"]]}
    if page.path == "index.md":
        return {**base, "@type": "WebSite"}
    return {**base, "@type": "WebPage"}


def shorten(text: str, limit: int) -> str:
    """``text`` cut at a word to at most ``limit`` characters (with '…' when cut)."""
    if len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:–—- ") + "…"


def og_locale(locale: str) -> str:
    """Open Graph locale (language_TERRITORY) for a Babel locale: 'be' -> 'be_BY'."""
    parsed = Locale.parse(locale)
    if parsed.territory:
        return f"{parsed.language}_{parsed.territory}"
    likely = Locale.parse(get_global("likely_subtags").get(parsed.language, parsed.language))
    return f"{parsed.language}_{likely.territory or parsed.language.upper()}"
