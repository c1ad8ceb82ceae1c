"""Every page shares well: Open Graph and X card fields, a 1200×630 card that exists, JSON-LD.

Pages are read with extruct, a real metadata parser, not with regular expressions.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import extruct
import pytest
from PIL import Image

from tests.conftest import FIXTURES, make_project, run_cli

LANGS = ["en", "be", "ru", "pl"]
SITE_URL = "https://example.github.io/belarus-political-prisoners/"
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
        assert fields["og:type"] == ["article" if "/articles/" in url else "website"]
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


@pytest.mark.parametrize(("rel", "kind"), [
    ("articles/how-to-negotiate-with-lukashenko", "Article"), ("people/gutseriev", "Person"),
    ("companies/belaruskali", "Organization"), ("crossings/bobrowniki", "Place"),
    ("political-prisoners", "Dataset"), (".", "WebSite"),
])
def test_structured_data_has_the_right_type_in_each_language(built_real: Path, rel: str, kind: str) -> None:
    for lang in LANGS:
        html = (built_real / "site" / lang / rel / "index.html").read_text(encoding="utf-8")
        item = extruct.extract(html, syntaxes=["json-ld"], uniform=False)["json-ld"][0]
        assert item["@type"] == kind
        assert item["inLanguage"] == lang
    if kind == "Dataset":
        assert item["temporalCoverage"] == "2020-12/2025-12-23"
        assert "Wiasna" in json.dumps(item["creator"], ensure_ascii=False)


def test_the_headline_fact_is_on_the_card(built_real: Path) -> None:
    html = (built_real / "site/be/crossings/bobrowniki/index.html").read_text(encoding="utf-8")
    alt = og(extruct.extract(html, syntaxes=["opengraph"], uniform=False))["og:image:alt"][0]
    assert "Адкрыты" in alt and "17 лістапада 2025" in alt
    html = (built_real / "site/pl/political-prisoners/index.html").read_text(encoding="utf-8")
    alt = og(extruct.extract(html, syntaxes=["opengraph"], uniform=False))["og:image:alt"][0]
    assert "1\xa0135" in alt and "Wiasna" in alt


def test_every_fact_has_its_own_anchor_and_copy_control(built_real: Path) -> None:
    html = (built_real / "site/en/people/gutseriev/index.html").read_text(encoding="utf-8")
    assert 'id="eu-2025-10-22-annulled"' in html
    assert (f'data-clipboard-text="{SITE_URL}en/people/gutseriev/#eu-2025-10-22-annulled"') in html
    html = (built_real / "site/en/crossings/bobrowniki/index.html").read_text(encoding="utf-8")
    assert 'id="status-2023-02-10-closed"' in html
    html = (built_real / "site/en/political-prisoners/index.html").read_text(encoding="utf-8")
    assert 'id="political-prisoners-2023-12-31-viasna-113805"' in html
    assert 'id="political-prisoners-2023-12-31-viasna-113977"' in html


def test_share_links_are_plain_links_in_the_readers_language(built_real: Path) -> None:
    html = (built_real / "site/ru/people/vorobey/index.html").read_text(encoding="utf-8")
    for host in ["https://x.com/intent/post?", "https://www.facebook.com/sharer/sharer.php?",
                 "https://t.me/share/url?", "https://wa.me/?", "mailto:?"]:
        assert f'href="{host}' in html, host
    assert "Поделиться" in html and "Скопировать ссылку" in html


def test_an_unchanged_rebuild_draws_no_card(tmp_path: Path) -> None:
    root = make_project(tmp_path, FIXTURES / "minimal" / "content")
    first = run_cli(root, "build")
    assert "social cards: 12 drawn, 0 from cache" in first.out, first.out
    assert "nothing changed since the last build" in run_cli(root, "build").out
    person = root / "content/facts/people/alpha.yml"
    person.write_text("# a comment: the inputs change, no card does\n" + person.read_text())
    second = run_cli(root, "build")
    assert "social cards: 0 drawn, 12 from cache" in second.out, second.out
    person.write_text(person.read_text().replace("Anna Alpha", "Anna Alfa-Alpha"))
    third = run_cli(root, "build")
    assert "social cards: 1 drawn, 11 from cache" in third.out, third.out  # only the card that shows it
