"""Privacy: visiting the site contacts nobody but the site itself and stores almost nothing.

One thing is stored in the browser: the palette choice, in localStorage under
"<site path>.__palette" (here "/.__palette"), in Material's format. palette-toggle.js writes it
on the first visit (the scheme the system asks for, so later pages start in it) and when the
visitor switches. No cookies are set and sessionStorage stays empty.
"""

from __future__ import annotations

import json

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


def test_no_cookies_and_only_the_palette_is_stored(site_tour):
    assert site_tour.cookies == []
    assert site_tour.storage["cookie"] == ""
    assert site_tour.storage["session"] == []
    assert list(site_tour.storage["local"]) == [PALETTE_KEY], site_tour.storage["local"]
    assert json.loads(site_tour.storage["local"][PALETTE_KEY])["color"]["scheme"] == "slate"
