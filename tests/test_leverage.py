"""Leverage: who sanctions whom, what each release cost, and the checks that keep the facts current.

Exact matrix and timeline on a fixture (the minimal one with three authorities, a list check and a
releases file); the timeline's sentences in four languages from the real labels; on the real
content, what stays true after any valid edit.
"""

from __future__ import annotations

import csv
import io
import re
from html import unescape
from pathlib import Path

import pytest

from scripts.content.load import load
from scripts.content.releases import Release, Relief
from scripts.i18n.locale import Locale
from scripts.render.leverage import STATES, matrix
from tests.conftest import FIXTURES, REPO, make_project, run_cli

BODIES = """
- id: us
  name:
    en: United States
  short:
    en: US
  sanctions: true
  official_sites: [treasury.gov]
- id: ca
  name:
    en: Canada
  sanctions: true
"""
CHECK = """checks:
  - authority: us
    date: 2026-10-01
    list: OFAC Sanctions List Search
    source: ofac-search
sources:
  - id: ofac-search
    url: https://sanctionssearch.ofac.treas.gov/Details.aspx?id=0
    publisher: OFAC
    accessed: 2026-10-01
"""
RELEASES = """count_series: prisoners
refresh_days: 60
releases:
  - date: 2025-06-21
    count: 14
    kind: pardoned
    source: one
  - date: 2025-06-21
    count: 14
    kind: deported
    source: one
  - date: 2025-12-13
    count: 123
    kind: pardoned
    source: one
relief:
  - date: 2025-12-13
    authority: eu
    action: lifted
    basis: announced
    what:
      en: oil
    wallets: [beta-oil]
    source: one
sources:
  - id: one
    url: https://example.org/releases
    publisher: Example
    accessed: 2026-11-01
"""


def leverage_project(tmp: Path) -> Path:
    root = make_project(tmp, FIXTURES / "minimal" / "content")
    bodies = root / "content/facts/lists/bodies.yml"
    bodies.write_text(bodies.read_text() + BODIES)
    alpha = root / "content/facts/people/alpha.yml"
    alpha.write_text(alpha.read_text().replace("sources:\n", CHECK.split("sources:\n")[0] + "sources:\n" +
                                               CHECK.split("sources:\n")[1], 1))
    beta = root / "content/facts/companies/beta-oil.yml"
    beta.write_text(beta.read_text().replace("        event: listed\n        source: two\n",
                                             "        event: listed\n        source: two\n"
                                             "      - date: 2025-12-13\n        event: lifted\n"
                                             "        kind: announced\n        source: two\n"))
    (root / "content/facts/releases.yml").write_text(RELEASES)
    return root


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = leverage_project(tmp_path_factory.mktemp("leverage"))
    result = run_cli(root, "build")
    assert result.code == 0, result.err
    return root


def text_of(page: str) -> str:
    body = page.split("<article", 1)[1].split("</article>", 1)[0]
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", body)))


@pytest.mark.site
def test_the_exact_sanctions_matrix(built: Path) -> None:
    rows = list(csv.DictReader(io.StringIO((built / "site/en/data/sanctions-matrix.csv").read_text())))
    assert [(r["id"], r["authority"], r["state"], r["sanction_status"], r["date"]) for r in rows] == [
        ("alpha", "eu", "ended", "lifted", "2023-01"),
        ("alpha", "us", "not_listed", "", "2026-10-01"),
        ("alpha", "ca", "not_checked", "", ""),
        ("beta-oil", "eu", "in_force", "active", "2022-06-03"),
        ("beta-oil", "us", "not_checked", "", ""),
        ("beta-oil", "ca", "not_checked", "", ""),
    ]
    assert rows[1]["checked_list"] == "OFAC Sanctions List Search"
    page = text_of((built / "site/en/sanctions/index.html").read_text(encoding="utf-8"))
    assert "EU 1 1 0 0" in page and "US 0 0 1 1" in page and "Canada 0 0 0 2" in page  # by authority
    assert ("Anna Alpha : Sanctions ended: EU. Not on the list of: US (checked October 1, 2026). "
            "Not checked: Canada.") in page
    assert "Beta Oil : Sanctions in force: EU. Not checked: US and Canada." in page
    wallet = text_of((built / "site/en/people/alpha/index.html").read_text(encoding="utf-8"))
    assert "Sanctions ended: EU. Not on the list of: US (checked October 1, 2026). Not checked: Canada." in wallet


@pytest.mark.site
def test_the_timeline_of_releases_and_relief(built: Path) -> None:
    page = (built / "site/en/releases/index.html").read_text(encoding="utf-8")
    text = text_of(page)
    assert text.index("December 13, 2025 · 123 people pardoned and freed") < \
        text.index("June 21, 2025 · 14 people pardoned and freed")
    assert "EU: lifting announced — oil" in text and "14 people forced abroad" in text
    assert '<svg viewBox="0 0 760' in page and "<title" in page  # the chart is drawn at build time, no script
    years = re.findall(r"<td>(\d{4})</td>\s*<td[^>]*>(\d+)</td>\s*<td[^>]*>(\d+)</td>\s*<td[^>]*>(\d+)</td>"
                       r"\s*<td[^>]*>(\d+)</td>", page)
    assert years == [("2025", "2", "137", "14", "0")]  # the announced relief is not in force
    assert (built / "site/en/data/releases.csv").read_text().count("\n") == 4


SENTENCES = {
    "en": {"pardoned": ["1 person pardoned and freed", "2 people pardoned and freed", "5 people pardoned and freed",
                        "21 people pardoned and freed", "123 people pardoned and freed"],
           "released": ["1 person freed", "2 people freed", "5 people freed", "21 people freed", "123 people freed"],
           "deported": ["1 person forced abroad", "2 people forced abroad", "5 people forced abroad",
                        "21 people forced abroad", "123 people forced abroad"]},
    "be": {"pardoned": ["1 чалавек памілаваны і вызвалены", "2 чалавекі памілаваныя і вызваленыя",
                        "5 чалавек памілаваныя і вызваленыя", "21 чалавек памілаваны і вызвалены",
                        "123 чалавекі памілаваныя і вызваленыя"],
           "released": ["1 чалавек вызвалены", "2 чалавекі вызваленыя", "5 чалавек вызваленыя", "21 чалавек вызвалены",
                        "123 чалавекі вызваленыя"],
           "deported": ["1 чалавек высланы за мяжу", "2 чалавекі высланыя за мяжу", "5 чалавек высланыя за мяжу",
                        "21 чалавек высланы за мяжу", "123 чалавекі высланыя за мяжу"]},
    "ru": {"pardoned": ["1 человек помилован и освобождён", "2 человека помилованы и освобождены",
                        "5 человек помилованы и освобождены", "21 человек помилован и освобождён",
                        "123 человека помилованы и освобождены"],
           "released": ["1 человек освобождён", "2 человека освобождены", "5 человек освобождены",
                        "21 человек освобождён", "123 человека освобождены"],
           "deported": ["1 человек выслан за границу", "2 человека высланы за границу", "5 человек высланы за границу",
                        "21 человек выслан за границу", "123 человека высланы за границу"]},
    "pl": {"pardoned": ["1 osoba ułaskawiona i uwolniona", "2 osoby ułaskawione i uwolnione",
                        "5 osób ułaskawionych i uwolnionych", "21 osób ułaskawionych i uwolnionych",
                        "123 osoby ułaskawione i uwolnione"],
           "released": ["1 osoba uwolniona", "2 osoby uwolnione", "5 osób uwolnionych", "21 osób uwolnionych",
                        "123 osoby uwolnione"],
           "deported": ["1 osoba wydalona za granicę", "2 osoby wydalone za granicę", "5 osób wydalonych za granicę",
                        "21 osób wydalonych za granicę", "123 osoby wydalone za granicę"]},
}


@pytest.mark.parametrize("lang", ["en", "be", "ru", "pl"])
def test_the_timeline_sentences_for_1_2_5_21_and_123(lang: str) -> None:
    locale = Locale.of(load(REPO), lang)
    for kind, expected in SENTENCES[lang].items():
        got = [locale.ui(f"release_{kind}", count=n).replace("\u00a0", " ") for n in (1, 2, 5, 21, 123)]
        assert got == expected, kind


def test_every_real_cell_is_listed_not_listed_with_a_date_or_not_checked() -> None:
    content = load(REPO)
    rows = matrix(content)
    assert len(rows) == len(content.people) + len(content.companies)
    for row in rows:
        assert [c.authority for c in row.cells] == list(content.authorities)
        for cell in row.cells:
            assert cell.state in STATES
            if cell.state == "not_listed":
                assert cell.check is not None and cell.date == cell.check.date
            if cell.state in ("in_force", "ended"):
                assert cell.sanction is not None and cell.sanction.authority == cell.authority
            if cell.state == "not_checked":
                assert not [s for s in row.item.sanctions if s.authority == cell.authority]


def test_every_real_release_and_relief_has_a_source() -> None:
    content = load(REPO)
    if content.releases is None:
        pytest.skip("the content has no releases file")
    item = content.releases
    records: list[Release | Relief] = [*item.releases, *item.relief]
    for record in records:
        source = item.source(record.source)
        assert source.url.startswith("https://") or source.url.startswith("http://")
        assert source.accessed.first_day() >= record.date.first_day()
    for relief in item.relief:
        for ident in relief.wallets:
            wallet = content.people.get(ident) or content.companies[ident]
            assert any(e.event == relief.action and e.date == relief.date
                       for s in wallet.sanctions if s.authority == relief.authority for e in s.history)


def test_a_relief_must_be_recorded_in_the_wallet_too(tmp_path: Path) -> None:
    root = leverage_project(tmp_path)
    releases = root / "content/facts/releases.yml"
    releases.write_text(releases.read_text().replace("    wallets: [beta-oil]", "    wallets: [alpha]"))
    result = run_cli(root, "check")
    assert result.code == 1
    assert re.search(r"content/facts/releases.yml:\d+: relief 1 \(eu\) › wallet 1 \(alpha\): content/facts/people/"
                     r"alpha.yml has no 'lifted' event of 2025-12-13 by 'eu'", result.err), result.err


def test_a_check_may_not_contradict_a_sanction_in_force(tmp_path: Path) -> None:
    root = leverage_project(tmp_path)
    beta = root / "content/facts/companies/beta-oil.yml"
    beta.write_text(beta.read_text().replace("sources:\n", "checks:\n  - authority: eu\n    date: 2026-10-01\n"
                                             "    list: EU Sanctions Map\n    source: two\nsources:\n", 1))
    result = run_cli(root, "check")
    assert result.code == 1
    assert re.search(r"content/facts/companies/beta-oil.yml:\d+: .*found no listing by 'eu', but the sanction is in "
                     r"force since 2022-06-03", result.err), result.err


def test_the_checks_warn_of_unused_unofficial_passed_and_mirror_sources(tmp_path: Path) -> None:
    root = make_project(tmp_path, FIXTURES / "minimal" / "content")
    crossing = root / "content/facts/crossings/gamma.yml"
    crossing.write_text(crossing.read_text()
                        .replace("    status: closed\n", "    status: closed\n    kind: official\n")
                        .replace("    applies_to: [cars]\n", "    applies_to: [cars]\n    note:\n"
                                 "      en: Buses are barred until 31 October 2025.\n")
                        .replace("sources:\n", "sources:\n  - id: spare\n    url: https://cdn1.cloudfront.net/news/1\n"
                                 "    publisher: A mirror\n    accessed: 2026-11-01\n"))
    result = run_cli(root, "check")
    assert result.code == 0, result.err
    warnings = [line for line in result.out.splitlines() if "gamma.yml" in line]
    expected = [r"gamma.yml:\d+: the source 'spare' is cited by no record",
                r"gamma.yml:\d+: marked official, but its source \(example.org\) is not an official site",
                r"gamma.yml:\d+: due: the note says 'until 31 October 2025', which has passed",
                r"gamma.yml:\d+: the source 'spare' is a mirror or a CMS copy"]
    for pattern in expected:
        assert any(re.search(pattern, w) for w in warnings), (pattern, warnings)
