"""Pydantic's validation errors turned into one-line messages for editors.

Each message says what was expected and what was found, and where it helps, what to write
instead ("did you mean 'sanctions'?").
"""

from __future__ import annotations

import difflib
import types
import typing
from typing import Any

from pydantic import BaseModel

from scripts.content.fields import show
from scripts.content.source import Doc, Loc
from scripts.errors import Problem

# --- turning pydantic errors into editor messages -------------------------------------------

_EXPECTED = {
    "int_type": "a whole number like 1135 (no spaces or commas)",
    "int_parsing": "a whole number like 1135 (no spaces or commas)",
    "int_from_float": "a whole number like 1135 (no spaces or commas)",
    "float_type": "a number like 53.13",
    "float_parsing": "a number like 53.13",
    "bool_type": "true or false",
    "bool_parsing": "true or false",
    "list_type": "a list (one entry per line, each starting with '- ')",
    "dict_type": "a block of 'key: value' lines",
    "model_type": "a block of 'key: value' lines",
    "model_attributes_type": "a block of 'key: value' lines",
}


def problems_from(doc: Doc, shape: Any, base: Loc, errors: list[Any]) -> list[Problem]:
    """One message per mistake: a misspelt key that stands for a missing required field is one
    problem ("'vaule' should be 'value'"), not two (a missing field and an unknown one)."""
    errors = [{**e, "loc": (*base, *(p for p in e["loc"] if p != "[key]"))} for e in errors]
    missing = {(tuple(e["loc"][:-1]), e["loc"][-1]): e for e in errors if e["type"] == "missing"}
    out, merged = [], set()
    for error in errors:
        if error["type"] != "extra_forbidden":
            continue
        parent, key = tuple(error["loc"][:-1]), str(error["loc"][-1])
        wanted = [name for (at, name) in missing if at == parent]
        close = difflib.get_close_matches(key, [str(name) for name in wanted], n=1, cutoff=0.6)
        if close:
            loc = error["loc"]
            out.append(Problem(doc.rel, doc.line(loc), doc.where(loc), f"'{key}' should be '{close[0]}'"))
            merged |= {id(error), id(missing[(parent, close[0])])}
    out += [problem_from(doc, shape, e["loc"], e) for e in errors if id(e) not in merged]
    return out


def problem_from(doc: Doc, shape: Any, loc: Loc, error: Any) -> Problem:
    kind = error["type"]
    found = error.get("input")
    loc = tuple(part for part in loc if part != "[key]")  # pydantic marks errors in dict keys so
    where = doc.where(loc)
    if kind == "missing":
        name = loc[-1]
        return Problem(doc.rel, doc.line(loc[:-1]), where, f"required field is missing: add '{name}: ...'")
    if kind == "extra_forbidden":
        allowed = _fields_at(shape, loc[:-1])
        close = difflib.get_close_matches(str(loc[-1]), allowed, n=1)
        hint = f"did you mean '{close[0]}'?" if close else f"allowed here: {', '.join(allowed)}"
        return Problem(doc.rel, doc.line(loc), where, f"unknown field '{loc[-1]}': {hint}")
    if kind in _EXPECTED:
        message = f"expected {_EXPECTED[kind]}, got {show(found)}"
    elif kind == "literal_error":
        expected = error["ctx"]["expected"].replace("'", "")
        options = [o.strip() for o in expected.replace(" or ", ", ").split(",")]
        close = difflib.get_close_matches(str(found), options, n=1)
        hint = f": did you mean '{close[0]}'?" if close else ""
        message = f"expected one of {', '.join(options)}, got {show(found)}{hint}"
    elif kind == "too_short" and isinstance(found, list):
        least = error["ctx"]["min_length"]
        message = f"needs at least {least} entr{'y' if least == 1 else 'ies'}, found {len(found)}"
    elif kind == "too_long" and isinstance(found, list):
        message = f"may have at most {error['ctx']['max_length']} entries, found {len(found)}"
    elif kind == "string_too_long":
        message = (f"is {len(found)} characters long; at most {error['ctx']['max_length']} "
                   "fit in search results and share previews: shorten it")
    elif kind in ("greater_than_equal", "less_than_equal"):
        bound = error["ctx"].get("ge", error["ctx"].get("le"))
        word = "at least" if kind == "greater_than_equal" else "at most"
        message = f"must be {word} {bound}, got {show(found)}"
    else:
        message = str(error["msg"]).removeprefix("Value error, ")
    return Problem(doc.rel, doc.line(loc), where, message)


def _fields_at(shape: Any, loc: Loc) -> list[str]:
    """The field names allowed at ``loc`` inside ``shape`` (for 'did you mean')."""
    current = shape
    for part in loc:
        current = _unwrap(current)
        if isinstance(part, int):
            args = typing.get_args(current)
            current = args[0] if args else Any
        elif isinstance(current, type) and issubclass(current, BaseModel):
            info = current.model_fields.get(part)
            current = info.annotation if info else Any
        else:
            args = typing.get_args(current)
            current = args[-1] if args else Any
    current = _unwrap(current)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return list(current.model_fields)
    return []


def _unwrap(shape: Any) -> Any:
    while True:
        origin = typing.get_origin(shape)
        if origin is typing.Annotated:
            shape = typing.get_args(shape)[0]
        elif origin in (typing.Union, types.UnionType):
            shape = next(a for a in typing.get_args(shape) if a is not type(None))
        else:
            return shape
