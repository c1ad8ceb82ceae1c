"""Publishing: a finished build is staged as new docs/ and site/ trees (hard links to each language's
MkDocs input and last run, the root files, the fact sheets) and swapped in, tree by tree, with two
renames each. Until then nothing in docs/ and site/ changes, so a build that fails or is stopped
leaves them as they were; a build that publishes changes them all at once.

The root files are the few that no language build makes: the language chooser (index.html and its
script), 404.html, .nojekyll, robots.txt and CNAME.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import jinja2

from scripts.content.documents import Content
from scripts.errors import SiteError
from scripts.i18n.locale import Locale
from scripts.render.policy import CSP, REFERRER
from scripts.site.outputs import link_tree, remove_soon
from scripts.store import write_atomic

OUTPUTS = ("docs", "site")
"""The only folders under the project root that the generator replaces."""
ROOT_TEMPLATE = Path(__file__).parent / "root-index.html.j2"
DOCS_README = """\
# docs/ is generated

Everything in this folder is written by `python -m scripts build` (run by `make site`)
from the files in `content/`. Do not edit it: your changes would be overwritten.
Edit `content/` instead; see the README at the top of the repository.
"""


class Stage:
    """New docs/ and site/ trees (or some languages of them) under .build/, then swapped in."""

    def __init__(self, root: Path, stage: Path):
        self.root = root
        self.folder = stage

    def language(self, lang: str, docs: Path, site: Path, extra: dict[str, bytes]) -> None:
        """One language: its MkDocs input and output as hard links, and ``extra`` files (the fact sheets)."""
        link_tree(docs, self.folder / "docs" / lang)
        link_tree(site, self.folder / "site" / lang)
        for rel, data in extra.items():
            write_atomic(self.folder / "site" / lang / rel, data)

    def swap_languages(self, languages: list[str]) -> None:
        """Put these languages' new trees in place of the published ones (the others stay as they are)."""
        for lang in languages:
            for name in OUTPUTS:
                swap(self.folder / name / lang, self.root / name / lang)

    def swap_all(self, content: Content) -> None:
        """Put the whole new docs/ and site/ in place, with the root files."""
        self._root_file("docs", "README.md", DOCS_README.encode())
        site = self.folder / "site"
        for name, data in root_files(content, site / content.site.default_language / "404.html").items():
            self._root_file("site", name, data)
        for name in OUTPUTS:
            swap(self.folder / name, self.root / name)

    def _root_file(self, tree: str, name: str, data: bytes) -> None:
        """A file of the new tree: the published one when it holds the same bytes (a rebuild rewrites
        nothing that did not change), else a new file."""
        published, new = self.root / tree / name, self.folder / tree / name
        try:
            if published.read_bytes() == data:
                new.parent.mkdir(parents=True, exist_ok=True)
                os.link(published, new)
                return
        except OSError:
            pass
        write_atomic(new, data)

    def remove(self) -> None:
        remove_soon(self.folder)


def swap(new: Path, dest: Path) -> None:
    """Replace ``dest`` (docs/ or site/, or one language's folder in them) by ``new`` with two renames on
    the same filesystem; the old tree goes into the stage folder and is removed with it."""
    if not (dest.name in OUTPUTS or dest.parent.name in OUTPUTS) or ".build" not in new.parts:
        raise SiteError(f"refusing to replace {dest}: the generator writes only docs/ and site/")
    old = new.with_name(f"old-{dest.name}")
    dest.parent.mkdir(parents=True, exist_ok=True)
    if dest.exists():
        os.rename(dest, old)
    os.rename(new, dest)


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


