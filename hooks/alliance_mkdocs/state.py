"""The hooks' one state object: what one build, or a whole `mkdocs serve` session, holds.

MkDocs imports a hook module once per `mkdocs serve` and reuses it for every rebuild, so this
object outlives rebuilds; `load` starts each build afresh. Only a preview (`mkdocs serve`, or a
--dirty build) has a PreviewSession, and only `mkdocs serve` keeps Material's compiled templates
(theme_cache.py), so a full `mkdocs build` carries none of these caches.
"""

from __future__ import annotations

from concurrent.futures import Future
from dataclasses import dataclass, field
from pathlib import Path

from alliance_site import worker
from alliance_site.data.problems import DataError
from alliance_site.publish.build import SiteBuild
from alliance_site.publish.preview import PreviewSession
from alliance_site.publish.render import FILE_TEMPLATES, Renderer
from mkdocs.exceptions import PluginError

from .markdown import field_renderer
from .options import AllianceOptions
from .theme_cache import MemoryBytecodeCache, ThemeListing


@dataclass
class HookState:
    serving: bool = False
    dirty: bool = False
    preview: PreviewSession | None = None  # under `mkdocs serve` or --dirty only
    theme_bytecode: MemoryBytecodeCache | None = None  # Material's compiled templates; `mkdocs serve` only
    theme_listing: ThemeListing | None = None  # the theme's static files; `mkdocs serve` only
    theme_pages_of: tuple[str, ...] = ()  # the pages the 404 page and sitemap on disk were made for
    loaded: SiteBuild | None = None  # this build's data, from on_config on
    rebuilt: set[str] | None = None  # URLs of the pages this --dirty build renders; None: all
    inline_code: dict[str, Future] = field(default_factory=dict)  # page path -> its inline code
    files_written: Future | None = None  # the generated files that are not pages, being written

    def start(self, command: str, dirty: bool) -> None:
        self.serving, self.dirty = command == "serve", dirty
        self.preview = PreviewSession() if self.serving or dirty else None
        self.theme_bytecode = MemoryBytecodeCache() if self.serving else None
        self.theme_listing = ThemeListing() if self.serving else None
        if not self.serving:
            worker.start()

    @property
    def build(self) -> SiteBuild:
        """This build's data; the handlers after on_config can rely on it."""
        if self.loaded is None:
            raise PluginError("the alliance's data is not loaded: on_config did not run or failed")
        return self.loaded

    @property
    def session(self) -> PreviewSession:
        """The preview's caches, which only `mkdocs serve` and --dirty builds have."""
        if self.preview is None:
            raise PluginError("no preview session: only `mkdocs serve` and --dirty builds have one")
        return self.preview

    @staticmethod
    def data_dir(config) -> Path:
        return Path(config.config_file_path).parent / AllianceOptions.of(config).data_dir

    def load(self, config) -> SiteBuild:
        """Load and validate data/ for this build; a DataError becomes a PluginError."""
        self.loaded, self.rebuilt, self.files_written = None, None, None
        self.inline_code.clear()
        if not config.use_directory_urls:
            raise PluginError("use_directory_urls must stay true: the site's links rely on /emner/<id>/ URLs")
        data_dir = self.data_dir(config)
        markdown = field_renderer(config)
        renderer = (self.preview.renderer(config.theme.dirs, markdown, watched(config)) if self.preview
                    else Renderer(config.theme.dirs, markdown))
        parsed = None
        if self.preview is not None:
            if self.preview.changes.has_built:  # a rebuild: see CollectorPause
                self.preview.collector.pause()  # resumed when the build ends (finish) or fails
            parsed = self.preview.parsed
            parsed.start_load()
        try:
            self.loaded = SiteBuild.load(data_dir, renderer, config.site_url, parsed)
        except DataError as error:
            raise PluginError(error.format()) from None
        return self.loaded

    def finish(self) -> None:
        """The build succeeded: a preview notes what it rendered."""
        if self.preview is not None:
            self.preview.commit(self.build)
            self.preview.collector.resume()

    def failed(self) -> None:
        if self.preview is not None:
            self.preview.changes.forget()
            self.preview.collector.resume()
        self.inline_code.clear()


def watched(config) -> list[str]:
    """What a preview session may edit besides data/: the configuration, the overrides and the
    templates of generated files (the theme's own templates only change with an upgrade, which
    needs a restart anyway)."""
    return [config.config_file_path, *([config.theme.custom_dir] if config.theme.custom_dir else []),
            str(FILE_TEMPLATES)]
