"""MkDocs, one build per language: its configuration, running it in worker processes, and
pointing its warnings back at the content file (and line) they come from."""

from __future__ import annotations

import html
import logging
import multiprocessing as mp
import os
import re
import time
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

from scripts.generate import Generated
from scripts.load import Content
from scripts.render import Renderer

THEME = Path(__file__).parent / "theme"
HOOKS = Path(__file__).parent / "hooks.py"
"""Theme overrides (templates, CSS): part of the generator, wherever the content lives."""

def mkdocs_config(root: Path, content: Content, gen: Generated, docs_dir: Path, site_dir: Path) -> dict[str, Any]:
    """The base mkdocs.yml with this language's settings on top."""
    base = yaml.safe_load((root / "mkdocs.yml").read_text(encoding="utf-8"))
    site = content.site
    lang = gen.lang
    prefix = urlsplit(site.site_url).path
    config = dict(base)
    # MkDocs themes print these without escaping: text from content is HTML-escaped here.
    config.update(
        site_name=html.escape(Renderer.pick(site.name, lang, site.default_language)),
        site_description=html.escape(Renderer.pick(site.description, lang, site.default_language)),
        site_url=f"{site.site_url}{lang}/",
        docs_dir=str(docs_dir),
        site_dir=str(site_dir),
        nav=gen.nav,
    )
    if site.repo_url:
        # Not Material's repo_url: its script would ask api.github.com for stars and forks,
        # telling a third party about every visit. A plain link in the footer instead.
        label = html.escape(Renderer.ui_text(content, lang, "repository"))
        config["copyright"] = f'<a href="{html.escape(site.repo_url)}" rel="noopener">{label}</a>'
    theme = dict(base.get("theme") or {})
    theme.update(language=lang, custom_dir=str(THEME))
    config["theme"] = theme
    extra = dict(base.get("extra") or {})
    extra["alternate"] = [
        {"name": html.escape(language.name), "link": f"{prefix}{language.code}/", "lang": language.code}
        for language in site.languages
    ]
    config["extra"] = extra
    config["plugins"] = [{"search": {"lang": search_languages(lang)}} if plugin == "search" else plugin
                         for plugin in base.get("plugins", [])]
    config["hooks"] = [str(HOOKS)]
    return config


LUNR = {"ar", "da", "de", "du", "el", "en", "es", "fi", "fr", "he", "hi", "hu", "hy", "it", "ja", "kn", "ko",
        "nl", "no", "pt", "ro", "ru", "sa", "sv", "ta", "te", "th", "tr", "vi", "zh"}
"""Languages Material's search can stem (lunr-languages shipped with the theme)."""


def search_languages(lang: str) -> list[str]:
    """The page language where lunr has it, plus English and Russian so that names in Latin
    and Cyrillic script are found on every site (Belarusian falls back to Russian rules)."""
    out = [lang] if lang in LUNR else []
    return out + [extra for extra in ("en", "ru") if extra not in out]


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@contextmanager
def _capture_mkdocs() -> Iterator[_Collect]:
    logger = logging.getLogger("mkdocs")
    handler = _Collect()
    logger.addHandler(handler)
    propagate, logger.propagate = logger.propagate, False
    try:
        yield handler
    finally:
        logger.removeHandler(handler)
        logger.propagate = propagate


def run_mkdocs(config_file: str) -> list[str]:
    """Build one language with MkDocs in strict mode; return its warnings (empty: success).

    Runs in a worker process, so it returns messages rather than raising.
    """
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    with _capture_mkdocs() as captured:
        try:
            mkdocs_build(load_config(config_file=config_file))
        except MkDocsException as exc:
            return captured.messages or [str(exc)]
    return captured.messages


def explain(messages: list[str], gen: Generated, root: Path) -> list[str]:
    """Point MkDocs warnings at the content file (and line) they come from."""
    by_path = {page.path: page for page in gen.pages}
    out = []
    for message in messages:
        match = re.search(r"Doc file '([^']+)'", message)
        page = by_path.get(match.group(1)) if match else None
        if page is None or not page.sources:
            out.append(f"docs/{gen.lang}: {message}")
            continue
        rel = page.sources[0]
        line = 0
        target = re.search(r"(?:link|anchor) '([^']+)'", message)
        if target and len(page.sources) == 1:
            text = (root / rel).read_text(encoding="utf-8-sig").splitlines()
            needle = target.group(1).split("#")[0] or target.group(1)
            line = next((i for i, row in enumerate(text, 1) if needle in row), 0)
        out.append(f"{rel}:{line}: {message}" if line else f"{rel}: {message}")
    return out


def run_languages(config_files: list[str]) -> list[tuple[float, list[str]]]:
    """(seconds, warnings) of MkDocs for each config, two languages at a time on separate cores."""
    if len(config_files) <= 1 or (os.cpu_count() or 1) < 2:
        return [_timed_mkdocs(f) for f in config_files]
    with ProcessPoolExecutor(max_workers=2, mp_context=mp.get_context("spawn")) as pool:
        return list(pool.map(_timed_mkdocs, config_files))


def _timed_mkdocs(config_file: str) -> tuple[float, list[str]]:
    started = time.perf_counter()
    messages = run_mkdocs(config_file)
    return round(time.perf_counter() - started, 2), messages
