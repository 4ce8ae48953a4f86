"""Privacy: visiting the site contacts nobody but the site itself and stores almost nothing.

Material stores one thing in the browser: the palette choice, in localStorage under
"<site path>.__palette" (here "/.__palette"). It writes it on every page load, also before the
visitor touches the toggle. No cookies are set.
"""

from __future__ import annotations

from alliance_site.loading import load_site
from browser.pages import open_page, page_states, set_palette
from sitebuild import ROOT

PAGES = page_states(load_site(ROOT / "data")[0])
PALETTE_KEY = "/.__palette"
LOCAL_SCHEMES = ("data:", "blob:")


def storage(page) -> dict[str, list[str]]:
    return page.evaluate("""() => ({local: Object.keys(localStorage).sort(),
                                    session: Object.keys(sessionStorage).sort(),
                                    cookie: document.cookie})""")


def test_only_the_site_is_contacted_and_only_the_palette_is_stored(new_context, site_url):
    context = new_context()
    requested = []
    context.on("request", lambda request: requested.append(request.url))
    # (no routing: it would disable the HTTP cache and slow every page down)
    page = context.new_page()
    for state in PAGES:
        open_page(page, site_url, state)
        page.wait_for_load_state("networkidle")
    set_palette(page, "slate")

    foreign = sorted({url for url in requested if not url.startswith((site_url, *LOCAL_SCHEMES))})
    assert not foreign, f"requests to other hosts: {foreign}"
    assert any(url.endswith("search/search_index.json") for url in requested), "search worker never ran"
    assert context.cookies() == []
    stored = storage(page)
    assert stored == {"local": [PALETTE_KEY], "session": [], "cookie": ""}, stored
    assert page.evaluate("key => JSON.parse(localStorage.getItem(key)).color.scheme", PALETTE_KEY) == "slate"
