"""Render the model into MkDocs input: Markdown pages per language, from Jinja templates.

Every ``{{ value }}`` in a template is escaped for Markdown and HTML by the environment's
``finalize`` hook, so a name containing ``<script>`` or ``*`` shows as text. Helpers that
build Markdown on purpose (links) return ``Md`` values, which pass through unchanged.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import posixpath
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

import jinja2
from babel import Locale
from babel.dates import format_date, format_skeleton
from babel.numbers import format_decimal
from markupsafe import Markup

from scripts import charts, social
from scripts import model as m
from scripts.cards import Card
from scripts.load import Content, Markdown
from scripts.opendata import SCHEMAS
from scripts.ties import Linker, Target, add_notes
from scripts.translations import lang_texts, report
from scripts.types import PartialDate

TEMPLATES = Path(__file__).parent / "templates"
_MD_INLINE = re.compile(r"([\\`*_{}\[\]|])")
"""Characters that start Markdown syntax anywhere in a line (| for tables, { for attribute lists)."""
_MD_LINE_START = re.compile(r"^(#|>|[+-](?=\s)|\d+(?=[.)]\s))")
"""What starts a heading, quote, list item or numbered item at the beginning of a line."""


class Md(Markup):
    """Markdown produced by the generator itself (or a template macro): not escaped again."""


def escape(value: Any) -> Markup:
    """Make any value safe to place in Markdown: shown as written, never interpreted."""
    if isinstance(value, Markup):
        return value
    if value is None:
        return Markup("")
    text = html.escape(re.sub(r"[ \t\r\n]+", " ", str(value)).strip(), quote=True)  # keeps no-break spaces
    text = _MD_INLINE.sub(r"\\\1", text)
    return Markup(_MD_LINE_START.sub(lambda m: m.group(1) + "\\" if m.group(1)[0].isdigit() else "\\" + m.group(1),
                                     text))


@dataclass
class Page:
    """One generated Markdown file."""

    path: str
    """Relative to docs/<lang>/, e.g. 'people/gutseriev.md'."""
    template: str
    title: str
    description: str
    sources: list[str]
    """Content files the page is made from (for 'last updated')."""
    data: dict[str, Any]
    card: Card | None = None
    """The page's social card (set by Renderer.pages)."""

    @property
    def card_path(self) -> str:
        """Where the card goes, relative to docs/<lang>/: assets/cards/people/gutseriev.png."""
        return f"assets/cards/{self.path.removesuffix('.md')}.png"


class Renderer:
    """Renders every page of one language."""

    def __init__(self, content: Content, lang: str, updated: dict[str, dt.date], today: dt.date | None = None):
        self.content = content
        self.today = today or dt.date.today()
        self.lang = lang
        self.default = content.site.default_language
        self.language = next(language for language in content.site.languages if language.code == lang)
        self.locale = Locale.parse(self.language.babel_locale)
        """Parsed once: Babel would parse a locale name again on every date and number."""
        self.updated = updated
        self.ui_strings = content.ui.get(lang)
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(TEMPLATES),
            undefined=jinja2.StrictUndefined,
            finalize=escape,
            autoescape=True,
            keep_trailing_newline=True,
            trim_blocks=True,
            lstrip_blocks=True,
        )
        self.env.globals.update(
            ui=self.ui, t=self.t, date=self.date, num=self.num, link=self.link,
            ext=self.external, source_link=self.source_link, site=content.site, lists=content.lists,
            lang=lang, share=self.share_links, json=lambda v: Md(json.dumps(v, ensure_ascii=False)),
            chart_series=lambda ident, s: Md(charts.series_svg(self, ident, s)),
            chart_timeline=lambda ident, c: Md(charts.timeline_svg(self, ident, c, self.today)),
            chart_overview=lambda items: Md(charts.overview_svg(self, status_counts(items))),
            since_text=self.since_text, event_anchor=event_anchor, status_anchor=status_anchor,
            point_anchor=point_anchor, md=Md, untranslated=self.untranslated, page_url=self.page_url,
            fact_link=self.fact_link,
            default_name=next(x.name for x in content.site.languages if x.code == content.site.default_language),
            language_name=lambda code: next(x.name for x in content.site.languages if x.code == code),
            joined=lambda values, sep: Md(sep.join(str(escape(v)) for v in values)),
        )
        self.here = ""
        self.linker = Linker(content)
        self.mentions: dict[Target, list[tuple[str, str]]] = {}
        """Fact page -> (slug, title) of each article that mentions it, in this language."""
        for slug, versions in content.articles.items():
            article = self.version(versions)
            for target in self.linker.mentions(article.body):
                self.mentions.setdefault(target, []).append((slug, article.meta.title))

    # --- helpers for templates -----------------------------------------------------------

    def ui(self, key: str) -> str:
        return self.ui_text(self.content, self.lang, key)

    @staticmethod
    def ui_text(content: Content, lang: str, key: str) -> str:
        """A label in ``lang``, or in the default language when it is not translated."""
        value = getattr(content.ui.get(lang), key, None)
        return str(value or getattr(content.ui[content.site.default_language], key))

    @staticmethod
    def pick(value: dict[str, str] | None, lang: str, default: str) -> str:
        """The text in ``lang``, or the default language's."""
        if not value:
            return ""
        return value.get(lang) or value[default]

    def text(self, value: dict[str, str] | None) -> str:
        """Plain text in this language, or the default language's (for titles, attributes)."""
        return self.pick(value, self.lang, self.default)

    def t(self, value: dict[str, str] | None) -> str:
        """Text for the page body: a fallback to the default language is marked with its lang."""
        if not value:
            return ""
        if self.lang in value:
            return value[self.lang]
        return Md(f'<span lang="{self.default}">{escape(value[self.default])}</span>')

    def untranslated(self, item: Any) -> bool:
        """Does any text of this fact sheet fall back to the default language?"""
        return any(self.lang not in texts for texts in lang_texts(item).values())

    def date(self, value: PartialDate | dt.date | None, after_since: bool = False) -> str:
        """A date as this language writes it (Babel). ``after_since``: the month in the case a
        preposition takes ('od października 2025', 'с октября 2025 г.'), not the stand-alone form."""
        if value is None:
            return ""
        if isinstance(value, dt.date):
            return format_date(value, "long", locale=self.locale)
        if value.precision == "day":
            return format_date(value.first_day(), "long", locale=self.locale)
        if value.precision == "month":
            if after_since:
                pattern = self.locale.datetime_skeletons["yMMMM"].pattern.replace("LLLL", "MMMM")
                return format_date(value.first_day(), pattern, locale=self.locale)
            return format_skeleton("yMMMM", value.first_day(), locale=self.locale)
        return str(value.year)

    def num(self, value: int) -> str:
        return format_decimal(value, locale=self.locale)

    def link(self, label: Any, target: str, anchor: str = "", here: str | None = None) -> Md:
        """A Markdown link from the page being rendered (or ``here``) to another generated page."""
        here = self.here if here is None else here
        rel = posixpath.relpath(target, posixpath.dirname(here) or ".")
        return Md(f"[{escape(label)}]({rel}{'#' + anchor if anchor else ''})")

    def external(self, label: Any, url: str) -> Md:
        return Md(f"[{escape(label)}](<{url}>)")

    def source_link(self, item: m.SourcedFile, source_id: str) -> Md:
        source = item.source(source_id)
        return Md(f"[{escape(source.publisher)}](#source-{source.id})")

    def fact_link(self, anchor: str) -> Md:
        """The anchor of one fact (a table row), a link to it, and the control that copies it."""
        url = html.escape(f"{self.page_url(self.here)}#{anchor}")
        label = html.escape(self.ui("link_to_fact"))
        return Md(f'<a class="fact-link" id="{anchor}" href="#{anchor}" data-clipboard-text="{url}" '
                  f'title="{label}" aria-label="{label}">#</a>')

    def share_links(self, path: str, title: str) -> list[tuple[str, str]]:
        url = self.page_url(path)
        q_url, q_title = quote(url, safe=""), quote(title, safe="")
        return [
            ("X", f"https://x.com/intent/post?text={q_title}&url={q_url}"),
            ("Facebook", f"https://www.facebook.com/sharer/sharer.php?u={q_url}"),
            ("Telegram", f"https://t.me/share/url?url={q_url}&text={q_title}"),
            ("WhatsApp", f"https://wa.me/?text={q_title}%20{q_url}"),
            ("E-mail", f"mailto:?subject={q_title}&body={q_url}"),
        ]

    def page_url(self, path: str) -> str:
        """The absolute published URL of a generated page."""
        stem = path.removesuffix(".md")
        stem = "" if stem == "index" else stem.removesuffix("/index") + "/"
        return f"{self.content.site.site_url}{self.lang}/{stem}"

    # --- pages -----------------------------------------------------------------------------

    def pages(self) -> list[Page]:
        c = self.content
        site = c.site
        wallets = [("people", k, v) for k, v in c.facts["people"].items()] + \
                  [("companies", k, v) for k, v in c.facts["companies"].items()]
        article = c.articles[site.article]
        headline = c.facts["series"][site.headline_series]
        out = [
            self.page("index.md", "home.md.j2", self.text(site.name), self.text(site.description),
                      self.all_sources(), wallets=wallets, headline=headline,
                      crossings=c.facts["crossings"], article=self.version(article)),
            self.page("political-prisoners.md", "series.md.j2", self.text(headline.title),
                      self.text(headline.description), self.kind_sources("series"),
                      series=sorted(c.facts["series"].items(),  # the headline first, then by order
                                    key=lambda kv: (kv[0] != site.headline_series, kv[1].order)),
                      headline=headline, cited=self.unique_sources(c.facts["series"].values())),
        ]
        for kind in ("people", "companies"):
            items = c.facts[kind]
            out.append(self.page(f"{kind}/index.md", "wallets.md.j2", self.ui(kind), "",
                                 self.kind_sources(kind), kind=kind, items=items))
            for ident, item in items.items():
                out.append(self.page(f"{kind}/{ident}.md", "wallet.md.j2", self.text(item.name),
                                     self.text(item.role), [c.paths[(kind, ident)]], kind=kind,
                                     item=item, ident=ident, sanction_anchors=sanction_anchors(item),
                                     mentioned=self.mentions.get(Target(kind, ident), []),
                                     related=[self.link(self.text(w.name), f"{k}/{i}.md", here=f"{kind}/{ident}.md")
                                              for k, i, w in c.related(item)],
                                     sectors=[self.t(c.lists["sectors"][s].name) for s in item.sectors],
                                     names=self.other_names(item)))
        out.append(self.page("crossings/index.md", "crossings.md.j2", self.ui("crossings"), "",
                             self.kind_sources("crossings"), items=c.facts["crossings"],
                             counts=status_counts(c.facts["crossings"])))
        for ident, item in c.facts["crossings"].items():
            sides = [Md(f"{escape(self.t(side.place))} ({escape(self.country(side.country))})") if side.place
                     else self.country(side.country) for side in item.sides]
            out.append(self.page(f"crossings/{ident}.md", "crossing.md.j2", self.text(item.name),
                                 self.crossing_summary(item), [c.paths[("crossings", ident)]],
                                 item=item, sides=sides, mentioned=self.mentions.get(Target("crossings", ident), []),
                                 names=self.other_names(item)))
        out.append(self.page("data.md", "data.md.j2", self.ui("data"), self.ui("data_intro"), self.all_sources(),
                             schemas=[f"{name}.schema.json" for name in SCHEMAS]))
        out.append(self.page("translations.md", "translations.md.j2", self.ui("translations"),
                             self.ui("translations_intro"), [], statuses=report(c)))
        for slug, versions in c.articles.items():
            doc = self.version(versions)
            out.append(self.page(f"articles/{slug}.md", "article.md.j2", doc.meta.title,
                                 doc.meta.description, [doc.rel], doc=doc,
                                 body=self.article_body(doc, f"articles/{slug}.md")))
        for slug, versions in sorted(c.pages.items(), key=lambda kv: self.version(kv[1]).meta.order):
            doc = self.version(versions)
            out.append(self.page(f"{slug}.md", "page.md.j2", doc.meta.title, doc.meta.description,
                                 [doc.rel], doc=doc))
        return out

    def article_body(self, doc: Markdown, here: str) -> Md:
        """The author's text with links to fact pages and the latest figures beside stated ones."""
        self.here = here
        folder = posixpath.dirname(here)
        linked = self.linker.link(doc.body, lambda t: posixpath.relpath(t.path, folder))
        notes = [(tie.phrase, self.figure_note(tie.series, here)) for tie in doc.meta.figures]
        return Md(add_notes(doc.body, linked, notes))

    def figure_note(self, ident: str, here: str) -> str:
        series = self.content.facts["series"][ident]
        point = series.latest
        source = series.source(point.source)
        counter = self.content.lists["bodies"][point.counted_by]
        anchor = "" if ident == self.content.site.headline_series else ident
        return self.env.get_template("figure-note.md.j2").render(
            series=series, point=point, source=source, counter=counter, anchor=anchor, here=here)

    def page(self, path: str, template: str, title: str, description: str,
             sources: list[str], **data: Any) -> Page:
        page = Page(path, template, title, description or self.text(self.content.site.description), sources, data)
        page.card = social.card(self, page)
        return page

    def since_text(self, item: m.Crossing) -> str:
        since = item.since
        if since.observed:
            return f"{self.ui('reported_on')} {self.date(since.date)}"
        return f"{self.ui('since')} {self.date(since.date, after_since=True)}"

    def version(self, versions: dict[str, Markdown]) -> Markdown:
        return versions.get(self.lang) or versions[self.default]

    @staticmethod
    def unique_sources(items: Iterable[m.SourcedFile]) -> list[m.Source]:
        seen: dict[str, m.Source] = {}
        for item in items:
            for source in item.sources:
                seen.setdefault(source.url, source)
        return list(seen.values())

    def kind_sources(self, kind: str) -> list[str]:
        return [rel for (k, _), rel in self.content.paths.items() if k == kind]

    def all_sources(self) -> list[str]:
        return list(self.content.paths.values())

    def other_names(self, item: m.Wallet | m.Crossing) -> list[str]:
        """Every spelling other than the one in the page's title: names in other languages, aliases."""
        shown = self.text(item.name)
        names = [*item.name.values(), *item.aliases]
        return [n for i, n in enumerate(names) if n != shown and n not in names[:i]]

    def country(self, ident: str) -> str:
        return self.t(self.content.lists["countries"][ident].name)

    def crossing_summary(self, item: m.Crossing) -> str:
        return f"{self.ui('status_' + item.current.status)} {self.since_text(item)}"

    def render(self, page: Page) -> str:
        self.here = page.path
        dates = [self.updated[s] for s in page.sources if s in self.updated]
        template = self.env.get_template(page.template)
        return template.render(page=page, updated=max(dates) if dates else None,
                               front=self.front_matter(page), **page.data)

    def front_matter(self, page: Page) -> Md:
        # MkDocs themes print titles and descriptions without escaping them (they expect
        # HTML from Markdown headings), so text from content is HTML-escaped here.
        fields: dict[str, Any] = {"title": html.escape(page.title)}
        if page.description:
            fields["description"] = html.escape(page.description)
        if page.path == "index.md":
            fields["hide"] = ["navigation", "toc"]
        fields["alternates"] = self.alternates(page.path)
        fields["social"] = social.social(self, page)
        fields["jsonld"] = json.dumps(social.structured_data(self, page), ensure_ascii=False).replace("<", "\\u003c")
        lines = [f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in fields.items()]
        return Md("---\n" + "\n".join(lines) + "\n---\n")

    def alternates(self, path: str) -> list[dict[str, str]]:
        """The same page in every language: absolute URL (hreflang) and link relative to this page."""
        url_path = self.page_url(path).removeprefix(f"{self.content.site.site_url}{self.lang}/")
        up = "../" * (url_path.count("/") + 1)
        out = [{"lang": language.code, "name": html.escape(language.name),
                "href": f"{self.content.site.site_url}{language.code}/{url_path}",
                "rel": f"{up}{language.code}/{url_path}"}
               for language in self.content.site.languages]
        default = next(a for a in out if a["lang"] == self.default)
        return [*out, {**default, "lang": "x-default"}]

    def nav(self, pages: Iterable[Page]) -> list[dict[str, str]]:
        """The sidebar: landing pages and indexes only (entity pages are reached from tables).

        Titles are HTML-escaped: MkDocs themes print nav titles as they are.
        """
        entries = [(self.ui("home"), "index.md"),
                   (self.ui("article"), f"articles/{self.content.site.article}.md"),
                   (self.ui("political_prisoners"), "political-prisoners.md")]
        entries += [(self.ui(kind), f"{kind}/index.md") for kind in ("people", "companies", "crossings")]
        entries += [(p.title, p.path) for p in pages if p.template == "page.md.j2"]
        entries.append((self.ui("data"), "data.md"))
        entries.append((self.ui("translations"), "translations.md"))
        return [{html.escape(title): path} for title, path in entries]


def status_counts(crossings: dict[str, m.Crossing]) -> dict[str, int]:
    """How many crossings are open, restricted and closed now."""
    counts = {"open": 0, "restricted": 0, "closed": 0}
    for crossing in crossings.values():
        counts[crossing.current.status] += 1
    return counts


def event_anchor(sanction: m.Sanction, event: m.SanctionEvent) -> str:
    """The anchor of one sanction step on its page (and in the feed): 'eu-2021-06-21-listed'."""
    return f"{sanction.authority}-{event.date}-{event.event}"


def status_anchor(change: m.StatusChange) -> str:
    """The anchor of one status change on a crossing's page: 'status-2023-02-10-closed'."""
    return f"status-{change.date}-{change.status}"


def point_anchor(series_id: str, point: m.DataPoint) -> str:
    """The anchor of one count on the prisoners page: 'political-prisoners-2025-12-23-reform-2025'."""
    return f"{series_id}-{point.date}-{point.source}"


def sanction_anchors(item: m.Wallet) -> list[str]:
    """Stable anchors for a wallet's sanctions: 'eu-2021-06-21', '-2' added if repeated."""
    out: list[str] = []
    for sanction in item.sanctions:
        base = f"{sanction.authority}-{sanction.listed}"
        anchor, n = base, 1
        while anchor in out:
            n += 1
            anchor = f"{base}-{n}"
        out.append(anchor)
    return out


def root_index(content: Content) -> str:
    """site/index.html: a language chooser that also redirects by the browser's language."""
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True,
                             undefined=jinja2.StrictUndefined)
    site = content.site
    languages = [
        (lang.code, lang.name, Renderer.pick(site.name, lang.code, site.default_language),
         Renderer.ui_text(content, lang.code, "choose_language"))
        for lang in site.languages
    ]
    return env.get_template("root-index.html.j2").render(
        languages=languages, default=site.default_language,
        codes=json.dumps(site.codes), site=site,
        description=Renderer.pick(site.description, site.default_language, site.default_language),
    )
