"""Incremental rebuilds for the live preview (`make serve`, which runs `mkdocs serve --dirty`).

A national site takes seconds to build in full; an editor who fixes one phone number should see
it at once. Between two builds of one preview session, a ChangeTracker tells which generated
pages and files differ from what is already on disk, so only those are rendered and written.
Fingerprints are committed only when a build succeeds, so a failed build is redone in full.

Material's search plugin supports --dirty for one changed page at a time: it drops the previous
entries of the first rebuilt page only, by URL prefix. `affected_pages` widens a change to every
page under a changed URL, and `latest_search_entries` drops the stale entries of the others.
Nothing here is used by `mkdocs build`, which always builds everything.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any


def fingerprint(*parts: str | bytes) -> str:
    digest = hashlib.sha1()
    for part in parts:
        digest.update(part.encode("utf-8") if isinstance(part, str) else part)
        digest.update(b"\0")
    return digest.hexdigest()


def affected_pages(changed: Iterable[str], urls: Iterable[str]) -> set[str]:
    """The changed page URLs plus every page below one of them ('emner/' -> 'emner/x/'): Material
    clears the search entries of a rebuilt page by URL prefix, so pages below it must be rebuilt
    too or they would vanish from the preview's search."""
    changed = set(changed)
    return {url for url in urls if any(url.startswith(prefix) for prefix in changed)}


@dataclass
class ChangeTracker:
    """Fingerprints of the last successful build in this preview session."""

    _context: str | None = None
    _pages: dict[str, str] = field(default_factory=dict)
    _files: dict[str, str] = field(default_factory=dict)
    _pending: tuple[str, dict[str, str], dict[str, str]] | None = None

    def plan(self, context: str, pages: Mapping[str, str],
             files: Sequence[tuple[str, str | bytes]]) -> tuple[set[str] | None, list[tuple[str, str | bytes]]]:
        """(page URLs to rebuild, or None for all; files to write). `context` fingerprints what
        every page shows (the alliance, the templates, the list of pages); `pages` maps each
        generated page's URL to the fingerprint of its source and body."""
        file_prints = {path: fingerprint(content) for path, content in files}
        self._pending = (context, dict(pages), file_prints)
        if context != self._context:
            return None, list(files)
        changed = {url for url, print_ in pages.items() if self._pages.get(url) != print_}
        rebuilt = affected_pages(changed, pages)
        return rebuilt, [(path, content) for path, content in files if self._files.get(path) != file_prints[path]]

    def commit(self) -> None:
        """The build succeeded: what it planned is now on disk."""
        if self._pending is not None:
            self._context, self._pages, self._files = self._pending
            self._pending = None

    def forget(self) -> None:
        """The build failed: rebuild everything next time."""
        self._context, self._pages, self._files, self._pending = None, {}, {}, None


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
