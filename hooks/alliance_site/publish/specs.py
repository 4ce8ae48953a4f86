"""What the generator makes of the data, before anything is rendered: a PageSpec for each
page, an AssetSpec for each other file. pages.py makes the site's pages and files,
guide_pages.py the guide's and feeds.py the feeds and calendars; render.py renders them and the
engine (hooks/alliance_mkdocs/) writes them.
"""

from __future__ import annotations

from collections.abc import Callable, ItemsView, Iterator, KeysView, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class PageSpec:
    """A generated page: its address, title and description, the body template that renders it
    and the data that template gets; `markdown` is the editors' text the engine renders first."""

    url: str
    title: str
    description: str
    template: str
    context: Mapping[str, Any] = field(default_factory=dict)
    markdown: str = ""
    listed: bool = True  # False: a step of the guide, kept out of search, the sitemap and search engines
    # Words a reader searches for that the page need not show: employers' words for a topic, a
    # municipality's towns and postcodes. The search index ranks the page first on them.
    search_words: tuple[str, ...] = ()


@dataclass(frozen=True)
class AssetSpec:
    """A non-page file: rendered from a template, or copied from `source_path`."""

    src_uri: str
    template: str | None = None
    context: Mapping[str, Any] = field(default_factory=dict)
    source_path: Path | None = None
    content: str | None = None  # made in Python (calendars), neither rendered nor copied


class LazyContext(Mapping[str, Any]):
    """A template context made when something first reads it. Checking the site's links needs
    every page's address but not its data: at national scale the 2,940 result pages' data is
    a fifth of `make check`. Made once, it is a plain dict behind this one."""

    __slots__ = ("_make", "_values")

    def __init__(self, make: Callable[[], dict[str, Any]]):
        self._make: Callable[[], dict[str, Any]] | None = make
        self._values: dict[str, Any] = {}

    def _made(self) -> dict[str, Any]:
        if self._make is not None:
            self._values, self._make = self._make(), None
        return self._values

    def __getitem__(self, key: str) -> Any:
        return self._made()[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._made())

    def __len__(self) -> int:
        return len(self._made())

    def __contains__(self, key: object) -> bool:
        return key in self._made()

    def get(self, key: str, default: Any = None) -> Any:
        return self._made().get(key, default)

    def keys(self) -> KeysView[str]:
        return self._made().keys()

    def items(self) -> ItemsView[str, Any]:
        return self._made().items()
