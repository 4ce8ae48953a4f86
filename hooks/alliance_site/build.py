"""One build of the site: the loaded data, its pages and assets, and the renderer.

The MkDocs hooks hold one SiteBuild per build (never across builds, because `mkdocs serve`
reuses the imported hook module) and ask it for file contents and page bodies.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from jinja2.bccache import BytecodeCache, Bucket

from . import api, cms, security
from .finder import finder_file
from .loading import DATA_FILES, load_site
from .pages import AssetSpec, PageSpec, build_assets, build_pages
from .preview import fingerprint
from .problems import Problem
from .render import Renderer
from .site import Site


@dataclass
class SiteBuild:
    site: Site
    warnings: list[Problem]
    pages: dict[str, PageSpec]
    assets: list[AssetSpec]
    renderer: Renderer
    data_dir: Path | None = None

    @classmethod
    def load(cls, data_dir: Path, template_dirs: Sequence[Path | str],
             renderer: Renderer | None = None) -> "SiteBuild":
        """Load and validate data/; raises DataError listing every problem."""
        site, warnings = load_site(data_dir)
        pages = {spec.src_uri: spec for spec in build_pages(site)}
        renderer = renderer or Renderer(template_dirs)
        renderer.start_build()
        return cls(site, warnings, pages, build_assets(site), renderer, Path(data_dir))

    def page_body(self, src_uri: str, content_html: str, page_url: str) -> str | None:
        spec = self.pages.get(src_uri)
        return None if spec is None else self.renderer.render_page(spec, content_html, page_url)

    def asset_content(self, spec: AssetSpec) -> str | bytes:
        if spec.source_path is not None:
            return spec.source_path.read_bytes()
        return self.renderer.render_asset(spec)

    def page_fingerprints(self) -> dict[str, str]:
        """URL -> fingerprint of each generated page: its Markdown source and its body (rendered
        without the Markdown part, which the source already holds)."""
        return {spec.url: fingerprint(spec.source(), self.renderer.render_page(spec, "", spec.url))
                for spec in self.pages.values()}

    def context_fingerprint(self, watched: Iterable[Path | str]) -> str:
        """What every page shows besides its own body: the alliance (header, footer), the list
        of pages, and the templates and configuration (by modification time)."""
        pages = "\n".join(f"{spec.url}\t{spec.title}" for spec in self.pages.values())
        return fingerprint(self.site.alliance.model_dump_json(), pages, *map(_stamp, watched))

    def data_files(self) -> list[tuple[str, str | bytes]]:
        """Every file that is not a page, by its path in the site: vCards, photos, the finder's
        data and /api/. A national site has ~2,000 of them."""
        files = [(spec.src_uri, self.asset_content(spec)) for spec in self.assets]
        return [*files, finder_file(self.site), *api.api_files(self.site).items()]


    def admin_files(self, bundle: cms.AdminBundle, options: cms.CmsOptions) -> list[tuple[str, str | bytes]]:
        """The web editor under /admin/, with forms for the data files this alliance has."""
        present = {key for key, f in DATA_FILES.items() if self.data_dir and (self.data_dir / f.filename).is_file()}
        page = AssetSpec(f"{cms.ADMIN_FOLDER}/index.html", cms.ADMIN_TEMPLATE, {
            "script": bundle.entry_script, "alliance_name": self.site.alliance.name,
            "policy": security.admin_content_security_policy(for_meta=True)})
        return cms.admin_files(bundle, cms.cms_config(options, present), self.renderer.render_asset(page))


@dataclass
class RendererCache:
    """One Renderer per preview session, so its compiled templates (a quarter of a second at
    national scale) survive rebuilds; a new one when a watched template folder changes."""

    _key: tuple[tuple[str, ...], tuple[str, ...]] | None = None
    _renderer: Renderer | None = None

    def get(self, template_dirs: Sequence[Path | str], watched: Iterable[Path | str]) -> Renderer:
        key = (tuple(map(str, template_dirs)), tuple(map(_stamp, watched)))
        if self._renderer is None or key != self._key:
            self._renderer, self._key = Renderer(template_dirs), key
        return self._renderer


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


def _stamp(path: Path | str) -> str:
    """Modification times of a file, or of every file below a folder."""
    path = Path(path)
    if path.is_file():
        return str(path.stat().st_mtime_ns)
    stamps = []
    for folder, _dirs, names in os.walk(path):
        stamps += [f"{folder}/{name}:{os.stat(os.path.join(folder, name)).st_mtime_ns}" for name in sorted(names)]
    return "\n".join(sorted(stamps))


def write_files(site_dir: Path, files: Iterable[tuple[str, str | bytes]]) -> None:
    """Write files under `site_dir`, creating each folder once."""
    folders: set[Path] = set()
    for src_uri, content in files:
        path = site_dir / src_uri
        if path.parent not in folders:
            path.parent.mkdir(parents=True, exist_ok=True)
            folders.add(path.parent)
        if isinstance(content, str):
            path.write_text(content, encoding="utf-8")
        else:
            path.write_bytes(content)
