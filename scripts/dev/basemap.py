"""Make scripts/render/geo/basemap.json, the outline of Belarus and its neighbours for the crossings map.

Run once (and again only to change the region or the detail):

    npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    python -m scripts.dev.basemap package/countries-10m.json

world-atlas redistributes Natural Earth's Admin 0 country boundaries (1:10m, version 4.1.0;
public domain) as TopoJSON. This script decodes the countries around Belarus, clips them to the
map's region, simplifies them (Douglas-Peucker, about 400 m) and writes them as longitude/latitude
rings with three decimals: a small file that the site's generator projects and draws.
"""

from __future__ import annotations

import json
import math
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from scripts.content.crossings import MAP_REGION

OUT = Path(__file__).resolve().parents[1] / "render" / "geo" / "basemap.json"
COUNTRIES = {"112": "by", "616": "pl", "440": "lt", "428": "lv", "804": "ua", "643": "ru", "233": "ee"}
"""ISO 3166 numeric code (world-atlas's ids) -> our country id."""
LABELS = {"by": (27.9, 53.6), "pl": (22.5, 52.6), "lt": (24.0, 55.3), "lv": (25.1, 56.45),
          "ua": (27.0, 51.25), "ru": (32.0, 55.5)}
"""Where each country's name is written (longitude, latitude), chosen by eye inside the region."""
TOLERANCE = 0.004
"""Simplification, in degrees (about 400 m; a pixel of the drawn map is about 1 km)."""


def decode(topology: dict[str, Any]) -> dict[str, list[list[tuple[float, float]]]]:
    """Country id -> its polygons' rings in longitude/latitude."""
    sx, sy = topology["transform"]["scale"]
    tx, ty = topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)

    def ring(indices: list[int]) -> list[tuple[float, float]]:
        out: list[tuple[float, float]] = []
        for index in indices:
            points = arcs[index] if index >= 0 else arcs[~index][::-1]
            out.extend(points[1:] if out else points)
        return out

    countries: dict[str, list[list[tuple[float, float]]]] = {}
    for geometry in topology["objects"]["countries"]["geometries"]:
        ident = COUNTRIES.get(str(geometry.get("id")))
        if not ident:
            continue
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        countries[ident] = [ring(r) for polygon in polygons for r in polygon]
    return countries


def clip(points: list[tuple[float, float]], box: tuple[float, float, float, float]) -> list[tuple[float, float]]:
    """Sutherland-Hodgman: the ring cut to the rectangle (west, south, east, north)."""
    west, south, east, north = box
    Point = tuple[float, float]
    edges: list[tuple[Callable[[Point], bool], Callable[[Point, Point], Point]]] = [
        (lambda p: p[0] >= west, lambda a, b: cut_x(a, b, west)),
        (lambda p: p[0] <= east, lambda a, b: cut_x(a, b, east)),
        (lambda p: p[1] >= south, lambda a, b: cut_y(a, b, south)),
        (lambda p: p[1] <= north, lambda a, b: cut_y(a, b, north))]
    for inside, cut in edges:
        if not points:
            break
        out = []
        for i, current in enumerate(points):
            previous = points[i - 1]
            if inside(current):
                if not inside(previous):
                    out.append(cut(previous, current))
                out.append(current)
            elif inside(previous):
                out.append(cut(previous, current))
        points = out
    return points


def cut_x(a: tuple[float, float], b: tuple[float, float], x: float) -> tuple[float, float]:
    return x, a[1] + (b[1] - a[1]) * (x - a[0]) / (b[0] - a[0])


def cut_y(a: tuple[float, float], b: tuple[float, float], y: float) -> tuple[float, float]:
    return a[0] + (b[0] - a[0]) * (y - a[1]) / (b[1] - a[1]), y


def simplify(points: list[tuple[float, float]], tolerance: float) -> list[tuple[float, float]]:
    """Douglas-Peucker, with longitude shrunk as on the map."""
    if len(points) < 4:
        return points
    k = math.cos(math.radians((MAP_REGION[1] + MAP_REGION[3]) / 2))
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (ax, ay), (bx, by) = points[first], points[last]
        ax, bx = ax * k, bx * k
        length = math.hypot(bx - ax, by - ay)
        worst, where = 0.0, -1
        for i in range(first + 1, last):
            px, py = points[i][0] * k, points[i][1]
            if length == 0:
                distance = math.hypot(px - ax, py - ay)
            else:
                distance = abs((bx - ax) * (ay - py) - (ax - px) * (by - ay)) / length
            if distance > worst:
                worst, where = distance, i
        if worst > tolerance:
            keep[where] = True
            stack += [(first, where), (where, last)]
    return [p for p, kept in zip(points, keep, strict=True) if kept]


def main(source: str) -> None:
    countries = decode(json.loads(Path(source).read_text(encoding="utf-8")))
    out: list[dict[str, Any]] = []
    total = 0
    for ident, rings in countries.items():
        kept = []
        for points in rings:
            cut = simplify(clip(points, MAP_REGION), TOLERANCE)
            if len(cut) >= 4:
                kept.append([[round(x, 3), round(y, 3)] for x, y in cut])
                total += len(cut)
        if kept:
            out.append({"id": ident, "rings": kept, **({"label": LABELS[ident]} if ident in LABELS else {})})
    OUT.parent.mkdir(exist_ok=True)
    data = {"source": "Natural Earth 1:10m Admin 0 countries (public domain), version 4.1.0, through world-atlas "
                      "2.0.2 (ISC licence); made by scripts/dev/basemap.py",
            "region": MAP_REGION, "countries": out}
    OUT.write_text(json.dumps(data, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {OUT} ({OUT.stat().st_size} bytes, {total} points)")


if __name__ == "__main__":
    main(sys.argv[1])
