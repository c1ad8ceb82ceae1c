"""An article's images, kept as files beside it: the site never loads an image from another site.

Each image is read once (through the `Fetcher`), checked to be a JPEG, PNG, GIF or WebP image of
at most `IMAGE_LIMIT` bytes, made no wider than `MAX_WIDTH` pixels (readers are often on slow
phones), and saved as content/articles/<slug>/images/<name>. The article shows it with its alt
text, then its caption and credit. An image that cannot be kept leaves its description as a
visible caption in its place (never a broken image) and a note saying why.
"""

from __future__ import annotations

import hashlib
import io
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

from PIL import Image, UnidentifiedImageError
from slugify import slugify

from scripts.importer.article import CREDIT_WORD, Figure, escape_markdown
from scripts.importer.fetch import Fetcher, FetchFailed

IMAGE_LIMIT = 8 * 1024 * 1024
"""The largest image file accepted, in bytes."""
MAX_WIDTH = 1600
"""Wider images are scaled down to this width."""
MAX_IMAGES = 60
"""The most images kept for one article (a page naming more is not an article)."""
FORMATS = {"JPEG": ".jpg", "PNG": ".png", "GIF": ".gif", "WEBP": ".webp"}
CREDIT = re.compile(rf"^(.*?[.!?…])?\s*({CREDIT_WORD}.*)$", re.I | re.S)
"""A caption that ends with its credit: 'The queue on Tuesday. Photo: Martha Quinn'."""


def keep_images(blocks: list[str | Figure], folder: Path, fetcher: Fetcher) -> tuple[list[str], list[str]]:
    """The article's Markdown blocks with each image saved under ``folder``/images/; and notes."""
    out: list[str] = []
    notes: list[str] = []
    names: dict[str, str] = {}  # URL -> file name, for an image shown twice
    tried: set[str] = set()  # every image asked for, kept or not
    for block in blocks:
        if isinstance(block, str):
            out.append(block)
            continue
        try:
            if block.url not in tried and len(tried) >= MAX_IMAGES:
                raise FetchFailed(f"{block.url}: refused: an article keeps at most {MAX_IMAGES} images")
            tried.add(block.url)
            name = names.get(block.url) or save(block.url, folder / "images", fetcher)
            names[block.url] = name
        except FetchFailed as exc:
            stand_in = placeholder(block)
            notes.append(f"image not kept: {exc}; " + ("its description is shown in its place" if stand_in
                                                          else "it had no description to show instead"))
            out += [stand_in] if stand_in else []
            continue
        alt = escape_markdown(" ".join(block.alt.split())) or escape_markdown(caption_text(block.caption)[0])
        out.append(f"![{alt}](images/{name})")
        if not alt:
            notes.append(f"images/{name} has no description: write what it shows between the brackets of ![]")
        if block.caption:
            out.append(caption_markdown(block.caption, "image-caption"))
    return out, notes


def save(url: str, folder: Path, fetcher: Fetcher) -> str:
    """Read the image at ``url``, check it, and save it under ``folder``; return its file name."""
    data = fetcher.get(url, limit=IMAGE_LIMIT).data
    try:
        with Image.open(io.BytesIO(data)) as image:
            kind = image.format or ""
            if kind not in FORMATS:
                raise FetchFailed(f"{url}: a {kind or 'unknown'} image: only JPEG, PNG, GIF and WebP are kept")
            image.load()
            if image.width > MAX_WIDTH and kind != "GIF":
                height = round(image.height * MAX_WIDTH / image.width)
                resized = image.resize((MAX_WIDTH, height), Image.Resampling.LANCZOS)
                buffer = io.BytesIO()
                resized.save(buffer, format=kind, **({"quality": 85} if kind in ("JPEG", "WEBP") else {}))
                data = buffer.getvalue()
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError):
        raise FetchFailed(f"{url}: this is not an image") from None
    folder.mkdir(parents=True, exist_ok=True)
    stem = file_stem(url)
    name = f"{stem}{FORMATS[kind]}"
    path = folder / name
    if path.exists() and path.read_bytes() != data:  # another image of the same name
        name = f"{stem}-{hashlib.sha256(data).hexdigest()[:8]}{FORMATS[kind]}"
        path = folder / name
    if not path.exists():
        path.write_bytes(data)
    return name


def file_stem(url: str) -> str:
    """A readable file name from the image's address: '.../2024/01/queue-800x533.jpg' -> 'queue-800x533'."""
    last = unquote(urlsplit(url).path).rstrip("/").rsplit("/", 1)[-1]
    stem = last.rsplit(".", 1)[0] if "." in last else last
    return slugify(stem, max_length=60, word_boundary=True) or "image"


def caption_text(caption: str) -> tuple[str, str]:
    """(what the caption says, its credit): ('The queue on Tuesday.', 'Photo: Martha Quinn')."""
    caption = " ".join(caption.split())
    match = CREDIT.match(caption)
    if match and match.group(2):
        return (match.group(1) or "").strip(), match.group(2).strip()
    return caption, ""


def caption_markdown(caption: str, kind: str = "figure-caption") -> str:
    """A caption paragraph: under an image shown ('image-caption'), or standing in for one that is not
    ('figure-caption', drawn as an empty picture frame with the description in it)."""
    said, credit = caption_text(caption)
    if said and said[-1] not in ".!?…":
        said += "."
    parts = ([f"*{escape_markdown(said)}*"] if said else []) + ([escape_markdown(credit)] if credit else [])
    return " ".join(parts) + f"\n{{.{kind}}}"


def placeholder(figure: Figure) -> str | None:
    """What stands where an image could not be kept: its description and caption, as a caption."""
    words = " ".join(figure.alt.split())
    if figure.caption:
        said, credit = caption_text(figure.caption)
        text = " ".join(p for p in [words and (words if words[-1] in ".!?…" else words + "."), said] if p)
        return caption_markdown(f"{text} {credit}".strip())
    return caption_markdown(words) if words else None
