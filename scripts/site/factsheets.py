"""Fact sheets as PDFs (`make factsheets`): every fact page of every language printed to A4 by Chromium.

Chromium prints the page exactly as a reader's browser does with "Print" or "Save as PDF" (the
site's print stylesheet: no chrome, numbered sources, a QR code of the page's address, a footer
on every sheet), so there is one layout to keep, not two. It embeds the fonts it uses (subsets of
DejaVu Sans, installed with Chromium by `make`, which has every Belarusian, Russian and Polish
letter) and writes a tagged PDF with an outline, so that screen readers and PDF viewers can
navigate it.

The pages are served to the browser from the language's fresh MkDocs output through Playwright's
request routing: nothing listens on a port and any request for another address is refused. A
PDF is a node of the build's store, keyed by what it shows (the page, the stylesheets, the
browser's version and the fonts it prints with): a page that did not change is not printed again.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from scripts.errors import SiteError
from scripts.store import Store, digest

if TYPE_CHECKING:
    from playwright.sync_api import Route

log = logging.getLogger(__name__)

ORIGIN = "http://factsheets.invalid/"
"""The address the pages are printed from (served from files; never resolved)."""
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")


@dataclass(frozen=True)
class Sheet:
    lang: str
    url_path: str
    """The page's address below its language: 'people/gutseriev/'."""
    output: Path
    """The language's MkDocs output (the site folder of that language)."""
    name: str = "factsheet.pdf"
    """The PDF's file name, beside the page (factsheet.pdf, letter.pdf)."""

    @property
    def html(self) -> Path:
        return self.output / self.url_path / "index.html"


@dataclass
class Printed:
    """The PDF of every sheet, and how many were printed now and how many came from the store."""

    pdfs: dict[Sheet, bytes]
    printed: int
    reused: int
    keys: set[str]
    """The key of every PDF (what it shows)."""


def print_sheets(sheets: list[Sheet], store: Store) -> Printed:
    """Every sheet's PDF: from the store, or printed now (one browser for all) and kept there."""
    if not sheets:
        return Printed({}, 0, 0, set())
    version = _browser_version(store)
    styles: dict[Path, bytes] = {}
    keys: dict[Sheet, str] = {}
    for sheet in sheets:
        if sheet.output not in styles:
            styles[sheet.output] = _stylesheets_digest(sheet.output)
        keys[sheet] = digest("pdf", "undated", version, _fonts(), styles[sheet.output], sheet.html.read_bytes())
    kept = store.get_many("pdf", keys.values())
    missing = [sheet for sheet in sheets if keys[sheet] not in kept]
    fresh = _print(missing)
    store.put_many("pdf", {keys[sheet]: pdf for sheet, pdf in fresh.items()})
    pdfs = {sheet: fresh.get(sheet) or kept[keys[sheet]] for sheet in sheets}
    return Printed(pdfs, len(missing), len(sheets) - len(missing), set(keys.values()))


_STAMP = re.compile(rb"/(CreationDate|ModDate) ?\(D:\d{14}([^)]*)\)")


def without_clock(pdf: bytes) -> bytes:
    """The PDF without the moment Chromium printed it (its creation and change dates become 1 January 2000, in
    as many bytes, so no offset moves): the same page gives the same bytes, whenever and wherever it is
    printed."""
    return _STAMP.sub(lambda m: m.group(0)[: m.start(2) - m.start(0) - 14] + b"20000101000000" + m.group(0)[
        m.start(2) - m.start(0):], pdf)


def _stylesheets_digest(output: Path) -> bytes:
    digest = hashlib.sha256()
    for path in sorted((output / "assets" / "stylesheets").rglob("*.css")):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.digest()


def _browser_version(store: Store) -> str:
    """Chromium's version (a PDF printed by another version may look different), asked once per binary."""
    binary = Path(CHROMIUM)
    if not binary.exists():
        raise SiteError(f"fact sheets are printed by Chromium, and there is none at {CHROMIUM}: run "
                        "`make factsheets` (it installs Debian's chromium), or set CHROMIUM=/path/to/chromium")
    stamp = f"{binary.resolve()}:{binary.resolve().stat().st_mtime_ns}"
    known = store.state("chromium") or {}
    if known.get("stamp") == stamp:
        return str(known["version"])
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM)
        version = browser.version
        browser.close()
    store.set_state(chromium={"stamp": stamp, "version": version})
    return version


@cache
def _fonts() -> str:
    """The fonts Chromium prints with (Debian's DejaVu, installed with it)."""
    files = sorted(Path("/usr/share/fonts").rglob("*.ttf")) if Path("/usr/share/fonts").is_dir() else []
    return digest([(str(path), path.stat().st_size, path.stat().st_mtime_ns) for path in files])


def _print(sheets: list[Sheet]) -> dict[Sheet, bytes]:
    if not sheets:
        return {}
    from playwright.sync_api import Error, sync_playwright

    out: dict[Sheet, bytes] = {}

    outputs = {sheet.lang: sheet.output for sheet in sheets}

    def serve(route: Route) -> None:
        """A file of the language's output, or nothing: the page may load only the site's own files."""
        path = route.request.url.removeprefix(ORIGIN).split("#")[0].split("?")[0]
        lang, _, rest = path.partition("/")
        base = outputs.get(lang)
        if base is None:
            route.abort()
            return
        target = base / rest
        if target.is_dir():
            target = target / "index.html"
        if not target.is_file() or not target.resolve().is_relative_to(base.resolve()):
            route.abort()
            return
        route.fulfill(path=str(target))

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM)
        try:
            context = browser.new_context(java_script_enabled=False)  # the printed page needs no script
            context.route("**/*", serve)
            page = context.new_page()
            for sheet in sheets:
                log.info("printing %s%s", sheet.lang, sheet.url_path)
                page.goto(f"{ORIGIN}{sheet.lang}/{sheet.url_path}", wait_until="load")
                out[sheet] = without_clock(page.pdf(prefer_css_page_size=True, print_background=True, tagged=True,
                                                    outline=True))
        except Error as error:
            raise SiteError(f"Chromium could not print the fact sheets: {error.message.splitlines()[0]}") from error
        finally:
            browser.close()
    return out
