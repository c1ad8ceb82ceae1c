"""Helpers for browser tests: the built site served under its GitHub Pages path, and Chromium.

Chromium comes from Debian (`make test` installs the package); Playwright drives it
through `executable_path`, so nothing is downloaded.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from playwright.sync_api import Browser, Page, Request, Response

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


@dataclass
class Watch:
    """Everything a page did on the network and in the console."""

    origin: str
    requests: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)

    def attach(self, page: Page) -> None:
        page.on("request", self._request)
        page.on("response", self._response)
        page.on("requestfailed", self._failed)
        page.on("console", lambda m: self.console_errors.append(m.text) if m.type == "error" else None)

    def _failed(self, request: Request) -> None:
        if "ERR_ABORTED" not in (request.failure or ""):  # cancelled by the next navigation, not an error
            self.failures.append(f"failed {request.url}: {request.failure}")

    def _request(self, request: Request) -> None:
        self.requests.append(request.url)

    def _response(self, response: Response) -> None:
        if response.status >= 400:
            self.failures.append(f"{response.status} {response.url}")

    @property
    def foreign(self) -> list[str]:
        return [url for url in self.requests if not url.startswith(self.origin) and not url.startswith("data:")]


def new_page(browser: Browser, base: str, javascript: bool = True) -> tuple[Page, Watch]:
    context = browser.new_context(java_script_enabled=javascript)
    page = context.new_page()
    watch = Watch(base.split("/", 3)[0] + "//" + base.split("/", 3)[2])
    watch.attach(page)
    return page, watch
