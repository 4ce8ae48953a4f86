"""Material's search plugin, fed faster and kept right under --dirty.

- SectionedSearchIndex replaces the plugin's index after its on_config: page bodies, without
  their forms (search_text), are cut into sections by search_sections (Material's parser rules
  on one regex tokenizer, in the worker process during `mkdocs build`), and entries are made,
  in page order, when the index is written; a page's search words become its first entry's tags.
- Under `mkdocs serve --dirty` Material merges the index for one rebuilt page only: it drops the
  previous entries whose URL starts with the first rebuilt page's (all of them when that is the
  home page) and appends this build's. SectionedSearchIndex merges by page instead: the
  previous entries of every page this build indexed are replaced by this build's, and the
  entries of the pages it did not rebuild are kept. A build that rebuilds every page starts
  afresh (`forget_previous_index`), so a page that is gone leaves nothing behind.
"""

from __future__ import annotations

from collections.abc import Mapping
from concurrent.futures import Future
from typing import Any

from alliance_site import worker
from material.plugins.search.plugin import SearchIndex
from mkdocs.structure.pages import Page

from .page_files import SEARCH_WORDS
from .search_text import indexed_sections


class SectionedSearchIndex(SearchIndex):
    """Material's search index with page bodies cut into sections by search_sections, which
    gives the same entries as Material's HTMLParser in about a quarter of the time."""

    def __init__(self, **config):
        super().__init__(**config)
        self._pending: list[tuple[Page, Future]] = []
        self._rebuilt: set[str] = set()  # every page this build indexed, search-excluded ones too
        self.entries: list[dict[str, Any]]  # Material's, set in its __init__

    def add_entry_from_context(self, page: Page) -> None:
        self._rebuilt.add(page.url)
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
        if prev is not None:
            self.entries = [*(e for e in prev.entries if page_of(e) not in self._rebuilt), *self.entries]
        return super().generate_search_index(None)


def page_of(entry: Mapping[str, Any]) -> str:
    return str(entry["location"]).split("#", 1)[0]


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


def forget_previous_index(config) -> None:
    """Every page is rebuilt: the new index is this build's entries alone."""
    search = config.plugins.get("material/search")
    if search is not None:
        search.search_index_prev = None
