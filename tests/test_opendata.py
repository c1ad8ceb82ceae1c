"""Open data: downloads round-trip to the content, schemas stay in step, feeds and charts are sound."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from xml.etree import ElementTree

import jsonschema
import pytest

from scripts.content.load import load
from scripts.content.source import parse_yaml, read_text
from scripts.render import routes
from scripts.render.opendata import SCHEMA_DIR, schema, schema_texts
from tests.conftest import FIXTURES, REPO, make_project, run_cli


@pytest.fixture(scope="module")
def content():  # type: ignore[no-untyped-def]
    return load(REPO)


def rows(root: Path, name: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO((root / "site/en/data" / name).read_text(encoding="utf-8"))))


def test_json_downloads_hold_exactly_the_content(built_real: Path, content) -> None:  # type: ignore[no-untyped-def]
    for kind in ("people", "companies", "crossings", "series"):
        records = json.loads((built_real / f"site/en/data/{kind}.json").read_text(encoding="utf-8"))
        assert [r["id"] for r in records] == list(content.facts(kind))
        for record in records:
            item = content.facts(kind)[record["id"]]
            for sanction in record.get("sanctions", []):  # derived for readers, not part of the content
                assert sanction.pop("status") in ("active", "annulled", "lifted", "expired")
                assert sanction.pop("listed")
            reloaded = type(item).model_validate({k: v for k, v in record.items()
                                                  if k in type(item).model_fields})
            assert reloaded.model_dump(exclude={"translated"}) == item.model_dump(exclude={"translated"})


def test_csv_downloads_have_a_row_per_fact_with_its_source(built_real: Path, content) -> None:  # type: ignore[no-untyped-def]
    steps = rows(built_real, "sanctions.csv")
    expected = [(ident, s.authority, str(e.date), e.event, item.source(e.source).url)
                for kind in ("people", "companies") for ident, item in content.facts(kind).items()
                for s in item.sanctions for e in s.history]
    assert [(r["id"], r["authority"], r["date"], r["event"], r["source_url"]) for r in steps] == expected
    changes = rows(built_real, "crossing-status.csv")
    assert [(r["id"], r["date"], r["status"], r["source_url"]) for r in changes] == [
        (ident, str(c.date), c.status, item.source(c.source).url)
        for ident, item in content.crossings.items() for c in item.history]
    points = rows(built_real, "series.csv")
    assert [(r["series"], r["date"], int(r["value"]), r["source_url"]) for r in points] == [
        (ident, str(p.date), p.value, item.source(p.source).url)
        for ident, item in content.series.items() for p in item.points]
    wallets = rows(built_real, "wallets.csv")
    assert {r["id"]: int(r["active_sanctions"]) for r in wallets} == {
        ident: len(item.active_sanctions) for kind in ("people", "companies")
        for ident, item in content.facts(kind).items()}


def test_downloads_are_linked_from_index_entity_and_data_pages(built_real: Path) -> None:
    person, crossing = next(iter(load(REPO).people)), next(iter(load(REPO).crossings))
    for rel, name in [("people", "people.json"), (f"people/{person}", "sanctions.csv"),
                      ("crossings", "crossing-status.csv"), (f"crossings/{crossing}", "crossings.csv"),
                      ("political-prisoners", "series.csv"), ("data", "schema/person.schema.json")]:
        for lang in ("en", "pl"):
            page = (built_real / f"site/{lang}/{rel}/index.html").read_text(encoding="utf-8")
            link = f"{name}\"" if rel == "data" else f"data/{name}\""
            assert link in page, (lang, rel, name)


def test_committed_schemas_match_the_model() -> None:
    for name, text in schema_texts().items():
        assert (SCHEMA_DIR / name).read_text(encoding="utf-8") == text, f"run: python -m scripts schemas ({name})"


def test_content_files_name_their_schema_and_pass_it() -> None:
    kinds = {"people": "person", "companies": "company", "crossings": "crossing", "series": "series"}
    checked = 0
    for path in sorted((REPO / "content").rglob("*.yml")):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("# yaml-language-server: $schema="), path
        target = (path.parent / first.split("=", 1)[1]).resolve()
        assert target.parent == SCHEMA_DIR and target.exists(), path
        data = parse_yaml(read_text(path.name, path.read_bytes())).value
        jsonschema.validate(data, schema(target.name.removesuffix(".schema.json")))
        checked += 1
    assert checked >= 30 and set(kinds.values()) <= {p.name.split(".")[0] for p in SCHEMA_DIR.iterdir()}


def test_atom_feeds_list_the_newest_articles_and_fact_changes(built_real: Path, content) -> None:  # type: ignore[no-untyped-def]
    """Each feed holds the newest articles and fact changes (all of them, up to feeds.LIMIT), newest first."""
    from scripts.render.feeds import LIMIT

    ns = {"a": "http://www.w3.org/2005/Atom"}
    site = content.site.site_url
    for lang in ("en", "be", "ru", "pl"):
        feed = ElementTree.parse(built_real / f"site/{lang}/feed.xml").getroot()
        entries = feed.findall("a:entry", ns)
        links = {str(e.find("a:link", ns).get("href")) for e in entries}  # type: ignore[union-attr]
        updated = [str(e.findtext("a:updated", namespaces=ns)) for e in entries]
        assert updated == sorted(updated, reverse=True)
        facts = [(str(a.meta.date.first_day()), f"{site}{lang}/articles/{slug}/")
                 for slug, versions in content.articles.items() for a in list(versions.values())[:1]]
        facts += [(str(change.date.first_day()), f"{site}{lang}/crossings/{ident}/#{routes.status_anchor(change)}")
                  for ident, crossing in content.crossings.items() for change in crossing.history]
        prisoners = f"{site}{lang}/political-prisoners/"
        facts += [(str(point.date.first_day()), f"{prisoners}#{routes.point_anchor(ident, point)}")
                  for ident, series in content.series.items() for point in series.points]
        assert len(entries) == min(LIMIT, len(facts) + sum(len(s.history) for _, _, w in content.all_wallets()
                                                            for s in w.sanctions))
        oldest = updated[-1][:10]
        for day, link in facts:  # everything newer than the oldest entry is in
            if day > oldest:
                assert link in links, (lang, link)
    page = (built_real / "site/en/index.html").read_text(encoding="utf-8")
    assert 'type="application/atom+xml" href="feed.xml"' in page


def test_the_chart_draws_every_point(built_real: Path, content) -> None:  # type: ignore[no-untyped-def]
    headline = content.headline
    for lang in ("en", "be", "ru", "pl"):
        page = (built_real / f"site/{lang}/political-prisoners/index.html").read_text(encoding="utf-8")
        start = page.index('<svg class="chart"')
        svg = ElementTree.fromstring(page[start:page.index("</svg>", start) + 6])
        ns = {"s": "http://www.w3.org/2000/svg"}
        circles = svg.findall("s:circle", ns)
        assert len(circles) == len(headline.points)
        dates = [p.date for p in headline.points]
        assert len({c.get("cx") for c in circles}) == len(set(dates))  # two counts on one date: one column
        assert svg.findtext("s:title", namespaces=ns) and svg.findtext("s:desc", namespaces=ns)
        assert "<table>" in page  # the data next to the picture


def test_crossing_pages_have_a_timeline_and_the_index_an_overview(built_real: Path, content) -> None:  # type: ignore[no-untyped-def]
    for ident in content.crossings:
        page = (built_real / f"site/be/crossings/{ident}/index.html").read_text(encoding="utf-8")
        assert '<svg class="timeline"' in page
    index = (built_real / "site/pl/crossings/index.html").read_text(encoding="utf-8")
    assert '<svg class="overview"' in index


@pytest.mark.site
def test_custom_domain_writes_cname_and_must_match_site_url(tmp_path: Path) -> None:
    root = make_project(tmp_path / "ok", FIXTURES / "minimal" / "content")
    site = root / "content/site.yml"
    site.write_text(site.read_text().replace("site_url: https://example.org/repo/",
                                             "site_url: https://facts.example.org/\ncustom_domain: facts.example.org"))
    assert run_cli(root, "build").code == 0
    assert (root / "site/CNAME").read_text() == "facts.example.org\n"
    assert "Sitemap: https://facts.example.org/en/sitemap.xml" in (root / "site/robots.txt").read_text()
    site.write_text(site.read_text().replace("site_url: https://facts.example.org/", "site_url: https://example.org/"))
    result = run_cli(root, "check")
    assert result.code == 1
    assert result.err_lines[0] == ("content/site.yml:2: custom_domain: site_url must be https://facts.example.org/ "
                                   "when custom_domain is facts.example.org, found https://example.org/")
