"""The one MkDocs hook: MkDocs' template environment keeps its compiled templates in the build's store
(compiling Material's templates was half the time of a language's dirty run). It changes no output:
another engine that ignores hooks makes the same site, only slower."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from scripts.render.markup import StoredBytecode
from scripts.store import Store


def on_env(env: Any, config: Any, **_: Any) -> Any:
    store = config["extra"].get("build_store")
    if store:
        env.bytecode_cache = StoredBytecode(Store(Path(store)))
    return env
