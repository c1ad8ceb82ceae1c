"""Render the pages of one language into MkDocs input: Markdown with front matter, from Jinja templates.

The templates get the page (a typed object from scripts.render.pages) and a small set of
helpers: labels and texts in the page's language (with fallbacks marked), dates and
numbers, links between pages, links to sources, and the anchors of single facts.
"""

from __future__ import annotations

import datetime as dt
import html
import json
from collections.abc import Callable
from functools import cached_property
from typing import Any
from urllib.parse import quote

from babel.dates import format_skeleton

from scripts.content import model as m
from scripts.content.crossings import Crossing
from scripts.content.documents import LINKED_KINDS, Content
from scripts.content.fields import PartialDate
from scripts.content.freshness import as_of as freshness_as_of
from scripts.content.freshness import is_stale
from scripts.content.prisoners import MonthDay, PrisonerEvent
from scripts.i18n.locale import Locale
from scripts.i18n.translations import Status, lang_texts
from scripts.render import charts, maps, routes, social
from scripts.render.direct import Direct
from scripts.render.kit import EveningPage, PostcardPage, PrisonerPage
from scripts.render.letters import compose
from scripts.render.leverage import (
    SANCTIONS,
    Cell,
    ReleasesPage,
    SanctionsPage,
    gaps,
    release_text,
    relief_text,
    timeline_svg,
)
from scripts.render.links import add_notes, link_targets
from scripts.render.markup import (
    Md,
    css_string,
    environment,
    escape,
    external,
    html_lines,
    html_text,
    letter_html,
    qr_svg,
    sized_images,
)
from scripts.render.page import HandWrittenPage, Page
from scripts.render.pages import ActionPage, ArticlePage, CrossingPage, SeriesPage, WalletPage, all_pages
from scripts.render.phrases import body_name, criminal_articles, prisoner_line, since_text
from scripts.store import Store, digest


class Renderer:
    """Renders every page of one language."""

    def __init__(self, content: Content, lang: str, updated: dict[str, dt.date], today: dt.date,
                 statuses: list[Status] | None = None, factsheets: bool = False, store: Store | None = None,
                 sizes: dict[str, dict[str, tuple[int, int]]] | None = None):
        self.content = content
        self.sizes = sizes or {}
        """Article slug -> image name -> (width, height): every image is shown at its own size."""
        self.factsheets = factsheets
        """Are fact sheets published as PDFs (`make factsheets`)? Then their pages link them."""
        self.statuses = statuses
        self.today = today
        self.locale = Locale.of(content, lang)
        self.lang = lang
        self.updated = updated
        self.here = ""
        """The page being rendered (links are made relative to it)."""
        self.env = environment(store)
        loc = self.locale
        self.env.globals.update(
            ui=loc.ui, t=self.t, date=loc.date, num=loc.num, link=self.link, ext=external,
            source_link=self.source_link, cited_link=self.cited_link, fact_link=self.fact_link, site=content.site,
            lang=lang,
            share=self.share_links, page_url=self.page_url, md=Md, untranslated=self.untranslated,
            since_text=lambda item: since_text(loc, item), authority=lambda ident: self.t_body(ident),
            country=lambda ident: self.t(content.countries[ident].name),
            article_page=routes.article_page, embed_snippet=self.embed_snippet, embed_path=routes.EMBED,
            action_page=routes.action_page, h=html_text, source_html=self.source_html, th=self.th, lines=html_lines,
            letter_html=letter_html,
            countries=lambda ids: ", ".join(self.locale.text(content.countries[i].name) for i in ids),
            contact_stale=lambda item, r: (today - item.source(r.source).accessed.last_day()).days > r.refresh_days,
            openings=lambda action: [compose(content, loc, action, i).opening for i in range(len(action.openings))],
            event_anchor=routes.event_anchor, status_anchor=routes.status_anchor, point_anchor=routes.point_anchor,
            chart_series=lambda ident, s: Md(charts.series_svg(loc, ident, s)),
            chart_timeline=lambda ident, c: Md(charts.timeline_svg(loc, ident, c, today)),
            chart_overview=lambda counts: Md(charts.overview_svg(loc, counts)),
            default_name=loc.language_name(loc.default), language_name=loc.language_name,
            joined=lambda values, sep: Md(sep.join(str(escape(v)) for v in values)),
            basis=self.basis, figure=self.figure, stale=lambda item: is_stale(item, today),
            as_of=freshness_as_of, by_status=by_status, factsheet=self.factsheet, factsheet_link=self.factsheet_link,
            crossings_map=self.crossings_map,
            write_kit="write.md" if "write" in content.pages else None,
            gaps=lambda row: gaps(content, loc, row), release_text=lambda r: release_text(loc, r),
            relief_text=lambda r: relief_text(loc, content, r),
            releases_chart=lambda item: Md(timeline_svg(loc, content, item, today)),
            sanctions_page=SANCTIONS if content.authorities else None, align_cell=self.align_cell,
            wallet_name=lambda ident: loc.text((content.people.get(ident) or content.companies[ident]).name),
            wallet_path=lambda ident: routes.fact_page("people" if ident in content.people else "companies", ident),
            pdf_href=lambda target, name: routes.relative_url(target, self.here) + name,
            prisoner_line=lambda item: prisoner_line(loc, item), day_month=self.day_month, plain=loc.text,
            event_details=self.event_details, month_of=lambda day: PartialDate(day.year, day.month),
            calendar_href=lambda: "../" * routes.url_path(self.here).count("/") + routes.CALENDAR,
            calendar_source=lambda ident: content.calendar.source(ident) if content.calendar else None,
        )
        # the same helpers for the pages written as HTML: text escaped for HTML only, not for Markdown
        html_helpers: dict[str, Any] = {
            "t": self.th, "authority": lambda ident: self.t_body(ident, self.th),
            "basis": lambda kind: self.basis(kind, html.escape),
            "align_cell": lambda cell: self.align_cell(cell, html.escape)}
        self.direct = Direct({**self.env.globals, **html_helpers}, lambda: self.here, store)

    # --- helpers for templates -----------------------------------------------------------

    def t(self, value: dict[str, str] | None) -> str:
        """Text for the page body: a fallback to the default language is marked with its lang."""
        picked = self.locale.pick(value)
        if not picked.fallback:
            return picked.text
        return Md(f'<span lang="{picked.lang}">{escape(picked.text)}</span>')

    def th(self, value: dict[str, str] | None) -> Md:
        """``t`` for raw HTML: the text HTML-escaped, a fallback to the default language marked with its lang."""
        picked = self.locale.pick(value)
        if not picked.fallback:
            return html_text(picked.text)
        return Md(f'<span lang="{picked.lang}">{html.escape(picked.text)}</span>')

    def basis(self, kind: str, esc: Callable[[str], str] = escape) -> Md:
        """What kind of fact a record is, as a small label: official, reported, announced (``esc``: how text
        is escaped, for Markdown by default)."""
        return Md(f'<span class="basis basis--{kind}">{esc(self.locale.ui("kind_" + kind))}</span>')

    def figure(self, point: m.DataPoint) -> str:
        """A count as the source gives it: '1,135', 'at least 8,000'."""
        if point.bound:
            return self.locale.ui(f"value_{point.bound}", value=point.value)
        return self.locale.num(point.value)

    def day_month(self, day: MonthDay) -> str:
        """A day of the year as this language writes it: 16 April, 16 красавіка."""
        return format_skeleton("MMMMd", day.in_year(2000), locale=self.locale.babel)

    def event_details(self, event: PrisonerEvent) -> Md:
        """What a prisoner's record says beyond its kind: the sentence, the articles, the place, a note."""
        parts = [self.t(event.term) if event.term else ""]
        if event.articles:
            parts.append(criminal_articles(self.locale, event.articles))
        if event.place:
            parts.append(self.t(event.place))
        if event.note:
            parts.append(self.t(event.note))
        return Md(" · ".join(str(escape(part)) if not isinstance(part, Md) else part for part in parts if part))

    def align_cell(self, cell: Cell, esc: Callable[[str], str] = escape) -> Md:
        """One cell of the sanctions matrix: its state as a badge, with its date."""
        label = esc(self.locale.ui("align_state_" + cell.state))
        if cell.state == "ended" and cell.sanction is not None:
            label = esc(self.locale.ui("sanction_" + cell.sanction.status))
        when = f"<br><small>{esc(self.locale.date(cell.date))}</small>" if cell.date else ""
        return Md(f'<span class="status status--align-{cell.state}">{label}</span>{when}')

    def t_body(self, ident: str, t: Callable[[dict[str, str] | None], str] | None = None) -> str:
        """A body's short name (or its name) in the page's language, by ``t`` (``self.t`` by default)."""
        body = self.content.bodies[ident]
        t = t or self.t
        return t(body.short) or t(body.name)

    def untranslated(self, item: m.SourcedFile) -> bool:
        """Does any text of this fact sheet fall back to the default language?"""
        return any(self.lang not in texts for texts in lang_texts(item).values())

    def link(self, label: Any, target: str, anchor: str = "", here: str | None = None) -> Md:
        """A Markdown link from the page being rendered (or ``here``) to another generated page."""
        rel = routes.relative(target, self.here if here is None else here)
        return Md(f"[{escape(label)}]({rel}{'#' + anchor if anchor else ''})")

    def source_link(self, item: m.SourcedFile, source_id: str) -> Md:
        """A record's source: its publisher, linked to its numbered note in the page's sources."""
        source = item.source(source_id)
        number = item.sources.index(source) + 1
        return Md(f"[{escape(source.publisher)}](#{routes.source_anchor(source)})"
                  f'<sup class="source-ref">{number}</sup>')

    def source_html(self, item: m.SourcedFile, source_id: str) -> Md:
        """``source_link`` for raw HTML."""
        source = item.source(source_id)
        number = item.sources.index(source) + 1
        return Md(f'<a href="#{routes.source_anchor(source)}">{html.escape(source.publisher)}</a>'
                  f'<sup class="source-ref">{number}</sup>')

    def cited_link(self, cited: list[m.Source], source: m.Source) -> Md:
        """The same on the prisoners page, whose notes are the sources of every series (one note per address)."""
        number = next(n for n, s in enumerate(cited, 1) if s.url == source.url)
        return Md(f'[{escape(source.publisher)}](#cited-{number})<sup class="source-ref">{number}</sup>')

    def fact_link(self, anchor: str) -> Md:
        """The anchor of one fact (a table row), a link to it, and the control that copies it."""
        url = html.escape(f"{self.page_url(self.here)}#{anchor}")
        label = html.escape(self.locale.ui("link_to_fact"))
        return Md(f'<a class="fact-link" id="{anchor}" href="#{anchor}" data-clipboard-text="{url}" '
                  f'title="{label}" aria-label="{label}">#</a>')

    def factsheet(self, page: Page) -> Md:
        """On paper, a QR code of the page's address beside the title (the footer of every printed sheet
        is in the page's head: see ``sheet_footer``)."""
        url = self.page_url(page.path)
        latest = html.escape(self.locale.ui("factsheet_latest"))
        return Md(f'<div class="factsheet__top" aria-hidden="true">{qr_svg(url, latest)}'
                  f'<p>{latest}:<br>{html.escape(url)}</p></div>\n')

    def factsheet_link(self, page: Page) -> Md:
        """The link to the page's PDF, when the build prints them (`make factsheets`)."""
        if not self.factsheets or page.pdf is None:
            return Md("")
        label = html.escape(self.locale.ui("act_pdf" if isinstance(page, ActionPage) else "factsheet_download"))
        return Md(f'\n<p class="factsheet__download"><a href="{page.pdf}" type="application/pdf">{label}</a></p>\n')

    def sheet_footer(self, page: Page) -> str:
        """The footer of every printed sheet of a fact page: site, as-of date, address."""
        when = self.today if isinstance(page, EveningPage) else sheet_as_of(page)
        as_of = self.locale.ui("factsheet_as_of", date=self.locale.date(when))
        return f"{self.locale.text(self.content.site.name)} · {as_of} · {self.page_url(page.path)}"

    def crossings_map(self, focus: str | None = None) -> Md:
        """The map of the crossings, each linked from the page being rendered (or one crossing's locator)."""
        href = {ident: routes.relative_url(routes.fact_page("crossings", ident), self.here)
                for ident in self.content.crossings}
        return Md(maps.crossings_map(self.locale, self.content.crossings, self.content.countries, href, focus))

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
        return routes.page_url(self.content.site.site_url, self.lang, path)

    def embed_snippet(self, kind: str) -> Md:
        """The HTML another site copies to show the live counter, as a Markdown code block."""
        base = f"{self.content.site.site_url}{self.lang}/{routes.EMBED}"
        title = html.escape(self.locale.ui("embed_title"), quote=True)
        page = self.page_url(routes.PRISONERS)
        if kind == "image":
            code = f'<a href="{page}"><img src="{base}.svg" alt="{title}" width="400" height="120"></a>'
        else:
            code = (f'<iframe src="{base}.html" title="{title}" width="400" height="120" '
                    'style="border:0" loading="lazy"></iframe>')
        return Md("    " + code)

    # --- pages -----------------------------------------------------------------------------

    def pages(self) -> list[Page]:
        pages = all_pages(self.content, self.locale, self.today, self.statuses, self.factsheets)
        for page in pages:
            page.card = social.card(self.content, self.locale, page)
        return pages

    def article_body(self, page: ArticlePage) -> Md:
        """The author's text, in a block that MkDocs links to fact pages, with the latest figures beside
        stated ones, and every image at its own size."""
        self.here = page.path
        notes = [(tie.phrase, self.figure_note(tie.series)) for tie in page.doc.meta.figures]
        claim = self.env.get_template("claim-note.md.j2")
        notes += [(note.phrase, claim.render(note=note, path=self.fact_path(note.fact)))
                  for note in page.doc.meta.notes]
        return Md(sized_images(add_notes(page.doc.body, notes), self.sizes.get(page.slug, {})))

    def fact_path(self, ident: str) -> str:
        """The page of the person, company, crossing or prisoner with this id."""
        kind = next(k for k in LINKED_KINDS if ident in self.content.facts(k))
        return routes.fact_page(kind, ident)

    def figure_note(self, ident: str) -> str:
        series = self.content.series[ident]
        point = series.latest
        anchor = "" if ident == self.content.site.headline_series else ident
        return self.env.get_template("figure-note.md.j2").render(
            series=series, point=point, source=series.source(point.source),
            counter=body_name(self.locale, self.content.bodies[point.counted_by]), anchor=anchor)

    @cached_property
    def fact_links_digest(self) -> str:
        return digest(link_targets(self.content))

    def updated_of(self, page: Page) -> dt.date | None:
        """When the newest of the page's sources last changed."""
        dates = [self.updated[s] for s in page.sources if s in self.updated]
        return max(dates) if dates else None

    def render(self, page: Page) -> str:
        self.here = page.path
        dates = [self.updated[s] for s in page.sources if s in self.updated]
        extra: dict[str, Any] = {}
        if isinstance(page, ArticlePage):
            extra["body"] = self.article_body(page)
        if isinstance(page, HandWrittenPage):  # the corrections page too
            extra["body"] = Md(page.doc.body)
        if page.template.endswith(".html.j2"):  # written as HTML: MkDocs converts no Markdown for it (direct)
            body, toc = self.direct.render(page.template, page=page, updated=max(dates) if dates else None)
            return str(self.front_matter(page, toc)) + body
        template = self.env.get_template(page.template)
        return template.render(page=page, updated=max(dates) if dates else None, front=self.front_matter(page),
                               **extra)

    def front_matter(self, page: Page, toc: list[dict[str, Any]] | None = None) -> Md:
        # MkDocs themes print titles and descriptions without escaping them (they expect
        # HTML from Markdown headings), so text from content is HTML-escaped here.
        fields: dict[str, Any] = {"title": html.escape(page.title)}
        if page.description:
            fields["description"] = html.escape(page.description)
        if page.path in (routes.HOME, routes.ARTICLES):  # a table of contents would repeat the page
            fields["hide"] = ["toc"]  # the navigation stays: on a wide screen it is the only way on
        if isinstance(page, PostcardPage):  # main.html sets the paper (A6) and leaves the margins empty
            fields["print_size"] = "148mm 105mm"  # A6 across (Chromium does not take "A6 landscape" here)
        elif page.pdf:  # main.html puts it in a page margin box of the print stylesheet
            fields["print_footer"] = css_string(self.sheet_footer(page))
        if isinstance(page, ArticlePage):  # MkDocs links the names in it (scripts.render.links): when they change,
            fields["fact_links"] = self.fact_links_digest  # so does the page
        if toc is not None:  # the hook gives MkDocs this HTML body and table of contents (scripts.site.hooks)
            fields.update(html_body=True, toc=toc)
        fields["alternates"] = self.alternates(page.path)
        fields["search"] = {"exclude": True}  # Material indexes no page: the site's pipeline does (scripts.site.finish)
        fields["social"] = social.open_graph(self.content, self.locale, page)
        data = social.structured_data(self.content, self.locale, page)
        fields["jsonld"] = json.dumps(data, ensure_ascii=False).replace("<", "\\u003c")
        lines = [f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in fields.items()]
        return Md("---\n" + "\n".join(lines) + "\n---\n")

    def alternates(self, path: str) -> list[dict[str, str]]:
        """The same page in every language, linked relative to this page (the language switcher; the
        absolute hreflang addresses are in the sitemap: scripts.site.finish)."""
        url_path = routes.url_path(path)
        up = routes.up_to_language_root(path)
        return [{"lang": language.code, "name": html.escape(language.name), "rel": f"{up}{language.code}/{url_path}"}
                for language in self.content.site.languages]

    def nav(self, pages: list[Page]) -> list[dict[str, str]]:
        """The sidebar: landing pages and indexes only (entity pages are reached from tables).

        Titles are HTML-escaped: MkDocs themes print nav titles as they are.
        """
        ui = self.locale.ui
        entries = [(ui("home"), routes.HOME),
                   (ui("act"), routes.ACT),
                   (ui("articles"), routes.ARTICLES),
                   (ui("political_prisoners"), routes.PRISONERS)]
        if self.content.prisoners:
            entries.append((ui("prisoners"), routes.index_page("prisoners")))
        entries += [(p.title, p.path) for p in pages if isinstance(p, SanctionsPage | ReleasesPage)]
        entries += [(ui(kind), routes.index_page(kind)) for kind in ("people", "companies", "crossings")]
        entries += [(p.title, p.path) for p in pages if isinstance(p, HandWrittenPage)]
        entries.append((ui("data"), routes.DATA))
        entries.append((ui("translations"), routes.TRANSLATIONS))
        return [{html.escape(title): path} for title, path in entries]


def sheet_as_of(page: Page) -> PartialDate:
    """A fact sheet is as current as the last time its sources were read."""
    if isinstance(page, WalletPage | CrossingPage | ActionPage | PrisonerPage):
        sources = page.item.sources
    elif isinstance(page, SeriesPage):
        sources = page.cited
    else:
        raise TypeError(f"{page.path} is not a fact sheet")
    return max(source.accessed for source in sources)


def by_status(item: Crossing) -> list[tuple[str, list[str]]]:
    """The crossing's traffic grouped by its status now: [('open', ['cars', 'buses']), ('restricted', ['freight'])]."""
    groups: dict[str, list[str]] = {}
    for kind, change in item.statuses().items():
        groups.setdefault(change.status, []).append(kind)
    return [(status, groups[status]) for status in ("open", "restricted", "closed") if status in groups]


