"""Privacy: visiting the site contacts nobody but the site itself and stores almost nothing.

One thing is stored in the browser: the palette choice, in localStorage under
"<site path>.__palette" (here "/.__palette"), in Material's format. palette-toggle.js writes it
on the first visit (the scheme the system asks for, so later pages start in it) and when the
visitor switches. No cookies are set and sessionStorage stays empty.
"""

from __future__ import annotations

import json

from browser.pages import NOT_FOUND_PATH

NOT_FOUND_STATUS = "Failed to load resource: the server responded with a status of 404 (Not Found)"
PALETTE_KEY = "/.__palette"
LOCAL_SCHEMES = ("data:", "blob:")


def test_no_request_leaves_the_site(site_tour, site_url):
    foreign = sorted({url for url in site_tour.requests if not url.startswith((site_url, *LOCAL_SCHEMES))})
    assert not foreign, f"requests to other hosts: {foreign}"


def test_the_tour_saw_the_late_requests(site_tour, site_url):
    """Control: the search worker's index and the finder's data were recorded, so requests made
    after the page's own load are in the list the test above checks."""
    assert f"{site_url}search/search_index.json" in site_tour.requests
    assert f"{site_url}find-konsulent/konsulenter.json" in site_tour.requests


def test_every_request_is_answered_and_no_page_logs_an_error(site_tour, site_url):
    """No 404 and no console error on any page, but the 404 page's own status: Material's look
    for a sitemap beside each feed link (material-requests.js answers it) once failed on every page."""
    missing_page = f"{site_url}{NOT_FOUND_PATH}"
    failed = [f for f in site_tour.failed if f not in (f"404 {missing_page}", f"console: {NOT_FOUND_STATUS} ({missing_page})")]
    assert not failed, failed
    assert f"{site_url}sitemap.xml" in site_tour.requests, "instant navigation still reads the site's sitemap"
    assert not [url for url in site_tour.requests if url.endswith("/sitemap.xml") and url != f"{site_url}sitemap.xml"]


def test_no_cookies_and_only_the_palette_is_stored(site_tour):
    assert site_tour.cookies == []
    assert site_tour.storage["cookie"] == ""
    assert site_tour.storage["session"] == []
    assert list(site_tour.storage["local"]) == [PALETTE_KEY], site_tour.storage["local"]
    assert json.loads(site_tour.storage["local"][PALETTE_KEY])["color"]["scheme"] == "slate"
