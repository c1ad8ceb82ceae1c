"""Build the site: validate, generate docs/<lang>/, run one MkDocs build per language.

Everything is written into a staging folder under .build/ first. Only when every
language has built does the staging output replace docs/ and site/, so a failed run
leaves the last good docs/ and site/ exactly as they were.
"""

from __future__ import annotations

import datetime as dt
import fcntl
import html
import logging
import os
import re
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

from scripts.cards import CardCache
from scripts.errors import BuildFailed, SiteError
from scripts.feeds import atom
from scripts.gitdates import last_changed
from scripts.load import Content, load
from scripts.opendata import downloads
from scripts.render import Page, Renderer

log = logging.getLogger(__name__)

THEME = Path(__file__).parent / "theme"
HOOKS = Path(__file__).parent / "hooks.py"
"""Theme overrides (templates, CSS): part of the generator, wherever the content lives."""

OUTPUTS = ("docs", "site")
"""The only folders under the project root that the generator replaces."""

DOCS_README = """\
# docs/ is generated

Everything in this folder is written by `python -m scripts build` (run by `make site`)
from the files in `content/`. Do not edit it: your changes would be overwritten.
Edit `content/` instead; see the README at the top of the repository.
"""


@dataclass
class Generated:
    """The Markdown of one language, ready for MkDocs."""

    lang: str
    files: dict[str, str]
    """Path relative to docs/<lang>/ -> text."""
    pages: list[Page]
    nav: list[Any]


def generate(content: Content, root: Path, today: dt.date) -> list[Generated]:
    """Every language's pages, with the open data files and the Atom feed beside them."""
    updated = last_changed(root, today)
    data = {f"data/{name}": text for name, text in downloads(content).items()}
    out = []
    for lang in content.site.codes:
        renderer = Renderer(content, lang, updated, today)
        pages = renderer.pages()
        files = {page.path: renderer.render(page) for page in pages}
        files.update(data)
        files["feed.xml"] = atom(renderer)
        out.append(Generated(lang, files, pages, renderer.nav(pages)))
    return out


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


def write_tree(folder: Path, files: dict[str, str]) -> None:
    for rel, text in files.items():
        path = folder / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def sync_tree(folder: Path, files: dict[str, str]) -> int:
    """Make ``folder`` hold exactly ``files``, writing only what changed. Returns the count."""
    changed = 0
    for rel, text in files.items():
        path = folder / rel
        if path.is_file() and path.read_text(encoding="utf-8") == text:
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        changed += 1
    if folder.is_dir():
        generated = [p for p in folder.rglob("*") if p.suffix in (".md", ".json", ".csv", ".xml")]
        for path in sorted(generated, reverse=True):
            if path.relative_to(folder).as_posix() not in files:
                path.unlink()
                changed += 1
    return changed


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


def run_mkdocs(config_file: Path) -> None:
    """Build one language with MkDocs in strict mode; warnings become BuildFailed."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    with _capture_mkdocs() as captured:
        try:
            config = load_config(config_file=str(config_file))
            mkdocs_build(config)
        except MkDocsException as exc:
            raise BuildFailed(captured.messages or [str(exc)]) from None
    if captured.messages:  # pragma: no cover - strict mode aborts before this
        raise BuildFailed(captured.messages)


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


def build(root: Path, today: dt.date | None = None) -> BuildReport:
    """Validate content, generate and build every language, then replace docs/ and site/."""
    today = today or dt.date.today()
    content = load(root, today)
    generated = generate(content, root, today)
    (root / ".build").mkdir(exist_ok=True)
    with _exclusive(root / ".build" / "lock"):
        cards = _build_locked(root, content, generated)
    return BuildReport({gen.lang: len(gen.pages) for gen in generated}, cards.drawn, cards.reused)


@contextmanager
def _exclusive(lock: Path) -> Iterator[None]:
    """One build at a time per project; a second one waits instead of racing for docs/ and site/."""
    with lock.open("w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _build_locked(root: Path, content: Content, generated: list[Generated]) -> CardCache:
    """Stage everything under .build/, build each language, then swap docs/ and site/ in."""
    for stale in (root / ".build").glob("stage-*"):  # left by a build that was killed
        shutil.rmtree(stale, ignore_errors=True)
    stage = Path(tempfile.mkdtemp(prefix="stage-", dir=root / ".build"))
    try:
        docs, site = stage / "docs", stage / "site"
        write_tree(docs, {"README.md": DOCS_README})
        cards = CardCache(root / ".build" / "cards")
        for gen in generated:
            write_tree(docs / gen.lang, gen.files)
            for page in gen.pages:
                if page.card:
                    cards.place(page.card, docs / gen.lang / page.card_path)
            config = mkdocs_config(root, content, gen, docs / gen.lang, site / gen.lang)
            config_file = stage / f"mkdocs.{gen.lang}.yml"
            config_file.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
            log.info("building %s (%d pages)", gen.lang, len(gen.pages))
            try:
                run_mkdocs(config_file)
            except BuildFailed as exc:
                raise BuildFailed(explain(exc.messages, gen, root)) from None
        write_root_pages(site, content)
        for name in OUTPUTS:
            swap(stage / name, root / name)
    finally:
        shutil.rmtree(stage, ignore_errors=True)
    return cards


@dataclass
class BuildReport:
    pages: dict[str, int]
    """Pages per language."""
    cards_drawn: int
    cards_reused: int

    def __str__(self) -> str:
        pages = ", ".join(f"{lang}: {count} pages" for lang, count in self.pages.items())
        return f"{pages}; social cards: {self.cards_drawn} drawn, {self.cards_reused} from cache"


def swap(new: Path, dest: Path) -> None:
    """Replace ``dest`` by ``new`` with two renames on the same filesystem."""
    if dest.name not in OUTPUTS or new.parent.parent.name != ".build":
        raise SiteError(f"refusing to replace {dest}: the generator writes only docs/ and site/")
    old = dest.with_name(f".{dest.name}.old")
    shutil.rmtree(old, ignore_errors=True)
    if dest.exists():
        os.rename(dest, old)
    os.rename(new, dest)
    shutil.rmtree(old, ignore_errors=True)


def write_root_pages(site: Path, content: Content) -> None:
    """site/index.html sends readers to their language; 404.html, .nojekyll, robots.txt, CNAME."""
    from scripts.hooks import harden
    from scripts.render import root_index

    (site / "index.html").write_text(harden(root_index(content), content.site.site_url), encoding="utf-8")
    default_404 = site / content.site.default_language / "404.html"
    if default_404.exists():
        shutil.copyfile(default_404, site / "404.html")
    (site / ".nojekyll").write_text("", encoding="utf-8")
    if content.site.custom_domain:
        (site / "CNAME").write_text(content.site.custom_domain + "\n", encoding="utf-8")
    sitemaps = "".join(f"Sitemap: {content.site.site_url}{code}/sitemap.xml\n" for code in content.site.codes)
    (site / "robots.txt").write_text(f"User-agent: *\nAllow: /\n\n{sitemaps}", encoding="utf-8")
