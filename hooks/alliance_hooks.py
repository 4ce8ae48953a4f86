"""MkDocs glue: load data/ in on_config, add the generated pages in on_files and write the
other generated files (vCards, the finder's data, /api/), index pages for search with
search_sections (in a worker process during `mkdocs build`), give pages their JSON-LD, wrap
page bodies, and write _headers with the CSP in on_post_build. Under `mkdocs serve --dirty`
(`make serve`) only what changed since the last build is rebuilt (preview.py).

All domain logic lives in the alliance_site package; this module only translates between it
and MkDocs events. Editing Python needs a restart of `mkdocs serve` (hooks import once).
"""

from __future__ import annotations

import json
from concurrent.futures import Future
from pathlib import Path

from alliance_site import cms, jsonld, preview, security, worker
from alliance_mkdocs.material import unused_theme_asset
from alliance_site.build import MemoryBytecodeCache, RendererCache, SiteBuild, write_files
from alliance_site.problems import DataError
from alliance_site.search_sections import page_sections
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import File
from material.plugins.search.plugin import SearchIndex

log = get_plugin_logger("alliance")
# The web editor's code, built by `make admin` (npm ci and Vite in admin/).
ADMIN_BUNDLE = Path(__file__).resolve().parent.parent / "admin" / "dist"
_build: SiteBuild | None = None
# Hooks are imported once per `mkdocs serve` session, so this outlives each rebuild.
_session = {"serving": False, "dirty": False}
_changes = preview.ChangeTracker()
_renderers = RendererCache()
_theme_bytecode = MemoryBytecodeCache()
_rebuilt: set[str] | None = None
_inline_code: dict[str, Future] = {}  # page path in the site -> inline code found in it


class GeneratedPage(File):
    """A generated page that a --dirty rebuild may skip because its content did not change."""

    unchanged = False

    def is_modified(self) -> bool:
        return not self.unchanged and super().is_modified()


def on_startup(command, dirty):
    _session.update(serving=command == "serve", dirty=dirty)
    if command != "serve":
        worker.start()


def on_shutdown():
    worker.stop()


def on_config(config):
    global _build
    _build = None
    _inline_code.clear()
    if not config.use_directory_urls:
        raise PluginError("use_directory_urls must stay true: the site's links rely on /emner/<id>/ URLs")
    options = config.extra.get("alliance") or {}
    data_dir = Path(config.config_file_path).parent / options.get("data_dir", "data")
    renderer = _renderers.get(config.theme.dirs, _watched(config)) if _session["serving"] else None
    try:
        _build = SiteBuild.load(data_dir, config.theme.dirs, renderer)
    except DataError as error:
        raise PluginError(error.format()) from None
    for problem in _build.warnings:
        (log.warning if problem.severity == "warning" else log.info)(problem.format())
    return config


class SectionedSearchIndex(SearchIndex):
    """Material's search index with page bodies cut into sections by search_sections, which
    gives the same entries as Material's HTMLParser in about a quarter of the time. In
    `mkdocs build` the cutting runs in the worker process while pages render; the entries are
    made, in page order, when the index is written."""

    def __init__(self, **config):
        super().__init__(**config)
        self._pending: list[tuple[object, Future]] = []

    def add_entry_from_context(self, page):
        if not (page.meta.get("search") or {}).get("exclude"):
            self._pending.append((page, worker.submit(page_sections, page.content)))

    def generate_search_index(self, prev):
        pending, self._pending = self._pending, []
        for page, sections in pending:
            for section in sections.result():
                if not section.excluded:
                    self.create_entry_for_section(section, page.toc, page.url, page)
        return super().generate_search_index(prev)


def on_pre_build(config):
    """Swap in the faster index after Material's search plugin made its own in on_config."""
    search = config.plugins.get("material/search")
    if search is not None and search.config.enabled:
        search.search_index = SectionedSearchIndex(**search.search_index.config)


def on_files(files, config):
    """Pages go through MkDocs; the ~2,000 other generated files are written straight into the
    (already cleaned) site folder. Not on a second thread: with the main thread busy rendering,
    the writer waited for the GIL after every file and finished a second after the pages."""
    global _rebuilt
    for unused in [f for f in files if unused_theme_asset(f.src_uri)]:
        files.remove(unused)
    data_files = _build.data_files()
    for src_uri in [spec.src_uri for spec in _build.pages.values()] + [path for path, _ in data_files]:
        if files.get_file_from_path(src_uri) is not None:
            raise PluginError(f"content/{src_uri} har samme navn som en fil, siden laver ud fra data/; "
                              "omdøb eller slet filen i content/")
    _rebuilt = None
    if _session["dirty"]:
        _rebuilt, data_files = _changes.plan(_build.context_fingerprint(_watched(config)),
                                             _build.page_fingerprints(), data_files)
        if _rebuilt is None:
            _force_rebuild(files)
        log.info(f"preview: {'every page' if _rebuilt is None else f'{len(_rebuilt)} page(s)'} and "
                 f"{len(data_files)} other file(s) to rebuild")
    for spec in _build.pages.values():
        page = GeneratedPage.generated(config, spec.src_uri, content=spec.source())
        page.unchanged = _rebuilt is not None and spec.url not in _rebuilt
        files.append(page)
    write_files(Path(config.site_dir), data_files)
    _write_admin(config)
    return files


def _write_admin(config) -> None:
    """The web editor at /admin/; a preview writes it once, as nothing in it changes with data."""
    if _session["dirty"] and (Path(config.site_dir) / cms.ADMIN_FOLDER / "index.html").is_file():
        return
    if not (ADMIN_BUNDLE / ".vite" / "manifest.json").is_file():
        raise PluginError(f"the web editor's code is missing in {ADMIN_BUNDLE}; build it with `make admin`")
    options = (config.extra.get("alliance") or {}).get("cms") or {}
    cms_options = cms.CmsOptions(repo=options.get("repo") or "", branch=options.get("branch") or "main",
                                 auth_url=options.get("auth_url") or "", site_url=config.site_url or "")
    write_files(Path(config.site_dir), _build.admin_files(cms.AdminBundle.read(ADMIN_BUNDLE), cms_options))


def _watched(config) -> list[str]:
    """What a preview session may edit besides data/: the configuration and the overrides (the
    theme's own templates only change with an upgrade, which needs a restart anyway)."""
    return [config.config_file_path, *([config.theme.custom_dir] if config.theme.custom_dir else [])]


def _force_rebuild(files) -> None:
    """Something every page shows changed: remove the built content pages, so MkDocs' --dirty
    check (output older than source) rebuilds them too."""
    for file in files.documentation_pages():
        Path(file.abs_dest_path).unlink(missing_ok=True)


def on_env(env, config, files):
    env.globals["alliance"] = _build.site.alliance
    if _session["serving"]:
        env.bytecode_cache = _theme_bytecode
    return env


def on_page_content(html, page, config, files):
    return _build.page_body(page.file.src_uri, html, page.url)


def on_page_context(context, page, config, nav):
    context["alliance_jsonld"] = jsonld.for_page(_build.site, page.url)
    return context


def on_build_error(error):
    _changes.forget()
    _inline_code.clear()


@event_priority(-100)  # last, so the page is as it will be written
def on_post_page(output, page, config):
    """Look for inline code in each page while the next ones render (in the worker process
    during `mkdocs build`); on_post_build makes the CSP from what was found."""
    if not _session["serving"]:
        _inline_code[page.file.dest_uri] = worker.submit(security.inline_code, output)
    return output


def _inline_code_of(site_dir: Path):
    """(path, inline code) of every HTML file in the site; files that are not pages (404.html)
    are read here."""
    for path in sorted(site_dir.rglob("*.html")):
        name = path.relative_to(site_dir).as_posix()
        found = _inline_code.pop(name, None)
        yield name, found.result() if found else security.inline_code(path.read_text(encoding="utf-8"))


def on_post_build(config):
    """Write _headers with a CSP that allows exactly the inline scripts of this build (not
    needed by the preview server, which sends no headers)."""
    site_dir = Path(config.site_dir)
    if _session["dirty"]:
        _changes.commit()
        if _rebuilt is not None:
            _refresh_search_index(site_dir / "search" / "search_index.json", _rebuilt)
    if _session["serving"]:
        return
    policy = security.policy_from_findings(_inline_code_of(site_dir))
    _inline_code.clear()
    for problem in policy.problems:
        log.warning(problem)
    headers = security.site_headers(policy, noindex=bool(config.extra.get("noindex")))
    (site_dir / "_headers").write_text(security.headers_file(headers), encoding="utf-8")


def _refresh_search_index(index_file: Path, rebuilt: set[str]) -> None:
    if not index_file.is_file():
        return
    index = json.loads(index_file.read_text(encoding="utf-8"))
    index["docs"] = preview.latest_search_entries(index["docs"], rebuilt)
    index_file.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
