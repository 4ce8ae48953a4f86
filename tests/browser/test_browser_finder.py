"""The consultant finder in a real browser, checked against the YAML data.

State lives in the URL (?kommune=&emne=), so reload, Back and shared links must all give the
same list; Material's instant navigation must not break it; and without JavaScript every
consultant must still be one link away.
"""

from __future__ import annotations

from urllib.parse import parse_qs, urlparse

from playwright.sync_api import Page, expect

from browser.pages import expect_finder_shows, finder_choice, serving

FINDER = "find-konsulent/"
CARD_TITLES = "[data-finder-results] .al-consultant:not([hidden]) .al-card__title"


def municipality(site, municipality_id):
    return next(m for m in site.municipalities if m.id == municipality_id)


def query(page: Page) -> dict[str, list[str]]:
    return parse_qs(urlparse(page.url).query)


def choose(page: Page, field: str, value: str) -> None:
    page.locator(f"[data-finder-form] select[name='{field}']").select_option(value)


def test_each_municipality_shows_exactly_its_consultants(page, site_url, default_site):
    page.goto(site_url + FINDER)
    expect(page.locator("[data-finder-form]")).to_be_visible()
    for place in default_site.municipalities:
        choose(page, "kommune", place.id)
        expect_finder_shows(page, place, serving(default_site, place.id))
        assert query(page) == {"kommune": [place.id]}


def test_adding_a_topic_narrows_the_list_and_the_url(page, site_url, default_site):
    municipality_id, topic_id = finder_choice(default_site)
    place = municipality(default_site, municipality_id)
    page.goto(site_url + FINDER)
    choose(page, "kommune", municipality_id)
    expect_finder_shows(page, place, serving(default_site, place.id))
    choose(page, "emne", topic_id)
    expect_finder_shows(page, place, [c for c in serving(default_site, place.id) if topic_id in c.topics])
    assert query(page) == {"kommune": [municipality_id], "emne": [topic_id]}


def test_reloading_the_url_restores_the_choice(page, site_url, default_site):
    municipality_id, topic_id = finder_choice(default_site)
    place = municipality(default_site, municipality_id)
    helping = [c for c in serving(default_site, place.id) if topic_id in c.topics]
    page.goto(f"{site_url}{FINDER}?kommune={municipality_id}&emne={topic_id}")
    expect_finder_shows(page, place, helping)
    page.reload()
    expect_finder_shows(page, place, helping)
    expect(page.locator("select[name='kommune']")).to_have_value(municipality_id)
    expect(page.locator("select[name='emne']")).to_have_value(topic_id)


def test_back_restores_the_previous_choice(page, site_url, default_site):
    municipality_id, topic_id = finder_choice(default_site)
    place = municipality(default_site, municipality_id)
    other = next(m for m in default_site.municipalities if m.id != municipality_id)
    page.goto(site_url + FINDER)
    choose(page, "kommune", municipality_id)
    expect_finder_shows(page, place, serving(default_site, place.id))
    choose(page, "emne", topic_id)
    expect_finder_shows(page, place, [c for c in serving(default_site, place.id) if topic_id in c.topics])
    choose(page, "kommune", other.id)
    expect_finder_shows(page, other, [c for c in serving(default_site, other.id) if topic_id in c.topics])

    page.go_back()
    expect_finder_shows(page, place, [c for c in serving(default_site, place.id) if topic_id in c.topics])
    expect(page.locator("select[name='kommune']")).to_have_value(municipality_id)
    page.go_back()
    expect_finder_shows(page, place, serving(default_site, place.id))
    expect(page.locator("select[name='emne']")).to_have_value("")
    page.go_back()
    expect(page.locator("select[name='kommune']")).to_have_value("")
    expect(page.locator(CARD_TITLES)).to_have_count(0)


def test_works_after_instant_navigation_from_the_home_page(page, instant_site_url, default_site):
    municipality_id, topic_id = finder_choice(default_site)
    place = municipality(default_site, municipality_id)
    page.goto(instant_site_url)
    page.evaluate("() => { window.loadedOnce = true; }")
    page.locator(f".md-content a[href$='{FINDER}']").first.click()
    page.wait_for_url(f"**/{FINDER}")
    expect(page.locator("[data-finder-form]")).to_be_visible()
    assert page.evaluate("() => window.loadedOnce === true"), "the click reloaded the page: no instant navigation"
    choose(page, "kommune", municipality_id)
    expect_finder_shows(page, place, serving(default_site, place.id))
    choose(page, "emne", topic_id)
    expect_finder_shows(page, place, [c for c in serving(default_site, place.id) if topic_id in c.topics])

    page.go_back()
    expect_finder_shows(page, place, serving(default_site, place.id))
    page.go_back()
    page.go_back()
    page.wait_for_url(instant_site_url)
    expect(page.locator("h1")).to_have_text(default_site.alliance.name)
    assert page.evaluate("() => window.loadedOnce === true"), "Back reloaded the page"


def test_topic_page_link_preselects_the_topic(page, site_url, default_site):
    topic = default_site.topics[0]
    page.goto(f"{site_url}emner/{topic.id}/")
    page.locator(f".md-content a[href*='{FINDER}?emne={topic.id}']").click()
    expect(page.locator("select[name='emne']")).to_have_value(topic.id)
    expect(page.locator("[data-finder-status]")).to_contain_text("Vælg en kommune")


def test_without_javascript_every_consultant_is_reachable(new_context, site_url, default_site):
    page = new_context(java_script_enabled=False).new_page()
    page.goto(site_url + FINDER)
    expect(page.locator("[data-finder-form]")).to_be_hidden()
    links = page.locator(".md-content ul.al-municipality-list a")
    hrefs = [links.nth(i).evaluate("a => a.href") for i in range(links.count())]
    reached = set()
    for href in hrefs:
        page.goto(href)
        expect(page.locator(f"#{urlparse(href).fragment}")).to_be_visible()
        reached.update(page.locator(".al-consultant .al-card__title").evaluate_all("hs => hs.map(h => h.id)"))
    expected = {e.consultant.id for employer in default_site.employers() for e in default_site.consultants_of(employer)}
    assert reached == expected
