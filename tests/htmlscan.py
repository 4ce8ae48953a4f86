"""Tiny HTML scanning helpers for tests (standard library only)."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path


def found(pattern: str, text: str, flags: int = 0) -> re.Match[str]:
    """re.search that must match: the test fails naming the pattern, not on `None.group`."""
    match = re.search(pattern, text, flags)
    if match is None:
        raise AssertionError(f"no match for {pattern!r}")
    return match


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, {k: v or "" for k, v in attrs}))

    def handle_data(self, data):
        self.text.append(data)


def scan(html: str) -> _Collector:
    collector = _Collector()
    collector.feed(html)
    return collector


def elements(html: str, tag: str | None = None, **attrs: str) -> list[dict[str, str]]:
    """Attributes of every element matching the tag and attribute values ('*' = present)."""
    found = []
    for name, values in scan(html).elements:
        if tag and name != tag:
            continue
        if all((k.replace("_", "-") in values) and (v == "*" or values[k.replace("_", "-")] == v)
               for k, v in attrs.items()):
            found.append(values)
    return found


def page(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")
