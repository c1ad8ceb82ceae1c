"""An article from a web page's HTML (a saved page or an address), on any blog platform.

The page's main text is found by trafilatura (its extraction keeps headings, lists, quotes,
links, emphasis, tables and images, and leaves out menus, share bars, comments and the like;
readability-lxml, tried on the same corpus, dropped Wix's and Tilda's images and a closing
paragraph, kept share bars and counters, and reads no metadata);
its metadata (JSON-LD, Open Graph, <time>, bylines) by trafilatura's metadata reader. Before
extraction the page is prepared so that nothing of the article is lost: lazy-loaded images get
their real address, each figure's caption travels with its image, a quote keeps its
attribution, and icons and avatars are dropped. After it, the header lines the text still
holds (the headline, the byline, counters) are taken out. scripts.importer.markdown writes the
Markdown.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import lxml.html
import trafilatura
from lxml import etree

from scripts.importer.article import Figure, Imported, ImportFailed, describe, language_of, slug_of
from scripts.importer.fetch import resolve
from scripts.importer.header import HeaderFacts, clean_author, is_chrome, read_header_line
from scripts.importer.images import file_stem
from scripts.importer.markdown import Block, blocks_from_xml
from scripts.importer.platforms import adapt

CAPTIONS = ("//figcaption | //*[contains(concat(' ', normalize-space(@class), ' '), ' tr-caption ')]"
            " | //*[contains(concat(' ', normalize-space(@class), ' '), ' wp-caption-text ')]")
"""Where platforms put an image's caption: <figcaption>, Blogger's tr-caption cell, old WordPress captions."""
CHROME_BOX = re.compile(r"(^|[\s_-])(subscri\w*|newsletter|cta-card|kg-cta-card|share|sharing|sharedaddy|"
                        r"social|cookie\w*|consent|related|recommend\w*|comments?|likes?|like-button|"
                        r"post-tags|tag-list|tags-links|read-more|author-list|post-footer|byline-meta)"
                        r"($|[\s_-])", re.I)
"""Class, id or data-hook words of page parts that are never the article: share bars, subscribe
boxes, comments, related posts, cookie notices, tag lists."""
STANDFIRST = re.compile(r"^(article-|post-|entry-|pw-)?(excerpt|standfirst|subtitle|sub-title|dek|subheadline|"
                        r"subtitle-paragraph)$")
"""Class of the summary under a headline (Ghost's article-excerpt, Substack's subtitle, Medium's)."""
KEEP_TAGS = {"html", "body", "main", "article"}
"""Never dropped as chrome, whatever their classes say (WordPress puts 'tag-…' on <body> and <article>)."""
LAZY = ("data-src", "data-original", "data-lazy-src", "data-orig-file", "data-full-url")
"""Attributes where lazy-loading scripts keep an image's real address."""
ICON_MAX = 100
"""An image shown at most this many pixels wide or high is an icon or an avatar, not a figure."""


def import_html(html: str, *, address: str, slug: str | None = None, source_url: str | None = None,
                date: str | None = None, publisher: str | None = None) -> Imported:
    """The article of the page at ``address`` (an http(s):// or file:// address)."""
    try:
        tree = lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        raise ImportFailed(f"{address}: this is not an HTML page") from None
    meta = trafilatura.extract_metadata(lxml.html.document_fromstring(html))
    platform = adapt(tree)
    canonical = next(iter(tree.xpath("//link[@rel='canonical']/@href")), "")
    page_url = (meta.url if meta and meta.url else "") or canonical or (address if address.startswith("http") else "")
    standfirst = prepare(tree, images_base=address, links_base=page_url or address,
                         author=meta.author if meta else None)
    xml = trafilatura.extract(tree, output_format="xml", include_formatting=True, include_links=True,
                              include_images=True, include_tables=True, include_comments=False)
    if not xml:
        raise ImportFailed(f"{address}: no article text was found on this page")
    blocks = blocks_from_xml(etree.fromstring(xml.encode("utf-8")))
    title = " ".join((platform.title or (meta.title if meta else None) or "").split())
    facts = HeaderFacts()
    blocks, subtitle = strip_header(blocks, title, facts)
    subtitle = standfirst or subtitle
    if not title:
        raise ImportFailed(f"{address}: no title found: the page has no <title>, headline or og:title")
    lead = lead_figure(tree, meta.image if meta else None, blocks, images_base=address)
    paragraphs = [b for b in blocks if b.kind == "p"]
    if not paragraphs:
        raise ImportFailed(f"{address}: no paragraph of text was found on this page")
    given = "" if platform.title else (meta.description if meta and meta.description else "")  # a post's
    description = subtitle or given or paragraphs[0].text  # preview repeats its first line: not a summary
    out: dict[str, str] = {"title": title, "description": describe(description)}
    author = None if platform.author_is_publisher else (meta.author if meta else None) or facts.author
    if author:
        out["author"] = clean_author(author.split(";")[0])
    dates = page_dates(tree)
    sitename = meta.sitename if meta and meta.sitename else None
    if sitename and re.fullmatch(r"[\w.-]+\.[a-z]{2,}", sitename):
        sitename = None  # a bare host name is not a publisher's name
    found = {"publisher": publisher or platform.publisher or sitename,
             "date": date or platform.date or dates.get("published") or (meta.date if meta else None) or facts.date,
             "source_url": source_url or platform.source_url or page_url or None}
    notes = []
    for key, value in found.items():
        if value:
            out[key] = value
        else:
            notes.append(f"add '{key}: ...' to the front matter before publishing")
    updated = dates.get("modified") or facts.updated
    if updated and updated != out.get("date"):
        out["updated"] = updated
    body: list[str | Figure] = [lead] if lead else []
    body += [b.figure or b.markdown for b in blocks]
    lang = page_language(tree) or language_of(" ".join(b.text for b in paragraphs))
    return Imported(slug or slug_of(title), out, body, lang, notes)


def prepare(tree: Any, *, images_base: str, links_base: str, author: str | None) -> str | None:
    """Make the page ready for extraction (see the module's docstring); return the standfirst (the
    summary platforms show under the headline), taken out of the page."""
    standfirst = None
    for element in list(tree.iter()):
        if isinstance(element.tag, str) and any(STANDFIRST.match(t) for t in (element.get("class") or "").split()):
            standfirst = standfirst or " ".join(element.text_content().split()) or None
            element.drop_tree()
    for img in tree.iter("img"):
        real = next((img.get(a) for a in LAZY if img.get(a)), None)
        if real and (not img.get("src") or img.get("src", "").startswith("data:")):
            img.set("src", real)
        if not img.get("src") and img.get("srcset"):
            img.set("src", largest(img.get("srcset")))
        if img.get("src"):
            img.set("src", image_address(img.get("src"), images_base, links_base))
    for img in list(tree.iter("img")):
        small = any(_number(img.get(side)) <= ICON_MAX for side in ("width", "height") if img.get(side))
        if small or (author and (img.get("alt") or "").strip() == author.strip()):
            img.drop_tree()
    for box in list(tree.xpath("//*[@class or @id or @data-hook or @data-testid]")):
        marks = " ".join(box.get(a) or "" for a in ("class", "id", "data-hook", "data-testid"))
        if box.tag not in KEEP_TAGS and CHROME_BOX.search(marks) and box.getparent() is not None:
            box.drop_tree()
    for caption in list(tree.xpath(CAPTIONS)):
        box = caption.getparent()
        while box is not None and not box.findall(".//img"):
            box = box.getparent()
        images = box.findall(".//img") if box is not None else []
        if len(images) == 1:
            images[0].set("title", " ".join(caption.text_content().split()))
            caption.drop_tree()
    for cite in list(tree.xpath("//blockquote//cite")):
        words = " ".join(cite.text_content().split())
        replacement = lxml.html.fromstring(f"<p>— {_escape(words)}</p>") if words else None
        if replacement is not None:
            replacement.tail = cite.tail
            cite.getparent().replace(cite, replacement)
    for link in tree.iter("a"):
        href = link.get("href")
        if href and not href.startswith(("#", "mailto:", "javascript:")):
            link.set("href", resolve(href, links_base))
    return standfirst


def image_address(src: str, images_base: str, page_url: str) -> str:
    """An image's absolute address: beside a saved page when the file is there ('Save page as, complete'
    keeps images in a folder beside it), else on the page's own site."""
    address = resolve(src, images_base)
    if address.startswith("file:") and not Path(unquote(urlsplit(address).path)).is_file():
        return resolve(src, page_url)
    return address


def strip_header(blocks: list[Block], title: str, facts: HeaderFacts) -> tuple[list[Block], str | None]:
    """The text without the header lines extraction left in it (the headline, a subtitle or standfirst,
    the byline, dates, counters) and without chrome lines anywhere; and the subtitle, when there is one."""
    subtitle = None
    out: list[Block] = []
    started = False  # past the header: the first paragraph, list or image
    for block in blocks:
        words = block.text
        if block.kind != "figure" and is_chrome(words):
            continue
        if not started:
            if block.kind.startswith("h") and _same(words, title):
                continue
            if block.kind.startswith("h") and subtitle is None and not out and len(words.split()) >= 4:
                subtitle = words
                continue
            if block.kind == "p" and (read_header_line(words, facts) or (facts.author and _same(words, facts.author))):
                continue
            started = block.kind in ("p", "ul", "ol", "figure", "quote", "table")
        out.append(block)
    while out and out[-1].kind == "p" and (read_header_line(out[-1].text, HeaderFacts())):
        out.pop()
    return out, subtitle


def lead_figure(tree: Any, image: str | None, blocks: list[Block], *, images_base: str) -> Figure | None:
    """The page's lead image (og:image), when the page shows it above the text and the text does not:
    with the alt text and caption it has there."""
    if not image:
        return None
    shown = {_identity(b.figure.url) for b in blocks if b.figure}
    if _identity(image) in shown:
        return None
    for img in tree.iter("img"):
        if img.get("src") and _identity(img.get("src")) == _identity(resolve(image, images_base)):
            return Figure(img.get("src"), img.get("alt") or "", img.get("title") or "")
    return None


def page_dates(tree: Any) -> dict[str, str]:
    """The publication and modification dates the page's own JSON-LD or Open Graph tags give."""
    out: dict[str, str] = {}
    for script in tree.xpath("//script[@type='application/ld+json']"):
        try:
            data = json.loads(script.text or "")
        except json.JSONDecodeError:
            continue
        for item in _items(data):
            if "Article" in str(item.get("@type", "")) or "BlogPosting" in str(item.get("@type", "")):
                for key, name in (("datePublished", "published"), ("dateModified", "modified")):
                    if isinstance(item.get(key), str) and re.match(r"\d{4}-\d{2}-\d{2}", item[key]):
                        out.setdefault(name, item[key][:10])
    for prop, name in (("article:published_time", "published"), ("article:modified_time", "modified")):
        for value in tree.xpath(f"//meta[@property='{prop}']/@content"):
            if re.match(r"\d{4}-\d{2}-\d{2}", value):
                out.setdefault(name, value[:10])
    return out


def page_language(tree: Any) -> str | None:
    lang = (tree.get("lang") or "").split("-")[0].lower()
    return lang if re.fullmatch(r"[a-z]{2,3}", lang) else None


def largest(srcset: str) -> str:
    """The widest candidate of a srcset."""
    best, width = "", -1.0
    for candidate in srcset.split(","):
        parts = candidate.split()
        if parts:
            size = _number(parts[1].rstrip("wx")) if len(parts) > 1 else 1.0
            if size > width:
                best, width = parts[0], size
    return best


def _identity(url: str) -> str:
    """An image's address without sizes and resizing paths: the same picture at another size matches."""
    return re.sub(r"-\d+x\d+$", "", file_stem(url))


def _items(data: Any) -> list[dict[str, Any]]:
    if isinstance(data, list):
        return [i for d in data for i in _items(d)]
    if isinstance(data, dict):
        return [data, *(_items(data["@graph"]) if "@graph" in data else [])]
    return []


def _number(value: str | None) -> float:
    try:
        return float(re.sub(r"[^\d.]", "", value or "") or "inf")
    except ValueError:
        return float("inf")


def _same(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold().strip(" .") == " ".join(b.split()).casefold().strip(" .")


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
