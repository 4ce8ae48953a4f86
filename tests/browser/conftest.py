"""Fixtures for the real-browser tests: one Chromium per session, one context per test.

The site is the session's `built_site` (a real --strict build), served on 127.0.0.1 by a small
threaded server. If no Chromium can be found the tests fail, saying how to install one: they
are part of the quality gate and never skipped.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import sync_playwright

from browser.chromium import LAUNCH_ARGS, BrowserMissing, find_chromium
from browser.pages import page_states
from browser.server import SiteServer
from browser.tour import Tour, tour
from sitebuild import ROOT, build_site

DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 360, "height": 740}
TIMEOUT_MS = 10_000


@pytest.fixture(scope="session")
def site_url(built_site) -> Iterator[str]:
    """Base URL ('http://127.0.0.1:<port>/') of the built default site."""
    with SiteServer(built_site) as server:
        yield server.base_url


@pytest.fixture(scope="session")
def instant_site_url(tmp_path_factory) -> Iterator[str]:
    """Base URL of a build whose site_url is the test server itself.

    Material's instant navigation only takes over links listed in sitemap.xml, and it maps the
    sitemap's URLs to the current protocol and host but keeps site_url's port. The production
    build therefore loads pages normally on 127.0.0.1:<port>; this build behaves as the real
    site does on its own host.
    """
    out = tmp_path_factory.mktemp("instant-site")
    with SiteServer(out) as server:
        with pytest.MonkeyPatch.context() as env:  # only for this build: later builds keep their own address
            env.setenv("SITE_URL", server.base_url)
            result = build_site(ROOT, out)
        assert result.returncode == 0, result.stdout + result.stderr
        yield server.base_url


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as playwright:
        try:
            executable = find_chromium(playwright.chromium.executable_path)
            chromium = playwright.chromium.launch(executable_path=executable, args=LAUNCH_ARGS)
        except (BrowserMissing, PlaywrightError) as error:
            pytest.fail(f"Cannot start Chromium for the browser tests: {error}", pytrace=False)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def site_tour(browser, site_url, default_site) -> Tour:
    """Every page visited once at 320 px: requests, layout measurements, cookies and storage."""
    return tour(browser, site_url, page_states(default_site))


@pytest.fixture
def new_context(browser):
    """Factory for browser contexts (fresh storage each); all are closed after the test."""
    contexts = []

    def make(viewport: dict = DESKTOP, **options):
        context = browser.new_context(viewport=viewport, locale="da-DK", **options)
        context.set_default_timeout(TIMEOUT_MS)
        contexts.append(context)
        return context

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_context):
    """A desktop-sized page in a fresh context."""
    return new_context().new_page()


@pytest.fixture(scope="session")
def screenshot_dir() -> Path:
    folder = ROOT / "test-artifacts" / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    return folder
