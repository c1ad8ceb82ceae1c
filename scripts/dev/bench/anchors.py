"""The two anchors the benchmark compares against, built from the same generated Markdown (docs/).

- naive: one `mkdocs build` with mkdocs-static-i18n, every page in the sidebar;
- Hugo: Debian's `hugo` with the minimal multilingual layout in scripts/dev/bench/hugo/.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import yaml

from scripts.dev.bench.measure import run
from scripts.render.policy import CSP
from scripts.site.config import THEME

HUGO_LAYOUT = Path(__file__).parent / "hugo"


def _timed(cmd: list[str], cwd: Path) -> tuple[float, int]:
    seconds, peak, _ = run(cmd, cwd)
    return seconds, peak


def naive(root: Path, langs: list[str]) -> tuple[float, int]:
    """One MkDocs build of every language with mkdocs-static-i18n and the full sidebar."""
    with tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch)
        shutil.copytree(root / "docs", work / "docs", ignore=shutil.ignore_patterns("README.md"))
        base = yaml.safe_load((root / "mkdocs.yml").read_text(encoding="utf-8"))
        pages = sorted(p.relative_to(work / "docs" / "en").as_posix()
                       for p in (work / "docs" / "en").rglob("*.md"))
        config: dict[str, Any] = {
            **base, "site_name": "benchmark", "site_url": "https://example.org/", "docs_dir": "docs",
            "site_dir": "site", "strict": False, "nav": pages,
            "theme": {**base["theme"], "custom_dir": str(THEME)}, "extra": {**base.get("extra", {}), "csp": CSP},
            "plugins": ["search", {"i18n": {"docs_structure": "folder", "languages": [
                {"locale": lang, "name": lang, "default": lang == "en", "build": True} for lang in langs]}}],
        }
        config.pop("validation", None)
        (work / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
        return _timed([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(work / "mkdocs.yml")], work)


def hugo(root: Path, langs: list[str]) -> float:
    """Hugo's cold build of the same pages, every language."""
    with tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch)
        shutil.copytree(HUGO_LAYOUT / "layouts", work / "layouts")
        config = ["baseURL = 'https://example.org/'", "title = 'benchmark'", "defaultContentLanguage = 'en'",
                  "disableKinds = ['taxonomy', 'term', 'RSS']", "[markup.goldmark.renderer]", "unsafe = true",
                  "[languages]"]
        for weight, lang in enumerate(langs, start=1):
            config += [f"[languages.{lang}]", f"contentDir = 'content/{lang}'", f"weight = {weight}"]
            for page in (root / "docs" / lang).rglob("*.md"):
                rel = page.relative_to(root / "docs" / lang)
                target = work / "content" / lang / (rel.parent / "_index.md" if rel.name == "index.md" else rel)
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(page, target)
        (work / "hugo.toml").write_text("\n".join(config) + "\n", encoding="utf-8")
        started = time.perf_counter()
        subprocess.run(["hugo", "--quiet", "-s", str(work), "-d", str(work / "public")], check=True,
                       capture_output=True)
        return time.perf_counter() - started
