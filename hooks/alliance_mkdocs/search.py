"""Material's search plugin, fed faster and kept right under --dirty.

- SectionedSearchIndex replaces the plugin's index after its on_config: page bodies, without
  their forms (search_text), are cut into sections by search_sections (Material's parser rules
  on one regex tokenizer, in the worker process during `mkdocs build`), and entries are made,
  in page order, when the index is written; a page's search words become its first entry's tags.
- Under `mkdocs serve --dirty` Material merges the index for one rebuilt page only: it drops the
  previous entries of the first rebuilt page, by URL prefix, and appends this build's entries.
  `pages_to_rebuild` widens a change to the pages below it (their entries would vanish with the
  prefix), and `refresh_search_index` drops the stale entries of the other rebuilt pages.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from concurrent.futures import Future
from pathlib import Path
from typing import Any

from alliance_site import worker
from material.plugins.search.plugin import SearchIndex

from .page_files import SEARCH_WORDS
from .search_text import indexed_sections

INDEX_FILE = Path("search") / "search_index.json"


class SectionedSearchIndex(SearchIndex):
    """Material's search index with page bodies cut into sections by search_sections, which
    gives the same entries as Material's HTMLParser in about a quarter of the time."""

    def __init__(self, **config):
        super().__init__(**config)
        self._pending: list[tuple[object, Future]] = []

    def add_entry_from_context(self, page):
        if not (page.meta.get("search") or {}).get("exclude"):
            self._pending.append((page, worker.submit(indexed_sections, page.content)))

    def generate_search_index(self, prev):
        pending, self._pending = self._pending, []
        for page, sections in pending:
            first = True
            for section in sections.result():
                if not section.excluded:
                    self.create_entry_for_section(section, page.toc, page.url, page)
                    if first:
                        add_search_words(self.entries[-1], page.meta)
                    first = False
        return super().generate_search_index(prev)


def add_search_words(entry: dict[str, Any], meta: Mapping[str, Any]) -> None:
    """A page's search words (a topic's employers' words, a municipality's towns and postcodes)
    become the `tags` of its first entry. Material's index weighs tags a thousand times a title
    (fields: title 1e3, tags 1e6), so the page ranks first on them, and the result shows them as
    tags under the page title, which tells the reader why it was found. Only the page's own
    entry carries them: on every section they would repeat under each hit of the page."""
    words = meta.get(SEARCH_WORDS)
    if words:
        entry["tags"] = [*entry.get("tags", []), *map(str, words)]


def use_sectioned_index(config) -> None:
    """Swap in the faster index after Material's search plugin made its own in on_config."""
    search = config.plugins.get("material/search")
    if search is not None and search.config.enabled:
        search.search_index = SectionedSearchIndex(**search.search_index.config)


def pages_to_rebuild(changed: Iterable[str], urls: Iterable[str]) -> set[str]:
    """The changed page URLs plus every page below one of them ('emner/' -> 'emner/x/')."""
    changed = set(changed)
    return {url for url in urls if any(url.startswith(prefix) for prefix in changed)}


def latest_search_entries(entries: Sequence[Mapping[str, Any]], rebuilt: set[str]) -> list[Mapping[str, Any]]:
    """Material's merged --dirty index: the previous entries, then this build's entries of the
    rebuilt pages at the end. Keep this build's entries of a rebuilt page and drop its older
    ones (Material drops those of the first rebuilt page only)."""
    def page_of(entry: Mapping[str, Any]) -> str:
        return str(entry["location"]).split("#", 1)[0]

    start = len(entries)
    while start > 0 and page_of(entries[start - 1]) in rebuilt:
        start -= 1
    latest: dict[str, Mapping[str, Any]] = {}
    for entry in entries[start:]:
        latest[entry["location"]] = entry
    # An older run of the same page can end right before this build's entries; the later wins.
    return [e for e in entries[:start] if page_of(e) not in rebuilt] + list(latest.values())


def refresh_search_index(site_dir: Path, rebuilt: set[str]) -> None:
    index_file = site_dir / INDEX_FILE
    if not index_file.is_file():
        return
    index = json.loads(index_file.read_text(encoding="utf-8"))
    index["docs"] = latest_search_entries(index["docs"], rebuilt)
    index_file.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
