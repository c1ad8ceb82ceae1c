"""The live counter other sites can embed: the latest count of political prisoners, in each language.

- `embed/political-prisoners.svg`: an accessible image (role="img", a title and a description)
  with the count, what it counts, by whom and as of when; system fonts only, nothing loaded.
- `embed/political-prisoners.html`: the same as a tiny page for an <iframe>, linked to the
  prisoner page; no script, the site's Content-Security-Policy and no referrer.
- `embed/political-prisoners.json`: the latest count with its source, for developers.

All three are made at every build from the headline series, so they change when a count is added.
"""

from __future__ import annotations

import json
import re
from html import escape

from scripts.content.documents import Content
from scripts.content.model import DataPoint
from scripts.i18n.locale import Locale
from scripts.render import routes
from scripts.render.policy import CSP, REFERRER

WIDTH, HEIGHT = 400, 120


def counter_files(content: Content, locale: Locale) -> dict[str, str]:
    series = content.headline
    point = series.latest
    source = series.source(point.source)
    page = routes.page_url(content.site.site_url, locale.code, routes.PRISONERS)
    text = Counter(
        value=figure(locale, point), label=locale.ui("headline_prisoners", count=point.value),
        source=f"{counter_name(content, locale, point.counted_by)}, {locale.ui('as_of')} {locale.date(point.date)}",
        title=locale.ui("embed_title"), lang=locale.code, page=page)
    data = {"series": content.site.headline_series, "language": locale.code, "value": point.value,
            "bound": point.bound, "text": f"{text.value} {text.label}", "date": str(point.date),
            "counted_by": point.counted_by, "kind": point.kind,
            "source": {"url": source.url, "publisher": source.publisher, "accessed": str(source.accessed)},
            "page": page}
    return {routes.EMBED + ".svg": svg(text), routes.EMBED + ".html": html(text),
            routes.EMBED + ".json": json.dumps(data, ensure_ascii=False, indent=2) + "\n"}


class Counter:
    def __init__(self, *, value: str, label: str, source: str, title: str, lang: str, page: str) -> None:
        self.value, self.label, self.source, self.title, self.lang, self.page = value, label, source, title, lang, page

    @property
    def sentence(self) -> str:
        return f"{self.value} {self.label} ({self.source})"


def counter_name(content: Content, locale: Locale, ident: str) -> str:
    body = content.bodies[ident]
    return locale.text(body.short) or locale.text(body.name)


def figure(locale: Locale, point: DataPoint) -> str:
    return locale.ui(f"value_{point.bound}", value=point.value) if point.bound else locale.num(point.value)


ROOM = WIDTH - 22 - 12
"""The width the texts may take, in pixels."""


def lines_of(text: str, size: float, per_char: float) -> list[str]:
    """``text`` in one line, or two when it would not fit (an SVG text does not wrap by itself)."""
    fits = int(ROOM / (size * per_char))
    if len(text) <= fits:
        return [text]
    words, first = text.split(), ""
    while words and len(f"{first} {words[0]}".strip()) <= max(fits, len(text) // 2 + 1):
        first = f"{first} {words.pop(0)}".strip()
    return [first, " ".join(words)] if words and first else [text]


def shrink(text: str, size: float, per_char: float) -> str:
    """The font size of one line, made smaller if even that line is too long."""
    return f"{min(size, ROOM / max(len(text) * per_char, 1)):.1f}"


def svg(c: Counter) -> str:
    """The badge: the count, what it counts (on two lines when long), who counted and as of when.
    Advances are estimated for DejaVu Sans (bold: 0.63 em a Latin letter, 0.7 em a Cyrillic one)."""
    e = escape
    per_char = 0.7 if re.search("[а-яёўі]", c.label, re.I) else 0.63  # bold Cyrillic runs wider
    label = lines_of(c.label, 15, per_char)
    top = 46 if len(label) == 1 else 40
    texts = [f'<text x="22" y="{top}" font-size="{34 if len(label) == 2 else 38}" font-weight="700" '
             f'fill="#8b1a1a">{e(c.value)}</text>']
    for i, line in enumerate(label):
        texts.append(f'<text x="22" y="{top + 26 + 18 * i}" font-size="{shrink(line, 15, per_char)}" '
                     f'font-weight="700">{e(line)}</text>')
    texts.append(f'<text x="22" y="{HEIGHT - 12}" font-size="{shrink(c.source, 12, 0.62)}" '
                 f'fill="#555555">{e(c.source)}</text>')
    body = "\n".join(texts)
    return f"""<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" \
viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-labelledby="t d" lang="{e(c.lang)}">
<title id="t">{e(c.title)}</title>
<desc id="d">{e(c.sentence)}</desc>
<rect width="{WIDTH}" height="{HEIGHT}" fill="#ffffff"/>
<rect width="6" height="{HEIGHT}" fill="#8b1a1a"/>
<g font-family="DejaVu Sans, Verdana, Arial, sans-serif" fill="#1a1a1a">
{body}
</g>
</svg>
"""


def html(c: Counter) -> str:
    e = escape
    return f"""<!doctype html>
<html lang="{e(c.lang)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{e(CSP)}">
<meta name="referrer" content="{REFERRER}">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>{e(c.title)}</title>
<style>
html,body{{margin:0;background:#fff}}
a{{display:block;box-sizing:border-box;height:{HEIGHT}px;padding:10px 16px;border-left:6px solid #8b1a1a;
color:#1a1a1a;text-decoration:none;font-family:"DejaVu Sans",Verdana,Arial,sans-serif}}
a:focus-visible{{outline:3px solid #8b1a1a;outline-offset:-3px}}
.value{{display:block;font-size:38px;font-weight:700;line-height:1.15;color:#8b1a1a}}
.label{{display:block;font-size:15px;font-weight:700}}
.source{{display:block;font-size:12px;color:#555;margin-top:4px}}
</style>
</head>
<body>
<a href="{e(c.page)}" target="_blank" rel="noopener noreferrer"><span class="value">{e(c.value)}</span>
<span class="label">{e(c.label)}</span>
<span class="source">{e(c.source)}</span></a>
</body>
</html>
"""
