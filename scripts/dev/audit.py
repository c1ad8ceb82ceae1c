"""`make audit`: Lighthouse scores for the page kinds in every language, printed as a table.

Lighthouse (npm, in node_modules/) drives the Chromium named by $CHROMIUM (default Debian's)
against the built site/ served on 127.0.0.1 under its GitHub Pages path. A script, not a
test: scores move a little from run to run.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from scripts.dev.localserver import serve

ROOT = Path(__file__).resolve().parents[2]
PAGES = ["", "articles/how-to-negotiate-with-lukashenko/", "political-prisoners/", "people/", "companies/",
         "crossings/", "people/gutseriev/", "companies/belaruskali/", "crossings/bobrowniki/"]
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]


def lighthouse(url: str) -> dict[str, float]:
    chrome = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    done = subprocess.run(
        [str(ROOT / "node_modules/.bin/lighthouse"), url, "--output=json", "--quiet",
         f"--only-categories={','.join(CATEGORIES)}", f"--chrome-path={chrome}",
         "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-background-networking"],
        capture_output=True, text=True, timeout=300, env={**os.environ, "CHROME_PATH": chrome})
    if done.returncode != 0:
        raise SystemExit(f"lighthouse failed on {url}: {done.stderr.strip()[-400:]}")
    report = json.loads(done.stdout)
    return {name: report["categories"][name]["score"] for name in CATEGORIES}


def main() -> int:
    site_url = yaml.safe_load((ROOT / "content/site.yml").read_text(encoding="utf-8"))["site_url"]
    langs = sys.argv[1:] or ["en", "be", "ru", "pl"]
    print(f"{'page':52} " + " ".join(f"{c[:13]:>13}" for c in CATEGORIES))
    with serve(ROOT / "site", urlsplit(site_url).path) as base:
        for lang in langs:
            for page in PAGES:
                scores = lighthouse(f"{base}{lang}/{page}")
                print(f"{lang + '/' + page:52} " + " ".join(f"{round(scores[c] * 100):>13}" for c in CATEGORIES),
                      flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
