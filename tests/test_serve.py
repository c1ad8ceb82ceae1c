"""`make serve`: the preview is the site (published addresses, every language), rebuilt on every edit,
with the mistakes of content/ shown in every page until they are fixed."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from tests.browser import new_page
from tests.conftest import FIXTURES, REPO, make_project

pytestmark = pytest.mark.site  # every test here builds a site


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def fetch(url: str, want: str, timeout: float = 60) -> str:
    deadline = time.monotonic() + timeout
    text = ""
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                text = str(response.read().decode("utf-8"))
            if want in text:
                return text
        except OSError:
            pass
        time.sleep(0.3)
    raise AssertionError(f"{want!r} did not appear at {url} within {timeout} s; last page: {text[:300]}")


@pytest.fixture
def preview(tmp_path: Path) -> Iterator[tuple[Path, str]]:
    """The minimal site, with a second language, previewed on a free port: (project, base URL)."""
    root = make_project(tmp_path, FIXTURES / "minimal" / "content")
    site = root / "content/site.yml"
    belarusian = "    default: true\n  - code: be\n    name: Беларуская\n"
    site.write_text(site.read_text().replace("    default: true\n", belarusian))
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "scripts", "--root", str(root), "serve",
                               "--addr", f"127.0.0.1:{port}", "--lang", "be"], cwd=REPO,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        fetch(f"http://127.0.0.1:{port}/repo/en/", "</html>")  # the first build is done
        yield root, f"http://127.0.0.1:{port}"
        assert server.poll() is None
    finally:
        server.terminate()
        server.communicate(timeout=10)


def test_the_preview_serves_the_published_addresses_and_follows_edits(preview: tuple[Path, str]) -> None:
    root, base = preview
    fetch(f"{base}/repo/en/people/alpha/", "Owner of Beta Oil")
    fetch(f"{base}/repo/be/people/alpha/", 'lang="be"')
    with urllib.request.urlopen(f"{base}/", timeout=5) as response:  # opens on the language asked for
        assert response.url == f"{base}/repo/be/"
    person = root / "content/facts/people/alpha.yml"
    person.write_text(person.read_text().replace("Owner of Beta Oil", "Founder of Beta Oil"))
    fetch(f"{base}/repo/en/people/alpha/", "Founder of Beta Oil")


def test_a_mistake_shows_in_every_page_and_goes_once_fixed(browser: Browser, preview: tuple[Path, str]) -> None:
    root, base = preview
    page, watch = new_page(browser, base + "/repo/")
    page.goto(f"{base}/repo/en/people/alpha/")
    page.wait_for_load_state("load")  # (the page keeps a question to the preview open: never idle)
    page.hover(".md-header__option .md-select")
    page.click('.md-select__link[hreflang="be"]')
    page.wait_for_url(f"{base}/repo/be/people/alpha/")  # the switcher stays in the preview

    person = root / "content/facts/people/alpha.yml"
    good = person.read_text()
    person.write_text(good.replace("role:", "rolle:"))
    banner = page.locator("#preview-problems")
    banner.wait_for(timeout=30_000)  # the page reloads by itself
    assert "content/facts/people/alpha.yml:" in banner.inner_text()
    assert "'rolle' should be 'role'" in banner.inner_text()
    page.goto(f"{base}/repo/en/")  # every page shows it
    page.locator("#preview-problems").wait_for(timeout=10_000)

    person.write_text(good)
    page.locator("#preview-problems").wait_for(state="detached", timeout=30_000)  # the page is back
    assert page.url == f"{base}/repo/en/" and page.locator("h1").count() == 1
    assert watch.foreign == [] and watch.console_errors == []
