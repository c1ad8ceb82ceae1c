"""New content files from the model: `python -m scripts new person|company|crossing|series|prisoner|... ID`.

A new file names its schema, lists every field with a one-line comment (the field's own
docstring) and the values it allows, and holds placeholders ("TODO: …", YYYY-MM-DD) that
`make check` refuses with a clear message until they are filled in. Optional fields are
written as comments. The README's table of allowed values is made here too, from the same
model, and a test keeps the README in step.
"""

from __future__ import annotations

import types
import typing
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from scripts.content import model as m
from scripts.content.actions import FACTS, SENDER, Action
from scripts.content.crossings import Crossing, CrossingStatus, Traffic
from scripts.content.fields import ID_RE, PartialDate
from scripts.content.frontmatter import ArticleMeta, PageMeta
from scripts.content.prisoners import PhraseTopic, Prisoner, PrisonerEventKind
from scripts.errors import SiteError

PLACEHOLDER = "TODO"
"""What a field holds until an editor fills it in; the validators refuse it (scripts.content.fields)."""

KINDS: dict[str, tuple[str, type[BaseModel], str]] = {
    "person": ("content/facts/people/{id}.yml", m.Person, "person"),
    "company": ("content/facts/companies/{id}.yml", m.Company, "company"),
    "crossing": ("content/facts/crossings/{id}.yml", Crossing, "crossing"),
    "series": ("content/facts/series/{id}.yml", m.Series, "series"),
    "article": ("content/articles/{id}/{lang}.md", ArticleMeta, "article"),
    "page": ("content/pages/{id}/{lang}.md", PageMeta, "page"),
    "action": ("content/actions/{id}.yml", Action, "action"),
    "prisoner": ("content/facts/prisoners/{id}.yml", Prisoner, "prisoner"),
}
"""What `new` can make: where the file goes, its shape, and its schema's name."""

SKIPPED = {"translated", "translated_from", "corrections"}
"""Fields an editor does not write in a new file (stamps and the corrections log come later)."""



class NewFileRefused(SiteError):
    """`new` would overwrite a file or was given an id that cannot be an address."""


def new_file(root: Path, kind: str, ident: str, lang: str = "en") -> Path:
    """Write the new file and return its path; refuse to overwrite anything."""
    if kind not in KINDS:
        raise NewFileRefused(f"'{kind}' is not something `new` makes: choose one of {', '.join(KINDS)}")
    if not ID_RE.match(ident):
        raise NewFileRefused(f"'{ident}' cannot be an address: use lowercase letters, digits and dashes, "
                             "like 'aliaksandr-zaitsau'")
    pattern, shape, schema = KINDS[kind]
    path = root / pattern.format(id=ident, lang=lang)
    if path.exists():
        raise NewFileRefused(f"{path.relative_to(root)} already exists: edit it, or choose another id")
    path.parent.mkdir(parents=True, exist_ok=True)
    depth = len(path.relative_to(root / "content").parts) - 1
    schema_line = f"# yaml-language-server: $schema={'../' * (depth + 1)}scripts/schemas/{schema}.schema.json"
    body = "\n".join(lines(shape, lang))
    if path.suffix == ".md":
        text = f"---\n{body}\n---\n\n{PLACEHOLDER}: write the text here, in Markdown.\n"
    else:
        text = f"{schema_line}\n# Fill in every TODO; `make check` says what is still missing.\n{body}\n"
    path.write_text(text, encoding="utf-8")
    return path


def lines(shape: type[BaseModel], lang: str, indent: str = "") -> list[str]:
    """Every field of ``shape`` as YAML lines with a comment each; optional fields commented out
    (required fields first, so that a list item starts with one)."""
    names = [n for n in shape.model_fields if n not in SKIPPED]
    names = [n for n in names if n != "sources"] + [n for n in names if n == "sources"]  # sources last
    fields = sorted(((n, shape.model_fields[n]) for n in names), key=lambda nf: not nf[1].is_required())
    out: list[str] = []
    for name, info in fields:
        comment = describe(name, info)
        value = sample(name, info.annotation, lang, indent)
        least = next((getattr(c, "min_length", 0) for c in info.metadata if hasattr(c, "min_length")), 0)
        if isinstance(value, list) and value and value[0].lstrip().startswith("- ") and least > 1:
            value = value * least  # as many items as the field needs (a crossing has two sides)
        if not info.is_required() and isinstance(info.default, (int, str)) and not isinstance(info.default, bool):
            value = str(info.default)
        block = [f"{indent}{name}: {value}  # {comment}"] if isinstance(value, str) else \
            [f"{indent}{name}:  # {comment}", *value]
        if not info.is_required():
            block = [f"{indent}# {row[len(indent):]}" for row in block]
        out += block
    return out


def describe(name: str, info: FieldInfo) -> str:
    """The field's docstring on one line, with the values it allows."""
    text = " ".join((info.description or "").split())
    allowed = choices(info.annotation)
    if allowed:
        text += f" One of: {', '.join(allowed)}."
    return text


def choices(annotation: Any) -> list[str]:
    """The values a Literal field (or a list of Literals) allows."""
    for arg in _unwrap(annotation):
        if typing.get_origin(arg) is Literal:
            return [str(v) for v in typing.get_args(arg)]
    return []


def _unwrap(annotation: Any) -> list[Any]:
    """The types inside Optional, list and Annotated."""
    out, stack = [], [annotation]
    while stack:
        current = stack.pop()
        out.append(current)
        origin = typing.get_origin(current)
        if origin in (typing.Union, types.UnionType, list, typing.Annotated):
            args = [a for a in typing.get_args(current) if a is not type(None)]
            stack += args[:1] if origin is typing.Annotated else args
    return out


def sample(name: str, annotation: Any, lang: str, indent: str) -> str | list[str]:
    """A placeholder value for a field: a scalar, or the lines of a block."""
    kinds = _unwrap(annotation)
    model = next((k for k in kinds if isinstance(k, type) and issubclass(k, BaseModel)), None)
    if typing.get_origin(annotation) is list or any(typing.get_origin(k) is list for k in kinds):
        if model is not None:
            inner = lines(model, lang, indent + "    ")
            return [f"{indent}  - {inner[0].lstrip()}", *inner[1:]]
        if any(typing.get_origin(k) is dict for k in kinds):  # a list of texts per language
            return [f"{indent}  - {lang}: \"{PLACEHOLDER}: {name}\""]
        return "[]"
    if model is not None:
        return lines(model, lang, indent + "  ")
    if any(typing.get_origin(k) is dict for k in kinds):
        return [f"{indent}  {lang}: \"{PLACEHOLDER}: {name}\""]
    if choices(annotation):
        return PLACEHOLDER
    if PartialDate in kinds or "date" in name or name == "accessed":
        return "YYYY-MM-DD"
    if int in kinds:
        return "90" if name == "refresh_days" else PLACEHOLDER
    if bool in kinds:
        return "false"
    if name == "url" or name.endswith("_url") or name == "archive":
        return f"\"https://{PLACEHOLDER}\""
    return f"\"{PLACEHOLDER}: {name}\""


def allowed_values_markdown() -> str:
    """The README's table of the values fields allow, made from the model."""
    rows = [
        ("sanction `event:`", typing.get_args(m.SanctionEventKind)),
        ("`kind:` of a record", typing.get_args(m.FactBasis)),
        ("crossing `status:`", typing.get_args(CrossingStatus)),
        ("crossing `traffic:` and `applies_to:`", typing.get_args(Traffic)),
        ("count `bound:`", choices(m.DataPoint.model_fields["bound"].annotation)),
        ("prisoner `event:`", typing.get_args(PrisonerEventKind)),
        ("phrase `topic:`", typing.get_args(PhraseTopic)),
    ]
    out = ["| field | allowed values |", "|---|---|"]
    out += [f"| {field} | {', '.join(f'`{v}`' for v in values)} |" for field, values in rows]
    out += ["| `authority:`, `counted_by:` | an `id:` of `content/facts/lists/bodies.yml` |",
            "| `country:`, an action's `countries:` | `id:`s of `content/facts/lists/countries.yml` |",
            "| `sectors:` | `id:`s of `content/facts/lists/sectors.yml` |"]
    folders = {"series": "series/", "crossings": "crossings/", "wallet": "people/ or companies/",
               "prisoners": "prisoners/"}
    placeholders = [f"`{{{name}}}`" for name in SENDER] + [
        f"`{{{kind}:<a file of content/facts/{folders[what]}>}}`" for kind, what in FACTS.items()]
    out.append(f"| in an action's `letter:` and `openings:` | {', '.join(placeholders)} |")
    return "\n".join(out) + "\n"


README_START, README_END = "<!-- allowed-values: start -->\n", "<!-- allowed-values: end -->"


def readme_with_allowed_values(readme: str) -> str:
    """The README's text with its table of allowed values made again from the model."""
    start, end = readme.index(README_START) + len(README_START), readme.index(README_END)
    return readme[:start] + allowed_values_markdown() + readme[end:]
