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
from pydantic_core import ErrorDetails

from alliance_site.data.problems import ProblemList
from alliance_site.data.sources import Location, SourceDocument
from alliance_site.data.text import counted, listing

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
               "overskrift": "title", "resume": "summary", "tekst": "body", "rækkefølge": "order",
               "byer": "towns", "postnumre": "postcodes", "postnr": "postcodes", "åbningstider": "opening_hours",
               "åbningstid": "opening_hours", "svartid": "response_time", "søgeord": "words", "ord": "words",
               "behov": "need", "trin": "steps", "forberedelse": "prepare", "spørgsmål": "questions",
               "svar": "answers", "emne": "topic"}


def suggestion(value: str, choices: Iterable[str]) -> str:
    """"mente du 'x'? " for a near miss among `choices` (or the English name of a Danish
    field name), else ""."""
    choices = list(choices)
    if DANISH_KEYS.get(value.lower()) in choices and value.lower() != DANISH_KEYS[value.lower()]:
        return f"mente du '{DANISH_KEYS[value.lower()]}' (feltnavnene er på engelsk)? "
    guess = difflib.get_close_matches(value, choices, n=1, cutoff=0.65)
    return f"mente du '{guess[0]}'? " if guess else ""


def _kind_of(value: Any) -> str:
    if isinstance(value, dict):
        return "en gruppe af felter"
    if isinstance(value, list):
        return "en liste"
    return "en enkelt værdi"


# pydantic's number limits: error type -> (the Danish words, the ctx key holding the limit).
RANGE_WORDS = {"greater_than_equal": ("mindst", "ge"), "less_than_equal": ("højst", "le"),
               "greater_than": ("større end", "gt"), "less_than": ("mindre end", "lt")}


def _describe(error: ErrorDetails, loc: Location, root_model: type[BaseModel]) -> str:
    """One plain sentence for a pydantic error: what is wrong and what to write instead."""
    kind, value = error["type"], error["input"]
    ctx = error.get("ctx") or {}
    field = str(loc[-1]) if loc else "filen"
    if kind == "missing" and field == "alt":
        return ("feltet 'alt' mangler; skriv, hvad billedet viser, til dem der ikke kan se det "
                "(fx 'Konsulenterne fra de otte kommuner')")
    if kind == "missing":
        return f"feltet '{field}' mangler; det skal altid udfyldes"
    if kind == "extra_forbidden":
        allowed = _allowed_keys(model_at(root_model, loc[:-1]))
        return f"ukendt felt '{field}'; {suggestion(field, allowed)}tilladte felter: {', '.join(allowed)}"
    if value is None and kind not in ("value_error", "union_tag_not_found"):
        return "har ingen værdi; skriv en værdi efter kolonet, eller slet linjen, hvis feltet er valgfrit"
    if kind == "value_error":
        return str(ctx.get("error", error["msg"]))
    if kind in ("enum", "literal_error"):
        options = [part.strip(" '") for part in ctx.get("expected", "").replace(" or ", ", ").split(",")]
        choices = listing([f"'{option}'" for option in options], "eller")
        return f"'{value}' er ikke tilladt; {suggestion(str(value), options)}tilladte værdier: {choices}"
    if kind == "string_too_long" or (kind == "too_long" and isinstance(value, str)):
        return f"teksten er {len(value)} tegn lang; der må højst være {ctx['max_length']} tegn"
    if kind == "string_too_short" or (kind == "too_short" and isinstance(value, str)):
        return "må ikke være tom; skriv en tekst, eller slet linjen, hvis feltet er valgfrit"
    if kind == "too_short":
        return f"listen skal have mindst {counted(ctx.get('min_length', 1), 'punkt', 'punkter')}"
    if kind == "too_long":
        return (f"listen har {counted(ctx['actual_length'], 'punkt', 'punkter')}; "
                f"der må højst være {ctx.get('max_length')}")
    if kind in ("int_parsing", "int_type", "int_from_float"):
        return f"'{value}' er ikke et helt tal"
    if kind.startswith("bool"):
        return f"'{value}' er hverken true eller false; skriv true eller false"
    if kind.startswith("date"):
        return f"'{value}' er ikke en dato; skriv den som ÅÅÅÅ-MM-DD, fx 2026-01-31"
    if kind == "list_type" and field == "municipalities" and str(value).strip().lower() == "all":
        return "skriv 'all_municipalities: true' i stedet for 'municipalities: all'"
    if kind == "list_type":
        return f"skal være en liste (ét '- punkt' pr. linje, eller [a, b]), ikke {_kind_of(value)}"
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        return f"skal være en gruppe af felter (linjer med 'felt: værdi'), ikke {_kind_of(value)}"
    if kind == "string_type":
        return f"skal være tekst, ikke {_kind_of(value)}"
    if kind in RANGE_WORDS:
        words, limit = RANGE_WORDS[kind]
        return f"'{value}' er ikke tilladt; tallet skal være {words} {ctx.get(limit)}"
    # The served-municipalities shape (model.py) brings its own sentence; for a kind no model
    # here produces, pydantic's English is better than no detail at all.
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
            pos = doc.locate_key(loc) if error["type"] == "extra_forbidden" else doc.locate(loc)
            where = display_path(loc)
            message = _describe(error, loc, model)
            problems.add(doc.path, pos.line, pos.column, f"{where}: {message}" if where else message)
        return None
