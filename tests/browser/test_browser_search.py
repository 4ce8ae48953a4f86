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
