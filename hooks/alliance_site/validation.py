"""Validate a parsed document against a model and turn pydantic errors into located problems.

Pydantic speaks of `loc` tuples and error types; editors need `file:line:column` and a sentence
that says what is wrong and what is allowed. This module translates one into the other.
"""

from __future__ import annotations

import difflib
import types
import typing
from collections.abc import Iterable
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from .problems import ProblemList
from .sources import Location, SourceDocument

M = TypeVar("M", bound=BaseModel)


def display_path(loc: Location) -> str:
    """('municipalities', 3, 'email') -> 'municipalities[3].email'."""
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def real_location(data: Any, loc: tuple) -> Location:
    """Drop pydantic's internal loc parts (union tags, validator names) absent from the data."""
    real: list[str | int] = []
    for part in loc:
        if isinstance(data, dict) and part in data:
            data = data[part]
        elif isinstance(data, list) and isinstance(part, int) and 0 <= part < len(data):
            data = data[part]
        elif isinstance(data, dict) and isinstance(part, str) and "[" not in part and part not in ("all", "list"):
            real.append(part)  # a missing key: keep it so the message can name it
            data = None
            continue
        else:
            continue
        real.append(part)
    return tuple(real)


def _unwrap(annotation: Any) -> list[Any]:
    """Candidate model classes inside Optional[...], list[...], Annotated[...] and unions."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _unwrap(typing.get_args(annotation)[0])
    if origin in (list, tuple, typing.Union, types.UnionType):
        return [m for arg in typing.get_args(annotation) for m in _unwrap(arg)]
    return [annotation] if isinstance(annotation, type) and issubclass(annotation, BaseModel) else []


def model_at(model: type[BaseModel], loc: Location) -> type[BaseModel] | None:
    """The model class that validates the mapping at `loc`, for listing its allowed keys."""
    current: type[BaseModel] | None = model
    for part in loc:
        if isinstance(part, int) or current is None:
            continue
        field = current.model_fields.get(part)
        candidates = _unwrap(field.annotation) if field else []
        current = candidates[0] if candidates else None
    return current


def _allowed_keys(model: type[BaseModel] | None) -> list[str]:
    return list(model.model_fields) if model else []


# Danish words editors may write for a field; the field names themselves are English.
DANISH_KEYS = {"navn": "name", "titel": "title", "stilling": "title", "telefon": "phone", "tlf": "phone",
               "mobil": "phone", "mail": "email", "e-mail": "email", "foto": "photo", "billede": "photo",
               "emner": "topics", "sprog": "languages", "kontrolleret": "reviewed", "opdateret": "reviewed",
               "kommune": "municipalities", "kommuner": "municipalities", "beskrivelse": "description",
               "hjemmeside": "website", "adresse": "address", "kontakt": "contact", "konsulenter": "consultants",
               "overskrift": "title", "resume": "summary", "tekst": "body", "rækkefølge": "order"}


def suggestion(value: str, choices: Iterable[str]) -> str:
    """"did you mean 'x'? " for a near miss among `choices` (or the English name of a Danish
    field name), else ""."""
    choices = list(choices)
    if DANISH_KEYS.get(value.lower()) in choices and value.lower() != DANISH_KEYS[value.lower()]:
        return f"did you mean '{DANISH_KEYS[value.lower()]}' (field names are in English)? "
    guess = difflib.get_close_matches(value, choices, n=1, cutoff=0.65)
    return f"did you mean '{guess[0]}'? " if guess else ""


def _kind_of(value: Any) -> str:
    if isinstance(value, dict):
        return "a group of fields"
    if isinstance(value, list):
        return "a list"
    return "a single value"


def _describe(error: dict, loc: Location, root_model: type[BaseModel]) -> str:
    """One plain sentence for a pydantic error: what is wrong and what to write instead."""
    kind, value = error["type"], error.get("input")
    ctx = error.get("ctx") or {}
    field = str(loc[-1]) if loc else "the file"
    if kind == "missing":
        return f"required field '{field}' is missing"
    if kind == "extra_forbidden":
        allowed = _allowed_keys(model_at(root_model, loc[:-1]))
        return f"unknown field '{field}'; {suggestion(field, allowed)}allowed fields: {', '.join(allowed)}"
    if value is None and kind not in ("value_error", "union_tag_not_found"):
        return "has no value; write one after the colon, or delete the line if the field is optional"
    if kind == "value_error":
        return str(ctx.get("error", error["msg"]))
    if kind == "literal_error" and ctx.get("expected") == "'all'":
        return f"'{value}' is not allowed; write all, or a list of ids in brackets, e.g. [{value}]"
    if kind in ("enum", "literal_error"):
        expected = ctx.get("expected", "")
        options = [part.strip(" '") for part in expected.replace(" or ", ", ").split(",")]
        return f"'{value}' is not allowed; {suggestion(str(value), options)}allowed values: {expected}"
    if kind == "string_too_long" or (kind == "too_long" and isinstance(value, str)):
        return f"the text is {len(value)} characters long; at most {ctx['max_length']} are allowed"
    if kind == "string_too_short":
        return "must not be empty"
    if kind == "too_short":
        return f"must list at least {ctx.get('min_length', 1)} item(s)"
    if kind == "too_long":
        return f"lists {ctx.get('actual_length')} items; at most {ctx.get('max_length')} are allowed"
    if kind in ("int_parsing", "int_type", "int_from_float"):
        return f"'{value}' is not a whole number"
    if kind.startswith("date"):
        return f"'{value}' is not a date; write it as YYYY-MM-DD, e.g. 2026-01-31"
    if kind == "list_type":
        return f"must be a list (one '- item' per line, or [a, b]), not {_kind_of(value)}"
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        return f"must be a group of fields (key: value lines), not {_kind_of(value)}"
    if kind == "string_type":
        return f"must be text, not {_kind_of(value)}"
    if kind in ("less_than_equal", "greater_than_equal", "less_than", "greater_than"):
        return f"'{value}' is out of range ({error['msg'].lower()})"
    if kind in ("union_tag_invalid", "union_tag_not_found", "served_municipalities"):
        return str(error["msg"])
    return str(error["msg"])


def validate_document(doc: SourceDocument, model: type[M], problems: ProblemList) -> M | None:
    """Validate `doc` as `model`; record every error with its position and return None on failure.

    Each rejected path is remembered in `doc.invalid`, so the cross-file checks that run next
    skip values the editor already has an error for."""
    try:
        return model.model_validate(doc.data if doc.data is not None else {})
    except ValidationError as exc:
        for error in exc.errors(include_url=False):
            loc = real_location(doc.data, error["loc"])
            doc.invalid.add(loc)
            pos = (doc.key_position(loc) if error["type"] == "extra_forbidden" else None) or doc.locate(loc)
            where = display_path(loc)
            message = _describe(error, loc, model)
            problems.add(doc.path, pos.line, pos.column, f"{where}: {message}" if where else message)
        return None
