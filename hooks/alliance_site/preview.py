"""Incremental rebuilds for the live preview (`make serve`, which runs `mkdocs serve --dirty`).

A national site takes seconds to build in full; an editor who fixes one phone number should see
it at once. Between two builds of one preview session, a ChangeTracker tells which generated
pages and files differ from what is already on disk, so only those are rendered and written.
Fingerprints are committed only when a build succeeds, so a failed build is redone in full.

A PreviewSession owns everything a preview keeps between rebuilds: the ChangeTracker, one
PreviewRenderer (compiled templates, and consultant cards and vCards rendered by what they
show) and the theme's compiled templates. `mkdocs build` has no session, so a full build
carries none of these caches. What the engine itself needs for --dirty (its search index
merge, its modified-file check) is in hooks/alliance_mkdocs/ (search.py, files.py).
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jinja2.bccache import BytecodeCache, Bucket
from markupsafe import Markup

from .pages import AssetSpec
from .render import Renderer

if TYPE_CHECKING:
    from .build import SiteBuild


def fingerprint(*parts: str | bytes) -> str:
    digest = hashlib.sha1()
    for part in parts:
        digest.update(part.encode("utf-8") if isinstance(part, str) else part)
        digest.update(b"\0")
    return digest.hexdigest()


@dataclass
class ChangeTracker:
    """Fingerprints of the last successful build in this preview session."""

    _context: str | None = None
    _pages: dict[str, str] = field(default_factory=dict)
    _files: dict[str, str] = field(default_factory=dict)
    _pending: tuple[str, dict[str, str], dict[str, str]] | None = None

    def plan(self, context: str, pages: Mapping[str, str],
             files: Sequence[tuple[str, str | bytes]]) -> tuple[set[str] | None, list[tuple[str, str | bytes]]]:
        """(URLs of the changed pages, or None for all; files to write). `context` fingerprints
        what every page shows (the alliance, the templates, the list of pages); `pages` maps
        each generated page's URL to the fingerprint of its source and body."""
        file_prints = {path: fingerprint(content) for path, content in files}
        self._pending = (context, dict(pages), file_prints)
        if context != self._context:
            return None, list(files)
        changed = {url for url, print_ in pages.items() if self._pages.get(url) != print_}
        return changed, [(path, content) for path, content in files if self._files.get(path) != file_prints[path]]

    def commit(self) -> None:
        """The build succeeded: what it planned is now on disk."""
        if self._pending is not None:
            self._context, self._pages, self._files = self._pending
            self._pending = None

    def forget(self) -> None:
        """The build failed: rebuild everything next time."""
        self._context, self._pages, self._files, self._pending = None, {}, {}, None


class RenderedCache:
    """Rendered text by a key of everything it shows, for this build and the one before; what
    neither used is forgotten, so a long preview session does not pile up old renderings."""

    def __init__(self) -> None:
        self._now: dict[tuple, Any] = {}
        self._before: dict[tuple, Any] = {}

    def start_build(self) -> None:
        self._before, self._now = self._now, {}

    def get(self, key: tuple, render: Callable[[], Any]) -> Any:
        value = self._now.get(key)
        if value is None:
            value = self._before.get(key)
            self._now[key] = value = render() if value is None else value
        return value


VCARD = "vcard.vcf"


class PreviewRenderer(Renderer):
    """A Renderer that outlives rebuilds and reuses consultant cards and vCards. The preview
    renders every page and file to see which changed; cards and vCards are most of that work,
    and an edit changes few of them. Each key lists what its template shows (consultant-card.html
    and vcard.vcf); tests/test_preview.py changes each of those and expects a new rendering."""

    def __init__(self, template_dirs: Sequence[Path | str], markdown: Callable[[str], str]):
        super().__init__(template_dirs, markdown)
        self._cards = RenderedCache()
        self._files = RenderedCache()

    def start_build(self) -> None:
        """Forget cards and files the previous build did not use, and the feeds' entry HTML."""
        self._cards.start_build()
        self._files.start_build()
        self._feed_html.clear()

    def consultant_card(self, site: Any, entry: Any, municipality_id: str | None, page_url: str) -> Markup:
        consultant, titles = entry.consultant, site.topic_titles()
        key = (page_url, municipality_id, entry.employer, consultant.model_dump_json(),
               tuple(titles.get(topic_id) for topic_id in consultant.topics))
        return self._cards.get(key, lambda: super(PreviewRenderer, self).consultant_card(
            site, entry, municipality_id, page_url))

    def render_asset(self, spec: AssetSpec) -> str:
        if spec.template != VCARD:
            return super().render_asset(spec)
        context = spec.context
        key = (spec.src_uri, context["site"].alliance.name, context["entry"].employer,
               context["consultant"].model_dump_json())
        return self._files.get(key, lambda: super(PreviewRenderer, self).render_asset(spec))


class MemoryBytecodeCache(BytecodeCache):
    """Compiled theme templates kept in memory for a preview session. MkDocs makes a new Jinja
    environment for each rebuild, which compiles Material's forty-odd templates again (a fifth
    of a rebuild); Jinja checks each entry against its template's source, so an edited
    template is compiled afresh."""

    def __init__(self) -> None:
        self._compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        if bucket.key in self._compiled:
            bucket.bytecode_from_string(self._compiled[bucket.key])

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._compiled[bucket.key] = bucket.bytecode_to_string()


class PreviewSession:
    """What one preview session (`make serve`) keeps between rebuilds, and nothing else does."""

    def __init__(self) -> None:
        self.changes = ChangeTracker()
        self.theme_bytecode = MemoryBytecodeCache()
        self._renderer: PreviewRenderer | None = None
        self._renderer_key: tuple | None = None

    def renderer(self, template_dirs: Sequence[Path | str], markdown: Callable[[str], str],
                 watched: Iterable[Path | str]) -> PreviewRenderer:
        """One renderer for the session, so its compiled templates (a quarter of a second at
        national scale) survive rebuilds; a new one when a watched template folder changes."""
        key = (tuple(map(str, template_dirs)), tuple(map(stamp, watched)))
        if self._renderer is None or key != self._renderer_key:
            self._renderer, self._renderer_key = PreviewRenderer(template_dirs, markdown), key
        self._renderer.start_build()
        return self._renderer

    def plan(self, build: SiteBuild, watched: Iterable[Path | str], files: Sequence[tuple[str, str | bytes]]
             ) -> tuple[set[str] | None, list[tuple[str, str | bytes]]]:
        """(URLs of the pages to rebuild, or None for all; which of `files` to write)."""
        return self.changes.plan(context_fingerprint(build, watched), page_fingerprints(build), files)


def page_fingerprints(build: SiteBuild) -> dict[str, str]:
    """URL -> fingerprint of each generated page: what its Markdown file holds (title,
    description, search words, its Markdown) and its body (rendered without the Markdown part)."""
    return {spec.url: fingerprint(spec.title, spec.description, spec.markdown, "\n".join(spec.search_words),
                                  build.renderer.render_page(spec, "", spec.url))
            for spec in build.pages.values()}


def context_fingerprint(build: SiteBuild, watched: Iterable[Path | str]) -> str:
    """What every page shows besides its own body: the alliance (header, footer), the list of
    pages, and the templates and configuration (by modification time)."""
    pages = "\n".join(f"{spec.url}\t{spec.title}" for spec in build.pages.values())
    return fingerprint(build.site.alliance.model_dump_json(), pages, *map(stamp, watched))


def stamp(path: Path | str) -> str:
    """Modification times of a file, or of every file below a folder."""
    path = Path(path)
    if path.is_file():
        return str(path.stat().st_mtime_ns)
    stamps = []
    for folder, _dirs, names in os.walk(path):
        # lstat: a broken link or a ring in data/ is the check's to report, not a crash of the preview
        stamps += [f"{folder}/{name}:{os.lstat(os.path.join(folder, name)).st_mtime_ns}" for name in sorted(names)]
    return "\n".join(sorted(stamps))
