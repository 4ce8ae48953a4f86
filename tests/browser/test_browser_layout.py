"""Phones: no sideways scrolling at 320 px, tap targets of at least 24x24 CSS px (WCAG 2.2
2.5.8) for the finder controls and the contact links, and screenshots for a person to look at.
The first two read the shared tour of every page at 320 px (see tour.py)."""

from __future__ import annotations

import struct

import pytest

from alliance_site.data.loading import load_site
from browser.conftest import DESKTOP, PHONE
from browser.pages import open_page, page_states
from sitebuild import ROOT

PAGES = page_states(load_site(ROOT / "data")[0])
SCREENSHOTS = {name: next(p for p in PAGES if p.name.startswith(prefix))
               for name, prefix in (("forside", "home"), ("emne", "emne-"), ("kommune", "kommune-"),
                                    ("find-konsulent", "finder-kommune"))}


def test_no_horizontal_scrolling_at_320px(site_tour):
    failures = [f"/{path}: {m['scrollWidth']}px wide; overflowing: {m['overflowing']}"
                for path, m in site_tour.layout.items() if m["scrollWidth"] > m["clientWidth"]]
    assert not failures, "\n".join(failures)


def test_tap_targets_are_at_least_24px(site_tour):
    """Measured at 320 px, the tightest layout, where contact links wrap the most."""
    assert sum(m["targets"] for m in site_tour.layout.values()) > len(PAGES), \
        "hardly any tap targets found: the selector no longer matches the pages"
    failures = [f"/{path}: {target}" for path, m in site_tour.layout.items() for target in m["small"]]
    assert not failures, "targets smaller than 24x24 px:\n" + "\n".join(failures)


def test_pages_do_not_move_while_loading(site_tour):
    """Cumulative layout shift while each page loads (Lighthouse counts it in performance). Pages
    opened with a finder or filter choice in the URL are left out: their results arrive after
    the first paint by design and push what is below them down."""
    plain = {path: m["layoutShift"] for path, m in site_tour.layout.items() if "?" not in path}
    assert len(plain) > 10
    moved = {path: round(shift, 4) for path, shift in plain.items() if shift > 0.01}
    assert not moved, moved


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["telefon", "desktop"])
def test_screenshots_for_review(viewport, new_context, site_url, screenshot_dir):
    """Writes test-artifacts/screenshots/<page>-<width>x<height>.png (full page) for a person."""
    page = new_context(viewport=viewport).new_page()
    for name, state in SCREENSHOTS.items():
        open_page(page, site_url, state)
        page.evaluate("() => document.fonts.ready")
        path = screenshot_dir / f"{name}-{viewport['width']}x{viewport['height']}.png"
        page.screenshot(path=path, full_page=True)
        width, height = png_size(path.read_bytes())
        assert width == viewport["width"] and height >= viewport["height"], (path, width, height)
