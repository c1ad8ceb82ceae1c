"""Fact sheets as PDFs (`make factsheets`): every fact page of every language printed to A4 by Chromium.

Chromium prints the page exactly as a reader's browser does with "Print" or "Save as PDF" (the
site's print stylesheet: no chrome, numbered sources, a QR code of the page's address, a footer
on every sheet), so there is one layout to keep, not two. It embeds the fonts it uses (subsets of
DejaVu Sans, installed with Chromium by `make`, which has every Belarusian, Russian and Polish
letter) and writes a tagged PDF with an outline, so that screen readers and PDF viewers can
navigate it.

The pages are served to the browser from the language's fresh MkDocs output through Playwright's
request routing: nothing listens on a port and any request for another address is refused. A
PDF is cached under .build/factsheets/ by a digest of what it shows (the page, the stylesheets
and the browser's version): a page that did not change is not printed again.
"""

from __future__ import annotations

import hashlib
import logging
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from scripts.errors import SiteError

if TYPE_CHECKING:
    from playwright.sync_api import Route

log = logging.getLogger(__name__)

FACTSHEET = "factsheet.pdf"
"""The PDF's name, beside the page's index.html (pages link to it as 'factsheet.pdf')."""
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

    @property
    def html(self) -> Path:
        return self.output / self.url_path / "index.html"


class FactsheetCache:
    """PDFs by digest in ``folder``; counts what was printed and what was reused."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.printed = 0
        self.reused = 0

    def files(self, sheets: list[Sheet]) -> dict[Sheet, Path]:
        """The cached PDF of every sheet; the missing ones are printed first (one browser for all)."""
        if not sheets:
            return {}
        self.folder.mkdir(parents=True, exist_ok=True)
        version = _browser_version(self.folder)
        styles: dict[Path, bytes] = {}
        out: dict[Sheet, Path] = {}
        for sheet in sheets:
            if sheet.output not in styles:
                styles[sheet.output] = _stylesheets_digest(sheet.output)
            digest = hashlib.sha256(version.encode() + styles[sheet.output] + sheet.html.read_bytes())
            out[sheet] = self.folder / f"{digest.hexdigest()[:32]}.pdf"
        missing = [sheet for sheet in sheets if not out[sheet].exists()]
        if missing:
            _print(missing, out)
        self.printed += len(missing)
        self.reused += len(sheets) - len(missing)
        return out

    def prune(self, keep: set[Path]) -> None:
        """Remove the PDFs no page shows any more."""
        for path in self.folder.glob("*.pdf"):
            if path not in keep:
                path.unlink(missing_ok=True)


def _stylesheets_digest(output: Path) -> bytes:
    digest = hashlib.sha256()
    for path in sorted((output / "assets" / "stylesheets").rglob("*.css")):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.digest()


def _browser_version(folder: Path) -> str:
    """Chromium's version (a PDF printed by another version may look different), read once per binary."""
    binary = Path(CHROMIUM)
    if not binary.exists():
        raise SiteError(f"fact sheets are printed by Chromium, and there is none at {CHROMIUM}: run "
                        "`make factsheets` (it installs Debian's chromium), or set CHROMIUM=/path/to/chromium")
    stamp = f"{binary.resolve()}:{binary.resolve().stat().st_mtime_ns}"
    known = folder / "browser.txt"
    if known.exists():
        saved_stamp, _, version = known.read_text().partition("\n")
        if saved_stamp == stamp:
            return version
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM)
        version = browser.version
        browser.close()
    known.write_text(f"{stamp}\n{version}")
    return version


def _print(sheets: list[Sheet], out: dict[Sheet, Path]) -> None:
    from playwright.sync_api import Error, sync_playwright

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
                partial = out[sheet].with_suffix(".tmp")
                page.pdf(path=str(partial), prefer_css_page_size=True, print_background=True,
                         tagged=True, outline=True)
                partial.replace(out[sheet])
        except Error as error:
            raise SiteError(f"Chromium could not print the fact sheets: {error.message.splitlines()[0]}") from error
        finally:
            browser.close()
