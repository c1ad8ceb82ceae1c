"""Live preview: MkDocs' dev server for one language, regenerating docs/ when content/ changes.

MkDocs watches content/ and the templates; before every rebuild, the hook in
scripts/preview/hook.py loads content/ again and rewrites the changed Markdown in docs/<lang>/.
Invalid content is reported in the terminal and the last good preview stays up.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import yaml

from scripts.content.load import load
from scripts.render.generate import generate
from scripts.site.config import mkdocs_config
from scripts.site.publish import sync_tree

HOOK = Path(__file__).with_name("hook.py")


def serve(root: Path, lang: str | None, addr: str) -> None:
    from mkdocs.commands.serve import serve as mkdocs_serve

    content = load(root)
    lang = lang or content.site.default_language
    gen = next((g for g in generate(content, root, dt.date.today()) if g.lang == lang), None)
    if gen is None:
        raise SystemExit(f"'{lang}' is not a language of the site: choose one of {', '.join(content.site.codes)}")
    docs_dir = root / "docs" / lang
    sync_tree(docs_dir, gen.files)
    config = mkdocs_config(root, content, lang, gen.nav, docs_dir, root / ".build" / "preview" / lang)
    config.update(
        strict=False,
        site_url=f"http://{addr}/",
        hooks=[*config["hooks"], str(HOOK)],
        watch=[str(root / "content"), str(Path(__file__).parents[1] / "render" / "templates")],
    )
    config_file = root / ".build" / f"mkdocs.serve.{lang}.yml"
    config_file.parent.mkdir(parents=True, exist_ok=True)
    config_file.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    os.environ["SITE_ROOT"], os.environ["SITE_LANG"] = str(root), lang
    print(f"previewing '{lang}' on http://{addr}/ (edit content/ and the page reloads; Ctrl+C stops)")
    mkdocs_serve(config_file=str(config_file), livereload=True, dev_addr=addr)
