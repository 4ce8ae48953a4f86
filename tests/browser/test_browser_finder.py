"""The consultant finder in a real browser, checked against the YAML data.

State lives in the URL (?kommune=&emne=), so reload, Back and shared links must all give the
same list; Material's instant navigation must not break it; and without JavaScript every
consultant must still be one link away. The script makes the cards from the finder's data file:
they must match the server-rendered cards, keep hostile text as text, and arrive in batches.
"""

from __future__ import annotations

import itertools
from urllib.parse import parse_qs, urlparse

import pytest
from playwright.sync_api import Page, expect

from alliance_site.data.loading import load_site
from alliance_site.publish import urls
from browser.pages import (expect_finder_shows, finder_cards_differing_from_server_cards, finder_choice,
                           serving)
from browser.server import SiteServer
from hostile_data import TEXT, build_hostile_site
from sitebuild import build_site, national_generator

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


def test_cards_the_script_makes_match_the_server_rendered_cards(page, site_url, default_site):
    assert not finder_cards_differing_from_server_cards(page, site_url, default_site)


def test_data_is_fetched_when_the_visitor_reaches_for_the_form_and_not_before(page, site_url):
    fetched = []
    page.on("request", lambda request: fetched.append(request.url) if request.url.endswith(".json") else None)
    page.goto(site_url + FINDER)
    expect(page.locator("[data-finder-form]")).to_be_visible()
    page.wait_for_load_state("networkidle")
    assert not [url for url in fetched if "konsulenter" in url], "fetched before anyone asked"
    with page.expect_response("**/konsulenter.json"):
        page.locator("select[name='kommune']").focus()
    expect(page.locator("[data-finder]")).to_have_attribute("data-finder-state", "ready")


def test_adding_a_topic_narrows_the_list_and_the_url(page, site_url, default_site):
    municipality_id, topic_id = finder_choice(default_site)
    place = municipality(default_site, municipality_id)
    page.goto(site_url + FINDER)
    choose(page, "kommune", municipality_id)
    expect_finder_shows(page, place, serving(default_site, place.id))
    choose(page, "emne", topic_id)
    expect_finder_shows(page, place, [c for c in serving(default_site, place.id) if topic_id in c.topics])
    assert query(page) == {"kommune": [municipality_id], "emne": [topic_id]}


def test_the_vis_button_applies_the_choices_and_the_results_have_a_heading(page, site_url, default_site):
    """Choices made without a change event (as some assistive technology sets a select) are
    applied by the form's explicit "Vis" button, in place and into the URL."""
    municipality_id, topic_id = finder_choice(default_site)
    place = municipality(default_site, municipality_id)
    page.goto(site_url + FINDER)
    expect(page.get_by_role("heading", name="Resultater", level=2)).to_have_count(1)
    page.evaluate("""([kommune, emne]) => {
      const form = document.querySelector("[data-finder-form]");
      form.elements.kommune.value = kommune;
      form.elements.emne.value = emne;
    }""", [municipality_id, topic_id])
    expect(page.locator("[data-finder-results] .al-consultant")).to_have_count(0)
    page.get_by_role("button", name="Vis").click()
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


def popstate_listeners(page: Page) -> int:
    """The `popstate` listeners on the page's window, Material's own included (from DevTools)."""
    client = page.context.new_cdp_session(page)
    try:
        window = client.send("Runtime.evaluate", {"expression": "window"})["result"]["objectId"]
        listeners = client.send("DOMDebugger.getEventListeners", {"objectId": window})["listeners"]
    finally:
        client.detach()
    return sum(1 for listener in listeners if listener["type"] == "popstate")


def test_twenty_instant_navigations_leave_one_history_listener(page, instant_site_url, default_site):
    """Instant navigation keeps alliance.js running: a listener per visit would pile up and keep
    every earlier finder, with its cards, alive."""
    page.goto(instant_site_url + FINDER)
    expect(page.locator("[data-finder-form]")).to_be_visible()
    page.evaluate("() => { window.loadedOnce = true; }")
    before = popstate_listeners(page)
    for _ in range(10):
        page.locator(f"a[href$='{urls.PARTNERS}']:visible").first.click()
        page.wait_for_url(f"**/{urls.PARTNERS}")
        expect(page.locator("form[data-filter='partners']")).to_be_visible()
        page.locator(f"a[href$='{FINDER}']:visible").first.click()
        page.wait_for_url(f"**/{FINDER}")
        expect(page.locator("[data-finder-form]")).to_be_visible()
    assert page.evaluate("() => window.loadedOnce === true"), "a click reloaded the page: no instant navigation"
    assert popstate_listeners(page) == before
    municipality_id, _topic_id = finder_choice(default_site)
    place = municipality(default_site, municipality_id)
    other = next(m for m in default_site.municipalities if m.id != municipality_id)
    choose(page, "kommune", municipality_id)
    choose(page, "kommune", other.id)
    expect_finder_shows(page, other, serving(default_site, other.id))
    page.go_back()  # the one listener still answers for the finder on the page
    expect_finder_shows(page, place, serving(default_site, place.id))


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


@pytest.fixture(scope="module")
def hostile_site_url(tmp_path_factory, default_site):
    with SiteServer(build_hostile_site(tmp_path_factory.mktemp("hostile"), default_site)) as server:
        yield server.base_url


def test_hostile_names_become_text_in_the_cards_the_script_makes(page, hostile_site_url, default_site):
    dialogs: list[str] = []

    def dismiss(dialog) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", dismiss)
    place = default_site.municipalities[0]
    page.goto(f"{hostile_site_url}{FINDER}?kommune={place.id}")
    results = page.locator(f"[data-finder-results][data-loaded='{place.id}']")
    results.wait_for(state="attached")
    titles = results.locator(".al-card__title").all_text_contents()
    assert titles and set(titles) == {TEXT}
    assert results.locator("img, script").count() == 0
    assert TEXT.split("\r\n")[0] in results.locator(".al-card__meta").first.text_content()
    page.wait_for_timeout(200)
    assert not dialogs


@pytest.fixture(scope="module")
def national_site(tmp_path_factory):
    """A small national set (98 municipalities, regions as clusters), built and served."""
    folder = national_generator().write_project(tmp_path_factory.mktemp("national"), scale=0.3, seed=3)
    out = folder / "site"
    result = build_site(folder, out)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    with SiteServer(out) as server:
        yield load_site(folder / "data")[0], server.base_url


def test_a_large_cluster_paints_a_screenful_first_and_then_every_card_once(page, national_site):
    site, base_url = national_site
    cluster = max(site.alliance.clusters, key=lambda c: sum(len(site.consultants_serving(m.id))
                                                            for m in site.municipalities_in(cluster=c)))
    expected = list(dict.fromkeys(e.consultant.id for m in site.municipalities_in(cluster)
                                  for e in site.consultants_serving(m.id)))
    assert len(expected) > 100
    page.goto(base_url + FINDER)
    expect(page.locator("[data-finder-form]")).to_be_visible()
    page.evaluate("""() => {
      const results = document.querySelector("[data-finder-results]");
      window.batches = [];
      new MutationObserver(() => window.batches.push(results.children.length)).observe(results, { childList: true });
    }""")
    choose(page, "klynge", cluster.id)
    expect(page.locator("[data-finder-results]")).to_have_attribute("data-loaded", " ".join(
        m.id for m in site.municipalities_in(cluster)), timeout=20_000)
    expect(page.locator("[data-finder-results]")).not_to_have_attribute("aria-busy", "true")
    shown = page.locator("[data-finder-results] .al-consultant .al-card__title").evaluate_all("hs => hs.map(h => h.id)")
    assert sorted(shown) == sorted(expected) and len(shown) == len(set(shown))
    batches = [n for n in page.evaluate("() => window.batches") if n]
    assert batches[0] == 12 and batches[-1] == len(expected)
    assert all(0 < b - a <= 48 for a, b in itertools.pairwise(batches)), batches
    expect(page.locator("[data-finder-status]")).to_contain_text(f"{len(expected)} konsulenter i {cluster.name}")


# ---- no dead ends: where no consultant fits, whom to contact instead ----

CONTACT_SUMMARY = """block => ({
  name: block.querySelector(".al-contact-block__name").textContent.trim(),
  terms: [...block.querySelectorAll("dt")].map(dt => dt.textContent.trim()),
  details: [...block.querySelectorAll("dd")].map(dd => dd.innerText.trim()),
  links: [...block.querySelectorAll("a")].map(a => a.getAttribute("href")),
})"""


def test_an_empty_result_names_and_links_whom_to_contact_instead(page, site_url, default_site):
    """Faxe has no consultant for "Fastholdelse ved sygdom": the finder names Faxe's business
    service and shows its phone with opening hours and its e-mail with response time, as the
    municipality page does (the same contact block)."""
    faxe = municipality(default_site, "faxe")
    assert not [c for c in serving(default_site, "faxe") if "sygefravaer" in c.topics]
    service = faxe.business_service
    page.goto(site_url + FINDER + "?kommune=faxe&emne=sygefravaer")
    status = page.locator("[data-finder-status]")
    expect(status).to_contain_text("Ingen konsulenter i Faxe Kommune")
    expect(status).to_contain_text(f"Kontakt {service.name} i stedet")
    block = page.locator("[data-finder-fallback] .al-contact-block")
    expect(block).to_have_count(1)
    expect(block.get_by_role("link", name=service.phone)).to_have_attribute("href", "tel:" + service.phone.replace(" ", ""))
    expect(block.get_by_role("link", name=service.email)).to_have_attribute("href", "mailto:" + service.email)
    made = block.evaluate(CONTACT_SUMMARY)
    assert made["terms"] == ["Telefon", "E-mail"]  # GOV.UK's order: phone first
    assert made["details"][0].endswith(service.opening_hours) and made["details"][1].endswith(service.response_time)
    page.goto(site_url + f"kommuner/{faxe.id}/")
    assert page.locator(".al-contact-block").first.evaluate(CONTACT_SUMMARY) == made


def test_the_fallback_goes_when_consultants_are_found(page, site_url, default_site):
    page.goto(site_url + FINDER + "?kommune=faxe&emne=sygefravaer")
    expect(page.locator("[data-finder-fallback] .al-contact-block")).to_have_count(1)
    choose(page, "emne", "")
    expect(page.locator("[data-finder-results] .al-consultant").first).to_be_visible()
    expect(page.locator("[data-finder-fallback] .al-contact-block")).to_have_count(0)
