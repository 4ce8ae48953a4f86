"""Every kind of page works in Chromium under exactly the headers of the built `_headers` file.

The server here sends, for each response, the headers `_headers` assigns to its path (as
Netlify does), so the Content-Security-Policy under test is the one the build wrote, with its
script hashes. A test fails on any CSP violation: Chromium reports each one in the console and
as a `securitypolicyviolation` event, and both are collected. A control test proves that a
violation is caught, so silence means the policy holds, not that the listener is deaf.
"""

from __future__ import annotations

import functools
import re
import threading
from http.server import ThreadingHTTPServer

import pytest
from playwright.sync_api import Page, expect

from alliance_site.data.loading import load_site
from browser.pages import PageState, open_page, page_states, seen, set_palette
from browser.server import SiteRequestHandler
from sitebuild import ROOT

SITE = load_site(ROOT / "data")[0]
_COVERED = {state.path for state in page_states(SITE)}
EXTRA = [PageState(name, path) for name, path in (("emner", "emner/"), ("kommuner", "kommuner/"),
                                                  ("privatlivspolitik", "privatlivspolitik/"),
                                                  ("tilgaengelighed", "tilgaengelighed/"))
         if path not in _COVERED]
PAGES = [*page_states(SITE), *EXTRA, PageState("404-dybt", "findes/ikke/her/", status=404)]
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", event => window.__cspViolations.push(
  `${event.violatedDirective} blocked ${event.blockedURI || "inline code"} (${event.sourceFile}:${event.lineNumber})`));
"""


def parse_headers_file(text: str) -> list[tuple[str, dict[str, str]]]:
    """Netlify's `_headers`: a path pattern on its own line, its headers indented below."""
    rules: list[tuple[str, dict[str, str]]] = []
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line[0].isspace():
            rules.append((line.strip(), {}))
        else:
            name, _, value = line.strip().partition(":")
            rules[-1][1][name.strip()] = value.strip()
    return rules


def headers_for(rules: list[tuple[str, dict[str, str]]], path: str) -> dict[str, str]:
    """Headers of every rule whose pattern ('*' matches anything) matches the path, merged."""
    merged: dict[str, str] = {}
    for pattern, values in rules:
        if re.fullmatch(re.escape(pattern).replace(r"\*", ".*"), path):
            merged.update(values)
    return merged


class HeadersRequestHandler(SiteRequestHandler):
    rules: list[tuple[str, dict[str, str]]] = []

    def end_headers(self):
        for name, value in headers_for(self.rules, self.path.split("?", 1)[0]).items():
            self.send_header(name, value)
        super().end_headers()


@pytest.fixture(scope="module")
def site_headers(built_site) -> list[tuple[str, dict[str, str]]]:
    return parse_headers_file((built_site / "_headers").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def csp_url(built_site, site_headers):
    handler = type("Handler", (HeadersRequestHandler,), {"rules": site_headers})
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(built_site)))
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def watched_page(new_context):
    """A page whose CSP violations (console and events) end up in `seen(page).csp_messages`."""
    context = new_context()
    context.add_init_script(RECORD_VIOLATIONS)
    page = context.new_page()
    record = seen(page)
    page.on("console", lambda message: record.csp_messages.append(message.text)
            if "Content Security Policy" in message.text else None)
    page.on("response", lambda response: record.documents.append(response)
            if response.request.resource_type == "document" else None)
    return page


def violations(page: Page) -> list[str]:
    return [*seen(page).csp_messages, *page.evaluate("() => window.__cspViolations || []")]


def use_the_page(page: Page, state: PageState) -> None:
    """What a visitor does, so that scripts run: switch palette, filter partners, search."""
    set_palette(page, "slate")
    if state.path.startswith("partnere/"):
        page.locator("select[name='emne']").select_option(index=1)
    if state.path == "":
        page.locator(".md-search__input").click()
        page.locator(".md-search__input").press_sequentially("rekruttering")
        expect(page.locator(".md-search-result__item").first).to_be_visible()


@pytest.mark.parametrize("state", PAGES, ids=[p.name for p in PAGES])
def test_page_runs_under_the_csp_without_violations(state, watched_page, csp_url, site_headers):
    open_page(watched_page, csp_url, state)
    expected = headers_for(site_headers, "/" + state.path)["Content-Security-Policy"]
    assert seen(watched_page).documents[0].headers.get("content-security-policy") == expected
    use_the_page(watched_page, state)
    watched_page.wait_for_load_state("networkidle")
    assert not violations(watched_page), f"CSP violations on /{state.path}:\n" + "\n".join(violations(watched_page))


def test_instant_navigation_runs_under_the_csp(watched_page, csp_url):
    """Material's instant navigation re-creates the scripts of each new page. It only works for
    addresses listed in sitemap.xml, which names site_url; the copy served here names this server."""
    def local_sitemap(route):
        response = route.fetch()
        route.fulfill(response=response, body=re.sub(r"<loc>https?://[^/]+/", f"<loc>{csp_url}", response.text()))

    watched_page.route("**/sitemap.xml", local_sitemap)
    watched_page.goto(csp_url)
    watched_page.wait_for_load_state("networkidle")
    watched_page.evaluate("() => { window.__sameDocument = true; }")
    watched_page.locator("a.al-cta").first.click()
    watched_page.wait_for_url("**/find-konsulent/")
    watched_page.locator("[data-finder-form]:not([hidden])").wait_for()
    municipality = SITE.municipalities[0]
    watched_page.locator(f"a[href$='kommuner/{municipality.id}/#konsulenter']").click()
    watched_page.wait_for_url(f"**/kommuner/{municipality.id}/#konsulenter")
    expect(watched_page.locator("script[type='application/ld+json']")).to_have_count(1)
    assert watched_page.evaluate("() => window.__sameDocument") is True, "the clicks loaded whole pages"
    assert not violations(watched_page), "\n".join(violations(watched_page))


def test_a_violation_is_caught(watched_page, csp_url):
    """Control: an inline script that is not in the policy is blocked and reported."""
    watched_page.goto(csp_url)
    watched_page.evaluate("""() => { const s = document.createElement("script");
                                     s.textContent = "window.__injected = true"; document.body.append(s); }""")
    watched_page.wait_for_function("() => window.__cspViolations.length > 0")
    assert watched_page.evaluate("() => window.__injected") is None
    assert any("script-src" in message for message in violations(watched_page))


def test_every_header_is_in_the_headers_file(site_headers):
    everything = headers_for(site_headers, "/")
    assert {"Content-Security-Policy", "Strict-Transport-Security", "X-Content-Type-Options",
            "Referrer-Policy", "Permissions-Policy"} <= set(everything)
    assert headers_for(site_headers, "/api/topics.json")["Access-Control-Allow-Origin"] == "*"
