"""Read a YAML file into plain values plus the source position of every node.

Why not yaml.safe_load: it silently keeps the last of two duplicate keys, turns phone numbers
into integers and `no` into False, expands alias bombs, and forgets where each value stood.
Here every scalar stays the text the editor typed (the model decides what is a number or a
date), duplicate keys and aliases are errors, and each value keeps its line and column.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.composer import Composer
from yaml.events import AliasEvent
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .problems import ProblemList

MAX_FILE_BYTES = 20 * 1024 * 1024
NULL_WORDS = {"", "~", "null", "Null", "NULL"}

Location = tuple[str | int, ...]


@dataclass(frozen=True)
class Position:
    line: int
    column: int


@dataclass
class SourceDocument:
    """A parsed data file: plain values and a position for every path into them."""

    path: str
    data: Any
    positions: dict[Location, Position] = field(default_factory=dict)
    key_positions: dict[Location, Position] = field(default_factory=dict)

    def locate(self, loc: Location) -> Position:
        """Position of `loc`, or of its nearest existing parent (a missing key points at its parent)."""
        loc = tuple(loc)
        while loc not in self.positions and loc:
            loc = loc[:-1]
        return self.positions.get(loc, Position(1, 1))


class _AliasRefused(yaml.MarkedYAMLError):
    pass


class _NoAliasComposer(Composer):
    def compose_node(self, parent, index):  # noqa: ANN001 - PyYAML's signature
        if self.check_event(AliasEvent):
            event = self.peek_event()
            raise _AliasRefused(
                problem="YAML aliases (*name) are not allowed here; write the value out in full",
                problem_mark=event.start_mark,
            )
        return super().compose_node(parent, index)


class _Loader(yaml.reader.Reader, yaml.scanner.Scanner, yaml.parser.Parser, _NoAliasComposer,
              yaml.resolver.BaseResolver):
    def __init__(self, stream: str) -> None:
        yaml.reader.Reader.__init__(self, stream)
        yaml.scanner.Scanner.__init__(self)
        yaml.parser.Parser.__init__(self)
        _NoAliasComposer.__init__(self)
        yaml.resolver.BaseResolver.__init__(self)


def _position(node: Node) -> Position:
    return Position(node.start_mark.line + 1, node.start_mark.column + 1)


def _convert(node: Node, loc: Location, doc: SourceDocument, problems: ProblemList) -> Any:
    """Turn a node into plain values, recording positions and duplicate keys."""
    doc.positions[loc] = _position(node)
    if isinstance(node, ScalarNode):
        if node.style is None and node.value in NULL_WORDS:
            return None
        return node.value
    if isinstance(node, SequenceNode):
        return [_convert(item, (*loc, i), doc, problems) for i, item in enumerate(node.value)]
    assert isinstance(node, MappingNode)
    result: dict[str, Any] = {}
    for key_node, value_node in node.value:
        if not isinstance(key_node, ScalarNode):
            pos = _position(key_node)
            problems.add(doc.path, pos.line, pos.column, "a key must be plain text")
            continue
        key = key_node.value
        if key in result:
            pos, first = _position(key_node), doc.key_positions[(*loc, key)]
            problems.add(doc.path, pos.line, pos.column,
                         f"duplicate key '{key}' (first given on line {first.line}); "
                         "each key may appear once per entry")
            continue
        doc.key_positions[(*loc, key)] = _position(key_node)
        result[key] = _convert(value_node, (*loc, key), doc, problems)
    return result


def _decode(raw: bytes, display: str, problems: ProblemList) -> str | None:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        column = exc.start - (before.rfind(b"\n") + 1) + 1
        problems.add(display, line, column,
                     "the file is not UTF-8 text; save it as UTF-8 (Danish letters æ, ø, å need it)")
        return None
    return text.removeprefix("\ufeff")


def _tab_problems(text: str, display: str, problems: ProblemList) -> bool:
    found = False
    for number, line in enumerate(text.splitlines(), start=1):
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in indent:
            problems.add(display, number, indent.index("\t") + 1,
                         "tab character in the indentation; indent with spaces only")
            found = True
    return found


def read_yaml(path: Path, display: str, problems: ProblemList) -> SourceDocument | None:
    """Read one YAML file; on any problem, record it and return None (or a partial document)."""
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        problems.add(display, 1, 1, f"the file is {size // (1024 * 1024)} MB; at most "
                     f"{MAX_FILE_BYTES // (1024 * 1024)} MB is accepted")
        return None
    text = _decode(path.read_bytes(), display, problems)
    if text is None or _tab_problems(text, display, problems):
        return None
    if not text.strip() or all(ln.lstrip().startswith("#") or not ln.strip() for ln in text.splitlines()):
        problems.add(display, 1, 1, "the file is empty; it must hold a mapping (key: value lines)")
        return None
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        message = " ".join(part for part in (exc.context, exc.problem) if part)
        if not isinstance(exc, _AliasRefused):
            message = f"YAML syntax error: {message}"
        problems.add(display, mark.line + 1, mark.column + 1, message)
        return None
    finally:
        loader.dispose()
    doc = SourceDocument(display, None)
    doc.data = _convert(node, (), doc, problems)
    return doc
