"""Pages whose article is not shaped like an article, turned into one before extraction.

A Telegram channel post (the t.me/<channel>/<n> page or its web preview) has no headline and
no paragraphs: its text is one block with <br> between paragraphs, its first bold line is
what the channel meant as a title, and its photo is a CSS background.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import lxml.html
from lxml import etree


@dataclass(frozen=True)
class Overrides:
    """What the platform's page says better than its generic metadata."""

    title: str | None = None
    publisher: str | None = None
    date: str | None = None
    source_url: str | None = None
    author_is_publisher: bool = False
    """The page's author is the channel itself, not a person."""


def adapt(tree: Any) -> Overrides:
    """Rewrite ``tree`` in place when it is a page of a known platform; say what it knows."""
    texts = tree.xpath("//*[contains(@class, 'tgme_widget_message_text')]")
    return telegram(tree, texts[0]) if texts else Overrides()


def telegram(tree: Any, text: Any) -> Overrides:
    post = next(iter(tree.xpath("//*[@data-post]/@data-post")), "")
    channel = " ".join(" ".join(tree.xpath("//*[contains(@class, 'tgme_widget_message_owner_name')]//text()"))
                       .split()) or None
    when = next(iter(tree.xpath("//*[contains(@class, 'tgme_widget_message_date')]//time/@datetime")), "")
    photos = [re.search(r"url\(['\"]?([^'\")]+)", style) for style in
              tree.xpath("//*[contains(@class, 'tgme_widget_message_photo_wrap')]/@style")]
    html = etree.tostring(text, encoding="unicode", method="html")
    inner = re.sub(r"^<[^>]+>|</[^>]+>\s*$", "", html.strip())
    paragraphs = [p.strip() for p in re.split(r"(?:<br\s*/?>\s*){2,}", inner) if p.strip()]
    title = None
    if paragraphs and (bold := re.fullmatch(r"<b>(.+?)</b>", paragraphs[0], re.S)):
        title = " ".join(lxml.html.fromstring(f"<span>{bold.group(1)}</span>").text_content().split())
        paragraphs = paragraphs[1:]
    body = tree.find("body")
    for child in list(body):
        body.remove(child)
    article = etree.SubElement(body, "article")
    if title:
        etree.SubElement(article, "h1").text = title
    for match in photos:
        if match:
            etree.SubElement(article, "img", src=match.group(1), alt="")
    for paragraph in paragraphs:
        article.append(lxml.html.fromstring(f"<p>{paragraph}</p>"))
    return Overrides(title=title, publisher=channel, date=when[:10] or None,
                     source_url=f"https://t.me/{post}" if re.fullmatch(r"[\w]+/\d+", post) else None,
                     author_is_publisher=True)
