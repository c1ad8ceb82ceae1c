"""Synthetic content in the project's own format, for the benchmark and the scale tests only.

The labels, lists, pages and article come from the real content/; the fact sheets are made
up (names like "Person 17"), so no invented fact can ever reach the real site.
"""

from __future__ import annotations

import random
import re
import shutil
from pathlib import Path

import yaml

LANGS = ["en", "be", "ru", "pl"]


def _text(label: str, langs: list[str]) -> dict[str, str]:
    return {lang: f"{label} ({lang})" for lang in langs}


def write(root: Path, real_content: Path, entities: int = 500, crossings: int = 40, points: int = 120,
          langs: list[str] | None = None, seed: int = 7) -> Path:
    """Write a content tree with ``entities`` people and companies (half each) under ``root``."""
    langs = langs or LANGS
    rng = random.Random(seed)
    content = root / "content"
    if content.exists():
        shutil.rmtree(content)
    shutil.copytree(real_content / "ui", content / "ui")
    shutil.copytree(real_content / "facts" / "lists", content / "facts" / "lists")
    for name in ("pages", "articles"):
        shutil.copytree(real_content / name, content / name)
    for path in content.rglob("*.md"):
        if path.stem not in langs:
            path.unlink()
    for path in (content / "ui").glob("*.yml"):
        if path.stem not in langs:
            path.unlink()
    site = yaml.safe_load((real_content / "site.yml").read_text(encoding="utf-8"))
    site["languages"] = [lang for lang in site["languages"] if lang["code"] in langs]
    for key in ("name", "description"):
        site[key] = {k: v for k, v in site[key].items() if k in langs}
    site["headline_series"] = "political-prisoners"
    (content / "site.yml").write_text(yaml.safe_dump(site, allow_unicode=True, sort_keys=False), encoding="utf-8")
    for path in (content / "facts" / "lists").glob("*.yml"):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for entry in data:
            for key in ("name", "short", "meaning"):
                if key in entry:
                    entry[key] = {k: v for k, v in entry[key].items() if k in langs}
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    for path in content.rglob("*.md"):  # keep translations' figure ties valid but drop fingerprints, and
        text = re.sub(r"^translated_from: .*\n", "", path.read_text(encoding="utf-8"), flags=re.M)
        _, front, body = text.split("---\n", 2)  # notes that cite real fact pages (there are none here)
        meta = yaml.safe_load(front)
        meta.pop("notes", None)
        front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=1000)
        path.write_text(f"---\n{front}---\n{body}", encoding="utf-8")

    source = [{"id": "s1", "url": "https://example.org/source", "publisher": "Example", "accessed": "2026-01-01"}]
    ids = [f"{'person' if i % 2 == 0 else 'company'}-{i}" for i in range(entities)]
    for i, ident in enumerate(ids):
        kind = "people" if i % 2 == 0 else "companies"
        sanctions = []
        for j in range(rng.randint(1, 4)):
            year = rng.randint(2020, 2024)
            history = [{"date": f"{year}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}", "event": "listed", "source": "s1"}]
            if rng.random() < 0.3:
                history.append({"date": f"{year + 1}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}",
                                "event": rng.choice(["renewed", "upheld", "annulled", "lifted"]), "source": "s1"})
            sanctions.append({"authority": ["eu", "uk", "us", "ca"][j % 4],
                              "programme": _text("Programme", langs), "history": history})
        related = rng.sample(ids, 2)
        data = {"name": _text(f"Entity {i}", langs), "aliases": [f"Alias {i}", f"Алиас {i}"],
                "role": _text("Role", langs), "summary": _text("A made-up entity for the benchmark.", langs),
                "related": [r for r in related if r != ident], "sectors": ["oil"], "sanctions": sanctions,
                "sources": source}
        folder = content / "facts" / kind
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{ident}.yml").write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False),
                                             encoding="utf-8")
    folder = content / "facts" / "crossings"
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(crossings):
        history = [{"date": f"{2020 + k}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}",
                    "status": rng.choice(["open", "restricted", "closed"]), "source": "s1"} for k in range(4)]
        data = {"name": _text(f"Crossing {i}", langs), "aliases": [f"Crossing alias {i}"],
                "sides": [{"country": "pl", "place": _text(f"Place {i}", langs)}, {"country": "by"}],
                "traffic": ["cars"], "history": history, "refresh_days": 90, "sources": source}
        (folder / f"crossing-{i}.yml").write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False),
                                                  encoding="utf-8")
    folder = content / "facts" / "series"
    folder.mkdir(parents=True, exist_ok=True)
    values = [1000 + rng.randint(-50, 50) * 3 for _ in range(points)]
    series = {"title": _text("Political prisoners", langs), "description": _text("Made-up counts.", langs),
              "points": [{"date": f"{2010 + k // 12}-{k % 12 + 1:02d}", "value": v, "counted_by": "viasna",
                          "source": "s1"} for k, v in enumerate(values)], "refresh_days": 60, "sources": source}
    for order, name in enumerate(("political-prisoners", "convicted-political-charges"), start=1):
        (folder / f"{name}.yml").write_text(yaml.safe_dump({**series, "order": order}, allow_unicode=True,
                                                           sort_keys=False), encoding="utf-8")
    shutil.copy(real_content.parent / "mkdocs.yml", root / "mkdocs.yml")
    return root


def copies(root: Path, real_content: Path, entities: int = 500) -> Path:
    """The real content with its people and companies copied until there are ``entities`` of them: fact sheets
    as rich as today's (every record, source and language), each copy named apart ("… 17") so that every
    spelling still belongs to one page."""
    content = root / "content"
    if content.exists():
        shutil.rmtree(content)
    shutil.copytree(real_content, content)
    shutil.copy(real_content.parent / "mkdocs.yml", root / "mkdocs.yml")
    facts = content / "facts"
    originals = [path for kind in ("people", "companies") for path in sorted((facts / kind).glob("*.yml"))]
    for n in range(entities - len(originals)):
        path = originals[n % len(originals)]
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        data["name"] = {lang: f"{name} {n}" for lang, name in data["name"].items()}
        data["aliases"] = [f"{alias} {n}" for alias in data.get("aliases", [])]
        for key in ("related", "translated", "corrections"):
            data.pop(key, None)
        copy = path.with_name(f"{path.stem}-copy-{n}.yml")
        copy.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return root
