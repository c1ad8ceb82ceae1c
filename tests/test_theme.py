"""Material ships as Material ships it; the site's policy is written by its own templates."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from typing import get_args

import material

from scripts.content import model as m
from scripts.content.crossings import CrossingStatus, MapMarks, Traffic
from scripts.content.prisoners import AddressHidden, PhraseTopic, PrisonerEventKind, PrisonerStatus
from scripts.content.ui import UiStrings
from scripts.render.markup import TEMPLATES
from scripts.render.policy import CSP
from tests.sample import sample

MATERIAL = Path(material.__file__).parent / "templates"


def test_the_built_bundle_is_materials_own_byte_for_byte(built_real: Path) -> None:
    shipped = {p.name: p.read_bytes() for p in (MATERIAL / "assets/javascripts").glob("bundle.*.min.js")}
    assert len(shipped) == 1
    for lang in ("en", "be", "ru", "pl"):
        built = {p.name: p.read_bytes() for p in (built_real / f"site/{lang}/assets/javascripts").glob("bundle.*.js")}
        assert built == shipped, lang
        workers = MATERIAL / "assets/javascripts/workers"
        for worker in workers.glob("*.js"):
            assert (built_real / f"site/{lang}/assets/javascripts/workers/{worker.name}").read_bytes() == \
                worker.read_bytes()


class Scripts(HTMLParser):
    """The policy meta tags and every script element of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.csp: list[str] = []
        self.referrer: list[str] = []
        self.inline: list[str] = []
        self._in_script: dict[str, str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "meta" and a.get("http-equiv", "").lower() == "content-security-policy":
            self.csp.append(a.get("content", ""))
        if tag == "meta" and a.get("name") == "referrer":
            self.referrer.append(a.get("content", ""))
        if tag == "script" and "src" not in a and a.get("type") not in ("application/json", "application/ld+json"):
            self._in_script = a

    def handle_data(self, data: str) -> None:
        if self._in_script is not None and data.strip():
            self.inline.append(data.strip()[:60])

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = None


def test_every_page_carries_the_policy_and_runs_no_inline_script(built_real: Path) -> None:
    pages = sorted((built_real / "site").rglob("*.html"))
    assert len(pages) > 4 * 37
    for page in pages:
        parser = Scripts()
        parser.feed(page.read_text(encoding="utf-8"))
        assert parser.csp == [CSP], page
        assert parser.referrer == ["no-referrer"], page
        assert parser.inline == [], page
    assert "script-src 'self';" in CSP and "'unsafe-inline'" not in CSP.split("script-src")[1].split(";")[0]


def test_the_policy_comes_first_in_the_head(built_real: Path) -> None:
    for page in [built_real / "site/en/index.html", built_real / f"site/be/{sample().pages()[-1]}index.html",
                 built_real / "site/index.html", built_real / "site/404.html"]:
        head = page.read_text(encoding="utf-8").split("<head>", 1)[1]
        first_tags = re.findall(r"<[a-z]+[^>]*>", head)[:3]
        assert first_tags[0] == '<meta charset="utf-8">', page
        assert "Content-Security-Policy" in first_tags[1], page


def test_every_label_a_template_asks_for_exists() -> None:
    used = set()
    for template in TEMPLATES.glob("*.j2"):
        used |= set(re.findall(r"""\bui\(\s*["']([a-z_]+)["']""", template.read_text(encoding="utf-8")))
    assert used, "the templates use labels"
    prefixes = {key for key in used if key.endswith("_")}
    assert sorted(used - prefixes - set(UiStrings.model_fields)) == []
    values = {"status_": get_args(CrossingStatus), "traffic_": get_args(Traffic),
              "event_": get_args(m.SanctionEventKind), "count_": get_args(CrossingStatus),
              "sanction_": ("active", *m.ENDING_EVENTS), "map_marks_": get_args(MapMarks),
              "prisoner_status_": get_args(PrisonerStatus), "prisoner_event_": get_args(PrisonerEventKind),
              "address_hidden_": (*get_args(AddressHidden), "house_arrest"),
              "phrase_topic_": get_args(PhraseTopic), "postcard_in_": ("be", "ru")}
    for prefix in prefixes:
        assert [v for v in values[prefix] if prefix + v not in UiStrings.model_fields] == [], prefix
