"""Every page shares well: Open Graph and X card fields, a 1200×630 card that exists, JSON-LD.

Pages are read with extruct, a real metadata parser, not with regular expressions.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import extruct
import pytest
from PIL import Image

from scripts.content.load import load
from scripts.i18n.locale import Locale
from scripts.render import routes
from scripts.render.phrases import since_text
from tests.conftest import FIXTURES, REPO, make_project, run_cli
from tests.sample import sample

LANGS = sample().content.site.codes
SITE_URL = sample().content.site.site_url  # wherever the site is published (a fork sets its own)
LOCALES = {"en": "en_GB", "be": "be_BY", "ru": "ru_RU", "pl": "pl_PL"}


def pages(root: Path) -> list[tuple[str, Path]]:
    return [(lang, page) for lang in LANGS for page in sorted((root / "site" / lang).rglob("index.html"))]


def og(data: dict[str, Any]) -> dict[str, list[str]]:
    fields: dict[str, list[str]] = {}
    for item in data["opengraph"]:
        for key, value in item["properties"]:
            fields.setdefault(key, []).append(value)
    return fields


def test_every_page_has_complete_sharing_metadata(built_real: Path) -> None:
    checked = 0
    for lang, page in pages(built_real):
        rel = page.parent.relative_to(built_real / "site" / lang).as_posix()
        url = f"{SITE_URL}{lang}/" + ("" if rel == "." else rel + "/")
        html = page.read_text(encoding="utf-8")
        data = extruct.extract(html, base_url=url, syntaxes=["opengraph", "json-ld"], uniform=False)
        fields = og(data)
        for key in ["og:title", "og:description", "og:url", "og:image", "og:image:width", "og:image:height",
                    "og:image:alt", "og:locale", "og:type", "og:site_name"]:
            assert fields.get(key) and fields[key][0].strip(), f"{page}: {key}"
        assert fields["og:url"] == [url]
        assert f'<link rel="canonical" href="{url}">' in html
        assert len(fields["og:description"][0]) <= 200
        assert fields["og:locale"] == [LOCALES[lang]]
        assert sorted(fields["og:locale:alternate"]) == sorted(v for k, v in LOCALES.items() if k != lang)
        is_article = re.search(r"/articles/[^/]+/$", url) is not None
        assert fields["og:type"] == ["article" if is_article else "website"]
        image = fields["og:image"][0]
        assert image.startswith(f"{SITE_URL}{lang}/assets/cards/")
        card = built_real / "site" / image.removeprefix(SITE_URL)
        with Image.open(card) as opened:
            assert opened.size == (1200, 630), card
        assert fields["og:image:width"] == ["1200"] and fields["og:image:height"] == ["630"]
        assert '<meta name="twitter:card" content="summary_large_image">' in html
        assert data["json-ld"], f"{page}: no JSON-LD"
        assert data["json-ld"][0]["url"] == url
        checked += 1
    assert checked >= 4 * 36


def first(kind: str) -> str:
    """The id of the first fact sheet of a kind in the real content (whatever it is today)."""
    return sorted(p.stem for p in (REPO / "content/facts" / kind).glob("*.yml"))[0]


@pytest.mark.parametrize(("rel", "kind"), [
    ("articles", "Article"), ("people", "Person"), ("companies", "Organization"), ("crossings", "Place"),
    ("political-prisoners", "Dataset"), (".", "WebSite"),
])
def test_structured_data_has_the_right_type_in_each_language(built_real: Path, rel: str, kind: str) -> None:
    if rel in ("people", "companies", "crossings"):
        rel = f"{rel}/{first(rel)}"
    if rel == "articles":
        rel = f"articles/{sorted(p.name for p in (REPO / 'content/articles').iterdir())[0]}"
    for lang in LANGS:
        html = (built_real / "site" / lang / rel / "index.html").read_text(encoding="utf-8")
        item = extruct.extract(html, syntaxes=["json-ld"], uniform=False)["json-ld"][0]
        assert item["@type"] == kind
        assert item["inLanguage"] == lang if kind != "Article" else item["inLanguage"] in LANGS


def test_the_headline_fact_is_on_every_card(built_real: Path) -> None:
    content = load(REPO)
    for lang in LANGS:
        locale = Locale.of(content, lang)
        for ident, crossing in content.crossings.items():
            html = (built_real / f"site/{lang}/crossings/{ident}/index.html").read_text(encoding="utf-8")
            alt = og(extruct.extract(html, syntaxes=["opengraph"], uniform=False))["og:image:alt"][0]
            assert locale.ui("status_" + crossing.status) in alt and since_text(locale, crossing) in alt
        html = (built_real / f"site/{lang}/political-prisoners/index.html").read_text(encoding="utf-8")
        alt = og(extruct.extract(html, syntaxes=["opengraph"], uniform=False))["og:image:alt"][0]
        assert locale.num(content.headline.latest.value) in alt


def test_every_fact_has_its_own_anchor_and_copy_control(built_real: Path) -> None:
    content = load(REPO)
    for kind, ident, item in content.all_wallets():
        html = (built_real / f"site/en/{kind}/{ident}/index.html").read_text(encoding="utf-8")
        for sanction in item.sanctions:
            for event in sanction.history:
                anchor = routes.event_anchor(sanction, event)
                assert f'data-clipboard-text="{SITE_URL}en/{kind}/{ident}/#{anchor}"' in html, anchor


def test_share_links_are_plain_links_in_the_readers_language(built_real: Path) -> None:
    html = (built_real / f"site/ru/people/{first('people')}/index.html").read_text(encoding="utf-8")
    for host in ["https://x.com/intent/post?", "https://www.facebook.com/sharer/sharer.php?",
                 "https://t.me/share/url?", "https://wa.me/?", "mailto:?"]:
        assert f'href="{host}' in html, host
    assert "Поделиться" in html and "Скопировать ссылку" in html


@pytest.mark.site
def test_an_unchanged_rebuild_draws_no_card(tmp_path: Path) -> None:
    root = make_project(tmp_path, FIXTURES / "minimal" / "content")
    first = run_cli(root, "build")
    pages = int(re.search(r"en: (\d+) pages", first.out).group(1))  # type: ignore[union-attr]
    assert f"social cards: {pages} drawn, 0 from the store" in first.out, first.out
    assert "nothing changed since the last build" in run_cli(root, "build").out
    person = root / "content/facts/people/alpha.yml"
    person.write_text("# a comment: the inputs change, no card does\n" + person.read_text())
    second = run_cli(root, "build")
    assert f"social cards: 0 drawn, {pages} from the store" in second.out, second.out
    person.write_text(person.read_text().replace("Anna Alpha", "Anna Alfa-Alpha"))
    third = run_cli(root, "build")
    assert f"social cards: 1 drawn, {pages - 1} from the store" in third.out, third.out  # only the card that shows it
