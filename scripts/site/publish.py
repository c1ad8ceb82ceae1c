"""Publishing: what a build adds at the top of docs/ and site/ once every language is in place (each
language's own output replaces site/<lang>/ by renaming: scripts.site.outputs).

The root files are the few that no language build makes: the language chooser (index.html and its
script), 404.html, .nojekyll, robots.txt and CNAME. A language no longer in content/site.yml goes.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import jinja2

from scripts.content.documents import Content
from scripts.i18n.locale import Locale
from scripts.render.policy import CSP, REFERRER
from scripts.site.outputs import remove_soon
from scripts.site.report import OUTPUTS
from scripts.store import write_changed

ROOT_TEMPLATE = Path(__file__).parent / "root-index.html.j2"
DOCS_README = """\
# docs/ is generated

Everything in this folder is written by `python -m scripts build` (run by `make site`)
from the files in `content/`. Do not edit it: your changes would be overwritten.
Edit `content/` instead; see the README at the top of the repository.
"""


def publish_root(root: Path, content: Content) -> None:
    """The root files of docs/ and site/, and no folder of a language the site no longer has."""
    write_changed(root / "docs" / "README.md", DOCS_README.encode())
    site = root / "site"
    files = root_files(content, site / content.site.default_language / "404.html")
    for name, data in files.items():
        write_changed(site / name, data)
    for name in ("CNAME", "404.html"):
        if name not in files:
            (site / name).unlink(missing_ok=True)
    for tree in OUTPUTS:
        for folder in (root / tree).iterdir():
            if folder.is_dir() and folder.name not in content.site.codes and not folder.name.startswith("."):
                gone = folder.with_name(f".gone-{folder.name}")
                os.rename(folder, gone)
                remove_soon(gone)


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


