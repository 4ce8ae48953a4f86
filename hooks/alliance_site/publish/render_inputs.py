"""What a rendering reads: the inputs that key the preview's rebuilds and its reused files.

A template gets its page's context: values made for it (a topic, a list of consultants) and the
whole Site, from which it reads what it needs (`site.alliance`, `site.topic_titles()`). While a
template runs, SiteReads notes each read of the Site, and ModelReads each field it reads of a
model the context holds (a result page shows a municipality's name and contact, not its
consultants); the context's other values count whole. A later build has the same inputs for a
page when those values print the same and every noted read prints the same again; then the page
would render the same, byte for byte, as templates depend on nothing else (the templates
themselves are watched by their modification times, preview.py).

Nothing here lists what a template shows: a field added to a card or a read added to a template
is an input from its first rendering on.
"""

from __future__ import annotations

import dataclasses
import datetime
import enum
import hashlib
from collections.abc import Callable, Hashable, Iterator, Mapping, Sequence
from pathlib import PurePath
from typing import Any

from pydantic import BaseModel

from alliance_site.data.site import Site

SITE = "site"
# A noted read, and where its value comes from (a root):
#   ("site", attribute or method, None or the fingerprints of the call's arguments): a read of
#     the Site, counted whole when it is not a model or a sequence of models;
#   ("len", root, None): how many items a sequence of models has;
#   ("field", root, field name, or None for the whole model): one field of a model.
# A root is a context key, a read of the Site, or ("item", root of a sequence, index).
Read = tuple[Any, ...]
# The arguments of the Site's method a read starts from, to call it again on a later build.
Arguments = tuple[tuple[Any, ...], Mapping[str, Any]]
NO_CALL: Arguments = ((), {})
# A fingerprint: text, or a tuple of texts, numbers, dates and tuples; equal when the values are.
Print = Hashable
_SCALARS = frozenset({int, float, bool, type(None), datetime.date, datetime.datetime})
Reads = dict[Read, Arguments]
MISSING = object()  # an item a later build's sequence no longer has


def digest(*parts: str | bytes) -> str:
    """One fingerprint of several parts ('ab', 'c' and 'a', 'bc' differ)."""
    value = hashlib.blake2b(digest_size=16)
    for part in parts:
        value.update(part.encode("utf-8") if isinstance(part, str) else part)
        value.update(b"\0")
    return value.hexdigest()


class Prints:
    """Fingerprints of the values of one build, and of the reads of its Site. Models and records
    are shared by many pages (a topic is on all its result pages), so each object is printed
    once per build; a Prints object lives for one build only, as objects are not changed
    during a build but are replaced by the next one."""

    def __init__(self, site: Site):
        self.site = site
        self._objects: dict[int, tuple[Any, Print]] = {}  # id -> (the object, kept alive; its print)
        self._fields: dict[tuple[int, str], tuple[Any, Print]] = {}
        self._reads: dict[Read, Print] = {}
        self._site_values: dict[Read, tuple[Any]] = {}

    def of(self, value: Any) -> Print:
        """The fingerprint of a value that a template may get: text, numbers, dates, models,
        records (dataclasses), and mappings and sequences of them. A type it does not know is
        an error, so that a new kind of value cannot silently be left out of the inputs. Text
        is its own print, containers are tuples of their items' prints (comparing them is
        cheaper than hashing them), models and records are hashed once per build."""
        kind = type(value)
        if kind is str:
            return value
        if kind in _SCALARS:
            return kind.__name__, value  # 1 and True are equal in Python, but not on a page
        # Exact types first, then a model already printed: a plan at national scale prints
        # 250,000 values, and isinstance checks on each made it a third slower.
        if kind is list or kind is tuple:
            return ("seq", *map(self.of, value))
        known = self._objects.get(id(value))
        if known is not None:
            return known[1]
        if isinstance(value, Site):
            raise TypeError("the Site is an input only through what a template reads of it (SiteReads)")
        if _has_fields(value):
            return self._object(value)
        if isinstance(value, (list, tuple)):  # a subclass
            return ("seq", *map(self.of, value))
        if isinstance(value, Mapping):
            return ("map", *((self.of(key), self.of(item)) for key, item in value.items()))
        if isinstance(value, (str, int, float, datetime.date, PurePath, enum.Enum)):  # Markup, an Enum, a Path
            return kind.__name__, str(value)
        if isinstance(value, (set, frozenset)):
            return ("set", *sorted(map(repr, map(self.of, value))))
        raise TypeError(f"a template input of type {kind.__name__} cannot be fingerprinted")

    def _object(self, value: Any) -> Print:
        """A model's or record's print, made once per object and build (`of` looks it up)."""
        kind = type(value)
        if isinstance(value, BaseModel):
            print_: Print = digest(kind.__name__, value.model_dump_json())
        else:
            print_ = (kind.__name__, *(self.of(getattr(value, name)) for name in _fields_of(kind) or ()))
        self._objects[id(value)] = (value, print_)
        return print_

    def own(self, context: Mapping[str, Any]) -> Print:
        """A template context's own values; its Site and its models count by what is read of them."""
        return self.of({key: value for key, value in context.items()
                        if key != SITE and _fields_of(type(value)) is None})

    def read(self, read: Read, arguments: Arguments, context: Mapping[str, Any]) -> Print:
        """The fingerprint of one noted read, done again on this build's Site or `context`."""
        kind = read[0]
        if kind == "site":
            print_ = self._reads.get(read)
            if print_ is None:
                print_ = self._reads[read] = self.of(self._value(read, arguments, context))
            return print_
        value = self._value(read[1], arguments, context)
        if value is MISSING:
            return "missing"
        return len(value) if kind == "len" else self._field(value, read[2])

    def _value(self, root: Any, arguments: Arguments, context: Mapping[str, Any]) -> Any:
        if isinstance(root, str):
            return context[root]
        if root[0] == "item":
            sequence = self._value(root[1], arguments, context)
            return sequence[root[2]] if root[2] < len(sequence) else MISSING
        known = self._site_values.get(root)
        if known is None:
            _, name, called = root
            value = getattr(self.site, name)
            if called is not None:
                args, kwargs = arguments
                value = value(*args, **kwargs)
            known = self._site_values[root] = (value,)
        return known[0]

    def _field(self, model: Any, name: str | None) -> Print:
        if name is None:
            return self.of(model)
        known = self._fields.get((id(model), name))
        if known is None:
            known = self._fields[(id(model), name)] = (model, self.of(getattr(model, name)))
        return known[1]

    def call(self, name: str, args: tuple[Any, ...], kwargs: Mapping[str, Any]) -> Read:
        return "site", name, (*map(self.of, args), *(part for key, value in sorted(kwargs.items())
                                                     for part in (key, self.of(value))))


def _has_fields(value: Any) -> bool:
    """A model or a record (a dataclass instance): read field by field."""
    return _fields_of(type(value)) is not None


def _fields_of(kind: type) -> tuple[str, ...] | None:
    """The field names of a record type (a dataclass); () for a model, which is printed whole;
    None for any other type. Kept by type: a plan asks it of 60,000 values at national scale."""
    if kind not in _FIELDS_OF:
        if issubclass(kind, BaseModel):
            _FIELDS_OF[kind] = ()
        elif dataclasses.is_dataclass(kind):
            _FIELDS_OF[kind] = tuple(f.name for f in dataclasses.fields(kind))
        else:
            _FIELDS_OF[kind] = None
    return _FIELDS_OF[kind]


_FIELDS_OF: dict[type, tuple[str, ...] | None] = {}


def noting(context: Mapping[str, Any], prints: Prints, reads: Reads) -> dict[str, Any]:
    """`context` for a template whose reads are to be noted into `reads`."""
    return {key: (SiteReads(prints, reads, wraps=True) if key == SITE else ModelReads(value, key, reads, NO_CALL)
                  if _has_fields(value) else value)
            for key, value in context.items()}


class SiteReads:
    """The Site as a template sees it, noting into `reads` every attribute and call it reads.
    For templates (`wraps`) a model or a sequence of models it gives is noted field by field
    (ModelReads, SequenceReads); Python code that reads the Site gets the values themselves,
    each read counted whole."""

    __slots__ = ("_prints", "_reads", "_site", "_wraps")

    def __init__(self, prints: Prints, reads: Reads, wraps: bool = False):
        self._site, self._prints, self._reads, self._wraps = prints.site, prints, reads, wraps

    def __getattr__(self, name: str) -> Any:
        value = getattr(self._site, name)
        if not callable(value):
            return self._noted(("site", name, None), value, NO_CALL)
        return self._method(name, value)

    def _method(self, name: str, method: Callable[..., Any]) -> Callable[..., Any]:
        def call(*args: Any, **kwargs: Any) -> Any:
            args = tuple(unwrap(arg) for arg in args)
            kwargs = {key: unwrap(value) for key, value in kwargs.items()}
            return self._noted(self._prints.call(name, args, kwargs), method(*args, **kwargs), (args, kwargs))
        return call

    def _noted(self, read: Read, value: Any, arguments: Arguments) -> Any:
        if self._wraps and _has_fields(value):
            return ModelReads(value, read, self._reads, arguments)
        if self._wraps and isinstance(value, (list, tuple)) and value and all(map(_has_fields, value)):
            return SequenceReads(value, read, self._reads, arguments)
        self._reads[read] = arguments
        return value


class ModelReads:
    """A model or record a template reads, noting each field it reads. A field's value is the model's own
    (a list of consultants counts whole); a method, or the model handed on to Python
    (`unwrap`), counts the whole model."""

    __slots__ = ("_arguments", "_model", "_reads", "_root")

    def __init__(self, model: Any, root: Any, reads: Reads, arguments: Arguments):
        self._model, self._root, self._reads, self._arguments = model, root, reads, arguments

    def __getattr__(self, name: str) -> Any:
        value = getattr(self._model, name)
        self._reads[("field", self._root, None if callable(value) else name)] = self._arguments
        return value

    def whole(self) -> Any:
        self._reads[("field", self._root, None)] = self._arguments
        return self._model

    def __eq__(self, other: object) -> bool:
        return self.whole() == unwrap(other)

    def __hash__(self) -> int:
        return hash(id(self._model))


class SequenceReads:
    """A sequence of models or records from the Site: its length and each item's fields are noted."""

    __slots__ = ("_arguments", "_items", "_reads", "_root")

    def __init__(self, items: Sequence[Any], root: Read, reads: Reads, arguments: Arguments):
        self._items, self._root, self._reads, self._arguments = items, root, reads, arguments

    def _counted(self) -> int:
        self._reads[("len", self._root, None)] = self._arguments
        return len(self._items)

    def _item(self, index: int) -> ModelReads:
        return ModelReads(self._items[index], ("item", self._root, index), self._reads, self._arguments)

    def __len__(self) -> int:
        return self._counted()

    def __bool__(self) -> bool:
        return self._counted() > 0

    def __iter__(self) -> Iterator[ModelReads]:
        return map(self._item, range(self._counted()))

    def __getitem__(self, index: int | slice) -> Any:
        if isinstance(index, slice):
            return [self._item(i) for i in range(self._counted())[index]]
        if index < 0:
            index += self._counted()
        return self._item(index)

    def __contains__(self, value: object) -> bool:
        self._reads[self._root] = self._arguments
        return unwrap(value) in self._items


def unwrap(value: Any) -> Any:
    return value.whole() if isinstance(value, ModelReads) else value


@dataclasses.dataclass(frozen=True)
class Inputs:
    """What one rendering read: the print of its own values, and each noted read with the
    arguments to make it again and its print."""

    own: Print
    reads: Mapping[Read, tuple[Arguments, Print]]

    @classmethod
    def of(cls, own: Print, reads: Reads, prints: Prints, context: Mapping[str, Any]) -> Inputs:
        return cls(own, {read: (arguments, prints.read(read, arguments, context)) for read, arguments in reads.items()})

    def same_in(self, own: Print, prints: Prints, context: Mapping[str, Any]) -> bool:
        """Would a rendering of `context` on the Site of `prints` read the same?"""
        return own == self.own and all(prints.read(read, arguments, context) == print_
                                       for read, (arguments, print_) in self.reads.items())
