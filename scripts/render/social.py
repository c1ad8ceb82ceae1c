"""What a page shows when it is shared: its card, Open Graph and X fields, and schema.org data.

What is drawn depends on the kind of page (its class): the headline fact of a fact page is
drawn large, the other pages show their title and description.
"""

from __future__ import annotations

import functools
import html
from typing import Any

from babel import Locale as BabelLocale
from babel.core import get_global

from scripts.content.documents import Content
from scripts.i18n.locale import Locale
from scripts.render import charts, routes
from scripts.render.cards import Card
from scripts.render.kit import PrisonerPage
from scripts.render.page import Page
from scripts.render.pages import ActionPage, ArticlePage, CrossingPage, HomePage, SeriesPage, WalletPage
from scripts.render.phrases import body_name, crossing_summary, prisoner_line, since_text


def card(content: Content, locale: Locale, page: Page) -> Card:
    """What the page's social card shows: the headline fact of a fact page drawn large."""
    site = content.site
    base: dict[str, Any] = {"site": locale.text(site.name),
                            "footer": site.site_url.split("://", 1)[-1].rstrip("/")}
    match page:
        case HomePage() | SeriesPage():
            series = page.headline
            point = series.latest
            counter = body_name(locale, content.bodies[point.counted_by])
            caption = f"{counter}, {locale.ui('as_of')} {locale.date(point.date)}"
            if isinstance(page, HomePage):
                caption = f"{locale.ui('headline_prisoners', count=point.value)} · {caption}"
            spark = tuple((round(x, 4), round(y, 4)) for x, y in charts.trend(charts.plot(series)))
            return Card(**base, kicker=locale.ui("political_prisoners"), title=page.title,
                        figure=locale.num(point.value), caption=caption, spark=spark)
        case WalletPage():
            active = page.item.active_sanctions
            who = ", ".join(body_name(locale, content.bodies[s.authority]) for s in active)
            return Card(**base, kicker=locale.ui(page.kind), title=page.title, figure=locale.num(len(active)),
                        caption=locale.ui("card_active_sanctions", count=len(active), authorities=who))
        case CrossingPage():
            return Card(**base, kicker=locale.ui("crossings"), title=page.title,
                        figure=locale.ui("status_" + page.item.status), caption=since_text(locale, page.item))
        case PrisonerPage():
            item = page.item
            return Card(**base, kicker=locale.ui("political_prisoner"), title=page.title,
                        figure=locale.ui("prisoner_status_" + item.status), caption=prisoner_line(locale, item))
        case ArticlePage():
            return Card(**base, kicker=locale.ui("article"), title=page.title, caption=page.description)
        case ActionPage():
            return Card(**base, kicker=locale.ui("act"), title=page.title, caption=page.description)
        case _:
            return Card(**base, title=page.title, caption=page.description)


def open_graph(content: Content, locale: Locale, page: Page) -> dict[str, Any]:
    """Open Graph and X card fields; every value escaped for an HTML attribute."""
    site = content.site
    url = routes.page_url(site.site_url, locale.code, page.path)
    image = f"{site.site_url}{locale.code}/{page.card_path}"
    fields = {
        "title": page.title, "description": shorten(page.description, 200), "url": url, "image": image,
        "image_alt": page.card.alt() if page.card else page.title,
        "type": "article" if isinstance(page, ArticlePage) else "website",
        "locale": og_locale(locale.language.babel_locale),
        "locale_alternates": [og_locale(x.babel_locale) for x in site.languages if x.code != locale.code],
        "site_name": locale.text(site.name), "x": site.x_handle or "", "telegram": site.telegram_channel or "",
    }
    return {key: [html.escape(v) for v in value] if isinstance(value, list) else html.escape(value)
            for key, value in fields.items()}


def structured_data(content: Content, locale: Locale, page: Page) -> dict[str, Any]:
    """schema.org JSON-LD in the page's language."""
    site = content.site
    base: dict[str, Any] = {"@context": "https://schema.org",
                            "url": routes.page_url(site.site_url, locale.code, page.path),
                            "inLanguage": locale.code, "name": page.title, "description": page.description,
                            "image": f"{site.site_url}{locale.code}/{page.card_path}"}
    match page:
        case ArticlePage():
            meta = page.doc.meta
            out = {**base, "@type": "Article", "headline": page.title, "datePublished": str(meta.date),
                   "publisher": {"@type": "Organization", "name": meta.publisher}, "isBasedOn": meta.source_url,
                   "inLanguage": page.doc.lang}
            if meta.author:
                out["author"] = {"@type": "Person", "name": meta.author}
            return out
        case WalletPage():
            return {**base, "@type": "Person" if page.kind == "people" else "Organization",
                    "alternateName": page.names, "description": locale.text(page.item.summary),
                    "subjectOf": [source.url for source in page.item.sources]}
        case PrisonerPage():
            return {**base, "@type": "ProfilePage",
                    "mainEntity": {"@type": "Person", "name": page.title, "alternateName": page.names,
                                   "description": locale.text(page.item.summary)},
                    "isBasedOn": [source.url for source in page.item.sources]}
        case CrossingPage():
            item = page.item
            place = {**base, "@type": "Place", "alternateName": page.names,
                     "description": crossing_summary(locale, item),
                     "containedInPlace": [{"@type": "Country",
                                           "name": locale.text(content.countries[side.country].name)}
                                          for side in item.sides]}
            if item.coordinates:
                place["geo"] = {"@type": "GeoCoordinates", "latitude": item.coordinates.lat,
                                "longitude": item.coordinates.lon}
            return place
        case SeriesPage():
            points = [p for _, series in page.series for p in series.points]
            first, last = min(p.date for p in points), max(p.date for p in points)
            bodies = sorted({p.counted_by for p in points})
            return {**base, "@type": "Dataset", "temporalCoverage": f"{first}/{last}",
                    "creator": [{"@type": "Organization", "name": locale.text(content.bodies[b].name)} for b in bodies],
                    "variableMeasured": [locale.text(series.title) for _, series in page.series],
                    "isBasedOn": [s.url for s in page.cited]}
        case HomePage():
            return {**base, "@type": "WebSite"}
        case _:
            return {**base, "@type": "WebPage"}


def shorten(text: str, limit: int) -> str:
    """``text`` cut at a word to at most ``limit`` characters (with '…' when cut)."""
    if len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:–—- ") + "…"


@functools.cache
def og_locale(locale: str) -> str:
    """Open Graph locale (language_TERRITORY) for a Babel locale: 'be' -> 'be_BY'."""
    parsed = BabelLocale.parse(locale)
    if parsed.territory:
        return f"{parsed.language}_{parsed.territory}"
    likely = BabelLocale.parse(get_global("likely_subtags").get(parsed.language, parsed.language))
    return f"{parsed.language}_{likely.territory or parsed.language.upper()}"
