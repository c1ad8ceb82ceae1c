"""Leverage: who sanctions whom (the sanctions page and each wallet's row) and what each release cost (the
releases page and its timeline chart).

Every person or company has one cell per authority that imposes sanctions (bodies.yml: ``sanctions:
true``): in force, ended (lifted, annulled, expired), not listed (a dated check of the official list),
or not checked. "The US has not listed him" is said only where a check says so; otherwise the page says
that nobody checked.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from html import escape
from typing import Literal

from babel.lists import format_list

from scripts.content import model as m
from scripts.content.documents import Content, WalletKind
from scripts.content.fields import PartialDate
from scripts.content.releases import Release, Releases, Relief
from scripts.i18n.locale import Locale
from scripts.render.charts import GRID, MUTED, RED, nice_top
from scripts.render.page import Page
from scripts.render.phrases import body_name

CellState = Literal["in_force", "ended", "not_listed", "not_checked"]
STATES: tuple[CellState, ...] = ("in_force", "ended", "not_listed", "not_checked")
SANCTIONS = "sanctions/index.md"
RELEASES = "releases/index.md"


@dataclass(frozen=True)
class Cell:
    """One authority's relation to one person or company."""

    authority: str
    state: CellState
    sanction: m.Sanction | None = None
    """The sanction, when there is one (in force or ended)."""
    check: m.ListCheck | None = None
    """The latest check that found no listing, when not listed."""

    @property
    def date(self) -> PartialDate | None:
        """Listed on (in force), ended on, or checked on."""
        if self.sanction is not None:
            return self.sanction.listed if self.state == "in_force" else self.sanction.status_since
        return self.check.date if self.check is not None else None


@dataclass(frozen=True)
class Row:
    kind: WalletKind
    ident: str
    item: m.Wallet
    cells: list[Cell]


def cells(content: Content, item: m.Wallet) -> list[Cell]:
    """The wallet's cell for every authority, in the order of bodies.yml."""
    out = []
    for authority in content.authorities:
        sanction = next((s for s in item.sanctions if s.authority == authority), None)
        checks = sorted((c for c in item.checks if c.authority == authority), key=lambda c: c.date)
        if sanction is not None:
            out.append(Cell(authority, "in_force" if sanction.status == "active" else "ended", sanction=sanction))
        elif checks:
            out.append(Cell(authority, "not_listed", check=checks[-1]))
        else:
            out.append(Cell(authority, "not_checked"))
    return out


def matrix(content: Content) -> list[Row]:
    return [Row(kind, ident, item, cells(content, item)) for kind, ident, item in content.all_wallets()]


def counts(content: Content, rows: list[Row]) -> dict[str, dict[CellState, int]]:
    """Authority -> state -> how many people and companies are in it."""
    out: dict[str, dict[CellState, int]] = {a: dict.fromkeys(STATES, 0) for a in content.authorities}
    for row in rows:
        for cell in row.cells:
            out[cell.authority][cell.state] += 1
    return out


def gaps(content: Content, locale: Locale, row_cells: list[Cell]) -> str:
    """The row in sentences: 'In force: EU, UK. Not on the list of: US (checked 1 March 2026). Not checked: ...'"""
    def name(ident: str) -> str:
        return body_name(locale, content.bodies[ident])

    parts = []
    for state in STATES:
        found = [c for c in row_cells if c.state == state]
        if not found:
            continue
        if state == "not_listed":
            names = [locale.ui("align_checked_on", authority=name(c.authority), date=locale.date(c.date))
                     for c in found]
        else:
            names = [name(c.authority) for c in found]
        parts.append(locale.ui(f"align_{state}", authorities=format_list(names, locale=locale.babel)))
    return " ".join(parts)


@dataclass(kw_only=True)
class SanctionsPage(Page):
    template = "sanctions.html.j2"
    authorities: list[str]
    rows: list[Row]
    counts: dict[str, dict[CellState, int]]


@dataclass(frozen=True)
class Entry:
    """One line of the timeline: a release or a relief, with its date."""

    date: PartialDate
    release: Release | None = None
    relief: Relief | None = None


@dataclass(frozen=True)
class Year:
    year: int
    releases: int
    """Days on which people were freed."""
    freed: int
    abroad: int
    relief: int


@dataclass(kw_only=True)
class ReleasesPage(Page):
    template = "releases.md.j2"
    item: Releases
    entries: list[Entry]
    """Releases and relief, newest first."""
    years: list[Year]
    held: tuple[m.DataPoint, m.DataPoint] | None
    """The prisoner count nearest the first release and the latest one."""
    recognised: tuple[m.DataPoint, m.DataPoint] | None
    """The cumulative recognitions at the start and the end of the same period."""


FREED = ("pardoned", "released")


def leverage_pages(content: Content, locale: Locale) -> list[Page]:
    rows = matrix(content)
    pages: list[Page] = []
    if content.authorities and rows:
        wallet_files = [content.paths[(kind, ident)] for kind, ident, _ in content.all_wallets()]
        pages.append(SanctionsPage(path=SANCTIONS, title=locale.ui("sanctions_page"),
                                   description=locale.ui("sanctions_intro"), sources=wallet_files,
                                   authorities=list(content.authorities), rows=rows, counts=counts(content, rows)))
    item = content.releases
    if item is not None:
        entries = [Entry(r.date, release=r) for r in item.releases] + [Entry(r.date, relief=r) for r in item.relief]
        entries.sort(key=lambda e: (e.date.first_day(), e.relief is not None), reverse=True)
        first = min(r.date.first_day() for r in item.releases)
        pages.append(ReleasesPage(
            path=RELEASES, title=locale.ui("releases_page"), description=locale.ui("releases_intro"),
            sources=["content/facts/releases.yml", *(content.paths[("series", s)] for s in
                                                    (item.count_series, item.recognised_series) if s)],
            item=item, entries=entries, years=years(item),
            held=span(content.series[item.count_series], first),
            recognised=span(content.series[item.recognised_series], first) if item.recognised_series else None))
    return pages


def years(item: Releases) -> list[Year]:
    out = []
    for year in sorted({r.date.year for r in item.releases} | {r.date.year for r in item.relief}):
        freed = [r for r in item.releases if r.date.year == year and r.kind in FREED]
        out.append(Year(year, len({r.date for r in freed}), sum(r.count for r in freed),
                        sum(r.count for r in item.releases if r.date.year == year and r.kind == "deported"),
                        sum(1 for r in item.relief if r.date.year == year and r.basis != "announced")))
    return out


def span(series: m.Series, first: dt.date) -> tuple[m.DataPoint, m.DataPoint] | None:
    """The exact counts (no "at least") at or just before ``first`` (else the first after it) and the latest one:
    a difference of a bound is no count."""
    exact = [p for p in series.points if p.bound is None]
    before = [p for p in exact if p.date.first_day() <= first]
    after = [p for p in exact if p.date.first_day() > first]
    start = before[-1] if before else (after[0] if after else None)
    if start is None or start is exact[-1]:
        return None
    return start, exact[-1]


def release_text(locale: Locale, release: Release) -> str:
    return locale.ui(f"release_{release.kind}", count=release.count)


def relief_text(locale: Locale, content: Content, relief: Relief) -> str:
    action = f"relief_{relief.action}{'_announced' if relief.basis == 'announced' else ''}"
    return f"{body_name(locale, content.bodies[relief.authority])}: {locale.ui(action)} — {locale.text(relief.what)}"


# --- the timeline chart ----------------------------------------------------------------------------

def timeline_svg(locale: Locale, content: Content, item: Releases, today: dt.date) -> str:
    """Two panels on one time axis: above, the number of political prisoners held (a line); below, each day of
    releases as a bar of the people freed, with its number; on top, each relief as a mark (hollow: only
    announced). A title and a description say so; the list below the chart gives every record."""
    series = content.series[item.count_series]
    start = min([r.date.first_day() for r in item.releases] + [r.date.first_day() for r in item.relief])
    start = dt.date(start.year, start.month, 1)
    end = max(today, series.latest.date.first_day())
    width, left, right = 760, 64, 20
    line_top, line_h, bar_top_y, bar_h, axis_y = 30, 150, 205, 110, 330
    height = axis_y + 34
    inner_w = width - left - right
    span_days = max((end - start).days, 1)

    def x(day: dt.date) -> float:
        return left + inner_w * (day - start).days / span_days

    points = [p for p in series.points if p.date.first_day() >= start and p.bound is None]
    held_top = nice_top(max([p.value for p in points] or [1]))
    freed: dict[dt.date, int] = {}
    for release in item.releases:
        if release.kind in FREED:
            freed[release.date.first_day()] = freed.get(release.date.first_day(), 0) + release.count
    bars_top = nice_top(max(freed.values() or [1]))
    title = escape(locale.ui("releases_chart_title"))
    desc = escape(locale.ui("releases_chart_desc"))
    out = [f'<svg viewBox="0 0 {width} {height}" role="img" aria-labelledby="releases-chart-t releases-chart-d" '
           f'class="chart releases-chart"><title id="releases-chart-t">{title}</title>'
           f'<desc id="releases-chart-d">{desc}</desc>']

    def grid(top: float, h: float, scale: int, steps: int, label: str) -> None:
        for i in range(steps + 1):
            y = top + h * (1 - i / steps)
            out.append(f'<line x1="{left}" x2="{width - right}" y1="{y:.1f}" y2="{y:.1f}" stroke="{GRID}"/>'
                       f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end" font-size="11" fill="{MUTED}">'
                       f'{escape(locale.num(scale * i // steps))}</text>')
        out.append(f'<text x="{left}" y="{top - 6:.1f}" font-size="11" font-weight="600" fill="{MUTED}">'
                   f'{escape(label)}</text>')

    grid(line_top, line_h, held_top, 4, locale.ui("releases_legend_held"))
    grid(bar_top_y, bar_h, bars_top, 2, locale.ui("releases_legend_freed"))
    for year in range(start.year + 1, end.year + 1):
        xv = x(dt.date(year, 1, 1))
        out.append(f'<line x1="{xv:.1f}" x2="{xv:.1f}" y1="{line_top}" y2="{axis_y}" stroke="{GRID}"/>'
                   f'<text x="{xv:.1f}" y="{axis_y + 16}" text-anchor="middle" font-size="11" fill="{MUTED}">'
                   f'{year}</text>')
    if len(points) > 1:
        line = " ".join(f"{x(p.date.first_day()):.1f},{line_top + line_h * (1 - p.value / held_top):.1f}"
                        for p in points)
        out.append(f'<polyline points="{line}" fill="none" stroke="{RED}" stroke-width="2.5"/>')
    for day, count in sorted(freed.items()):
        h = bar_h * count / bars_top
        y = bar_top_y + bar_h - h
        out.append(f'<rect x="{x(day) - 3:.1f}" y="{y:.1f}" width="6" height="{max(h, 1):.1f}" fill="#6b4a00">'
                   f'<title>{escape(locale.date(day))}: {escape(locale.ui("release_released", count=count))}</title>'
                   f'</rect>')
        if count >= bars_top / 5:
            out.append(f'<text x="{x(day):.1f}" y="{y - 3:.1f}" text-anchor="middle" font-size="10" fill="{MUTED}">'
                       f'{escape(locale.num(count))}</text>')
    for relief in item.relief:
        xv = x(relief.date.first_day())
        fill = "none" if relief.basis == "announced" else "#1b5e20"
        out.append(f'<path d="M{xv - 6:.1f} 4 h12 l-6 10 z" fill="{fill}" stroke="#1b5e20" stroke-width="1.5">'
                   f'<title>{escape(locale.date(relief.date))}: {escape(relief_text(locale, content, relief))}</title>'
                   f'</path>')
    out.append(f'<text x="{width - right}" y="13" text-anchor="end" font-size="11" fill="#1b5e20">'
               f'▼ {escape(locale.ui("releases_legend_relief"))}</text>')
    out.append("</svg>")
    return "".join(out)


def matrix_rows_csv(content: Content) -> list[dict[str, str]]:
    """The matrix as CSV rows: one per person or company and authority."""
    default = content.site.default_language
    out = []
    for row in matrix(content):
        for cell in row.cells:
            source = None
            if cell.sanction is not None:
                source = row.item.source(cell.sanction.in_force[-1].source)
            elif cell.check is not None:
                source = row.item.source(cell.check.source)
            out.append({"kind": row.kind, "id": row.ident, "name": row.item.name.get(default, ""),
                        "authority": cell.authority, "state": cell.state,
                        "sanction_status": cell.sanction.status if cell.sanction else "",
                        "date": str(cell.date or ""), "checked_list": cell.check.list if cell.check else "",
                        "source_url": source.url if source else "", "source_accessed": str(source.accessed)
                        if source else ""})
    return out
