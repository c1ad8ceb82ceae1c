"""The generator's command line:

    python -m scripts {check,build,serve,new,import-article,import-articles,translations,freshness,schemas}

Errors in content are printed one per line (file:line: field: message) on stderr, and the
exit code is 1. A traceback means a bug in the generator, never bad content.
"""

from __future__ import annotations

import argparse
import datetime as dt
import logging
import os
import sys
import time
from pathlib import Path

from scripts.errors import ContentErrors, SiteError

log = logging.getLogger("scripts")

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    args = parser().parse_args(argv)
    return run(args)


def parser() -> argparse.ArgumentParser:
    """Every command and its options."""
    parser = argparse.ArgumentParser(prog="python -m scripts", description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=ROOT,
                        help="project folder holding content/, docs/ and site/ (default: this repository)")
    parser.add_argument("-v", "--verbose", action="store_true", help="say what is being done")
    commands = parser.add_subparsers(dest="command", required=True)
    check_cmd = commands.add_parser("check", help="validate content/ only (fast; for editors and pre-commit)")
    build_cmd = commands.add_parser("build", help="validate, generate docs/ and build site/ for every language")
    build_cmd.add_argument("--no-cards", action="store_true", help="skip social cards (for benchmarks)")
    build_cmd.add_argument("--factsheets", action="store_true",
                           help="also print every fact page to factsheet.pdf beside it (needs Chromium)")
    build_cmd.add_argument("--timings", action="store_true", help="print seconds per phase")
    build_cmd.add_argument("--engine", choices=["mkdocs", "properdocs"], default="mkdocs",
                           help="render with MkDocs (default) or ProperDocs, its drop-in fork: the same site")
    for command in (check_cmd, build_cmd):
        command.add_argument("--today", type=dt.date.fromisoformat, metavar="YYYY-MM-DD",
                             help="check or build as on that day (birthdays of its month, stale addresses left out, "
                             "...): to look ahead; never publish such a build")
    serve = commands.add_parser("serve", help="the site at its published addresses, rebuilt on every edit")
    serve.add_argument("--lang", help="language to open on (default: the site's default); every language is served")
    serve.add_argument("--addr", default="127.0.0.1:8000", help="address to serve on")
    imp = commands.add_parser("import-article", help="turn a web page (saved .html, address, or scraped .txt) "
                              "into an article in content/, its images kept beside it")
    imp.add_argument("source", help="a saved page (.html), an http(s):// address, or a scraped text (.txt, UTF-8)")
    bulk = commands.add_parser("import-articles", help="import every article of a sitemap.xml, a list of "
                               "addresses or a folder of saved pages; report what was imported, skipped, failed")
    bulk.add_argument("source", help="a sitemap.xml (file or address), a .txt file of addresses, or a folder")
    imp.add_argument("--slug", help="folder name and address (default: made from the title)")
    imp.add_argument("--source-url", help="where the article was first published (default: the page's address)")
    for command in (imp, bulk):
        command.add_argument("--lang", help="the article's language code (default: what the page says, "
                             "else what its text is written in)")
        command.add_argument("--date", help="publication date, YYYY-MM-DD (or YYYY-MM), if the page gives none")
        command.add_argument("--publisher", help="who first published it (default: the page's site name)")
        command.add_argument("--force", action="store_true", help="replace articles that exist")
    tr = commands.add_parser("translations", help="what is missing or out of date in each language")
    tr.add_argument("--strict", action="store_true", help="exit 1 if anything is missing or out of date")
    tr.add_argument("--stamp", metavar="LANG", help="record that the complete translations into LANG are up to date")
    commands.add_parser("schemas", help="write the JSON Schemas of the content files into scripts/schemas/ "
                        "and the table of allowed values into README.md")
    new = commands.add_parser("new", help="start a content file from its template: every field, explained")
    new.add_argument("kind", choices=["person", "company", "crossing", "series", "prisoner", "article", "page",
                                      "action"])
    new.add_argument("id", help="the file name and address: lowercase letters, digits and dashes")
    new.add_argument("--lang", default=None, help="the language of a new article or page (default: the site's)")
    fresh = commands.add_parser("freshness", help="list the facts whose latest record is older than their file allows")
    fresh.add_argument("--markdown", action="store_true",
                       help="as the body of the 'stale-facts' issue (nothing at all when every fact is fresh)")
    return parser


def run(args: argparse.Namespace) -> int:
    """Carry out one command; content mistakes and build failures become lines on stderr and an exit code."""

    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s")
    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    root = args.root.resolve()
    started = time.perf_counter()
    try:
        if args.command == "check":
            from scripts.content.documents import FACT_KINDS
            from scripts.content.freshness import stale_facts
            from scripts.content.load import load

            today = args.today or dt.date.today()
            content = load(root, today)
            counts = ", ".join(f"{len(content.facts(kind))} {kind}" for kind in FACT_KINDS)
            print(f"content/ is valid: {counts}, {len(content.articles)} article(s), "
                  f"{len(content.pages)} page(s)")
            from scripts.render.letters import too_long

            for warning in too_long(content):
                print(f"warning: {warning}")
            from scripts.content.warnings import content_warnings

            notes = content_warnings(root, content, today)
            for note in notes:
                print(f"warning: {note}")
            for ident in content.withdrawn:
                print(f"warning: content/facts/prisoners/{ident}.yml is withdrawn: the site shows nothing of the "
                      "person. The repository is public: delete every other line of the file (keep 'name:' and "
                      "'aliases:' only if articles mention the person, so that the build can take the name out)")
                for action in sorted((root / "content" / "actions").glob("*.yml")):
                    if f"{{prisoner:{ident}}}" in action.read_text(encoding="utf-8", errors="replace"):
                        print(f"warning: content/actions/{action.name}: the letter refers to {{prisoner:{ident}}}, "
                              "whose profile was withdrawn, so the action is not published: delete it, or rewrite "
                              "it without that person")
            stale = stale_facts(content, today)
            for fact in stale:
                print(f"warning: {fact}")
            if stale:
                print(f"{len(stale)} fact file(s) need a newer record (a warning, not an error)")
        elif args.command == "build":
            from scripts.site.build import build

            report = build(root, today=args.today, cards=not args.no_cards, factsheets=args.factsheets,
                           engine=args.engine)
            print(f"built site/ ({report}) in {time.perf_counter() - started:.1f} s")
            if args.timings:
                print("timings: " + ", ".join(f"{k} {v:.2f} s" for k, v in report.timings.items()))
            if report.changed_meanwhile:
                print("note: content/ changed while the site was being built; site/ shows content/ as it was "
                      "when the build started: run `make site` again")
        elif args.command == "import-article":
            from scripts.importer.run import Options, import_article

            target = import_article(root, args.source, Options(args.lang, args.slug, args.source_url, args.date,
                                                               args.publisher, args.force))
            print(f"imported {target.relative_to(root)}")
        elif args.command == "import-articles":
            from scripts.importer.bulk import import_articles
            from scripts.importer.run import Options

            return import_articles(root, args.source, Options(args.lang, None, None, args.date, args.publisher,
                                                              args.force))
        elif args.command == "translations":
            from scripts.i18n.translations import print_report, stamp

            if args.stamp:
                for rel in stamp(root, args.stamp):
                    print(f"stamped {rel}")
            return print_report(root, strict=args.strict)
        elif args.command == "schemas":
            from scripts.render.opendata import SCHEMA_DIR, schema_texts

            SCHEMA_DIR.mkdir(exist_ok=True)
            for name, text in schema_texts().items():
                (SCHEMA_DIR / name).write_text(text, encoding="utf-8")
            print(f"wrote {len(schema_texts())} schemas to {SCHEMA_DIR.relative_to(ROOT)}/")
            from scripts.content.scaffold import readme_with_allowed_values

            readme = ROOT / "README.md"
            readme.write_text(readme_with_allowed_values(readme.read_text(encoding="utf-8")), encoding="utf-8")
            print("rewrote the table of allowed values in README.md")
        elif args.command == "new":
            from scripts.content.scaffold import new_file

            path = new_file(root, args.kind, args.id, args.lang or _default_language(root))
            print(f"wrote {path.relative_to(root)}: fill in every TODO, then run make check")
        elif args.command == "freshness":
            from scripts.content.freshness import report as freshness_report
            from scripts.content.load import load

            print(freshness_report(load(root), dt.date.today(), markdown=args.markdown), end="")
        elif args.command == "serve":
            from scripts.preview.serve import serve as run_serve

            run_serve(root, args.lang, args.addr)
    except ContentErrors as exc:
        for line in exc.lines():
            print(line, file=sys.stderr)
        print(f"{len(exc.problems)} problem(s) found; docs/ and site/ were not changed.", file=sys.stderr)
        return exc.exit_code
    except SiteError as exc:
        for line in exc.lines():
            print(line, file=sys.stderr)
        print(exc.summary, file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        return 130
    return 0


def _default_language(root: Path) -> str:
    """The site's default language, read without validating the rest of content/."""
    import yaml

    try:
        site = yaml.safe_load((root / "content/site.yml").read_text(encoding="utf-8"))
        return next(str(x["code"]) for x in site["languages"] if x.get("default"))
    except (OSError, KeyError, TypeError, StopIteration, yaml.YAMLError):
        return "en"
