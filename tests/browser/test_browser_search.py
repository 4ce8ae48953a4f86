"""Material's site search (lunr in a web worker over search/search_index.json) finds our pages."""

from __future__ import annotations

from collections import Counter

from playwright.sync_api import Page, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

RESULT_LINKS = ".md-search-result__list a.md-search-result__link"


def search(page: Page, text: str) -> None:
    """Clear the header search box, wait for the old results to go, and type `text`."""
    box = page.locator(".md-search__input")
    box.click()
    box.fill("")
    expect(page.locator(RESULT_LINKS)).to_have_count(0)
    box.press_sequentially(text)


def expect_result_for(page: Page, path: str) -> None:
    """Wait until a search result links to `path`; on failure, say what was listed instead."""
    try:
        page.wait_for_function("([sel, path]) => [...document.querySelectorAll(sel)].some(a => a.pathname === path)",
                               arg=[RESULT_LINKS, path], timeout=5_000)
    except PlaywrightTimeoutError:
        listed = page.locator(RESULT_LINKS).evaluate_all("links => links.map(a => a.pathname)")
        raise AssertionError(f"no search result for {path}; listed: {listed}") from None


def test_apprentices_topic_is_found_by_laerling(page, site_url, default_site):
    topic = next(t for t in default_site.topics if "lærling" in t.title.lower())
    page.goto(site_url)
    search(page, "lærling")
    expect_result_for(page, f"/emner/{topic.id}/")
    expect(page.locator(RESULT_LINKS, has_text=topic.title).first).to_be_visible()


def test_consultant_surname_finds_their_municipality(page, site_url, default_site):
    consultants = [(c, m) for m in default_site.municipalities for c in default_site.consultants_in(m)]
    surnames = Counter(c.name.split()[-1] for c, _m in consultants)
    checked = {}
    page.goto(site_url)
    for consultant, place in consultants:
        surname = consultant.name.split()[-1]
        if surnames[surname] == 1 and place.id not in checked:
            search(page, surname)
            expect_result_for(page, f"/kommuner/{place.id}/")
            checked[place.id] = surname
    assert set(checked) == {m.id for m in default_site.municipalities if default_site.consultants_in(m)}, checked


INDEX = "search/search_index.json"


def _index_requests(page: Page) -> list[str]:
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url) if request.url.endswith(INDEX) else None)
    return requested


def test_index_waits_until_the_visitor_reaches_for_search(page, site_url):
    """material-requests.js holds the index back: a visitor who only reads downloads none of it."""
    requested = _index_requests(page)
    page.goto(site_url, wait_until="networkidle")
    page.wait_for_timeout(300)
    assert requested == []
    with page.expect_request(lambda request: request.url.endswith(INDEX)):
        page.locator(".md-search__input").focus()
    assert requested == [f"{site_url}{INDEX}"]


def test_search_icon_on_a_phone_fetches_the_index_and_finds(new_context, site_url, default_site):
    """On a narrow screen the field hides behind the header's search icon: a tap on it is the intent."""
    topic = default_site.topics[0]
    page = new_context(viewport={"width": 360, "height": 740}).new_page()
    requested = _index_requests(page)
    page.goto(site_url + "kommuner/", wait_until="networkidle")
    assert requested == []
    page.locator("label.md-header__button[for='__search']").click()
    page.locator(".md-search__input").press_sequentially(topic.title.split()[0])
    expect_result_for(page, f"/emner/{topic.id}/")
    assert len(requested) == 1


def test_keyboard_shortcut_fetches_the_index(page, site_url, default_site):
    """Material's shortcut (/) focuses the field, which releases the index."""
    topic = default_site.topics[0]
    page.goto(site_url, wait_until="networkidle")
    page.keyboard.press("/")
    page.keyboard.type(topic.title.split()[0])
    expect_result_for(page, f"/emner/{topic.id}/")


def test_page_opened_with_highlighted_terms_fetches_the_index_at_once(page, site_url, default_site):
    """A search result opened in a new tab carries ?h=: Material needs the index to highlight."""
    topic = default_site.topics[0]
    word = topic.title.split()[0]
    with page.expect_request(lambda request: request.url.endswith(INDEX)):
        page.goto(f"{site_url}emner/{topic.id}/?h={word}")
    expect(page.locator("article mark").first).to_be_visible()


def test_a_search_that_finds_nothing_offers_the_alliances_phone(page, site_url, default_site):
    """Not a bare "Ingen resultater fundet": the help lists the guide (when the site has it) and
    the alliance's phone and e-mail, and is hidden again as soon as a search finds something."""
    contact = default_site.alliance.contact
    page.goto(site_url + "emner/rekruttering/")
    help_block = page.locator("[data-search-help]")
    search(page, "xylofonstemmer")
    expect(page.locator(".md-search-result__meta")).to_have_text("Ingen resultater fundet")
    expect(help_block).to_be_visible()
    expect(help_block.get_by_role("link", name=contact.phone)).to_have_attribute(
        "href", "tel:" + contact.phone.replace(" ", ""))
    expect(help_block.get_by_role("link", name=contact.email)).to_be_visible()
    guide = help_block.locator("a[data-site-path]")
    if guide.count():  # the guide's link is resolved from the page shown, to the site's guide/
        assert guide.evaluate("a => new URL(a.href).pathname") == "/guide/"
    search(page, "sygemelding")
    expect_result_for(page, "/emner/sygefravaer/")
    expect(help_block).to_be_hidden()
