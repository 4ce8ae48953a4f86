"""One visit to every page at the narrowest phone width, shared by the layout and privacy tests.

Loading every page (each topic and municipality, the lists, news and events) costs most of
those tests' time, so they share a single tour: it waits until the network is idle on each page
(so the finder's requests are in), records every request the browser makes, measures the layout
(and how far it moved while loading), opens search at the end (so the search index is
requested), and then reads what the browser has stored.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from browser.pages import PageState, open_page, set_palette

NARROWEST = {"width": 320, "height": 640}
MIN_TARGET = 24
TAP_TARGETS = ("[data-finder-form] select, form[data-filter] select, "
               "a[href^='tel:'], a[href^='mailto:'], a[href$='.vcf']")
MEASURE = """([selector, minimum]) => {
  const width = document.documentElement.clientWidth;
  const name = el => el.tagName.toLowerCase() + (typeof el.className === 'string' && el.className.trim()
    ? '.' + el.className.trim().split(/\\s+/).join('.') : '');
  const shown = [...document.querySelectorAll(selector)].filter(el => el.getClientRects().length);
  return {
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: width,
    overflowing: [...document.querySelectorAll('body *')]
      .filter(el => el.getClientRects().length && el.getBoundingClientRect().right > width + 0.5)
      .map(name).slice(0, 8),
    targets: shown.length,
    small: shown.map(el => [el, el.getBoundingClientRect()])
      .filter(([el, box]) => box.width < minimum - 0.01 || box.height < minimum - 0.01)
      .map(([el, box]) => `${el.outerHTML.slice(0, 80)}: ${box.width.toFixed(1)}x${box.height.toFixed(1)}`),
  };
}"""
# Sums the layout shifts of each page not caused by input, as Lighthouse's CLS does.
LAYOUT_SHIFTS = """window.__layoutShift = 0;
new PerformanceObserver(list => {
  for (const entry of list.getEntries()) { if (!entry.hadRecentInput) { window.__layoutShift += entry.value; } }
}).observe({type: "layout-shift", buffered: true});"""
STORAGE = """() => ({local: Object.fromEntries(Object.keys(localStorage).map(k => [k, localStorage.getItem(k)])),
                     session: Object.keys(sessionStorage), cookie: document.cookie})"""


@dataclass
class Tour:
    requests: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)  # responses of 400 and over, console errors
    layout: dict[str, dict] = field(default_factory=dict)
    cookies: list = field(default_factory=list)
    storage: dict = field(default_factory=dict)


def tour(browser, site_url: str, pages: list[PageState]) -> Tour:
    """Visit `pages` in one fresh context, then switch to the dark palette and read storage."""
    result = Tour()
    context = browser.new_context(viewport=NARROWEST, locale="da-DK")
    try:
        context.on("request", lambda request: result.requests.append(request.url))
        context.on("response", lambda response: result.failed.append(f"{response.status} {response.url}")
                   if response.status >= 400 else None)
        context.on("console", lambda message: result.failed.append(
                   f"console: {message.text} ({message.page and message.page.url})") if message.type == "error" else None)
        context.add_init_script(LAYOUT_SHIFTS)
        page = context.new_page()
        for state in pages:
            open_page(page, site_url, state)
            page.wait_for_load_state("networkidle")
            result.layout[state.path] = page.evaluate(MEASURE, [TAP_TARGETS, MIN_TARGET])
            result.layout[state.path]["layoutShift"] = page.evaluate("() => window.__layoutShift")
        # The search index loads when the visitor reaches for search (material-requests.js).
        open_page(page, site_url, pages[0])
        with page.expect_request(lambda request: request.url.endswith("search/search_index.json")):
            page.locator("label.md-header__button[for='__search']").click()
        page.wait_for_load_state("networkidle")
        page.keyboard.press("Escape")
        set_palette(page, "slate")
        result.cookies = context.cookies()
        result.storage = page.evaluate(STORAGE)
    finally:
        context.close()
    return result
