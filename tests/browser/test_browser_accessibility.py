"""WCAG 2.1 AA with axe-core on every kind of page, light and dark, phone and desktop.

Each page is loaded once; the palette is switched with Material's own toggle and the viewport is
resized in place, so the four combinations cost one load and four axe runs.
"""

from __future__ import annotations

import pytest
from alliance_site.data.loading import load_site
from sitebuild import ROOT

from browser.conftest import DESKTOP, PHONE
from browser.pages import (
    axe_violations,
    describe_violations,
    guide_states,
    newest_archive_year,
    open_page,
    page_states,
    set_palette,
    settle,
)

PAGES = page_states(load_site(ROOT / "data")[0])
COMBINATIONS = [(DESKTOP, "default"), (DESKTOP, "slate"), (PHONE, "slate"), (PHONE, "default")]


def label(viewport: dict, scheme: str) -> str:
    return f"{viewport['width']}x{viewport['height']} {'lys' if scheme == 'default' else 'mørk'}"


@pytest.mark.parametrize("state", PAGES, ids=[p.name for p in PAGES])
def test_no_axe_violations_in_any_palette_or_viewport(state, page, site_url):
    open_page(page, site_url, state)
    failures = []
    for viewport, scheme in COMBINATIONS:
        page.set_viewport_size(viewport)
        set_palette(page, scheme)
        settle(page)
        violations = axe_violations(page)
        if violations:
            failures.append(f"[{label(viewport, scheme)}]\n{describe_violations(violations)}")
    assert not failures, f"axe violations on /{state.path}:\n" + "\n".join(failures)


def test_every_page_kind_is_checked(default_site):
    """The list above follows the data: all topics and municipalities, plus the fixed pages."""
    paths = {p.path for p in PAGES}
    assert {f"emner/{t.id}/" for t in default_site.topics} <= paths
    assert {f"kommuner/{m.id}/" for m in default_site.municipalities} <= paths
    assert {"", "partnere/", "find-konsulent/", "om-alliancen/"} <= paths
    assert any(p.startswith("partnere/") and p != "partnere/" for p in paths)
    assert {"nyheder/", f"nyheder/{default_site.news[0].id}/", "foelg-med/", "arrangementer/"} <= paths
    assert f"arrangementer/{newest_archive_year(default_site)}/" in paths, "a year of past events"
    assert {"guide/", "guide/rekruttering/"} <= paths and any(p.startswith("hjaelp/") for p in paths)
    assert len(PAGES) == len(default_site.topics) + len(default_site.municipalities) + 14 + len(guide_states(default_site))
