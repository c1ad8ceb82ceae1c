"""Prisoners: addresses that fail safe, withdrawal that leaves no trace, birthdays, the calendar, the kit.

Exact pages are asserted on a fixture (tests/fixtures/prisoners over the minimal one) built as on
20 January 2027; on the real site, what stays true after any valid edit.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
from html import unescape
from pathlib import Path

import icalendar
import pytest
import yaml
from PIL import Image
from pypdf import PdfReader

from scripts.content.load import load
from scripts.content.prisoners import Prisoner
from scripts.render import routes
from tests.conftest import FIXTURES, REPO, make_project, run_cli, tree_digest

pytestmark = pytest.mark.site

TODAY = "2027-01-20"
SHOWN = "FRESH-LINE"
"""A line of the one address that is safe to show on the fixture's day."""
HIDDEN = {"STALE-LINE-777": "checked too long ago", "MOVED-LINE-888": "moved after the check",
          "RELEASED-LINE-999": "released", "DEPORTED-LINE-555": "forced abroad", "WITHDRAWN-LINE-000": "withdrawn"}
WITHDRAWN = ("Zoe", "Secret", "Секрэтн", "zoe-secret", "SUMMARY-OF-THE-WITHDRAWN", "withdrawn-person", "Sekretn",
             "sekretn", "photo-2")
"""Every trace of the withdrawn person: names (also inflected and transliterated, in a source's id and
address), id, summary, the address of its source, their photo."""


def prisoners_project(tmp: Path) -> Path:
    root = make_project(tmp, FIXTURES / "minimal" / "content")
    shutil.copytree(FIXTURES / "prisoners" / "content", root / "content", dirs_exist_ok=True)
    (root / "content/README.md").unlink()
    article = root / "content/articles/sample/en.md"  # the article names a prisoner and the withdrawn person
    article.write_text(article.read_text() + "\nOlga Fresh wrote from Homel. Zoe Secret's lawyer, and "
                       "Секрэтнай Зоі сябры, said nothing.\n\nSee [her profile](../../prisoners/zoe-secret.md) "
                       "and the interview of Zoja Sekretnaya.\n\n![In court](images/zoe-secret-court.png)\n\n"
                       "![Zoe Secret in 2022](images/photo-2.png)\n\n![A street in Homel](images/street.png)\n")
    images = article.parent / "images"  # a photo named after the person, one described as them, one kept
    images.mkdir()
    for name in ("zoe-secret-court.png", "photo-2.png", "street.png"):
        Image.new("RGB", (40, 30), "grey").save(images / name)
    olga = root / "content/facts/prisoners/olga-fresh.yml"  # a source of another file spells the name in its id
    olga.write_text(olga.read_text() + "  - id: sekretnaja-letter\n"  # and, transliterated, in its address
                    "    url: https://example.org/person/sekretnaja-zoja\n    publisher: Example\n"
                    "    accessed: 2027-01-10\nbackground: [sekretnaja-letter]\n")
    action = root / "content/actions/keep-sanctions.yml"
    action.write_text(action.read_text().replace("    Please keep the sanctions",
                                                 "    Remember {prisoner:zoe-secret} and {prisoner:olga-fresh}.\n\n"
                                                 "    Please keep the sanctions"))
    (root / "content/facts/releases.yml").write_text(RELEASES)
    return root


RELEASES = """count_series: prisoners
refresh_days: 60
releases:
  - date: 2026-12-20
    count: 2
    kind: pardoned
    note:
      en: "Olga's friend ZOE SECRET and #FreeZoeSecret campaigners welcomed it."
    source: one
sources:
  - id: one
    url: https://example.org/news/zoe-secret-pardoned
    publisher: Example
    title: Zoe Secret pardoned
    accessed: 2026-12-21
"""


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = prisoners_project(tmp_path_factory.mktemp("prisoners"))
    result = run_cli(root, "build", "--today", TODAY, "--factsheets")
    assert result.code == 0, result.err
    return root


def published_text(site: Path) -> dict[str, str]:
    """Every file of site/ as text: pages, data, feeds, the search index, the calendar, and each PDF's text."""
    out = {}
    for path in sorted(site.rglob("*")):
        if not path.is_file() or path.suffix in (".png", ".jpg", ".webp", ".ico", ".woff", ".woff2", ".ttf", ".gz"):
            continue
        rel = path.relative_to(site).as_posix()
        if path.suffix == ".pdf":
            out[rel] = "\n".join(page.extract_text() for page in PdfReader(path).pages)
        else:
            out[rel] = path.read_bytes().decode("utf-8", "replace")
    return out


def test_an_address_is_shown_only_while_it_is_safe_and_never_in_data_or_search(built: Path) -> None:
    texts = published_text(built / "site")
    assert any(rel.endswith(".pdf") for rel in texts) and "en/search/search_index.json" in texts
    for line, why in HIDDEN.items():
        assert [rel for rel, text in texts.items() if line in text] == [], why
    showing = sorted(rel for rel, text in texts.items() if SHOWN in text)
    assert showing == ["en/prisoners/birthdays/index.html", "en/prisoners/olga-fresh/factsheet.pdf",
                       "en/prisoners/olga-fresh/index.html", "en/write/evening/evening.pdf",
                       "en/write/evening/index.html"]
    page = texts["en/prisoners/olga-fresh/index.html"]
    assert "Address checked on January 10, 2027" in page and "REPUBLIC OF BELARUS" in page
    reasons = {"piotr-stale": "has not been checked recently enough", "hanna-moved": "Something changed in this person",
               "ivan-free": "no longer in prison", "vera-abroad": "no longer in prison"}
    for ident, reason in reasons.items():
        assert reason in texts[f"en/prisoners/{ident}/index.html"], ident
    records = json.loads(texts["en/data/prisoners.json"])
    assert sorted(r["id"] for r in records) == ["hanna-moved", "ivan-free", "olga-fresh", "piotr-stale", "vera-abroad"]
    assert all("address" not in r for r in records)
    assert {r["id"]: r["status"] for r in records}["vera-abroad"] == "deported"


def test_a_withdrawn_prisoner_leaves_no_trace(built: Path) -> None:
    texts = published_text(built / "site")
    assert not (built / "site/en/prisoners/zoe-secret").exists()
    found = {word: sorted(rel for rel, text in texts.items() if word in text) for word in WITHDRAWN}
    assert found == {word: [] for word in WITHDRAWN}
    article = texts["en/articles/sample/index.html"]
    # "Zoe Secret's", the inflected "Секрэтнай Зоі" and the transliterated "Zoja Sekretnaya"
    assert article.count("[name withheld]") == 3
    assert "See her profile and" in article and 'src="images/street.png"' in article  # the link loses its target
    published = sorted(p.name for p in (built / "site/en/articles/sample/images").iterdir())
    assert published == ["street.png"]  # the photos named after or described as the person are not published
    assert "https://example.org/" in texts["en/data/prisoners.json"]
    assert not (built / "site/en/act/keep-sanctions").exists()  # a letter about the person is not published
    assert "keep-sanctions" not in texts["en/act/index.html"]
    releases = unescape(texts["en/releases/index.html"])
    assert "Olga's friend [name withheld] and #Free[name withheld] campaigners" in releases
    assert "https://example.org/" in releases and "zoe" not in texts["en/data/releases.csv"].lower()
    corrections = texts.get("en/corrections/index.html", "")
    if corrections:  # the minimal fixture has no corrections page: the log is checked on the real site's build
        assert "removed from the site" in corrections
    check = run_cli(built, "check", "--today", TODAY)
    assert "zoe-secret.yml is withdrawn" in check.out + check.err
    assert "keep-sanctions.yml: the letter refers to {prisoner:zoe-secret}" in check.out


def test_the_birthdays_page_on_a_fixed_day(built: Path) -> None:
    page = (built / "site/en/prisoners/birthdays/index.html").read_text(encoding="utf-8")
    text = re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", page.split('<article', 1)[1].split("</article>")[0])))
    january = text.split("January 2027", 1)[1].split("February 2027", 1)[0]
    february = text.split("February 2027", 1)[1].split("Later in the year", 1)[0]
    later = text.split("Later in the year", 1)[1]
    assert "Olga Fresh · January 25" in january and SHOWN in january
    assert "Vera Abroad" not in text and "Ivan Free" not in text  # only people in prison now
    assert "Piotr Stale · February 3" in february and "shows no address for this person" in february
    assert "Hanna Moved · January 5" in later  # this year's has passed: next January's is later
    assert text.index("January 2027") < text.index("February 2027")


def test_the_calendar_parses_and_holds_the_days_of_content_and_no_birthday(built: Path) -> None:
    calendar = icalendar.Calendar.from_ical((built / "site/en/calendar.ics").read_bytes())
    events = {str(e["UID"]): e for e in calendar.walk("VEVENT")}
    assert sorted(events) == ["letter-evening-en@example.org", "past-evening-en@example.org",
                              "solidarity-day-en@example.org"]
    day = events["solidarity-day-en@example.org"]
    assert day.decoded("DTSTART") == dt.date(2022, 5, 21) and "FREQ=YEARLY" in day.to_ical().decode()
    assert str(day["SUMMARY"]) == "Solidarity Day"
    assert "https://example.org/calendar/solidarity" in str(day["DESCRIPTION"])
    once = events["letter-evening-en@example.org"]
    assert once.decoded("DTSTART") == dt.date(2027, 2, 14) and "RRULE" not in once
    text = (built / "site/en/calendar.ics").read_text(encoding="utf-8")
    assert "Olga" not in text and "0125" not in text  # no person, no birthday
    kit = (built / "site/en/write/index.html").read_text(encoding="utf-8")
    assert kit.index("February 14, 2027") < kit.index("May 21, 2027") and "December 1, 2026" not in kit
    home = (built / "site/en/index.html").read_text(encoding="utf-8")
    assert 'href="calendar.ics"' in home


def test_article_mentions_link_to_profiles(built: Path, built_real: Path) -> None:
    article = (built / "site/en/articles/sample/index.html").read_text(encoding="utf-8")
    assert re.search(r'<a class="fact-mention" href="../../prisoners/olga-fresh/">Olga Fresh</a>', article)
    profile = (built / "site/en/prisoners/olga-fresh/index.html").read_text(encoding="utf-8")
    assert "A sample article" in profile.split('id="mentioned-in"', 1)[1]
    content = load(REPO)
    featured = content.featured
    for lang, version in featured.items():
        page = (built_real / "site" / lang / routes.url_path(routes.article_page(content.site.article))
                / "index.html").read_text(encoding="utf-8")
        for ident, item in content.prisoners.items():
            if any(name in version.body for name in [*item.name.values(), *item.aliases]):
                assert f'href="../../prisoners/{ident}/"' in page, (lang, ident)


def test_every_real_prisoner_page_is_consistent_with_its_file(built_real: Path) -> None:
    """After any valid edit: every prisoner has a page in every language, an address only while it is safe,
    and none in the data."""
    content = load(REPO)
    today = dt.date.today()
    data = json.loads((built_real / "site/en/data/prisoners.json").read_text(encoding="utf-8"))
    assert [r["id"] for r in data] == list(content.prisoners) and all("address" not in r for r in data)
    for ident, item in content.prisoners.items():
        assert isinstance(item, Prisoner)
        for lang in content.site.codes:
            page = (built_real / "site" / lang / "prisoners" / ident / "index.html").read_text(encoding="utf-8")
            assert ('class="letter-address"' in page) == (item.letters_to(today) is not None), (lang, ident)
            if item.address is not None and item.letters_to(today) is None:
                assert item.address.text.splitlines()[0] not in page


def test_a_prisoner_file_is_checked_with_file_and_line(tmp_path: Path) -> None:
    root = prisoners_project(tmp_path)
    path = root / "content/facts/prisoners/olga-fresh.yml"
    data = yaml.safe_load(path.read_text())
    assert data["birthday"]["day"] == "01-25"
    path.write_text(path.read_text().replace('day: "01-25"', "day: 1990-01-25").replace("event: transferred",
                                                                                         "event: moved"))
    result = run_cli(root, "build", "--today", TODAY)
    assert result.code == 1
    lines = result.err.splitlines()
    assert any(re.match(r"content/facts/prisoners/olga-fresh.yml:\d+: .*MM-DD.*without the year", line)
               for line in lines), result.err
    assert any(re.match(r"content/facts/prisoners/olga-fresh.yml:\d+: .*expected one of detained", line)
               for line in lines), result.err


def test_a_withdrawal_built_incrementally_equals_a_cold_build(tmp_path: Path) -> None:
    """The person is named on pages of other files (an article, another profile): withdrawing them after a
    build must change those pages too, exactly as a cold build of the same content does."""
    warm = prisoners_project(tmp_path / "warm")
    assert run_cli(warm, "build", "--today", TODAY).code == 0
    olga = warm / "content/facts/prisoners/olga-fresh.yml"
    olga.write_text("withdrawn: 2027-01-15\n" + olga.read_text())
    assert run_cli(warm, "build", "--today", TODAY).code == 0
    cold = make_project(tmp_path / "cold", warm / "content")
    assert run_cli(cold, "build", "--today", TODAY).code == 0
    assert tree_digest(warm / "site") == tree_digest(cold / "site")
    texts = published_text(warm / "site")
    assert [rel for rel, text in texts.items() if "Fresh" in text or "olga-fresh" in text] == []
