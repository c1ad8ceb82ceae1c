"""Phase 2 of validation: the rules that span files.

Each rule is a function of the loaded documents that returns problems: unique ids,
references that resolve (sources, authorities, countries, sectors, related entities, the
headline series and featured article), lists in date order, spellings that belong to one
fact page only, figure ties that quote the article exactly, and UI messages that fit
their language's plural rules.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from typing import Any
from urllib.parse import unquote, urljoin, urlsplit

from scripts.content import model as m
from scripts.content.actions import FACTS, SENDER, TOKEN, Action
from scripts.content.crossings import Crossing
from scripts.content.documents import FACT_KINDS, LINKED_KINDS, Article, Content, FactKind, Key, Positions
from scripts.content.fields import PartialDate
from scripts.content.leverage_rules import releases_file, wallet_authorities
from scripts.content.messageformat import check as check_message
from scripts.content.prisoners import Calendar, Prisoner
from scripts.content.references import FileIds, reference, references
from scripts.content.snapshot import Snapshot
from scripts.content.source import Doc, Loc
from scripts.content.ui import ARGUMENTS
from scripts.errors import Problem


def check(content: Content, positions: Positions, snapshot: Snapshot, earlier: list[Problem]) -> list[Problem]:
    """Every cross-file problem of ``content`` (read from ``snapshot``; ``earlier``: phase 1's problems)."""
    ids = FileIds(snapshot)
    broken = {problem.file for problem in earlier}
    problems = [*unique_ids(content), *site_references(content, positions, ids, snapshot),
                *spellings(content, positions), *ui_messages(content, positions)]
    for kind in FACT_KINDS:
        for ident, item in content.facts(kind).items():
            problems += fact_file(content, positions, ids, broken, kind, ident, item)
    for versions in content.articles.values():
        for article in versions.values():
            problems += figures(article, positions, ids)
    for slug, action in content.actions.items():
        problems += action_file(content, positions, snapshot, slug, action)
    if content.calendar is not None:
        problems += calendar_file(content.calendar, positions)
    if content.releases is not None:
        problems += releases_file(content, positions, ids, broken, content.releases)
    return problems


def unique_ids(content: Content) -> list[Problem]:
    """Fact pages share one address space: /people/x/ and /crossings/x/ must not share an id."""
    seen: dict[str, str] = {}
    out = []
    for kind in LINKED_KINDS:
        for ident in content.facts(kind):
            rel = content.paths[(kind, ident)]
            if ident in seen:
                out.append(Problem(rel, 0, "", f"the id '{ident}' (the file name) is also used by "
                                   f"{seen[ident]}: rename one of the files"))
            seen.setdefault(ident, rel)
    return out


def site_settings(site: m.SiteConfig, doc: Doc) -> Problem | None:
    """The first problem of site.yml that its shape cannot say: one default language, each language once, an
    address that ends with / and matches the custom domain."""
    default_count = sum(lang.default for lang in site.languages)
    if default_count != 1:
        return Problem(doc.rel, doc.line(("languages",)), "languages",
                       f"exactly one language must have 'default: true', found {default_count}")
    if not site.site_url.endswith("/"):
        return Problem(doc.rel, doc.line(("site_url",)), "site_url", f"must end with '/': write {site.site_url}/")
    path = unquote(urlsplit(site.site_url).path)
    if "//" in path or any(part in (".", "..") for part in path.split("/")):
        tidy = urljoin(site.site_url, ".")  # what a browser makes of it
        return Problem(doc.rel, doc.line(("site_url",)), "site_url",
                       f"the address has an empty, '.' or '..' folder in its path: write {tidy}")
    if site.custom_domain and urlsplit(site.site_url).netloc != site.custom_domain:
        return Problem(doc.rel, doc.line(("custom_domain",)), "custom_domain",
                       f"site_url must be https://{site.custom_domain}/ when custom_domain is {site.custom_domain}, "
                       f"found {site.site_url}")
    codes = [lang.code for lang in site.languages]
    for i, code in enumerate(codes):
        if code in codes[:i]:
            return Problem(doc.rel, doc.line(("languages", i, "code")), f"languages[{i}].code",
                           f"the language '{code}' is listed twice: keep one")
    return None


def site_references(content: Content, positions: Positions, ids: FileIds, snapshot: Snapshot) -> list[Problem]:
    site = content.site
    key = Key("site", "")
    out = []
    if site.headline_series not in ids("series"):
        out.append(reference(positions, key, ("headline_series",), site.headline_series, ids("series"),
                             "content/facts/series/"))
    articles = {p.name for p in snapshot.folders(snapshot.root / "content" / "articles")}
    if site.article not in articles:
        out.append(reference(positions, key, ("article",), site.article, articles, "content/articles/"))
    return out


def spellings(content: Content, positions: Positions) -> list[Problem]:
    """A name or alias points at one fact page only (for links and search)."""
    owners: dict[str, str] = {}
    out = []
    for kind in LINKED_KINDS:
        for ident, item in content.facts(kind).items():
            assert isinstance(item, m.Wallet | Crossing | Prisoner)
            doc = positions[Key(kind, ident)]
            spelled: list[tuple[Loc, str]] = [(("name", lang), name) for lang, name in item.name.items()]
            spelled += [(("aliases", i), alias) for i, alias in enumerate(item.aliases)]
            for loc, name in spelled:
                owner = owners.setdefault(name, doc.rel)
                if owner != doc.rel:
                    out.append(Problem(doc.rel, doc.line(loc), doc.where(loc), f"'{name}' is also a name in {owner}: "
                                       "a spelling may belong to one fact page only"))
    return out


def figures(article: Article, positions: Positions, ids: FileIds) -> list[Problem]:
    """Each figure tie and claim note quotes the article exactly and names a series or fact page that exists."""
    key = Key("markdown", article.rel)
    doc = positions[key]
    out = []
    for i, tie in enumerate(article.meta.figures):
        if tie.phrase not in article.body:
            loc: Loc = ("figures", i, "phrase")
            out.append(Problem(doc.rel, doc.line(loc), doc.where(loc), f"'{tie.phrase}' does not appear in the article "
                               "text: copy the words exactly as they stand"))
        if tie.series not in ids("series"):
            out.append(reference(positions, key, ("figures", i, "series"), tie.series, ids("series"),
                                 "content/facts/series/"))
    pages = {ident for kind in LINKED_KINDS for ident in ids(kind)}
    for i, note in enumerate(article.meta.notes):
        if note.phrase not in article.body:
            loc = ("notes", i, "phrase")
            out.append(Problem(doc.rel, doc.line(loc), doc.where(loc), f"'{note.phrase}' does not appear in the "
                               "article text: copy the words exactly as they stand"))
        if note.fact not in pages:
            out.append(reference(positions, key, ("notes", i, "fact"), note.fact, pages,
                                 "content/facts/ (people, companies, crossings, prisoners)"))
    return out


def ui_messages(content: Content, positions: Positions) -> list[Problem]:
    """Labels that take values are valid messages for their language (arguments, plural categories)."""
    out = []
    locales = {language.code: language.babel_locale for language in content.site.languages}
    for lang, ui in content.ui.items():
        doc = positions[Key("ui", lang)]
        for key, arguments in ARGUMENTS.items():
            text = getattr(ui, key)
            if text is None:
                continue
            for problem in check_message(text, arguments, locales[lang]):
                out.append(Problem(doc.rel, doc.line((key,)), key, problem.message))
    return out


def fact_file(content: Content, positions: Positions, ids: FileIds, broken: set[str], kind: FactKind,
              ident: str, item: m.SourcedFile) -> list[Problem]:
    """Sources unique and referred to, dated lists in order, references to lists and other files resolve."""
    key = Key(kind, ident)
    doc = positions[key]
    out = []
    source_ids: set[str] = set()
    for i, source in enumerate(item.sources):
        if source.id in source_ids:
            out.append(Problem(doc.rel, doc.line(("sources", i, "id")), doc.where(("sources", i, "id")),
                               f"the source id '{source.id}' is used twice in this file: ids must be unique"))
        source_ids.add(source.id)
    for loc, dates in dated_lists(item):
        for i in range(1, len(dates)):
            if dates[i].before(dates[i - 1]):
                at = (*loc, i, "date")
                out.append(Problem(doc.rel, doc.line(at), doc.where(at),
                                   f"{dates[i]} is earlier than the entry before it ({dates[i - 1]}): "
                                   "keep entries in date order, oldest first"))
                break
    found = references(item, ("source", "authority", "counted_by", "country"))
    for loc, value in found["source"]:
        if value not in source_ids:
            out.append(reference(positions, key, loc, value, source_ids, "this file's sources"))
    lists: dict[str, dict[str, Any]] = {"bodies": content.bodies, "countries": content.countries,
                                        "sectors": content.sectors}
    for name, list_name in (("authority", "bodies"), ("counted_by", "bodies"), ("country", "countries")):
        if f"content/facts/lists/{list_name}.yml" in broken:
            continue  # already reported; every reference would look dangling
        for loc, value in found[name]:
            if value not in lists[list_name]:
                out.append(reference(positions, key, loc, value, lists[list_name],
                                     f"content/facts/lists/{list_name}.yml"))
    if isinstance(item, m.Wallet) and "content/facts/lists/bodies.yml" not in broken:
        out += wallet_authorities(content, doc, item)
    if isinstance(item, m.Wallet):
        if "content/facts/lists/sectors.yml" not in broken:
            for i, sector in enumerate(item.sectors):
                if sector not in content.sectors:
                    out.append(reference(positions, key, ("sectors", i), sector, content.sectors,
                                         "content/facts/lists/sectors.yml"))
        wallets = ids("people") | ids("companies")  # even if invalid
        for i, other in enumerate(item.related):
            if other == ident:
                out.append(Problem(doc.rel, doc.line(("related", i)), doc.where(("related", i)),
                                   "a person or company cannot be related to itself: remove this line"))
            elif other not in wallets:
                out.append(reference(positions, key, ("related", i), other, wallets,
                                     "content/facts/people/ or content/facts/companies/"))
    return out


def action_file(content: Content, positions: Positions, snapshot: Snapshot, slug: str,
                action: Action) -> list[Problem]:
    """An action's sources, countries and fact references resolve; each placeholder of its letter is one
    the build knows."""
    key = Key("actions", slug)
    doc = positions[key]
    out = []
    source_ids = {source.id for source in action.sources}
    for i, recipient in enumerate(action.recipients):
        if recipient.source not in source_ids:
            out.append(reference(positions, key, ("recipients", i, "source"), recipient.source, source_ids,
                                 "this file's sources"))
        if recipient.country not in content.countries:
            out.append(reference(positions, key, ("recipients", i, "country"), recipient.country, content.countries,
                                 "content/facts/lists/countries.yml"))
    for i, risk in enumerate(action.risk_sources):
        if risk not in source_ids:
            out.append(reference(positions, key, ("risk_sources", i), risk, source_ids, "this file's sources"))
    for i, country in enumerate(action.countries):
        if country not in content.countries:
            out.append(reference(positions, key, ("countries", i), country, content.countries,
                                 "content/facts/lists/countries.yml"))
    ids = FileIds(snapshot)  # every file, valid or not: a broken file is reported once, not as a dangling reference
    known = {"series": ids("series"), "crossings": ids("crossings"), "wallet": ids("people") | ids("companies"),
             "prisoners": ids("prisoners")}
    raw = snapshot.files.get(doc.rel, b"").decode("utf-8", "replace").split("\n")
    texts: list[tuple[Loc, str]] = [(("letter", lang), text) for lang, text in action.letter.items()]
    texts += [(("openings", i, lang), text) for i, opening in enumerate(action.openings)
              for lang, text in opening.items()]
    for loc, text in texts:
        for token in TOKEN.findall(text):
            kind, _, ident = token.partition(":")
            if (not ident and kind in SENDER) or (ident and ident in known.get(FACTS.get(kind, ""), set())):
                continue
            start = doc.line(loc)
            line = next((n for n in range(start, len(raw) + 1) if "{" + token + "}" in raw[n - 1]), start)
            allowed = ", ".join(["{name}", "{town}", *(f"{{{k}:<id>}}" for k in FACTS)])
            folders = {"count": "content/facts/series/", "crossing": "content/facts/crossings/",
                       "prisoner": "content/facts/prisoners/",
                       "sanctions": "content/facts/people/ or content/facts/companies/"}
            close = difflib.get_close_matches(ident, sorted(known.get(FACTS.get(kind, ""), set())), n=1)
            hint = f": did you mean {{{kind}:{close[0]}}}?" if close else ": write the name of one, without .yml"
            what = (f"'{{{token}}}' names no file in {folders[kind]}{hint}"
                    if kind in FACTS and ident else
                    f"'{{{token}}}' is not a placeholder the build fills in: use {allowed}")
            out.append(Problem(doc.rel, line, doc.where(loc), what))
    return out


def calendar_file(calendar: Calendar, positions: Positions) -> list[Problem]:
    """Each day's id is unique and its source is one of the file's."""
    key = Key("calendar", "")
    doc = positions[key]
    out = []
    source_ids = {source.id for source in calendar.sources}
    seen: set[str] = set()
    for i, day in enumerate(calendar.days):
        if day.id in seen:
            out.append(Problem(doc.rel, doc.line(("days", i, "id")), doc.where(("days", i, "id")),
                               f"the id '{day.id}' is used twice in this file: ids must be unique"))
        seen.add(day.id)
        if day.source not in source_ids:
            out.append(reference(positions, key, ("days", i, "source"), day.source, source_ids, "this file's sources"))
    return out


def dated_lists(item: m.SourcedFile) -> Iterator[tuple[Loc, list[PartialDate]]]:
    """Each list that must be in date order: sanction histories, status histories, points."""
    if isinstance(item, m.Wallet):
        for i, sanction in enumerate(item.sanctions):
            yield ("sanctions", i, "history"), [event.date for event in sanction.history]
    if isinstance(item, Crossing):
        yield ("history",), [change.date for change in item.history]
    if isinstance(item, m.Series):
        yield ("points",), [point.date for point in item.points]
    if isinstance(item, Prisoner):
        yield ("history",), [event.date for event in item.history]
