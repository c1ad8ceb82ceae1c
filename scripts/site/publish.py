"""Publishing: linking each language's cached output into a new tree, and swapping a finished build
into docs/ and site/ so that a failed run leaves the last good ones exactly as they were.

Also the few files at the site's root that no language build makes: the language chooser
(index.html and its script), 404.html, .nojekyll, robots.txt and CNAME.
"""

from __future__ import annotations

import functools
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import jinja2

from scripts.content.documents import Content
from scripts.errors import SiteError
from scripts.i18n.locale import Locale
from scripts.render.policy import CSP, REFERRER
from scripts.site.cache import LanguageCache, remove_empty_folders, replace_file, write_changed
from scripts.site.factsheets import FACTSHEET

OUTPUTS = ("docs", "site")
"""The only folders under the project root that the generator replaces."""
ROOT_TEMPLATE = Path(__file__).parent / "root-index.html.j2"


def link_tree(source: Path, target: Path) -> None:
    """``target`` as a copy of ``source`` made of hard links (nothing is rewritten)."""
    shutil.copytree(source, target, copy_function=os.link)


def link_trees(pairs: list[tuple[Path, Path]]) -> None:
    """`link_tree` for each (source, target), all at once: with GNU cp, one `cp -al` each, side by side
    (making a large site's hundreds of folders is the kernel's work, and it uses every core)."""
    if not (sys.platform.startswith("linux") and shutil.which("cp")):
        for source, target in pairs:
            link_tree(source, target)
        return
    for _, target in pairs:
        target.parent.mkdir(parents=True, exist_ok=True)
    running = [subprocess.Popen(["cp", "-al", str(source), str(target)]) for source, target in pairs]
    if any(process.wait() != 0 for process in running):
        raise SiteError(f"could not link {pairs[0][0].parent} into {pairs[0][1].parent} (cp -al failed)")


def reuse_unchanged(new: Path, old: Path, recursive: bool = True) -> None:
    """Replace each file of ``new`` that is byte-for-byte the same as in ``old`` by a hard link to it."""
    if not old.is_dir():
        return
    for path in new.rglob("*") if recursive else new.iterdir():
        previous = old / path.relative_to(new)
        if path.is_file() and previous.is_file() and path.stat().st_size == previous.stat().st_size \
                and path.read_bytes() == previous.read_bytes():
            path.unlink()
            os.link(previous, path)


def swap(new: Path, dest: Path) -> None:
    """Replace ``dest`` (docs/ or site/, or one language's folder in them) by ``new`` with two renames
    on the same filesystem."""
    one_language = dest.parent.name in OUTPUTS and new.parent.parent.parent.name == ".build"
    if not one_language and (dest.name not in OUTPUTS or new.parent.parent.name != ".build"):
        raise SiteError(f"refusing to replace {dest}: the generator writes only docs/ and site/")
    old = new.with_name(f"old-{dest.name}")  # in the stage folder: removed with it
    if dest.exists():
        os.rename(dest, old)
    os.rename(new, dest)


def remove_soon(folder: Path) -> None:
    """Remove ``folder`` without waiting for it: an old site is thousands of files, and nothing reads
    them any more. On Linux a detached `rm -rf` does it; elsewhere it is removed now."""
    if not folder.exists():
        return
    if sys.platform.startswith("linux") and shutil.which("rm"):
        subprocess.Popen(["rm", "-rf", str(folder)], start_new_session=True,
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    else:
        shutil.rmtree(folder, ignore_errors=True)


def root_index(content: Content) -> str:
    """site/index.html: a language chooser (plain links) that choose-language.js turns into a redirect."""
    env = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined)
    site = content.site
    languages = []
    for language in site.languages:
        locale = Locale.of(content, language.code)
        languages.append((language.code, language.name, locale.text(site.name), locale.ui("choose_language")))
    default = Locale.of(content, site.default_language)
    return env.from_string(ROOT_TEMPLATE.read_text(encoding="utf-8")).render(
        languages=languages, default=site.default_language, site=site, csp=CSP, referrer=REFERRER,
        description=default.text(site.description))


def choose_language_script(content: Content) -> str:
    """The root page's redirect to the reader's language (a file: no inline script)."""
    codes = json.dumps(content.site.codes)
    default = json.dumps(content.site.default_language)
    return (f"(function () {{\n  var codes = {codes}, wanted = navigator.languages || [navigator.language || \"\"];\n"
            "  for (var i = 0; i < wanted.length; i++) {\n"
            "    var code = String(wanted[i]).slice(0, 2).toLowerCase();\n"
            "    if (codes.indexOf(code) >= 0) { location.replace(code + \"/\"); return; }\n"
            f"  }}\n  location.replace({default} + \"/\");\n}})();\n")


def root_files(content: Content, default_404: Path) -> dict[str, bytes]:
    """The files at the site's root: index.html sends readers to their language; 404.html (the default
    language's), .nojekyll, robots.txt and CNAME."""
    out = {"index.html": root_index(content).encode(), "choose-language.js": choose_language_script(content).encode(),
           ".nojekyll": b""}
    if default_404.exists():
        out["404.html"] = default_404.read_bytes()
    if content.site.custom_domain:
        out["CNAME"] = (content.site.custom_domain + "\n").encode()
    sitemaps = "".join(f"Sitemap: {content.site.site_url}{code}/sitemap.xml\n" for code in content.site.codes)
    out["robots.txt"] = f"User-agent: *\nAllow: /\n\n{sitemaps}".encode()
    return out


def write_root_pages(site: Path, content: Content) -> None:
    for name, data in root_files(content, site / content.site.default_language / "404.html").items():
        (site / name).write_bytes(data)


def apply_changes(source: Path, target: Path, rels: Iterable[str]) -> None:
    """Make each file ``rels`` of the published ``target`` what it is in ``source`` (a hard link to it,
    put in place by renaming), or remove it (with a page's fact sheet, and folders left empty)."""
    for rel in sorted(set(rels)):
        new, old = source / rel, target / rel
        if new.is_file():
            if not (old.is_file() and os.path.samefile(new, old)):
                replace_file(old, functools.partial(os.link, new))
            continue
        old.unlink(missing_ok=True)
        if old.name == "index.html":
            (old.parent / FACTSHEET).unlink(missing_ok=True)
        remove_empty_folders(old.parent, target)


class Published:
    """docs/ and site/ as the last build left them, so that a dirty build can update them in place.

    .build/published.json says that docs/ and site/ are exactly the languages' caches (hard links)
    with the root files and, when the build made them, the fact sheets. It is removed before docs/
    and site/ change and written again once they are whole: a build stopped half way through
    publishing leads to a new tree, made and swapped in, the next time.
    """

    def __init__(self, root: Path, factsheets: bool):
        self.root = root
        self.marker = root / ".build" / "published.json"
        self.expected = {"factsheets": factsheets}
        try:
            self.was = json.loads(self.marker.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            self.was = None

    def can_update(self) -> bool:
        return self.was == self.expected and all((self.root / name).is_dir() for name in OUTPUTS)

    def begin(self) -> None:
        self.marker.unlink(missing_ok=True)

    def done(self, whole: bool) -> None:
        """docs/ and site/ are complete again (``whole``: all of them were replaced)."""
        if whole or self.was == self.expected:
            self.marker.write_text(json.dumps(self.expected), encoding="utf-8")

    def update(self, content: Content, caches: list[tuple[str, LanguageCache]],
               changes: dict[str, tuple[set[str], set[str]]], factsheets: dict[Any, Path]) -> None:
        """Bring docs/ and site/ up to date file by file: each changed file is replaced by renaming,
        so a reader never gets half a file; a build that changed nothing changes nothing."""
        self.begin()
        sheets = {(sheet.lang, sheet.url_path) for sheet in factsheets}
        for lang, cache in caches:
            docs_changed, site_changed = changes[lang]
            apply_changes(cache.docs, self.root / "docs" / lang, docs_changed)
            apply_changes(cache.site, self.root / "site" / lang, site_changed)
            for rel in site_changed:  # a page that is no longer a fact sheet loses its PDF
                if rel.endswith("index.html") and (lang, rel.removesuffix("index.html")) not in sheets:
                    (self.root / "site" / lang / rel).with_name(FACTSHEET).unlink(missing_ok=True)
        for sheet, pdf in factsheets.items():
            published = self.root / "site" / sheet.lang / sheet.url_path / FACTSHEET
            if not (published.is_file() and os.path.samefile(pdf, published)):
                replace_file(published, functools.partial(os.link, pdf))
        site = self.root / "site"
        files = root_files(content, site / content.site.default_language / "404.html")
        for name, data in files.items():
            write_changed(site / name, data)
        if "CNAME" not in files:
            (site / "CNAME").unlink(missing_ok=True)
        self.done(whole=True)
