"""Social cards: a 1200×630 PNG per page and language, drawn offline with Pillow.

The fonts ship in scripts/render/fonts (DejaVu Sans, with its licence): they cover Latin,
Cyrillic and the Belarusian and Polish letters (ў, і, ł, ą, ę, ż). A card is a node of the build's
store, keyed by everything it shows and the environment stamp (the drawing code and the fonts are
part of it), so an unchanged card is never drawn twice.
"""

from __future__ import annotations

import io
import logging
import multiprocessing as mp
import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass
from functools import cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from scripts.store import Store, digest, environment

log = logging.getLogger(__name__)

WIDTH, HEIGHT = 1200, 630
FONTS = Path(__file__).parent / "fonts"

RED = (140, 28, 19)
INK = (26, 26, 26)
MUTED = (77, 77, 77)
WHITE = (255, 255, 255)
MARGIN = 72


@dataclass(frozen=True)
class Card:
    """Everything a card shows."""

    site: str
    title: str
    kicker: str = ""
    """A short label above the title: 'Political prisoners', 'Person', 'Border crossing'."""
    figure: str = ""
    """The headline fact, drawn large: '1 135', 'Closed', '2'."""
    caption: str = ""
    """What the figure means and as of when: 'political prisoners · Viasna, 23 December 2025'."""
    footer: str = ""
    """The site's address, shown in the bottom band."""
    spark: tuple[tuple[float, float], ...] = ()
    """A line of the figure's history, x and y from 0 to 1 (the same line as the page's chart)."""

    def key(self) -> str:
        return digest("card", environment(), asdict(self))

    def alt(self) -> str:
        """The card's text, for og:image:alt."""
        parts = [self.title, " ".join(p for p in (self.figure, self.caption) if p), self.site]
        return " — ".join(p for p in parts if p)


@cache
def font(bold: bool, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(FONTS / ("DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf")), size)


def wrap(text: str, face: ImageFont.FreeTypeFont, width: int, max_lines: int) -> list[str]:
    """Lines of at most ``width`` pixels; the last one ends in '…' if the text does not fit."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}".strip()
        if face.getlength(candidate) <= width:
            current = candidate
            continue
        if current:
            lines.append(current)
        current = word
        while face.getlength(current) > width:  # a single word wider than the card
            cut = len(current)
            while cut > 1 and face.getlength(current[:cut]) > width:
                cut -= 1
            lines.append(current[:cut])
            current = current[cut:]
    if current:
        lines.append(current)
    if len(lines) > max_lines:
        last = lines[max_lines - 1]
        while last and face.getlength(last + "…") > width:
            last = last[:-1].rstrip()
        lines = [*lines[: max_lines - 1], last + "…"]
    return lines


def draw(card: Card) -> Image.Image:
    image = Image.new("RGB", (WIDTH, HEIGHT), WHITE)
    pen = ImageDraw.Draw(image)
    inner = WIDTH - 2 * MARGIN
    pen.rectangle((0, 0, WIDTH, 16), fill=RED)
    pen.rectangle((0, HEIGHT - 64, WIDTH, HEIGHT), fill=RED)
    if card.site != card.title:
        pen.text((MARGIN, 44), card.site, font=font(True, 30), fill=RED)
    y = 96
    if card.kicker:
        pen.text((MARGIN, y), card.kicker.upper(), font=font(False, 26), fill=MUTED)
        y += 44
    size = 64 if len(card.title) < 50 else 54 if len(card.title) < 90 else 46
    title_lines = wrap(card.title, font(True, size), inner, 2 if card.figure else 4)
    for line in title_lines:
        pen.text((MARGIN, y), line, font=font(True, size), fill=INK)
        y += int(size * 1.22)
    right = WIDTH - MARGIN
    if card.spark:
        right = draw_spark(pen, card.spark, (WIDTH - MARGIN - 400, 300, WIDTH - MARGIN, 530)) - 40
    if card.figure:
        figure_font = font(True, 120 if len(card.figure) <= 8 else 84)
        top = max(y + 20, 330)
        pen.text((MARGIN, top), card.figure, font=figure_font, fill=RED)
        figure_width = int(figure_font.getlength(card.figure))
        caption_x = MARGIN + figure_width + 36
        caption_width = right - caption_x
        lines = wrap(card.caption, font(False, 32), caption_width, 3) if caption_width >= 360 else []
        if lines:  # beside the figure, centred on it
            caption_top = top + 78 - 21 * len(lines)
        else:  # no room beside the figure: below it
            caption_x, caption_top = MARGIN, top + 140
            lines = wrap(card.caption, font(False, 32), right - MARGIN, 2)
        for i, line in enumerate(lines):
            pen.text((caption_x, caption_top + i * 42), line, font=font(False, 32), fill=INK)
    elif card.caption:
        for line in wrap(card.caption, font(False, 32), inner, 3):
            y += 10
            pen.text((MARGIN, y), line, font=font(False, 32), fill=MUTED)
            y += 34
    if card.footer:
        pen.text((MARGIN, HEIGHT - 50), card.footer, font=font(False, 26), fill=WHITE)
    return image


def draw_spark(pen: ImageDraw.ImageDraw, spark: tuple[tuple[float, float], ...],
               box: tuple[int, int, int, int]) -> int:
    """The figure's history as a line with dots inside ``box``; returns the box's left edge."""
    left, top, right, bottom = box
    pen.line((left, bottom, right, bottom), fill=(217, 217, 217), width=2)
    points = [(left + x * (right - left), bottom - y * (bottom - top)) for x, y in spark]
    pen.line(points, fill=RED, width=6, joint="curve")
    for px, py in points:
        pen.ellipse((px - 7, py - 7, px + 7, py + 7), fill=WHITE, outline=RED, width=4)
    return left


def _png(card: Card) -> bytes:
    out = io.BytesIO()
    draw(card).save(out, format="PNG", compress_level=6)  # optimize=True: 7% smaller, 3 times slower
    return out.getvalue()


@dataclass
class Cards:
    """The PNG of every card (key -> bytes), and how many were drawn now and how many came from the store."""

    images: dict[str, bytes]
    drawn: int
    reused: int


def card_images(cards: list[Card], store: Store) -> Cards:
    """Every card's PNG: from the store, or drawn (on every core when there are many) and kept there."""
    wanted = {card.key(): card for card in cards}
    images = store.get_many("card", wanted)
    missing = [(key, card) for key, card in wanted.items() if key not in images]
    if len(missing) > 64 and (os.cpu_count() or 1) > 1:  # starting the workers costs half a second
        with ProcessPoolExecutor(max_workers=os.cpu_count(), mp_context=mp.get_context("spawn")) as pool:
            drawn = dict(zip([key for key, _ in missing], pool.map(_png, [c for _, c in missing], chunksize=16),
                             strict=True))
    else:
        drawn = {key: _png(card) for key, card in missing}
    store.put_many("card", drawn)
    return Cards({**images, **drawn}, len(drawn), len(wanted) - len(drawn))
