"""`make bench`: build speed and page weight, for the real content and for 500 entities × 4 languages,
measured side by side with two anchors: the naive MkDocs way (one build with mkdocs-static-i18n and
every page in the sidebar) and Hugo (Debian's package) with a minimal multilingual layout.

Social cards are off for every timing compared across tools; card throughput is measured on its own.
The figures are printed and written into BENCHMARKS.md.
"""

from __future__ import annotations

import datetime as dt
import gzip
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from scripts.dev.bench import anchors, preview, synth
from scripts.dev.bench.measure import run
from scripts.dev.localserver import serve

ROOT = Path(__file__).resolve().parents[3]
RUNS = 3
"""Cold builds, one-entity rebuilds and Hugo's builds are each run this many times; the median is shown."""
PY = sys.executable


def build(root: Path, *extra: str, cores: int = 0) -> tuple[float, int, dict[str, float], str]:
    """Seconds, peak memory, the build's own timings and its report; on ``cores`` cores only when given
    (taskset)."""
    pin = ["taskset", "-c", ",".join(str(c) for c in range(cores))] if cores else []
    seconds, peak, out = run([*pin, PY, "-m", "scripts", "--root", str(root), "build", "--timings", *extra])
    timings = {k.strip(): float(v) for k, v in re.findall(r"([a-z ]+?) ([0-9.]+) s", out.split("timings:")[-1])}
    return seconds, peak, timings, out


def size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) if path.is_dir() else path.stat().st_size


def first_view(site: Path, site_url: str, page: str) -> int:
    """Compressed bytes of everything the browser loads for ``page`` before any interaction."""
    from urllib.parse import urlsplit

    from playwright.sync_api import sync_playwright

    with serve(site, urlsplit(site_url).path) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=os.environ.get("CHROMIUM", "/usr/bin/chromium"),
                                             args=["--no-sandbox"])
        tab = browser.new_page()
        urls: list[str] = []
        tab.on("response", lambda r: urls.append(r.url))
        tab.goto(base + page)
        tab.wait_for_load_state("networkidle")
        browser.close()
    total = 0
    for url in urls:
        path = site / url.removeprefix(base)
        path = path / "index.html" if path.is_dir() else path
        total += len(gzip.compress(path.read_bytes(), 6)) if path.is_file() else 0
    return total


def measure(name: str, root: Path, entity_file: Path, entity_page: str, langs: list[str],
            hugo: bool = True) -> dict[str, Any]:
    print(f"\n== {name}", flush=True)
    for folder in ("site", "docs", ".build"):
        shutil.rmtree(root / folder, ignore_errors=True)
    r: dict[str, Any] = {"name": name}
    colds = []
    for _ in range(RUNS):  # the machine's speed moves between runs: the median of three
        for folder in ("site", "docs", ".build"):
            shutil.rmtree(root / folder, ignore_errors=True)
        colds.append(build(root, "--no-cards"))
    r["cold"], r["peak"], r["timings"], _ = sorted(colds, key=lambda run: run[0])[RUNS // 2]
    r["nochange"], _, _, _ = build(root, "--no-cards")
    if shutil.which("taskset") and (os.cpu_count() or 1) > 1:
        kept = Path(tempfile.mkdtemp())
        for folder in ("site", "docs", ".build"):
            shutil.move(root / folder, kept / folder)
        r["cold_1core"], _, _, _ = build(root, "--no-cards", cores=1)
        for folder in ("site", "docs", ".build"):
            shutil.rmtree(root / folder, ignore_errors=True)
            shutil.move(kept / folder, root / folder)
        shutil.rmtree(kept)
    original = entity_file.read_text(encoding="utf-8")
    edits = []
    for n in range(RUNS):  # its name in English changes each time (the pages that name it change with it)
        entity_file.write_text(original.replace("summary:", "# edited\nsummary:", 1)
                               .replace("en: ", f"en: Edited{n} ", 1), encoding="utf-8")
        seconds, _, timings, _ = build(root, "--no-cards")
        edits.append((seconds, timings))
    r["one_edit"], r["one_edit_timings"] = sorted(edits, key=lambda run: run[0])[RUNS // 2]
    site = root / "site"
    r["pages"] = sum(1 for _ in site.rglob("index.html")) - 1
    r["output"] = size(site)
    r["entity_html"] = size(site / "en" / entity_page / "index.html")
    r["search"] = {lang: size(site / lang / "search" / "search_index.json") for lang in langs}
    import yaml

    site_url = yaml.safe_load((root / "content/site.yml").read_text(encoding="utf-8"))["site_url"]
    r["first_view"] = first_view(site, site_url, f"en/{entity_page}/")
    from scripts.store import Store

    Store.of(root).keep_only("card", ())  # every card drawn again
    _, _, timings, out = build(root)
    r["cards_seconds"] = timings.get("cards", 0.0)
    r["cards"] = int(re.search(r"social cards: (\d+) drawn", out).group(1))  # type: ignore[union-attr]
    r["preview"] = preview.edit_to_view(root, entity_file, entity_page)
    # the anchors build every page from its generated Markdown: pages assembled in frames are not in docs/, so
    # docs/ is made again without frames (MkDocs then renders every page itself: the same site, byte for byte)
    subprocess.run([PY, "-c", "import sys; from pathlib import Path; from scripts.site.build import build; "
                    "build(Path(sys.argv[1]), cards=False, frames=False)", str(root)], cwd=ROOT, check=True,
                   capture_output=True)
    r["naive"], r["naive_peak"] = anchors.naive(root, langs)
    r["hugo"] = sorted(anchors.hugo(root, langs) for _ in range(RUNS))[RUNS // 2] if hugo else None
    for key in ("cold", "cold_1core", "nochange", "one_edit", "naive", "hugo"):
        if r.get(key) is not None:
            print(f"  {key:10} {r[key]:7.2f} s", flush=True)
    return r


def machine() -> str:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    memory = int(re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text()).group(1)) // 1024 // 1024  # type: ignore[union-attr]
    hugo = subprocess.run(["hugo", "version"], capture_output=True, text=True).stdout.split()[1]
    return (f"{os.cpu_count()} cores ({cpu}), {memory} GiB, Python {platform.python_version()}, "
            f"Hugo {hugo}, {dt.date.today()}")


def report(results: list[dict[str, Any]]) -> str:
    lines = [f"Machine: {machine()}", ""]
    header = "| | " + " | ".join(r["name"] for r in results) + " |"
    lines += [header, "|---|" + "---:|" * len(results)]

    def row(label: str, fmt) -> None:  # type: ignore[no-untyped-def]
        lines.append(f"| {label} | " + " | ".join(fmt(r) for r in results) + " |")

    row("pages (all languages)", lambda r: f"{r['pages']:,}")
    row("generation (load + render)",
        lambda r: f"{r['timings'].get('load', 0) + r['timings'].get('generate', 0):.1f} s")
    for lang in results[0]["search"]:
        row(f"MkDocs build, {lang}", lambda r, lang=lang: f"{r['timings'].get('mkdocs ' + lang, 0):.1f} s")
    row("**cold build, wall time** (no cards, median of 3)", lambda r: f"**{r['cold']:.1f} s**")
    row(f"cold build on 1 core (the above used {os.cpu_count()})", lambda r: (
        f"{r['cold_1core']:.1f} s ({r['cold_1core'] / r['cold']:.2f}× slower)" if r.get("cold_1core") else "–"))
    row("peak memory (all processes)", lambda r: f"{r['peak'] / 2**20:.0f} MB")
    row("rebuild, nothing changed", lambda r: f"{r['nochange']:.2f} s")
    row("rebuild, one entity file edited (median of 3)", lambda r: f"{r['one_edit']:.2f} s")
    row("`make serve`: an edit shown in the open page (median of 5)",
        lambda r: f"{sorted(r['preview'])[2]:.2f} s (max {max(r['preview']):.2f} s)")
    row("total output size", lambda r: f"{r['output'] / 2**20:.1f} MB")
    row("HTML of an entity page", lambda r: f"{r['entity_html'] / 1024:.1f} KB")
    for lang in results[0]["search"]:
        row(f"search index, {lang}", lambda r, lang=lang: f"{r['search'][lang] / 1024:.0f} KB")
    row("first view of a fact page (compressed)", lambda r: f"{r['first_view'] / 1024:.0f} KB")
    row("social cards per second", lambda r: f"{r['cards'] / max(r['cards_seconds'], 0.01):.0f}"
        f" ({r['cards']} in {r['cards_seconds']:.1f} s)")
    row("anchor: naive MkDocs (i18n plugin, full sidebar)", lambda r: f"{r['naive']:.1f} s")
    row("anchor: Hugo (median of 3)", lambda r: f"{r['hugo']:.2f} s" if r["hugo"] else "–")
    row("ratio: our cold build / Hugo", lambda r: f"{r['cold'] / r['hugo']:.1f}×" if r["hugo"] else "–")
    row("ratio: naive MkDocs / our cold build", lambda r: f"{r['naive'] / r['cold']:.1f}×")
    row("ratio: no-change rebuild / Hugo", lambda r: f"{r['nochange'] / r['hugo']:.2f}×" if r["hugo"] else "–")
    row("ratio: one-edit rebuild / Hugo", lambda r: f"{r['one_edit'] / r['hugo']:.2f}×" if r["hugo"] else "–")
    edit = results[-1]["one_edit_timings"]
    lines += ["", "Where a one-entity rebuild of the large site spends its time: "
              + ", ".join(f"{k} {v:.2f} s" for k, v in edit.items())]
    return "\n".join(lines)


def main() -> int:
    langs = ["en", "be", "ru", "pl"]
    results = []
    with tempfile.TemporaryDirectory() as scratch:
        real = Path(scratch) / "real"
        real.mkdir()
        shutil.copytree(ROOT / "content", real / "content")
        shutil.copy(ROOT / "mkdocs.yml", real / "mkdocs.yml")
        person = min((real / "content/facts/people").glob("*.yml"))
        results.append(measure("real content", real, person, f"people/{person.stem}", langs))
        large = synth.write(Path(scratch) / "large", ROOT / "content", entities=500, langs=langs)
        results.append(measure("500 synthetic entities × 4", large, large / "content/facts/people/person-0.yml",
                               "people/person-0", langs))
        rich = synth.copies(Path(scratch) / "rich", ROOT / "content", entities=500)
        copy = min((rich / "content/facts/people").glob("*-copy-*.yml"))
        results.append(measure("500 copies of the real fact sheets × 4", rich, copy, f"people/{copy.stem}", langs))
    table = report(results)
    print("\n" + table)
    bench = ROOT / "BENCHMARKS.md"
    text = bench.read_text(encoding="utf-8") if bench.exists() else ""
    start, end = "<!-- bench:start -->", "<!-- bench:end -->"
    if start in text:
        text = text[: text.index(start) + len(start)] + "\n" + table + "\n" + text[text.index(end):]
        bench.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
