"""_headers with the CSP of a `mkdocs build`: each page is scanned for inline code as MkDocs
writes it (in the worker process, while the next pages render), and on_post_build makes the
policy from what was found. The preview server sends no headers, so a preview skips this."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from alliance_site import worker
from alliance_site.publish import security
from mkdocs.plugins import get_plugin_logger

from .state import HookState

log = get_plugin_logger("alliance")


def scan_page(state: HookState, output: str, dest_uri: str) -> None:
    if not state.serving:
        state.inline_code[dest_uri] = worker.submit(security.inline_code, output)


def _inline_code_of(state: HookState, site_dir: Path):
    """(path, inline code) of every HTML file in the site; files that are not pages (404.html)
    are read here."""
    for path in sorted(site_dir.rglob("*.html")):
        name = path.relative_to(site_dir).as_posix()
        found = state.inline_code.pop(name, None)
        yield name, found.result() if found else security.inline_code(path.read_text(encoding="utf-8"))


def write_headers(state: HookState, config) -> None:
    site_dir = Path(config.site_dir)
    policy = security.policy_from_findings(_inline_code_of(state, site_dir))
    state.inline_code.clear()
    for problem in policy.problems:
        log.warning(problem)
    typed = security.typed_files([spec.src_uri for spec in state.build.assets], urlsplit(config.site_url or "/").path)
    headers = security.site_headers(policy, noindex=bool(config.extra.get("noindex")), typed=typed)
    (site_dir / "_headers").write_text(security.headers_file(headers), encoding="utf-8")
