"""The light/dark toggle (palette-toggle.js in place of Material's palette component): it
switches, remembers the choice the way Material's inline script reads it, follows the system
setting on a first visit, works by keyboard, and leaves a page load without a restyle."""

from __future__ import annotations

import json

from playwright.sync_api import expect

from browser.pages import set_palette

PALETTE_KEY = "/.__palette"
TOGGLE = "form[data-alliance-palette] label:not([hidden])"


def _scheme(page) -> str:
    return page.locator("body").get_attribute("data-md-color-scheme")


def _stored(page) -> dict:
    return json.loads(page.evaluate("k => localStorage.getItem(k)", PALETTE_KEY))


def test_toggle_switches_and_the_next_page_starts_in_the_choice(page, site_url):
    page.goto(site_url, wait_until="networkidle")
    assert _scheme(page) == "default"
    expect(page.locator(TOGGLE)).to_have_count(1)
    set_palette(page, "slate")
    assert _stored(page) == {"index": 1, "color": {"media": "(prefers-color-scheme: dark)", "scheme": "slate",
                                                   "primary": "custom", "accent": "custom"}}
    expect(page.locator("meta[name='color-scheme']")).to_have_attribute("content", "dark")
    # Material's inline script applies the stored choice before any deferred script runs.
    page.add_init_script("document.addEventListener('readystatechange', () => {"
                         " if (document.readyState === 'interactive') window.__early = document.body.dataset.mdColorScheme; })")
    page.goto(site_url + "kommuner/", wait_until="networkidle")
    assert page.evaluate("window.__early") == "slate"
    assert _scheme(page) == "slate"
    set_palette(page, "default")
    assert _stored(page)["color"]["scheme"] == "default"
    expect(page.locator("meta[name='color-scheme']")).to_have_attribute("content", "light")


def test_first_visit_follows_the_system_setting(new_context, site_url):
    page = new_context(color_scheme="dark").new_page()
    page.goto(site_url, wait_until="networkidle")
    assert _scheme(page) == "slate"
    assert _stored(page)["color"]["scheme"] == "slate"
    expect(page.locator(TOGGLE)).to_have_attribute("title", "Skift til lyst tema")


def test_toggle_by_keyboard(page, site_url):
    """Enter on the focused toggle switches, as with Material's component."""
    page.goto(site_url, wait_until="networkidle")
    page.locator("#__palette_0").focus()
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.body.dataset.mdColorScheme === 'slate'")
    assert page.evaluate("document.activeElement.id") == "__palette_1"


def test_a_page_load_with_a_stored_choice_sets_no_colour_attribute(page, site_url):
    """The point of the script: Material's component re-applied the palette on every load, which
    restyles the whole page; with the choice stored, nothing is written to <body> at load."""
    page.goto(site_url, wait_until="networkidle")
    set_palette(page, "slate")
    page.add_init_script("""new MutationObserver(records => {
        window.__bodyWrites = (window.__bodyWrites || []).concat(records.map(r => r.attributeName));
      }).observe(document, {attributes: true, subtree: true, attributeFilter:
        ['data-md-color-scheme', 'data-md-color-primary', 'data-md-color-accent', 'data-md-color-switching']});""")
    page.goto(site_url + "emner/", wait_until="networkidle")
    page.wait_for_timeout(200)
    writes = page.evaluate("window.__bodyWrites || []")
    # Material's inline script sets the stored colours once, while <body> is parsed; nothing after.
    assert "data-md-color-switching" not in writes, writes
    assert writes.count("data-md-color-scheme") <= 1, writes
    assert _scheme(page) == "slate"


def test_without_javascript_there_is_no_toggle(new_context, site_url):
    page = new_context(java_script_enabled=False).new_page()
    page.goto(site_url)
    expect(page.locator("form[data-alliance-palette] label")).to_have_count(2)
    expect(page.locator("form[data-alliance-palette] label:not([hidden])")).to_have_count(0)


def test_toggle_keeps_working_after_instant_navigation(page, instant_site_url):
    """Instant navigation swaps the page but keeps the header, and with it the toggle's script."""
    page.goto(instant_site_url, wait_until="networkidle")
    page.evaluate("() => { window.loadedOnce = true; }")
    page.locator(".md-content a[href$='find-konsulent/']").first.click()
    page.wait_for_url("**/find-konsulent/")
    assert page.evaluate("() => window.loadedOnce === true"), "the click reloaded the page: no instant navigation"
    set_palette(page, "slate")
    assert _stored(page)["color"]["scheme"] == "slate"
    set_palette(page, "default")
    assert page.evaluate("() => window.loadedOnce === true")
