"""Rules across files for leverage: who sanctions whom and the releases file.

- A sanction or a list check names a body that imposes sanctions; a check that found no listing
  does not contradict a sanction still in force.
- The releases file's sources, series, authorities and wallets resolve, and each relief that names
  a person or company is recorded in that wallet's file too, so the pages cannot disagree.
"""

from __future__ import annotations

from scripts.content import model as m
from scripts.content.documents import Content, FactKind, Key, Positions
from scripts.content.references import FileIds, reference, references
from scripts.content.releases import Releases
from scripts.content.source import Doc, Loc
from scripts.errors import Problem


def wallet_authorities(content: Content, doc: Doc, item: m.Wallet) -> list[Problem]:
    """Sanctions and list checks name bodies that impose sanctions; a check that found no listing does not
    contradict a sanction still in force."""
    out = []
    named: list[tuple[Loc, str]] = [(("sanctions", i, "authority"), s.authority) for i, s in enumerate(item.sanctions)]
    named += [(("checks", i, "authority"), c.authority) for i, c in enumerate(item.checks)]
    for loc, authority in named:
        body = content.bodies.get(authority)
        if body is not None and not body.sanctions:
            out.append(Problem(doc.rel, doc.line(loc), doc.where(loc), f"'{authority}' does not impose sanctions in "
                               "content/facts/lists/bodies.yml: mark it 'sanctions: true' there, or name another body"))
    for i, check in enumerate(item.checks):
        listed = next((s for s in item.sanctions if s.authority == check.authority and s.status == "active"), None)
        if listed is not None and not check.date.before(listed.status_since):
            loc = ("checks", i, "date")
            out.append(Problem(doc.rel, doc.line(loc), doc.where(loc), f"the check of {check.date} found no listing by "
                               f"'{check.authority}', but the sanction is in force since {listed.status_since}: record "
                               "how it ended (an event lifted, annulled or expired), or remove the check"))
    return out


def releases_file(content: Content, positions: Positions, ids: FileIds, broken: set[str],
                  item: Releases) -> list[Problem]:
    """The releases file's sources, series, authorities and wallets resolve; each relief that names a person or
    company is recorded in that wallet's file too (same authority, step, date and basis)."""
    key = Key("releases", "")
    doc = positions[key]
    out = []
    source_ids = {source.id for source in item.sources}
    found = references(item, ("source", "authority"))
    for loc, value in found["source"]:
        if value not in source_ids:
            out.append(reference(positions, key, loc, value, source_ids, "this file's sources"))
    if "content/facts/lists/bodies.yml" not in broken:
        for loc, value in found["authority"]:
            if value not in content.authorities:
                out.append(reference(positions, key, loc, value, content.authorities,
                                     "the bodies of content/facts/lists/bodies.yml that impose sanctions"))
    for name in ("count_series", "recognised_series"):
        value = getattr(item, name)
        if value is not None and value not in ids("series"):
            out.append(reference(positions, key, (name,), value, ids("series"), "content/facts/series/"))
    for loc, dates in (("releases",), [r.date for r in item.releases]), (("relief",), [r.date for r in item.relief]):
        for i in range(1, len(dates)):
            if dates[i].before(dates[i - 1]):
                at = (*loc, i, "date")
                out.append(Problem(doc.rel, doc.line(at), doc.where(at), f"{dates[i]} is earlier than the entry "
                                   f"before it ({dates[i - 1]}): keep entries in date order, oldest first"))
                break
    wallets = content.people | content.companies
    for i, relief in enumerate(item.relief):
        for j, ident in enumerate(relief.wallets):
            loc = ("relief", i, "wallets", j)
            wallet = wallets.get(ident)
            if wallet is None:
                if ident not in ids("people") | ids("companies"):
                    out.append(reference(positions, key, loc, ident, ids("people") | ids("companies"),
                                         "content/facts/people/ or content/facts/companies/"))
                continue
            steps = [e for s in wallet.sanctions if s.authority == relief.authority for e in s.history]
            if not any(e.event == relief.action and e.date == relief.date and e.kind == relief.basis for e in steps):
                where = content.paths.get(_kind(content, ident), ident)
                out.append(Problem(doc.rel, doc.line(loc), doc.where(loc), f"{where} has no '{relief.action}' event "
                                   f"of {relief.date} by '{relief.authority}' (kind: {relief.basis}): add it there, "
                                   "with its source, so both pages say the same"))
    return out


def _kind(content: Content, ident: str) -> tuple[FactKind, str]:
    return ("people" if ident in content.people else "companies", ident)
