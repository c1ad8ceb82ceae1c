"""Every address of the site in one place: page files, published URLs, card images and anchors.

A page is named by its Markdown file under docs/<lang>/ ('people/gutseriev.md'); MkDocs
publishes it at '<site_url><lang>/people/gutseriev/'. Anchors of single facts are stable:
they are made from the fact's own date, kind and source, so links shared today keep working
when facts are added before or after them.
"""

from __future__ import annotations

import posixpath

from scripts.content import model as m
from scripts.content.crossings import StatusChange
from scripts.content.documents import FactKind, LinkedKind
from scripts.content.prisoners import Prisoner

HOME = "index.md"
PRISONERS = "political-prisoners.md"
DATA = "data.md"
TRANSLATIONS = "translations.md"
ARTICLES = "articles/index.md"
"""Every article, newest first."""
ACT = "act/index.md"
"""Every action (a letter to send), in its language."""
BIRTHDAYS = "prisoners/birthdays.md"
"""The held prisoners' birthdays of this month and the next."""
POSTCARD = "write/postcard.md"
"""The back of a postcard to a prisoner (printed to postcard.pdf)."""
EVENING = "write/evening.md"
"""The sheet for a letter-writing evening (printed to evening.pdf)."""
CALENDAR = "calendar.ics"
"""The calendar of solidarity days, in the language's folder."""
FEED = "feed.xml"
EMBED = "embed/political-prisoners"
"""The embeddable counter of the headline series, without its suffix (.svg, .html, .json)."""


def fact_page(kind: FactKind | LinkedKind, ident: str) -> str:
    """The page of one fact sheet: 'people/gutseriev.md'; every series is on the prisoners page."""
    return PRISONERS if kind == "series" else f"{kind}/{ident}.md"


def index_page(kind: LinkedKind) -> str:
    return f"{kind}/index.md"


def article_page(slug: str) -> str:
    """An article is a folder's index page, so that its images sit beside it: articles/<slug>/images/."""
    return f"articles/{slug}/index.md"


def article_images(slug: str) -> str:
    """Where an article's images are published (its Markdown refers to them as images/<file>)."""
    return f"articles/{slug}/images"


def action_page(slug: str) -> str:
    return f"act/{slug}.md"


def letter_file(slug: str) -> str:
    """An action's letter as plain text, beside its page: act/<slug>/letter.txt."""
    return f"act/{slug}/letter.txt"


def text_page(slug: str) -> str:
    return f"{slug}.md"


def data_file(name: str) -> str:
    return f"data/{name}"


def url_path(page: str) -> str:
    """The path of a page's address below its language: 'people/gutseriev/', '' for the home page."""
    stem = page.removesuffix(".md")
    return "" if stem == "index" else stem.removesuffix("/index") + "/"


def page_url(site_url: str, lang: str, page: str) -> str:
    """The absolute published address of a page."""
    return f"{site_url}{lang}/{url_path(page)}"


def hreflang(site_url: str, codes: list[str], default: str, page: str) -> list[tuple[str, str]]:
    """(hreflang, absolute address) of a page in every language, then 'x-default': the default
    language's (every page exists in every language; what is not translated yet is shown marked)."""
    out = [(code, page_url(site_url, code, page)) for code in codes]
    return [*out, ("x-default", page_url(site_url, default, page))]


def card_path(page: str) -> str:
    """Where a page's social card goes, relative to docs/<lang>/: assets/cards/people/gutseriev.png."""
    stem = page.removesuffix(".md")
    return f"assets/cards/{stem if page == ARTICLES else stem.removesuffix('/index')}.png"


def relpath(target: str, start: str) -> str:
    """``posixpath.relpath`` for paths inside one tree, without asking the file system where it is (an
    index page links hundreds of pages: this is called thousands of times a build)."""
    parts, base = target.split("/"), start.split("/")
    if any(p in ("", ".", "..") for p in parts + base) and (target, start) != (".", "."):
        return posixpath.relpath(target, start)  # not a plain path: the general answer
    if start == ".":
        base = []
    if target == ".":
        parts = []
    same = 0
    while same < min(len(parts), len(base)) and parts[same] == base[same]:
        same += 1
    return "/".join([".."] * (len(base) - same) + parts[same:]) or "."


def relative(target: str, here: str) -> str:
    """A link from the page file ``here`` to the file ``target`` (both relative to docs/<lang>/)."""
    return relpath(target, posixpath.dirname(here) or ".")


def relative_url(target: str, here: str) -> str:
    """The published address of the page file ``target`` relative to that of ``here``, for raw HTML
    (MkDocs rewrites Markdown links, not these): 'terespol/' from 'crossings/index.md'."""
    return relpath(url_path(target) or ".", url_path(here) or ".") + "/"


def up_to_language_root(page: str) -> str:
    """From a page's published address back to the site root: '../../../' for 'people/x.md' under /en/."""
    return "../" * (url_path(page).count("/") + 1)


# --- anchors of single facts ---------------------------------------------------------------

def event_anchor(sanction: m.Sanction, event: m.SanctionEvent) -> str:
    """One sanction step on its page (and in the feed): 'eu-2021-06-21-listed'."""
    return f"{sanction.authority}-{event.date}-{event.event}"


def status_anchor(change: StatusChange) -> str:
    """One status change on a crossing's page: 'status-2023-02-10-closed'."""
    return f"status-{change.date}-{change.status}"


def point_anchor(series_id: str, point: m.DataPoint) -> str:
    """One count on the prisoners page: 'political-prisoners-2025-12-23-reform-2025'."""
    return f"{series_id}-{point.date}-{point.source}"


def source_anchor(source: m.Source) -> str:
    return f"source-{source.id}"


def _numbered(bases: list[str]) -> list[str]:
    """Each anchor as given, with '-2', '-3', ... added where it repeats one before it."""
    out: list[str] = []
    for base in bases:
        anchor, n = base, 1
        while anchor in out:
            n += 1
            anchor = f"{base}-{n}"
        out.append(anchor)
    return out


def sanction_anchors(item: m.Wallet) -> list[str]:
    """Stable anchors for a wallet's sanctions: 'eu-2021-06-21', '-2' added if repeated."""
    return _numbered([f"{sanction.authority}-{sanction.listed}" for sanction in item.sanctions])


def history_anchors(item: Prisoner) -> list[str]:
    """Stable anchors for a prisoner's records: 'detained-2021-03-25', '-2' added if repeated."""
    return _numbered([f"{event.event.replace('_', '-')}-{event.date}" for event in item.history])
