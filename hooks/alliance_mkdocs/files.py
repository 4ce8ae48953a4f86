"""The site's files in MkDocs' terms: generated pages as `File.generated`, the other generated
files (and the brand colour's stylesheet, palette.py) written straight into the (already
cleaned) site folder by the worker process, the web editor at /admin/, the theme files a
Danish site drops, and what --dirty needs to rebuild only what changed."""

from __future__ import annotations

from pathlib import Path

from alliance_site import worker
from alliance_site.editor import cms
from alliance_site.publish.build import write_files
from alliance_site.publish.specs import PageSpec
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File

from .material import unused_theme_asset
from .options import AllianceOptions
from .palette import brand_files
from .page_files import page_source, source_uri
from .search import forget_previous_index
from .state import HookState, watched

log = get_plugin_logger("alliance")
# The web editor's code, built by `make admin` (npm ci and Vite in admin/).
ADMIN_BUNDLE = Path(__file__).resolve().parents[2] / "admin" / "dist"


class GeneratedPage(File):
    """A generated page. Its Markdown is made when MkDocs reads it, so a --dirty rebuild that
    skips the page (its inputs did not change) never makes it: 4,000 front matters at national
    scale, a twentieth of a second of every preview."""

    unchanged = False
    spec: PageSpec

    @classmethod
    def of(cls, config, spec: PageSpec, unchanged: bool) -> GeneratedPage:
        page = cls.generated(config, source_uri(spec.url), content="")
        if not isinstance(page, GeneratedPage):  # File.generated makes a `cls`, typed as a File
            raise TypeError(f"File.generated made a {type(page).__name__}")
        page.spec, page.unchanged = spec, unchanged
        return page

    @property  # type: ignore[misc]
    def content_string(self) -> str:
        return page_source(self.spec)

    @property  # type: ignore[misc]
    def content_bytes(self) -> bytes:
        return page_source(self.spec).encode("utf-8")

    def is_modified(self) -> bool:
        return not self.unchanged and super().is_modified()


def add_files(state: HookState, files, config):
    """Pages go through MkDocs; the ~2,000 other generated files are written by the worker
    process while MkDocs renders the pages (`files_written`; on_post_build waits for it). At
    national scale creating them is 0.5-0.7 s of the build, most of it in the kernel. Not on a
    second thread: with the main thread busy rendering, a writer thread waited for the GIL after
    every file and finished a second after the pages."""
    build = state.build
    for unused in [f for f in files if unused_theme_asset(f.src_uri)]:
        files.remove(unused)
    data_files = [*build.data_files(), *brand_files(build.site, build.renderer)]
    for src_uri in [source_uri(url) for url in build.pages] + [path for path, _ in data_files]:
        if files.get_file_from_path(src_uri) is not None:
            raise PluginError(f"content/{src_uri} har samme navn som en fil, siden laver ud fra data/; "
                              "omdøb eller slet filen i content/")
    if state.dirty:
        changed, data_files = state.session.plan(build, watched(config), data_files)
        state.rebuilt = changed
        if state.rebuilt is None:
            _force_rebuild(files)
            forget_previous_index(config)
        log.info(f"preview: {'every page' if state.rebuilt is None else f'{len(state.rebuilt)} page(s)'} and "
                 f"{len(data_files)} other file(s) to rebuild")
    for spec in build.pages.values():
        files.append(GeneratedPage.of(config, spec, state.rebuilt is not None and spec.url not in state.rebuilt))
    if state.dirty:
        keep_theme_pages(state, files, config)
    state.files_written = worker.submit(write_files, Path(config.site_dir), data_files)
    write_admin(state, config)
    return files


def keep_theme_pages(state: HookState, files, config) -> None:
    """A rebuild of some pages leaves the theme's own pages (the 404 page, sitemap.xml,
    robots.txt) as the last build wrote them while the list of pages is the same: besides that
    list they show the alliance, the configuration and the templates, and a change to any of
    those rebuilds every page (preview.py). At national scale they are a thirtieth of a preview.
    A --dirty build could not make the sitemap right anyway: MkDocs does not read the front
    matter of the pages it skips, which keeps the guide's steps out of it."""
    pages = tuple(file.src_uri for file in files.documentation_pages())
    if state.rebuilt is not None and pages == state.theme_pages_of:
        config.theme.static_templates.clear()
    state.theme_pages_of = pages


def wait_for_files(state: HookState) -> None:
    """Every generated file is on disk (or the build fails with the error that stopped it)."""
    if state.files_written is not None:
        state.files_written.result()


def _force_rebuild(files) -> None:
    """Something every page shows changed: remove the built content pages, so MkDocs' --dirty
    check (output older than source) rebuilds them too."""
    for file in files.documentation_pages():
        Path(file.abs_dest_path).unlink(missing_ok=True)


def write_admin(state: HookState, config) -> None:
    """The web editor at /admin/; a preview writes it once, as nothing in it changes with data."""
    if state.dirty and (Path(config.site_dir) / cms.ADMIN_FOLDER / "index.html").is_file():
        return
    if not (ADMIN_BUNDLE / ".vite" / "manifest.json").is_file():
        raise PluginError(f"the web editor's code is missing in {ADMIN_BUNDLE}; build it with `make admin`")
    cms_options = AllianceOptions.of(config).cms(config.site_url)
    write_files(Path(config.site_dir), state.build.admin_files(cms.AdminBundle.read(ADMIN_BUNDLE), cms_options))
