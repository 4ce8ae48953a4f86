"""MkDocs glue: load data/ in on_config, add the generated pages in on_files and write the
other generated files (vCards, fragments, /api/) on a second thread, give pages their JSON-LD,
wrap page bodies, and write _headers with the CSP in on_post_build.

All domain logic lives in the alliance_site package; this module only translates between it
and MkDocs events. Editing Python needs a restart of `mkdocs serve` (hooks import once).
"""

from __future__ import annotations

from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

from alliance_site import jsonld, security
from alliance_site.build import SiteBuild, unused_theme_asset, write_files
from alliance_site.problems import DataError
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File

log = get_plugin_logger("alliance")
_build: SiteBuild | None = None
_writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="alliance-files")
_written: Future | None = None


def on_config(config):
    global _build
    _build = None
    if not config.use_directory_urls:
        raise PluginError("use_directory_urls must stay true: the site's links rely on /emner/<id>/ URLs")
    options = config.extra.get("alliance") or {}
    data_dir = Path(config.config_file_path).parent / options.get("data_dir", "data")
    try:
        _build = SiteBuild.load(data_dir, config.theme.dirs)
    except DataError as error:
        raise PluginError(error.format()) from None
    for problem in _build.warnings:
        (log.warning if problem.severity == "warning" else log.info)(problem.format())
    return config


def on_files(files, config):
    """Pages go through MkDocs; the ~2,000 other generated files are written straight into the
    (already cleaned) site folder by a second thread while MkDocs renders the pages."""
    global _written
    for unused in [f for f in files if unused_theme_asset(f.src_uri)]:
        files.remove(unused)
    for spec in _build.pages.values():
        if files.get_file_from_path(spec.src_uri) is not None:
            raise PluginError(f"content/{spec.src_uri} clashes with a generated page; rename or remove it")
        files.append(File.generated(config, spec.src_uri, content=spec.source()))
    data_files = _build.data_files()
    for src_uri, _content in data_files:
        if files.get_file_from_path(src_uri) is not None:
            raise PluginError(f"{src_uri} clashes with a generated file; rename or remove it")
    _written = _writer.submit(write_files, Path(config.site_dir), data_files)
    return files


def on_env(env, config, files):
    env.globals["alliance"] = _build.site.alliance
    return env


def on_page_content(html, page, config, files):
    return _build.page_body(page.file.src_uri, html, page.url)


def on_page_context(context, page, config, nav):
    context["alliance_jsonld"] = jsonld.for_page(_build.site, page.url)
    return context


def _wait_for_files() -> None:
    global _written
    written, _written = _written, None
    if written is not None:
        written.result()


def on_build_error(error):
    """Let the file writer finish, so a failed build leaves no thread writing."""
    try:
        _wait_for_files()
    except OSError:
        pass


def on_post_build(config):
    """Wait for the generated files, then write _headers with a CSP that allows exactly the
    inline scripts of this build."""
    _wait_for_files()
    site_dir = Path(config.site_dir)
    policy = security.site_policy((p.relative_to(site_dir).as_posix(), p.read_text(encoding="utf-8"))
                                  for p in sorted(site_dir.rglob("*.html")))
    for problem in policy.problems:
        log.warning(problem)
    headers = security.site_headers(policy, noindex=bool(config.extra.get("noindex")))
    (site_dir / "_headers").write_text(security.headers_file(headers), encoding="utf-8")
