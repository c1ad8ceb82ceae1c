"""MkDocs hook used only by `make serve`: regenerate docs/<lang>/ from content/ before each rebuild."""

from __future__ import annotations

import datetime as dt
import logging
import os
from pathlib import Path
from typing import Any

from scripts.content.load import load
from scripts.errors import ContentErrors
from scripts.render.generate import generate
from scripts.site.publish import sync_tree

log = logging.getLogger("mkdocs.plugins.preview")


def on_pre_build(config: Any, **_: Any) -> None:
    root, lang = Path(os.environ["SITE_ROOT"]), os.environ["SITE_LANG"]
    try:
        content = load(root)
    except ContentErrors as exc:
        for line in exc.lines():
            log.error(line)
        log.error("the preview shows the last valid content until this is fixed")
        return
    for gen in generate(content, root, dt.date.today()):
        if gen.lang == lang:
            changed = sync_tree(root / "docs" / lang, gen.files)
            config["nav"] = gen.nav
            if changed:
                log.info("regenerated %d page(s)", changed)
