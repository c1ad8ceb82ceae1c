"""How long `make serve` takes to show an edit: from saving a fact file to the open page showing it.

The preview runs as editors run it (`python -m scripts serve --lang be`) on a built project; Chromium
opens a person's page; the person's file is edited; the time is taken when the page, reloaded by the
preview's own script, shows the new text. Run from `make bench` (scripts.dev.bench).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path

import yaml


def edit_to_view(root: Path, entity_file: Path, entity_page: str, lang: str = "be", edits: int = 5) -> list[float]:
    """Seconds from each edit of ``entity_file`` to the page ``entity_page`` (in ``lang``) showing it."""
    from urllib.parse import urlsplit

    from playwright.sync_api import sync_playwright

    site_url = yaml.safe_load((root / "content/site.yml").read_text(encoding="utf-8"))["site_url"]
    server = subprocess.Popen([sys.executable, "-m", "scripts", "--root", str(root), "serve", "--lang", lang,
                               "--addr", "127.0.0.1:0"], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    seconds = []
    try:
        assert server.stdout is not None
        ready = server.stdout.readline()  # printed once the first build (cards included) is done
        found = re.search(r"http://127\.0\.0\.1:(\d+)/", ready)
        if not found:
            raise RuntimeError(f"the preview did not start: {ready!r}")
        base = f"http://127.0.0.1:{found.group(1)}{urlsplit(site_url).path}"
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=os.environ.get("CHROMIUM", "/usr/bin/chromium"),
                                                 args=["--no-sandbox"])
            page = browser.new_page(bypass_csp=True)  # the probe below is evaluated script
            page.goto(f"{base}{lang}/{entity_page}/")
            text = entity_file.read_text(encoding="utf-8")
            for n in range(edits):
                page.wait_for_timeout(2500)  # the previous edit's full pass is done
                marker = f"Preview{n}x{int(time.time())}"
                text = re.sub(rf"(\n  {lang}: )(Preview\d+x\d+ )?", rf"\g<1>{marker} ", text, count=1)
                started = time.monotonic()
                entity_file.write_text(text, encoding="utf-8")
                page.wait_for_function(f"document.body && document.body.innerText.includes({marker!r})",
                                       timeout=30_000, polling=20)
                seconds.append(time.monotonic() - started)
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=10)
    return seconds
