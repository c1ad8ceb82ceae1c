"""Pages MkDocs renders once for many: the pages of people and companies, each assembled in a frame.

Material's page templates (header, navigation, footer, around the body) took about 3 ms a page, most
of MkDocs' time on a site of 500 people and companies. Those pages are written as HTML by the
generator (scripts.render.direct) and are not in the navigation, so the HTML around their body differs
from one to the next only where their front matter or body is printed. Per folder and per *shape* (the
front matter with every value that varies from page to page replaced by a placeholder) MkDocs renders
one frame page (``<folder>/_frame-<digest>.md``; ids never start with "_"), and each page is assembled
from its frame with its own values, in the same MkDocs worker. The pages themselves are not MkDocs
input: they are not written into docs/, and MkDocs knows them as excluded files (``on_files`` of
scripts.site.hooks, from ``extra.framed``) so that links to them resolve as usual.

A placeholder carries a tail that each filter a template may put a value through (``escape``,
``striptags``) changes in its own way: the frame knows how the theme printed each value and puts the
page's value through the same filter. A value printed any other way, or the frame's own address left
anywhere but its canonical link, stops the build: the theme changed in a way frames do not know.
tests/test_frames.py holds a site built with frames to the same site built without, byte for byte.
"""

from __future__ import annotations

import json
import os
import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urljoin

from jinja2.filters import do_striptags
from markupsafe import escape

from scripts.errors import SiteError
from scripts.render.direct import anchor_ids
from scripts.site.outputs import output_of, remove_empty_folders
from scripts.store import Store, digest, environment

OPEN, CLOSE = "\ue000", "\ue001"
"""Around a placeholder (Unicode's private use area: content refuses it, scripts.content.fields)."""
_TAIL = "<b></b>&amp;  \n"
"""What each filter changes in its own way: tags (striptags), an entity (escape, striptags), runs of white space
(striptags and any filter that tidies it)."""
VARYING = frozenset({"title", "description", "print_footer", "jsonld", "social", "alternates", "toc"})
"""Front matter whose text differs from page to page (the rest is part of the shape, as are empty texts,
numbers and the structure of lists: the theme tests those)."""
BODY = f"<!--{OPEN}body{CLOSE}<h1>-->"
"""A frame's body (with "<h1" in it: Material adds a heading of its own to a body without one)."""
FRAME = "_frame-"

_FILTERS: dict[str, Callable[[str], str]] = {
    "": lambda value: value,
    "e": lambda value: str(escape(value)),
    "striptags": lambda value: str(do_striptags(value)),
    "striptags|e": lambda value: str(escape(do_striptags(value))),
}
"""How a template may print a value (Jinja's own filters)."""


def placeholder(path: str) -> str:
    return f"{OPEN}{path}{_TAIL}{CLOSE}"


_BY_TAIL = {f(placeholder("x"))[2:-1]: name for name, f in _FILTERS.items()}
_SLOT = re.compile(f"{OPEN}([A-Za-z0-9_.-]+)([^{CLOSE}]*){CLOSE}")


@dataclass(frozen=True)
class Framed:
    """A page assembled in a frame: its output, its frame's, its address and its text (front matter and
    body, parsed in the worker that assembles it)."""

    output: str
    """Its HTML file, below the language's site folder."""
    frame: str
    """Its frame's HTML file."""
    url: str
    """Its address below the language's root (``people/x/``)."""
    text: bytes


def parse(text: str) -> tuple[dict[str, Any], str]:
    """The front matter and body of a page the generator wrote (``key: <JSON>`` lines,
    scripts.render.renderer.Renderer.front_matter), as MkDocs reads them."""
    head, body = text.removeprefix("---\n").split("\n---\n", 1)
    meta = {key: json.loads(value) for key, value in (line.split(": ", 1) for line in head.split("\n"))}
    return meta, body.lstrip("\n").replace("\r\n", "\n").replace("\r", "\n")


def shape(meta: dict[str, Any]) -> tuple[dict[str, Any], dict[str, str]]:
    """The frame's front matter (every non-empty text of what varies replaced by its placeholder) and
    the page's values, by placeholder."""
    values: dict[str, str] = {}

    def walk(value: Any, path: str) -> Any:
        if isinstance(value, str) and value:
            values[path] = value
            return placeholder(path)
        if isinstance(value, list):
            return [walk(item, f"{path}.{n}") for n, item in enumerate(value)]
        if isinstance(value, dict):
            return {key: walk(item, f"{path}.{key}") for key, item in value.items()}
        return value

    return {key: walk(value, key) if key in VARYING else value for key, value in meta.items()}, values


def front_matter(meta: dict[str, Any]) -> str:
    return "---\n" + "\n".join(f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in meta.items()) \
        + "\n---\n"


def plan(files: dict[str, bytes], paths: set[str], store: Store, digests: dict[str, str]) -> Plan:
    """Frames for the pages at ``paths`` (generated as HTML, not in the navigation; ``files``: every
    generated file, ``digests``: theirs). A page's frame is a node of the store, keyed by its text."""
    keys = {path: digest("frame", environment(), digests[path]) for path in paths}
    known = store.get_many("frame", keys.values())
    fresh: dict[str, bytes] = {}
    out = Plan({}, [], set(keys.values()))
    for path in sorted(paths):
        frame_text = known.get(keys[path])
        if frame_text is None:
            meta, body = parse(files[path].decode("utf-8"))
            if "<h1" not in body:
                raise SiteError(f"{path}: a page assembled in a frame needs a level-1 heading")
            frame_text = fresh[keys[path]] = (front_matter(shape(meta)[0]) + BODY).encode("utf-8")
        frame = f"{path.rsplit('/', 1)[0]}/{FRAME}{digest(frame_text)[:16]}.md"
        out.files[frame] = frame_text
        out.pages.append(Framed(output_of(path), output_of(frame), output_of(path).removesuffix("index.html"),
                                files[path]))
    store.put_many("frame", fresh)
    return out


@dataclass
class Plan:
    """A language's frames: their files (for docs/), the pages assembled in them and the keys of the frames
    in the store."""

    files: dict[str, bytes]
    pages: list[Framed]
    keys: set[str]


Part = str | tuple[str, str]
"""A frame, compiled: text as it is, or where a value goes (its placeholder and filter, or the body, or the
page's address)."""


def canonical(site_url: str, url: str) -> str:
    """A page's canonical address, as MkDocs makes it (``urljoin``, which also tidies the site's path)."""
    return urljoin(site_url if site_url.endswith("/") else site_url + "/", url)


def compile_frame(page: str, canonical: str, frame_url: str, names: set[str] | None = None) -> list[Part]:
    """A frame's HTML as parts (``canonical``: the frame's own address, where the page's goes; ``names``: the
    placeholders its front matter has, when known)."""
    parts: list[Part] = []
    pattern = re.compile("|".join(re.escape(s) for s in (BODY, canonical)) + "|" + _SLOT.pattern)
    at = 0
    for match in pattern.finditer(page):
        parts.append(page[at:match.start()])
        if match.group(0) == BODY:
            parts.append(("body", ""))
        elif match.group(0) == canonical:
            parts.append(("url", ""))
        else:
            name = _BY_TAIL.get(match.group(2))
            if name is None:
                raise SiteError(f"the theme prints {match.group(1)} of a page in a way frames do not know "
                                f"({match.group(2)!r}); see scripts/site/frames.py")
            if names is not None and match.group(1) not in names:
                raise SiteError(f"the theme prints {match.group(1)!r}, which is not a value of the frame's page, "
                                "in a way frames do not know; see scripts/site/frames.py")
            parts.append((match.group(1), name))
        at = match.end()
    parts.append(page[at:])
    if sum(1 for part in parts if part == ("body", "")) != 1:
        raise SiteError("the theme printed a frame's body other than once; see scripts/site/frames.py")
    name = frame_url.rstrip("/").rsplit("/", 1)[-1]
    hidden = (OPEN, "\\ue000", "%EE%80%80", "&#57344;", "&#xe000;")  # a placeholder printed in another form
    left = [part for part in parts if isinstance(part, str) and (name in part or any(h in part for h in hidden))]
    if left:
        raise SiteError(f"the theme printed a frame's address or a value where frames cannot see it: "
                        f"{left[0][:200]!r}; see scripts/site/frames.py")
    return parts


def assemble(parts: list[Part], values: dict[str, str], body: str, canonical: str) -> str:
    """A page from its frame's parts, its values (by placeholder), its body and its canonical address."""
    out = []
    for part in parts:
        if isinstance(part, str):
            out.append(part)
        elif part[0] == "body":
            out.append(body)
        elif part[0] == "url":
            out.append(canonical)
        else:
            out.append(_FILTERS[part[1]](values[part[0]]))
    return "".join(out)


def assemble_all(site: Path, framed: list[Framed], written: set[str], site_url: str,
                 finish: Callable[[str], str]) -> tuple[dict[str, str], set[str]]:
    """Every page of ``framed`` whose output the run has not got (a full run: all; a dirty one: those that
    changed) in its frame, then the frames' outputs (among the files MkDocs ``written``) removed. Returns
    the pages written (their HTML, by file) and the frames removed."""
    compiled: dict[str, list[Part]] = {}
    made = {}
    for page in framed:
        target = site / page.output
        if target.exists():
            continue
        meta, body = parse(page.text.decode("utf-8"))
        values = shape(meta)[1]
        parts = compiled.get(page.frame)
        if parts is None:
            frame_url = page.frame.removesuffix("index.html")
            if not (site / page.frame).is_file():
                raise SiteError(f"MkDocs wrote no {page.frame} (the frame of {page.output}); "
                                "see scripts/site/frames.py")
            parts = compiled[page.frame] = compile_frame((site / page.frame).read_text(encoding="utf-8"),
                                                         canonical(site_url, frame_url), frame_url, set(values))
        html = made[page.output] = finish(assemble(parts, values, body, canonical(site_url, page.url)))
        try:  # the run's own folder: no reader sees it before it is done
            target.write_bytes(html.encode("utf-8"))
        except FileNotFoundError:
            target.parent.mkdir(parents=True)
            target.write_bytes(html.encode("utf-8"))
    removed = {rel for rel in written if posixpath.basename(posixpath.dirname(rel)).startswith(FRAME)}
    for rel in removed:
        os.unlink(site / rel)
        remove_empty_folders((site / rel).parent, site)
    return made, removed


_FRAGMENT_LINK = re.compile(r'<a\s[^>]*?href="([^":#]*)#([^"]+)"')


def dangling_anchors(site: Path, written: set[str], made: dict[str, str], in_frames: dict[str, str],
                     sources: dict[str, str]) -> list[str]:
    """Links from the pages written now to an anchor of a page assembled in a frame that has no such anchor,
    in MkDocs' words (MkDocs checks anchors only in the pages it renders itself; this also checks the pages
    written as HTML, which MkDocs does not). ``made``: the pages assembled now, by file; ``in_frames``: every
    page in a frame, its file by its address; ``sources``: each page's docs file, by its address."""
    ids: dict[str, set[str]] = {}
    out = []
    for rel in sorted(written):
        if not rel.endswith("index.html") or rel in made:
            continue
        url = rel.removesuffix("index.html")
        for href, anchor in _FRAGMENT_LINK.findall((site / rel).read_text(encoding="utf-8")):
            href = href.split("?", 1)[0]
            if not href:
                continue
            target = posixpath.normpath(posixpath.join(url, href)).removeprefix("./") + "/"
            target = "" if target == "./" else target
            output = in_frames.get(target)
            if output is None:
                continue
            if output not in ids:
                text = made.get(output)
                if text is None:
                    text = (site / output).read_text(encoding="utf-8")
                ids[output] = anchor_ids(text)
            if unquote(anchor) not in ids[output]:
                target_src = sources.get(target, target)
                out.append(f"Doc file '{sources.get(url, rel)}' contains a link '{target_src}#{anchor}', but the doc "
                           f"'{target_src}' does not contain an anchor '#{anchor}'.")
    return out
