"""One build of the site: the loaded data, its pages and assets, and the renderer.

The MkDocs hooks hold one SiteBuild per build (never across builds, because `mkdocs serve`
reuses the imported hook module) and ask it for file contents and page bodies. What a preview
keeps between builds is in preview.py, not here.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from alliance_site.data import datafiles, example_data, pictures
from alliance_site.data.loading import DATA_FILES, check_links, collector_paused, load
from alliance_site.data.problems import Problem, ProblemList
from alliance_site.data.site import Site
from alliance_site.data.sources import ParseCache
from alliance_site.editor import cms
from alliance_site.publish import api, security, urls
from alliance_site.publish.finder import finder_file
from alliance_site.publish.pages import DEFAULT_SITE_URL, build_assets, build_pages
from alliance_site.publish.render import Renderer
from alliance_site.publish.specs import AssetSpec, PageSpec


@dataclass
class SiteBuild:
    site: Site
    warnings: list[Problem]
    pages: dict[str, PageSpec]
    assets: list[AssetSpec]
    renderer: Renderer
    data_dir: Path | None = None
    site_url: str = DEFAULT_SITE_URL

    @classmethod
    def load(cls, data_dir: Path, renderer: Renderer, site_url: str | None = None,
             parsed: ParseCache | None = None) -> SiteBuild:
        """Load and validate data/; raises DataError listing every problem. `site_url` is the
        public address, for the full links in feeds and calendars; at a real address, example
        contacts are errors unless the alliance is a demo (example_data.py). A preview passes
        the files its session `parsed` before."""
        site, warnings, docs = load(data_dir, links=False, cache=parsed)
        site_url = site_url or DEFAULT_SITE_URL
        with collector_paused():
            pages = {spec.url: spec for spec in build_pages(site, site_url)}
        problems = ProblemList()
        check_links(site, docs, problems, pages)  # against the pages made here, as `make check` does
        if example_data.is_production(site_url) and not site.alliance.demo:
            problems.items += example_data.find(docs)
        problems.raise_if_errors()
        return cls(site, warnings, pages, build_assets(site, site_url), renderer, Path(data_dir), site_url)

    def logo_url(self) -> str | None:
        logo = self.site.alliance.logo
        return urls.logo(logo.file) if logo else None

    def page_body(self, page_url: str, content_html: str) -> str | None:
        """The body of the generated page at `page_url` around its rendered Markdown; None for
        a page that is not generated (content/)."""
        spec = self.pages.get(page_url)
        return None if spec is None else self.renderer.render_page(spec, content_html, page_url)

    def site_for(self, page_url: str) -> Site:
        """The Site for what the MkDocs side reads of it for one page (its head's JSON-LD and
        feeds), so a preview notes those reads too."""
        return self.renderer.site_for(self.site, page_url)

    def asset_content(self, spec: AssetSpec) -> str | bytes:
        if spec.content is not None:
            return spec.content
        if spec.source_path is not None:  # a picture from data/: read by the rule it was checked by
            return datafiles.read_inside(spec.source_path, self.site.data_dir, pictures.MAX_BYTES)
        return self.renderer.render_asset(spec)

    def data_files(self) -> list[tuple[str, str | bytes]]:
        """Every file that is not a page, by its path in the site: vCards, photos, the finder's
        data and /api/. A national site has ~2,000 of them."""
        files = [(spec.src_uri, self.asset_content(spec)) for spec in self.assets]
        return [*files, finder_file(self.site), *api.api_files(self.site).items()]

    def admin_files(self, bundle: cms.AdminBundle, options: cms.CmsOptions) -> list[tuple[str, str | Path]]:
        """The web editor under /admin/, with forms for the data files this alliance has."""
        present = {key for key, f in DATA_FILES.items() if self.data_dir and (self.data_dir / f.filename).is_file()}
        alliance = self.site.alliance
        page = AssetSpec(f"{cms.ADMIN_FOLDER}/index.html", cms.ADMIN_TEMPLATE, {
            "script": bundle.entry_script, "alliance_name": alliance.name, "contact": alliance.contact,
            "guide_url": f"https://github.com/{options.repo}#redigering-af-data" if options.repo else None,
            "policy": security.admin_content_security_policy(for_meta=True)})
        logo = self.logo_url()
        face = cms.CmsFace(alliance.name, urls.site_path(options.site_url, logo) if logo else None)
        return cms.admin_files(bundle, cms.cms_config(options, present, face), self.renderer.render_asset(page))


def write_files(site_dir: Path, files: Iterable[tuple[str, str | bytes | Path]]) -> None:
    """Write files under `site_dir`, creating each folder once; a Path is a file to copy."""
    folders: set[Path] = set()
    for src_uri, content in files:
        path = site_dir / src_uri
        if path.parent not in folders:
            path.parent.mkdir(parents=True, exist_ok=True)
            folders.add(path.parent)
        if isinstance(content, str):
            path.write_text(content, encoding="utf-8")
        elif isinstance(content, Path):
            shutil.copyfile(content, path)
        else:
            path.write_bytes(content)
