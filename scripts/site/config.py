"""The MkDocs configuration of one language: the base mkdocs.yml with that language's settings on top.

Material is used as it ships: the site's own templates, styles and scripts come in through
``custom_dir`` (scripts/site/theme), the one extension point Material offers for them.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

from scripts.content.documents import Content
from scripts.content.markdown import EXTENSION_CONFIGS, EXTENSIONS
from scripts.content.snapshot import CONFIG, Snapshot
from scripts.i18n.locale import Locale
from scripts.render import links
from scripts.render.policy import CSP

THEME = Path(__file__).parent / "theme"
HOOKS = Path(__file__).parent / "hooks.py"
"""Theme overrides (templates, CSS, scripts) and the MkDocs hook: part of the generator, wherever the content
lives."""

LUNR = {"ar", "da", "de", "du", "el", "en", "es", "fi", "fr", "he", "hi", "hu", "hy", "it", "ja", "kn", "ko",
        "nl", "no", "pt", "ro", "ru", "sa", "sv", "ta", "te", "th", "tr", "vi", "zh"}
"""Languages Material's search can stem (lunr-languages shipped with the theme)."""


def mkdocs_config(snapshot: Snapshot, content: Content, lang: str, nav: list[dict[str, str]], docs_dir: Path,
                  site_dir: Path, targets_file: Path | None = None) -> dict[str, Any]:
    """The base mkdocs.yml (as the build read it) with this language's settings on top (with
    ``targets_file``, the fact links of articles are read from that file rather than written into the
    configuration)."""
    fact_links = {"targets_file": str(targets_file)} if targets_file else {"targets": links.link_targets(content)}
    base = yaml.safe_load(snapshot.files.get(CONFIG, b"{}").decode("utf-8")) or {}
    site = content.site
    locale = Locale.of(content, lang)
    prefix = urlsplit(site.site_url).path
    config = dict(base)
    # MkDocs themes print these without escaping: text from content is HTML-escaped here.
    config.update(
        site_name=html.escape(locale.text(site.name)),
        site_description=html.escape(locale.text(site.description)),
        site_url=f"{site.site_url}{lang}/",
        docs_dir=str(docs_dir),
        site_dir=str(site_dir),
        nav=nav,
        markdown_extensions=[*EXTENSIONS, {"toc": EXTENSION_CONFIGS["toc"]},
                             {"scripts.render.links": fact_links}],
    )
    if site.repo_url:
        # Not Material's repo_url: its script would ask api.github.com for stars and forks,
        # telling a third party about every visit. A plain link in the footer instead.
        label = html.escape(locale.ui("repository"))
        config["copyright"] = f'<a href="{html.escape(site.repo_url)}" rel="noopener">{label}</a>'
    theme = dict(base.get("theme") or {})
    theme.update(language=lang, custom_dir=str(THEME))
    config["theme"] = theme
    extra = dict(base.get("extra") or {})
    extra["alternate"] = [
        {"name": html.escape(language.name), "link": f"{prefix}{language.code}/", "lang": language.code}
        for language in site.languages
    ]
    extra["csp"] = CSP
    extra["build_store"] = str(snapshot.root / ".build" / "store.sqlite")  # for the hook; no page shows it
    config["extra"] = extra
    config["plugins"] = [{"search": {"lang": search_languages(lang)}} if plugin == "search" else plugin
                         for plugin in base.get("plugins", [])]
    config["hooks"] = [str(HOOKS)]
    return config


def search_languages(lang: str) -> list[str]:
    """The page language where lunr has it, plus English and Russian so that names in Latin
    and Cyrillic script are found on every site (Belarusian falls back to Russian rules)."""
    out = [lang] if lang in LUNR else []
    return out + [extra for extra in ("en", "ru") if extra not in out]
