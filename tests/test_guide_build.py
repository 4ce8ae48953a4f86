"""The guide in a real build: every step and result is a page; the steps stay out of the
sitemap, the search index and search engines, the results are in all three."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urlsplit

import mkdocs
from alliance_site.publish import urls
from alliance_site.publish.guide import PlaceStep, guide_steps, postcode_steps
from sitebuild import ROOT

ROBOTS_NOINDEX = '<meta name="robots" content="noindex">'


def _sitemap(built: Path) -> set[str]:
    return {urlsplit(loc).path.lstrip("/")
            for loc in re.findall(r"<loc>([^<]+)</loc>", (built / "sitemap.xml").read_text(encoding="utf-8"))}


def _indexed(built: Path) -> set[str]:
    index = json.loads((built / "search" / "search_index.json").read_text(encoding="utf-8"))
    return {doc["location"].split("#", 1)[0] for doc in index["docs"]}


def _steps(site) -> list[str]:
    steps = guide_steps(site)
    return [s.url for s in steps] + [c.url for s in steps if isinstance(s, PlaceStep) for c in postcode_steps(site, s)]


def _html(built: Path, url: str) -> str:
    return (built / url / "index.html").read_text(encoding="utf-8")


def test_every_step_and_result_is_a_page(built_site, default_site):
    results = [urls.help_page(t.id, m.id) for t in default_site.topics for m in default_site.municipalities]
    missing = [url for url in [urls.GUIDE, *_steps(default_site), *results] if not (built_site / url / "index.html").is_file()]
    assert not missing


def test_steps_are_unlisted_and_results_listed(built_site, default_site):
    steps = _steps(default_site)
    assert steps
    sitemap, indexed = _sitemap(built_site), _indexed(built_site)
    assert not set(steps) & sitemap and not set(steps) & indexed
    result = urls.help_page("rekruttering", "naestved")
    assert {result, urls.GUIDE} <= sitemap and result in indexed
    assert ROBOTS_NOINDEX in _html(built_site, steps[0]) and ROBOTS_NOINDEX not in _html(built_site, result)


def test_result_page_shows_who_to_call_and_the_request_links(built_site):
    html = _html(built_site, urls.help_page("rekruttering", "naestved"))
    assert "<h1>Rekruttering i Næstved Kommune</h1>" in html
    assert 'href="mailto:' in html and "subject=Ring%20os%20op%3A%20Rekruttering" in html
    assert "Skriv ikke CPR-numre" in html


def test_the_home_page_links_every_need(built_site, default_site):
    html = _html(built_site, urls.HOME)
    for topic in default_site.topics:
        assert f'href="{urls.guide_step((topic.id,))}"' in html


def test_the_sitemap_template_is_mkdocs_own_with_one_change():
    """overrides/sitemap.xml copies MkDocs' template; an upgrade that changes it must be re-copied."""
    original = (Path(mkdocs.__file__).parent / "templates" / "sitemap.xml").read_text(encoding="utf-8")
    ours = re.sub(r"\A\{#-.*?-#\}\n", "", (ROOT / "overrides" / "sitemap.xml").read_text(encoding="utf-8"), flags=re.DOTALL)
    condition = "(file.page.abs_url or file.page.canonical_url)"
    assert original.count(condition) == 1
    assert ours == original.replace(condition, condition + ' and file.page.meta.robots != "noindex"')
