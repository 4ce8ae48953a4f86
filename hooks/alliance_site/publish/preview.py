"""Incremental rebuilds for the live preview (`make serve`, which runs `mkdocs serve --dirty`).

A national site takes seconds to build in full; an editor who fixes one phone number should see
it at once. A page is rebuilt when its inputs changed: the values its template got and what it
read of the Site, as render_inputs.py notes them during its last rendering, compared with this
build's data without rendering anything. A generated file (a vCard, a feed) is taken from the
last build while its inputs are the same, and written only when its bytes differ from what is on
disk. What was noted is committed only when a build succeeds, so a failed build is redone.

A PreviewSession owns what a preview keeps of the domain between rebuilds: the change tracking,
one PreviewRenderer (compiled templates, what each rendering read, the files it may reuse) and
the parsed data files (sources.ParseCache). `mkdocs build` has no session, so a full build
carries none of these. What the engine itself keeps or needs for --dirty (Material's compiled
templates, its search index merge, its modified-file check) is in hooks/alliance_mkdocs/
(theme_cache.py, search.py, files.py).
"""

from __future__ import annotations

import dataclasses
import gc
import os
import threading
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, cast

from alliance_site.data.site import Site
from alliance_site.data.sources import ParseCache
from alliance_site.publish.render import Renderer
from alliance_site.publish.render_inputs import SITE, Inputs, Print, Prints, Reads, SiteReads, digest, noting
from alliance_site.publish.specs import AssetSpec, PageSpec

if TYPE_CHECKING:
    from alliance_site.publish.build import SiteBuild


@dataclass
class ChangeTracker:
    """The inputs of each page and the bytes of each file as the last successful build of this
    preview session left them on disk."""

    _context: str | None = None
    _pages: dict[str, Inputs] = field(default_factory=dict)
    _files: dict[str, str] = field(default_factory=dict)
    _pending: tuple[str, dict[str, str]] | None = None

    def plan(self, context: str, pages: Mapping[str, PageSpec], prints: Prints,
             files: Sequence[tuple[str, str | bytes]]) -> tuple[set[str] | None, list[tuple[str, str | bytes]]]:
        """(URLs of the changed pages, or None for all; files to write). `context` fingerprints
        what every page shows (the alliance, the templates, the list of pages)."""
        file_prints = {path: digest(content) for path, content in files}
        self._pending = (context, file_prints)
        if context != self._context:
            return None, list(files)
        changed = {url for url, spec in pages.items() if (inputs := self._pages.get(url)) is None
                   or not inputs.same_in(page_print(spec, prints), prints, spec.context)}
        return changed, [(path, content) for path, content in files if self._files.get(path) != file_prints[path]]

    @property
    def has_built(self) -> bool:
        """Whether a build of this session succeeded, so the next one may rebuild only a part."""
        return self._context is not None

    def commit(self, rendered: Mapping[str, Inputs], pages: Iterable[str]) -> None:
        """The build succeeded: the pages it `rendered` are on disk with these inputs, and no
        page is left but `pages`."""
        if self._pending is not None:
            self._context, self._files = self._pending
            self._pending = None
            kept = set(pages)
            self._pages = {url: inputs for url, inputs in {**self._pages, **rendered}.items() if url in kept}

    def forget(self) -> None:
        """The build failed: rebuild everything next time."""
        self._context, self._pages, self._files, self._pending = None, {}, {}, None


def page_print(spec: PageSpec, prints: Prints) -> Print:
    """A generated page's own values: what its Markdown file holds and its template's context."""
    return (spec.template, spec.title, spec.description, spec.markdown, spec.search_words, spec.listed,
            prints.own(spec.context))


class PreviewRenderer(Renderer):
    """A Renderer that outlives rebuilds. It notes what each page's rendering reads of the Site
    (the body and the page's head data alike, `site_for`), and reuses a generated file that was
    rendered from the same inputs in an earlier build."""

    def __init__(self, template_dirs: Sequence[Path | str], markdown: Callable[[str], str]):
        super().__init__(template_dirs, markdown)
        self._prints: Prints | None = None
        self._page_reads: dict[str, Reads] = {}
        self._files: dict[str, tuple[Inputs, str]] = {}  # src_uri -> (inputs, text) of its last rendering
        self._files_used: dict[str, tuple[Inputs, str]] = {}

    def start_build(self) -> None:
        """Forget what the previous build read, the files it did not use, and the feeds' entry HTML."""
        self._page_reads = {}
        self._files, self._files_used = self._files_used or self._files, {}
        self._feed_html.clear()

    def prints(self, site: Site) -> Prints:
        """The fingerprints of this build's values, made once per build (per Site)."""
        if self._prints is None or self._prints.site is not site:
            self._prints = Prints(site)
        return self._prints

    def site_for(self, site: Site, page_url: str) -> Site:
        """The Site as the page at `page_url` reads it: every read is noted as its input."""
        return cast(Site, SiteReads(self.prints(site), self._page_reads.setdefault(page_url, {})))

    def render_page(self, spec: PageSpec, content_html: str, page_url: str) -> str:
        reads = self._page_reads.setdefault(page_url, {})
        site = spec.context.get(SITE)
        if site is None:
            return super().render_page(spec, content_html, page_url)
        context = noting(spec.context, self.prints(site), reads)
        return super().render_page(dataclasses.replace(spec, context=context), content_html, page_url)

    def rendered_pages(self, pages: Mapping[str, PageSpec], site: Site) -> dict[str, Inputs]:
        """URL -> inputs of each page of `pages` this build rendered."""
        prints = self.prints(site)
        return {url: Inputs.of(page_print(pages[url], prints), reads, prints, pages[url].context)
                for url, reads in self._page_reads.items() if url in pages}

    def render_asset(self, spec: AssetSpec) -> str:
        site = spec.context.get(SITE)
        if site is None:
            return super().render_asset(spec)
        prints = self.prints(site)
        own = (spec.template, prints.own(spec.context))
        known = self._files.get(spec.src_uri)
        if known is None or not known[0].same_in(own, prints, spec.context):
            reads: Reads = {}
            text = super().render_asset(dataclasses.replace(spec, context=noting(spec.context, prints, reads)))
            known = (Inputs.of(own, reads, prints, spec.context), text)
        self._files_used[spec.src_uri] = known
        return known[1]


# How long after a rebuild the preview collects cyclic garbage: the editor is looking at the page.
COLLECT_AFTER_S = 1.0


class CollectorPause:
    """Python's cyclic garbage collector paused while a preview rebuilds. A national site keeps
    millions of objects alive, and each full collection scans them all: two or three per
    rebuild, 0.6 s of a 2.5 s rebuild after a topic edit. The garbage of a rebuild is collected
    once, a second after it, while the editor reads the page (and before the next rebuild,
    which cancels a collection that has not started). The session's first build, which renders
    every page, runs with the collector: paused, it would hold twice the memory (470 against
    250 MB at national 1×)."""

    def __init__(self) -> None:
        self._later: threading.Timer | None = None

    def pause(self) -> None:
        if self._later is not None:
            self._later.cancel()
        gc.disable()

    def resume(self) -> None:
        """Collect and run the collector again, a little later: enabled now, it would start
        a full collection at once, and the page would wait for it."""
        self._later = threading.Timer(COLLECT_AFTER_S, _collect_and_enable)
        self._later.daemon = True
        self._later.start()


def _collect_and_enable() -> None:
    gc.collect()
    gc.enable()


class PreviewSession:
    """What one preview session (`make serve`) keeps between rebuilds, and nothing else does."""

    def __init__(self) -> None:
        self.changes = ChangeTracker()
        self.parsed = ParseCache()
        self.collector = CollectorPause()
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
        prints = self.current().prints(build.site)
        return self.changes.plan(context_fingerprint(build, watched), build.pages, prints, files)

    def commit(self, build: SiteBuild) -> None:
        """The build succeeded: note the inputs of the pages it rendered."""
        self.changes.commit(self.current().rendered_pages(build.pages, build.site), build.pages)

    def current(self) -> PreviewRenderer:
        if self._renderer is None:
            raise RuntimeError("the preview has no renderer before its first build")
        return self._renderer


def context_fingerprint(build: SiteBuild, watched: Iterable[Path | str]) -> str:
    """What every page shows besides what its rendering reads: the alliance (header, footer),
    the list of pages (the navigation), and the templates and configuration (by modification
    time)."""
    pages = "\n".join(f"{spec.url}\t{spec.title}" for spec in build.pages.values())
    return digest(build.site.alliance.model_dump_json(), pages, *map(stamp, watched))


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
