"""Live preview: MkDocs' dev server for one language, regenerating docs/ when content/ changes.

MkDocs watches content/ and the templates; before every rebuild, the hook in
scripts/serve_hook.py loads content/ again and rewrites the changed Markdown in docs/<lang>/.
Invalid content is reported in the terminal and the last good preview stays up.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import yaml

from scripts.build import sync_tree
from scripts.generate import generate
from scripts.load import load
from scripts.mkdocs_run import mkdocs_config

HOOK = Path(__file__).with_name("serve_hook.py")


def serve(root: Path, lang: str | None, addr: str) -> None:
    from mkdocs.commands.serve import serve as mkdocs_serve

    content = load(root)
    lang = lang or content.site.default_language
    gen = next((g for g in generate(content, root, dt.date.today()) if g.lang == lang), None)
    if gen is None:
        raise SystemExit(f"'{lang}' is not a language of the site: choose one of {', '.join(content.site.codes)}")
    docs_dir = root / "docs" / lang
    sync_tree(docs_dir, gen.files)
    config = mkdocs_config(root, content, gen, docs_dir, root / ".build" / "preview" / lang)
    config.update(
        strict=False,
        site_url=f"http://{addr}/",
        hooks=[*config["hooks"], str(HOOK)],
        watch=[str(root / "content"), str(Path(__file__).parent / "templates")],
    )
    config_file = root / ".build" / f"mkdocs.serve.{lang}.yml"
    config_file.parent.mkdir(parents=True, exist_ok=True)
    config_file.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    os.environ["SITE_ROOT"], os.environ["SITE_LANG"] = str(root), lang
    print(f"previewing '{lang}' on http://{addr}/ (edit content/ and the page reloads; Ctrl+C stops)")
    mkdocs_serve(config_file=str(config_file), livereload=True, dev_addr=addr)
