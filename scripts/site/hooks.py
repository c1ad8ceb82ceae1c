"""The MkDocs hooks of the build.

- ``on_env``: MkDocs' template environment keeps its compiled templates in the build's store
  (compiling Material's templates was half the time of a language's dirty run).
- ``on_page_markdown`` and ``on_page_content``: a page the generator wrote as HTML (front matter
  ``html_body: true``, scripts.render.direct) is not converted: MkDocs gets an empty Markdown body,
  then the page's HTML, its table of contents (``toc`` of the front matter) and its anchors (which
  links from other pages are checked against) back.

- ``on_files``: the pages assembled in frames (``extra.framed``, scripts.site.frames) are not in docs/;
  MkDocs knows them as excluded files, so that links to them resolve as links to any page.

All are MkDocs' public plugin events; ProperDocs runs them the same way.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.structure.files import File, InclusionLevel
from mkdocs.structure.toc import get_toc

from scripts.render.direct import anchor_ids
from scripts.render.markup import StoredBytecode
from scripts.store import Store

_HTML: dict[str, str] = {}
"""Each page written as HTML, by its file, from its Markdown event to its content event."""


def on_page_markdown(markdown: str, page: Any, **_: Any) -> str:
    if page.meta.get("html_body"):
        _HTML[page.file.src_uri] = markdown
        return ""
    return markdown


def on_page_content(content: str, page: Any, **_: Any) -> str:
    body = _HTML.pop(page.file.src_uri, None)
    if body is None:
        return content
    page.toc = get_toc(page.meta.get("toc") or [])
    page.present_anchor_ids = anchor_ids(body)  # what MkDocs checks links to this page's anchors against
    return body


def on_files(files: Any, config: Any, **_: Any) -> Any:
    for src_uri in config["extra"].get("framed") or ():
        files.append(File.generated(config, src_uri, content="", inclusion=InclusionLevel.EXCLUDED))
    return files


def on_env(env: Any, config: Any, **_: Any) -> Any:
    store = config["extra"].get("build_store")
    if store:
        env.bytecode_cache = StoredBytecode(Store(Path(store)))
    return env
