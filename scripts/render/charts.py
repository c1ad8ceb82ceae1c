"""Pictures made at build time, as inline SVG (no chart library in the browser).

- The political-prisoner series: a line chart, every data point a dot with its date, count
  and source; where two sources disagree on a date, both dots are drawn.
- A crossing's status history as a timeline, and the index's overview of today's statuses.

Labels, dates and numbers come from the page's Locale (Babel), so every language gets its own.
Each picture has a <title> and <desc>; the data tables next to it carry the same facts.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from html import escape

from scripts.content import model as m
from scripts.content.crossings import Crossing
from scripts.i18n.locale import Locale

RED = "#8c1c13"
GRID = "#d9d9d9"
MUTED = "#4d4d4d"
STATUS_FILL = {"open": "#1b5e20", "restricted": "#6b4a00", "closed": "#8c1c13"}
"""White text on each of these passes WCAG AA (contrast above 7:1)."""


@dataclass(frozen=True)
class Dot:
    x: float
    """0 (first date) to 1 (last date)."""
    y: float
    """0 (zero) to 1 (top of the scale)."""
    point: m.DataPoint


@dataclass(frozen=True)
class Plot:
    dots: list[Dot]
    top: int
    """The value at the top of the scale."""
    ticks: list[int]
    years: list[tuple[float, int]]
    """(x, year) for each 1 January inside the range."""


def nice_top(value: int) -> int:
    """A round number at or above ``value``: 1500 -> 1600, 169 -> 200."""
    if value <= 0:
        return 10
    step = 10 ** max(int(math.log10(value)) - 1, 0)
    for mult in (1, 2, 2.5, 5, 10):
        if value / (step * mult) <= 10:
            return int(math.ceil(value / (step * mult)) * step * mult)
    return value  # pragma: no cover


def plot(series: m.Series) -> Plot:
    days = [p.date.first_day().toordinal() for p in series.points]
    first, last = min(days), max(days)
    span = max(last - first, 1)
    top = nice_top(max(p.value for p in series.points))
    ticks = [top * i // 4 for i in range(5)]
    years = [((dt.date(y, 1, 1).toordinal() - first) / span, y)
             for y in range(dt.date.fromordinal(first).year + 1, dt.date.fromordinal(last).year + 1)]
    dots = [Dot((d - first) / span, p.value / top, p) for d, p in zip(days, series.points, strict=True)]
    return Plot(dots, top, ticks, years)


def trend(plot_: Plot) -> list[tuple[float, float]]:
    """The line: one point per date (the mean where sources disagree)."""
    by_x: dict[float, list[float]] = {}
    for dot in plot_.dots:
        by_x.setdefault(dot.x, []).append(dot.y)
    return [(x, sum(ys) / len(ys)) for x, ys in sorted(by_x.items())]


def series_svg(locale: Locale, ident: str, series: m.Series) -> str:
    p = plot(series)
    width, height, left, right, top_m, bottom = 760, 340, 70, 20, 16, 40
    inner_w, inner_h = width - left - right, height - top_m - bottom

    def xy(x: float, y: float) -> tuple[float, float]:
        return round(left + x * inner_w, 1), round(top_m + (1 - y) * inner_h, 1)

    title = escape(locale.text(series.title))
    desc = escape(describe(locale, series))
    out = [f'<svg class="chart" viewBox="0 0 {width} {height}" role="img" '
           f'aria-labelledby="{ident}-chart-title {ident}-chart-desc" xmlns="http://www.w3.org/2000/svg">',
           f'<title id="{ident}-chart-title">{title}</title>', f'<desc id="{ident}-chart-desc">{desc}</desc>']
    for tick in p.ticks:
        _, y = xy(0, tick / p.top)
        out.append(f'<line x1="{left}" x2="{width - right}" y1="{y}" y2="{y}" stroke="{GRID}"/>')
        out.append(f'<text x="{left - 8}" y="{y + 5}" text-anchor="end" fill="{MUTED}" font-size="14">'
                   f'{escape(locale.num(tick))}</text>')
    for x, year in p.years:
        px, base = xy(x, 0)
        out.append(f'<line x1="{px}" x2="{px}" y1="{base}" y2="{base + 6}" stroke="{MUTED}"/>')
        out.append(f'<text x="{px}" y="{base + 24}" text-anchor="middle" fill="{MUTED}" font-size="14">{year}</text>')
    line = " ".join(f"{a},{b}" for a, b in (xy(x, y) for x, y in trend(p)))
    out.append(f'<polyline points="{line}" fill="none" stroke="{RED}" stroke-width="2.5"/>')
    for dot in p.dots:
        cx, cy = xy(dot.x, dot.y)
        point = dot.point
        source = series.source(point.source)
        tip = f"{locale.date(point.date)}: {locale.num(point.value)} ({source.publisher})"
        out.append(f'<circle cx="{cx}" cy="{cy}" r="5" fill="#fff" stroke="{RED}" stroke-width="2.5">'
                   f'<title>{escape(tip)}</title></circle>')
    out.append("</svg>")
    return "".join(out)


def describe(locale: Locale, series: m.Series) -> str:
    points = series.points
    first, last = points[0], points[-1]
    peak = max(points, key=lambda p: p.value)
    text = locale.ui("chart_desc", first=first.value, first_date=locale.date(first.date), peak=peak.value,
                     peak_date=locale.date(peak.date), last=last.value, last_date=locale.date(last.date))
    dates = [p.date for p in points]
    if len(set(dates)) < len(dates):
        text += " " + locale.ui("chart_disagree")
    return text


def timeline_svg(locale: Locale, ident: str, crossing: Crossing, today: dt.date) -> str:
    """The status history as coloured, labelled bands from the first record to today."""
    width, height, left, right = 760, 92, 4, 4
    first = crossing.history[0].date.first_day().toordinal()
    end = max(today.toordinal(), crossing.history[-1].date.first_day().toordinal() + 1)
    span = end - first

    def x(day: int) -> float:
        return round(left + (day - first) / span * (width - left - right), 1)

    out = [f'<svg class="timeline" viewBox="0 0 {width} {height}" role="img" '
           f'aria-labelledby="{ident}-timeline-title" xmlns="http://www.w3.org/2000/svg">',
           f'<title id="{ident}-timeline-title">{escape(locale.ui("status_history"))}: '
           f'{escape(locale.text(crossing.name))}</title>',
           '<defs><pattern id="stripes" width="8" height="8" patternUnits="userSpaceOnUse" '
           'patternTransform="rotate(45)"><rect width="8" height="8" fill="#6b4a00"/>'
           '<rect width="3" height="8" fill="#8a6200"/></pattern></defs>']
    changes = crossing.history
    for i, change in enumerate(changes):
        start = change.date.first_day().toordinal()
        stop = changes[i + 1].date.first_day().toordinal() if i + 1 < len(changes) else end
        if stop <= start:
            continue
        x0, x1 = x(start), x(stop)
        fill = "url(#stripes)" if change.status == "restricted" else STATUS_FILL[change.status]
        label = locale.ui("status_" + change.status)
        tip = f"{label}: {locale.date(change.date)}"
        out.append(f'<rect x="{x0}" y="8" width="{round(x1 - x0, 1)}" height="44" fill="{fill}">'
                   f'<title>{escape(tip)}</title></rect>')
        if x1 - x0 > 9 * len(label) + 12:
            out.append(f'<text x="{round(x0 + 8, 1)}" y="36" fill="#fff" font-size="15" font-weight="600">'
                       f'{escape(label)}</text>')
    for year in range(dt.date.fromordinal(first).year + 1, dt.date.fromordinal(end).year + 1):
        px = x(dt.date(year, 1, 1).toordinal())
        out.append(f'<line x1="{px}" x2="{px}" y1="52" y2="60" stroke="{MUTED}"/>')
        out.append(f'<text x="{px}" y="78" text-anchor="middle" fill="{MUTED}" font-size="14">{year}</text>')
    out.append("</svg>")
    return "".join(out)


def overview_svg(locale: Locale, counts: dict[str, int]) -> str:
    """Today's statuses of all crossings as one labelled bar."""
    width, height = 760, 56
    total = sum(counts.values()) or 1
    out = [f'<svg class="overview" viewBox="0 0 {width} {height}" role="img" aria-labelledby="overview-title" '
           f'xmlns="http://www.w3.org/2000/svg"><title id="overview-title">'
           + escape(" · ".join(f"{locale.ui('status_' + s)}: {n}" for s, n in counts.items())) + "</title>",
           '<defs><pattern id="stripes-overview" width="8" height="8" patternUnits="userSpaceOnUse" '
           'patternTransform="rotate(45)"><rect width="8" height="8" fill="#6b4a00"/>'
           '<rect width="3" height="8" fill="#8a6200"/></pattern></defs>']
    x0 = 0.0
    for status, count in counts.items():
        if not count:
            continue
        w = count / total * width
        fill = "url(#stripes-overview)" if status == "restricted" else STATUS_FILL[status]
        out.append(f'<rect x="{round(x0, 1)}" y="0" width="{round(w, 1)}" height="{height}" fill="{fill}"/>')
        label = locale.ui("count_" + status, count=count)
        if w > 9 * len(label) + 12:
            out.append(f'<text x="{round(x0 + 10, 1)}" y="34" fill="#fff" font-size="17" font-weight="600">'
                       f'{escape(label)}</text>')
        x0 += w
    out.append("</svg>")
    return "".join(out)
