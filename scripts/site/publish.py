"""Publishing: linking each language's cached output into a new tree, and swapping a finished build
into docs/ and site/ so that a failed run leaves the last good ones exactly as they were.

Also the few files at the site's root that no language build makes: the language chooser
(index.html and its script), 404.html, .nojekyll, robots.txt and CNAME.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import jinja2

from scripts.content.documents import Content
from scripts.errors import SiteError
from scripts.i18n.locale import Locale
from scripts.render.policy import CSP, REFERRER

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


def write_root_pages(site: Path, content: Content) -> None:
    """site/index.html sends readers to their language; 404.html, .nojekyll, robots.txt, CNAME."""
    (site / "index.html").write_text(root_index(content), encoding="utf-8")
    (site / "choose-language.js").write_text(choose_language_script(content), encoding="utf-8")
    default_404 = site / content.site.default_language / "404.html"
    if default_404.exists():
        shutil.copyfile(default_404, site / "404.html")
    (site / ".nojekyll").write_text("", encoding="utf-8")
    if content.site.custom_domain:
        (site / "CNAME").write_text(content.site.custom_domain + "\n", encoding="utf-8")
    sitemaps = "".join(f"Sitemap: {content.site.site_url}{code}/sitemap.xml\n" for code in content.site.codes)
    (site / "robots.txt").write_text(f"User-agent: *\nAllow: /\n\n{sitemaps}", encoding="utf-8")
