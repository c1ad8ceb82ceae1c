"""The crossings map, drawn at build time as inline SVG: Belarus and its neighbours, a marker per crossing.

The outlines are Natural Earth's (public domain), through world-atlas, cut to the region and
simplified once by scripts/dev/basemap.py into geo/basemap.json. The projection is
equirectangular with its standard parallel in the middle of the region (53.8° N), which at this
scale is within a few per cent of any conformal projection and keeps the code short.

Each crossing whose file gives sourced coordinates is a link to its page, with a <title> and a
<desc>. Its status is told by shape as well as colour (open: circle, restricted: triangle,
closed: square), so the map reads without colour, and a text legend says which is which. Where
markers would overlap (Terespol and Kukuryki are a few kilometres apart), they are moved apart
and a thin line leads back to the true point. Everything works without JavaScript.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from html import escape
from pathlib import Path

from scripts.content import model as m
from scripts.content.crossings import MAP_REGION, Crossing
from scripts.i18n.locale import Locale
from scripts.render.charts import STATUS_FILL

BASEMAP = json.loads((Path(__file__).parent / "geo" / "basemap.json").read_text(encoding="utf-8"))
WIDTH = 800
WEST, SOUTH, EAST, NORTH = MAP_REGION
SHRINK = math.cos(math.radians((SOUTH + NORTH) / 2))
SCALE = WIDTH / ((EAST - WEST) * SHRINK)
HEIGHT = round((NORTH - SOUTH) * SCALE)
FILL = {"by": "#f6e3e1", "pl": "#eceff3", "lt": "#eceff3", "lv": "#eceff3"}
"""Belarus tinted, the EU neighbours grey, the others paler still."""
OTHER_FILL = "#f5f5f5"
SIZE = 10
"""Half the width of a marker."""


def project(lon: float, lat: float) -> tuple[float, float]:
    return (lon - WEST) * SHRINK * SCALE, (NORTH - lat) * SCALE


@dataclass
class Marker:
    ident: str
    crossing: Crossing
    x: float
    y: float
    label: str
    true_x: float = 0
    true_y: float = 0
    side: int = -1
    """-1: the label is written to the marker's left (into the EU, mostly); 1: to its right."""

    def box(self) -> tuple[float, float, float, float]:
        """The marker and its label, as left, top, right, bottom."""
        width = len(self.label) * 8 + 6
        left = self.x - SIZE - 6 - width if self.side < 0 else self.x - SIZE - 1
        right = self.x + SIZE + 1 if self.side < 0 else self.x + SIZE + 6 + width
        return (left, self.y - SIZE - 1, right, self.y + SIZE + 1)


def overlaps(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def place(markers: list[Marker]) -> None:
    """Move markers (north to south) just far enough that no marker or label covers another."""
    placed: list[tuple[float, float, float, float]] = []
    steps = [(0, 0)] + [(dx * 8, dy * 23) for d in range(1, 8) for dx, dy in
                        ((0, -d), (0, d), (-d, -d), (-d, d), (d, -d), (d, d))]
    for marker in sorted(markers, key=lambda mk: mk.true_y):
        for (dx, dy), side in ((step, side) for step in steps for side in (-1, 1)):
            marker.x, marker.y, marker.side = marker.true_x + dx, marker.true_y + dy, side
            box = marker.box()
            inside = box[0] >= 2 and box[2] <= WIDTH - 2 and box[1] >= 2 and box[3] <= HEIGHT - 2
            if inside and not any(overlaps(box, other) for other in placed):
                break
        placed.append(marker.box())


def shape(status: str, x: float, y: float) -> str:
    fill = STATUS_FILL[status]
    common = f'fill="{fill}" stroke="#fff" stroke-width="2"'
    if status == "open":
        return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{SIZE - 1}" {common}/>'
    if status == "restricted":
        s = SIZE + 1
        return (f'<path d="M{x:.1f} {y - s:.1f}L{x + s:.1f} {y + s * 0.8:.1f}L{x - s:.1f} {y + s * 0.8:.1f}Z" '
                f'{common}/>')
    s = SIZE - 2
    return f'<rect x="{x - s:.1f}" y="{y - s:.1f}" width="{2 * s}" height="{2 * s}" {common}/>'


def outline() -> str:
    """Every country of the base map as one path each."""
    out = []
    for country in BASEMAP["countries"]:
        d = "".join("M" + "L".join(f"{x:.1f} {y:.1f}" for x, y in (project(*p) for p in ring)) + "Z"
                    for ring in country["rings"])
        out.append(f'<path d="{d}" fill="{FILL.get(country["id"], OTHER_FILL)}" stroke="#8a8a8a" '
                   'stroke-width="1" stroke-linejoin="round"/>')
    return "".join(out)


def country_labels(locale: Locale, countries: dict[str, m.Term], view: tuple[float, float, float, float]) -> str:
    """Each country's name, where it fits whole inside ``view`` (left, top, width, height)."""
    out = []
    left, top, width, height = view
    for country in BASEMAP["countries"]:
        if "label" not in country or country["id"] not in countries:
            continue
        x, y = project(*country["label"])
        big = country["id"] == "by"
        name = escape(locale.text(countries[country["id"]].name))
        half = len(name) * (9 if big else 5) + 4  # about half the drawn width
        if not (left + half <= x <= left + width - half and top + 20 <= y <= top + height - 6):
            continue
        out.append(f'<text x="{x:.0f}" y="{y:.0f}" text-anchor="middle" font-size="{22 if big else 15}" '
                   f'fill="#5c5c5c" letter-spacing="{2 if big else 1}">{name.upper() if big else name}</text>')
    return "".join(out)


def short_name(locale: Locale, crossing: Crossing) -> str:
    """The EU side's place, as on a road sign: 'Terespol'; a railway crossing says so."""
    place = crossing.sides[0].place
    name = locale.text(place) if place else locale.text(crossing.name).split(" – ")[0]
    return f"{name} ({locale.ui('traffic_rail')})" if crossing.traffic == ["rail"] else name


def marker_svg(locale: Locale, marker: Marker, href: str | None, with_label: bool = True) -> str:
    """A marker, a link to the crossing's page (``href``), or just a picture on the crossing's own page."""
    crossing = marker.crossing
    status = crossing.status
    title = escape(locale.text(crossing.name))
    where = crossing.coordinates
    assert where is not None
    desc = escape(f"{locale.ui('current_status')}: {locale.ui('status_' + status)}. "
                  f"{locale.ui('map_marks_' + where.marks)}")
    lead = ""
    if (marker.x, marker.y) != (marker.true_x, marker.true_y):
        lead = (f'<line x1="{marker.true_x:.1f}" y1="{marker.true_y:.1f}" x2="{marker.x:.1f}" y2="{marker.y:.1f}" '
                f'stroke="#333" stroke-width="1"/><circle cx="{marker.true_x:.1f}" cy="{marker.true_y:.1f}" r="2" '
                'fill="#333"/>')
    text = ""
    if with_label:
        text = (f'<text x="{marker.x + marker.side * (SIZE + 4):.1f}" y="{marker.y + 5:.1f}" '
                f'text-anchor="{"end" if marker.side < 0 else "start"}" font-size="13" '
                f'font-weight="600" fill="#1a1a1a" stroke="#fff" stroke-width="3" paint-order="stroke">'
                f'{escape(marker.label)}</text>')
    element, target = ("a", f' href="{escape(href)}"') if href else ("g", ' role="img"')
    return (f'<{element}{target} class="map-marker map-marker--{status}" data-crossing="{marker.ident}" '
            f'data-status="{status}"><title>{title}</title><desc>{desc}</desc>{lead}'
            f'{shape(status, marker.x, marker.y)}{text}</{element}>')


def legend(locale: Locale, statuses: list[str]) -> str:
    """Which shape is which status, in the map's empty north-east corner."""
    x0, y0 = WIDTH - 190, 24
    rows = [f'<rect x="{x0 - 12}" y="{y0 - 18}" width="190" height="{22 * len(statuses) + 14}" fill="#fff" '
            'stroke="#bbb"/>']
    for i, status in enumerate(statuses):
        y = y0 + i * 22
        rows.append(shape(status, x0 + 4, y) + f'<text x="{x0 + 22}" y="{y + 5}" font-size="14" fill="#1a1a1a">'
                    f'{escape(locale.ui("status_" + status))}</text>')
    return "".join(rows)


def crossings_map(locale: Locale, crossings: dict[str, Crossing], countries: dict[str, m.Term],
                  href: dict[str, str] | None = None, focus: str | None = None) -> str:
    """The map of every located crossing (``href``: crossing id -> link), or, with ``focus``, the
    locator of one crossing: the others as small dots, not links."""
    markers = []
    for ident, crossing in crossings.items():
        if crossing.coordinates is None:
            continue
        x, y = project(crossing.coordinates.lon, crossing.coordinates.lat)
        markers.append(Marker(ident, crossing, x, y, short_name(locale, crossing), x, y))
    if focus is None:
        place(markers)
        title = locale.ui("map_title")
        body = "".join(marker_svg(locale, mk, (href or {}).get(mk.ident)) for mk in markers)
        body += legend(locale, ["open", "restricted", "closed"])
    else:
        title = locale.ui("map_locator", name=locale.text(crossings[focus].name))
        body = "".join(f'<circle cx="{mk.x:.1f}" cy="{mk.y:.1f}" r="3" fill="#777"/>'
                       for mk in markers if mk.ident != focus)
        body += "".join(marker_svg(locale, mk, None) for mk in markers if mk.ident == focus)
    desc = locale.ui("map_desc", count=len(markers))
    if focus is not None:
        located = crossings[focus].coordinates
        desc = (f"{locale.ui('current_status')}: {locale.ui('status_' + crossings[focus].status)}. "
                f"{locale.ui('map_marks_' + located.marks) if located else ''}")
    left, top, width, height = 0.0, 0.0, WIDTH, HEIGHT
    spot = crossings[focus].coordinates if focus is not None else None
    if spot is not None:  # the locator: twice as close
        width, height = WIDTH // 2, HEIGHT // 2
        x, y = project(spot.lon, spot.lat)
        left = min(max(x - width / 2, 0), WIDTH - width)
        top = min(max(y - height / 2, 0), HEIGHT - height)
    return (f'<svg class="crossings-map" viewBox="{left:.0f} {top:.0f} {width} {height}" width="{width}" '
            f'height="{height}" '
            f'aria-labelledby="map-title map-desc" xmlns="http://www.w3.org/2000/svg">'
            f'<title id="map-title">{escape(title)}</title><desc id="map-desc">{escape(desc)}</desc>'
            f'<rect width="{WIDTH}" height="{HEIGHT}" fill="#fff"/>{outline()}'
            f'{country_labels(locale, countries, (left, top, width, height))}'
            f'{body}</svg>')
