"""Phones: no sideways scrolling at 320 px, tap targets of at least 24x24 CSS px (WCAG 2.2
2.5.8) for the finder controls and the contact links, and screenshots for a person to look at."""

from __future__ import annotations

import struct

import pytest

from alliance_site.loading import load_site
from browser.conftest import DESKTOP, PHONE
from browser.pages import PageState, open_page, page_states
from sitebuild import ROOT

PAGES = page_states(load_site(ROOT / "data")[0])
NARROWEST = {"width": 320, "height": 640}
MIN_TARGET = 24
TAP_TARGETS = ("[data-finder-form] select, form[data-filter] select, "
               "a[href^='tel:'], a[href^='mailto:'], a[href$='.vcf']")
SCREENSHOTS = {name: next(p for p in PAGES if p.name.startswith(prefix))
               for name, prefix in (("forside", "home"), ("emne", "emne-"), ("kommune", "kommune-"),
                                    ("find-konsulent", "finder-kommune"))}
OVERFLOWING = """() => {
  const width = document.documentElement.clientWidth;
  return [...document.querySelectorAll('body *')]
    .filter(el => el.getClientRects().length && el.getBoundingClientRect().right > width + 0.5)
    .map(el => el.tagName.toLowerCase() + (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\\s+/).join('.') : ''))
    .slice(0, 8);
}"""
SMALL_TARGETS = """([selector, minimum]) => [...document.querySelectorAll(selector)]
  .filter(el => el.getClientRects().length)
  .map(el => ({el, box: el.getBoundingClientRect()}))
  .filter(({box}) => box.width < minimum - 0.01 || box.height < minimum - 0.01)
  .map(({el, box}) => `${el.outerHTML.slice(0, 80)}: ${box.width.toFixed(1)}x${box.height.toFixed(1)}`)"""


def test_no_horizontal_scrolling_at_320px(new_context, site_url):
    page = new_context(viewport=NARROWEST).new_page()
    failures = []
    for state in PAGES:
        open_page(page, site_url, state)
        scroll, client = page.evaluate("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
        if scroll > client:
            failures.append(f"/{state.path}: {scroll}px wide; overflowing: {page.evaluate(OVERFLOWING)}")
    assert not failures, "\n".join(failures)


def test_tap_targets_are_at_least_24px(new_context, site_url):
    page = new_context(viewport=PHONE).new_page()
    checked, failures = 0, []
    for state in PAGES:
        open_page(page, site_url, state)
        checked += page.locator(TAP_TARGETS).count()
        small = page.evaluate(SMALL_TARGETS, [TAP_TARGETS, MIN_TARGET])
        failures += [f"/{state.path}: {target}" for target in small]
    assert checked > len(PAGES), "no tap targets found: the selector no longer matches the pages"
    assert not failures, "targets smaller than 24x24 px:\n" + "\n".join(failures)


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
