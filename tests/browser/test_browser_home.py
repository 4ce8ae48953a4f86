"""The home page's municipality chooser, with and without JavaScript, and the news and event
lists that lead the page."""

from __future__ import annotations

from playwright.sync_api import expect

from browser.conftest import PHONE
from browser.pages import expect_finder_shows, serving


def test_chooser_goes_straight_to_the_municipalitys_consultants(page, site_url, default_site):
    municipality = default_site.municipalities[2]
    page.goto(site_url)
    form = page.locator("form[data-chooser]")
    expect(form).to_be_visible()
    expect(page.locator("[data-chooser-fallback]")).to_be_hidden()
    page.get_by_label("Vælg din kommune").select_option(municipality.id)
    page.get_by_role("button", name="Vis konsulenter").click()
    page.wait_for_url(f"{site_url}find-konsulent/?kommune={municipality.id}")
    expect_finder_shows(page, municipality, serving(default_site, municipality.id))


def test_chooser_is_in_the_first_screen_on_a_phone(new_context, site_url):
    page = new_context(viewport=PHONE).new_page()
    page.goto(site_url)
    box = page.locator("form[data-chooser] select").bounding_box()
    assert box is not None and box["y"] + box["height"] <= PHONE["height"], box


def test_chooser_is_usable_with_the_keyboard(page, site_url, default_site):
    municipality = default_site.municipalities[0]
    page.goto(site_url)
    select = page.locator("#al-chooser-kommune")
    select.focus()
    select.select_option(municipality.id)
    page.keyboard.press("Tab")
    expect(page.get_by_role("button", name="Vis konsulenter")).to_be_focused()
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/find-konsulent/?kommune={municipality.id}")


def test_without_javascript_the_chooser_is_a_list_of_municipality_links(new_context, site_url, default_site):
    page = new_context(java_script_enabled=False).new_page()
    page.goto(site_url)
    expect(page.locator("form[data-chooser]")).to_be_hidden()
    links = page.locator("[data-chooser-fallback] a")
    expect(links).to_have_count(len(default_site.municipalities))
    municipality = default_site.municipalities[-1]
    page.get_by_role("link", name=municipality.name, exact=True).first.click()
    page.wait_for_url(f"{site_url}kommuner/{municipality.id}/#konsulenter")
    expect(page.locator("#konsulenter")).to_be_visible()


def test_home_page_news_and_events_lead_to_their_pages(page, site_url, default_site):
    page.goto(site_url)
    latest = default_site.news[0]
    page.locator("#nyheder ~ ul.al-news-list").first.get_by_role("link", name=latest.title).click()
    page.wait_for_url(f"{site_url}nyheder/{latest.id}/")
    expect(page.get_by_role("heading", level=1)).to_have_text(latest.title)
    page.goto(site_url)
    event = default_site.upcoming_events()[0]
    page.get_by_role("link", name=event.title).click()
    page.wait_for_url(f"{site_url}arrangementer/#{event.id}")
    expect(page.locator(f"#{event.id}")).to_be_visible()


def test_the_guides_needs_and_the_chooser_are_in_the_first_screen_of_a_small_phone(new_context, site_url, default_site):
    """The guide leads (every need, as links), the chooser follows, both within 360 x 640."""
    small = {"width": 360, "height": 640}
    page = new_context(viewport=small).new_page()
    page.goto(site_url)
    needs = page.locator(".al-guide-start a.al-choice")
    expect(needs).to_have_count(len(default_site.topics))
    last_need = needs.last.bounding_box()
    select = page.locator("form[data-chooser] select").bounding_box()
    assert last_need is not None and select is not None
    assert last_need["y"] + last_need["height"] <= select["y"], "the guide comes before the chooser"
    # A deployed alliance has no demo notice (demo: false): measure the page below it.
    notice = page.locator(".md-banner").bounding_box()
    offset = notice["height"] if notice else 0
    assert select["y"] + select["height"] - offset <= small["height"], (select, offset)
    topics = page.locator("#emner").bounding_box()
    news = page.locator("#nyheder").bounding_box()
    assert topics is not None and news is not None and topics["y"] < news["y"], "topics before news"
