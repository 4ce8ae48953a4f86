"""MkDocs glue: load data/ in on_config, add generated files (pages, assets, /api/) in on_files,
give pages their JSON-LD, wrap page bodies, and write _headers with the CSP in on_post_build.

All domain logic lives in the alliance_site package; this module only translates between it
and MkDocs events. Editing Python needs a restart of `mkdocs serve` (hooks import once).
"""

from __future__ import annotations

from pathlib import Path

from alliance_site import api, jsonld, security
from alliance_site.build import SiteBuild, unused_theme_asset
from alliance_site.problems import DataError
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File

log = get_plugin_logger("alliance")
_build: SiteBuild | None = None


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
    for unused in [f for f in files if unused_theme_asset(f.src_uri)]:
        files.remove(unused)
    for spec in _build.pages.values():
        if files.get_file_from_path(spec.src_uri) is not None:
            raise PluginError(f"content/{spec.src_uri} clashes with a generated page; rename or remove it")
        files.append(File.generated(config, spec.src_uri, content=spec.source()))
    for asset in _build.assets:
        files.append(File.generated(config, asset.src_uri, content=_build.asset_content(asset)))
    for src_uri, text in api.api_files(_build.site).items():
        files.append(File.generated(config, src_uri, content=text))
    return files


def on_env(env, config, files):
    env.globals["alliance"] = _build.site.alliance
    return env


def on_page_content(html, page, config, files):
    return _build.page_body(page.file.src_uri, html, page.url)


def on_page_context(context, page, config, nav):
    context["alliance_jsonld"] = jsonld.for_page(_build.site, page.url)
    return context


def on_post_build(config):
    """Write _headers with a CSP that allows exactly the inline scripts of this build."""
    site_dir = Path(config.site_dir)
    policy = security.site_policy((p.relative_to(site_dir).as_posix(), p.read_text(encoding="utf-8"))
                                  for p in sorted(site_dir.rglob("*.html")))
    for problem in policy.problems:
        log.warning(problem)
    headers = security.site_headers(policy, noindex=bool(config.extra.get("noindex")))
    (site_dir / "_headers").write_text(security.headers_file(headers), encoding="utf-8")
