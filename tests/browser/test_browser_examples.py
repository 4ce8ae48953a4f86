"""The example alliances and a fresh scaffold pass the same browser checks as the default site:
axe WCAG 2.1 AA on every page in both palettes at phone and desktop width, the finder against the
data (per municipality, and per cluster where there are clusters), privacy, and phone layout."""

from __future__ import annotations

import datetime
import sys

import pytest
from playwright.sync_api import expect

from alliance_site.data.loading import load_site
from alliance_site.publish import urls
from browser.conftest import DESKTOP, PHONE
from browser.pages import (PageState, axe_violations, describe_violations, finder_cards_differing_from_server_cards,
                           open_page, serving, set_palette, settle)
from browser.server import SiteServer
from browser.tour import tour
from sitebuild import ROOT, build_site

sys.path.insert(0, str(ROOT / "scripts"))
from new_alliance import scaffold  # noqa: E402

ALLIANCES = [*sorted(p.parent.name for p in (ROOT / "examples").glob("*/mkdocs.yml")), "scaffold"]
COMBINATIONS = [(DESKTOP, "default"), (DESKTOP, "slate"), (PHONE, "slate"), (PHONE, "default")]


@pytest.fixture(scope="module", params=ALLIANCES)
def alliance(request, tmp_path_factory):
    """(site data, base URL) of one alliance, built with --strict and served locally."""
    if request.param == "scaffold":
        project = tmp_path_factory.mktemp("scaffold") / "ny-alliance"
        scaffold(project, "Ny alliance", datetime.date.today())
    else:
        project = ROOT / "examples" / request.param
    out = tmp_path_factory.mktemp(f"site-{request.param}")
    result = build_site(project, out)
    assert result.returncode == 0, result.stdout + result.stderr
    with SiteServer(out) as server:
        yield load_site(project / "data")[0], server.base_url


def alliance_states(site) -> list[PageState]:
    """Every generated page of the alliance, optional sections included, plus content and 404."""
    states = [PageState("home", ""), PageState("emner", urls.TOPICS),
              *(PageState(t.id, urls.topic(t.id)) for t in site.topics),
              PageState("kommuner", urls.MUNICIPALITIES),
              *(PageState(m.id, urls.municipality(m.id)) for m in site.municipalities),
              *(PageState(m.id, urls.member(m.id)) for m in site.members),
              PageState("partnere", urls.PARTNERS, ready="form[data-filter='partners']:not([hidden])"),
              PageState("partnere-type", urls.partner_type(site.partners[0].type.value),
                        ready="form[data-filter='partners']:not([hidden])"),
              PageState("finder", urls.FINDER, ready="[data-finder-form]:not([hidden])")]
    first = site.municipalities[0].id
    states.append(PageState("finder-kommune", urls.finder(first), ready=f"[data-finder-results][data-loaded='{first}']"))
    if site.efforts:
        states += [PageState("indsatser", urls.EFFORTS), *(PageState(e.id, urls.effort(e.id)) for e in site.efforts)]
    if site.alliance.clusters:
        states += [PageState("klynger", urls.CLUSTERS), *(PageState(c.id, urls.cluster(c.id)) for c in site.alliance.clusters)]
    if site.events:
        states += [PageState("arrangementer", urls.EVENTS),
                   *(PageState(f"arrangementer-{year}", urls.events_year(year)) for year, _ in site.past_events_by_year())]
    if site.news:
        states += [PageState("nyheder", urls.NEWS), PageState("nyhed", urls.news(site.news[0].id))]
    return [*states, PageState("om-alliancen", "om-alliancen/"), PageState("404", "findes-ikke/", status=404)]


def test_no_axe_violations_on_any_page(alliance, page):
    site, base_url = alliance
    failures = []
    for state in alliance_states(site):
        open_page(page, base_url, state)
        for viewport, scheme in COMBINATIONS:
            page.set_viewport_size(viewport)
            set_palette(page, scheme)
            settle(page)
            if violations := axe_violations(page):
                failures.append(f"/{state.path} [{viewport['width']} {scheme}]\n{describe_violations(violations)}")
    assert not failures, "\n".join(failures)


def visible_titles(page) -> list[str]:
    """Titles of the finder's cards, once the last batch of them is in."""
    expect(page.locator("[data-finder-results]")).not_to_have_attribute("aria-busy", "true")
    return sorted(page.locator("[data-finder-results] .al-consultant:not([hidden]) .al-card__title").all_inner_texts())


def test_finder_shows_exactly_the_consultants_of_each_municipality(alliance, page):
    site, base_url = alliance
    for municipality in site.municipalities:
        page.goto(base_url + urls.finder(municipality.id))
        expected = serving(site, municipality.id)
        expect(page.locator("[data-finder-status]")).to_contain_text(f"{len(expected)} konsulent")
        assert visible_titles(page) == sorted(c.name for c in expected)


def test_finder_cards_match_the_server_rendered_cards(alliance, page):
    site, base_url = alliance
    assert not finder_cards_differing_from_server_cards(page, base_url, site)


def test_finder_by_cluster_shows_everyone_in_its_municipalities(alliance, page):
    site, base_url = alliance
    for cluster in site.alliance.clusters:
        page.goto(base_url + urls.finder(cluster_id=cluster.id))
        ids = {m.id for m in site.municipalities_in(cluster)}
        expected = {e.consultant.name for m in ids for e in site.consultants_serving(m)}
        expect(page.locator("[data-finder-status]")).to_contain_text(f"i {cluster.name}")
        assert visible_titles(page) == sorted(expected)


def test_single_municipality_alliance_needs_no_choice(alliance, page):
    site, base_url = alliance
    page.goto(base_url + urls.FINDER)
    expect(page.locator("[data-finder-form]")).to_be_visible()
    if len(site.municipalities) != 1:
        expect(page.locator("select[name='kommune']")).to_have_value("")  # several: the visitor chooses
        return
    only = site.municipalities[0]
    expect(page.locator("[data-finder-status]")).to_contain_text(f"{only.name} Kommune")
    assert visible_titles(page) == sorted(c.name for c in serving(site, only.id))


def test_privacy_and_phone_layout(alliance, browser):
    site, base_url = alliance
    visit = tour(browser, base_url, alliance_states(site))
    foreign = sorted({u for u in visit.requests if not u.startswith((base_url, "data:", "blob:"))})
    assert not foreign, foreign
    assert visit.cookies == [] and visit.storage["session"] == []
    assert list(visit.storage["local"]) == ["/.__palette"]
    wide = [path for path, m in visit.layout.items() if m["scrollWidth"] > m["clientWidth"]]
    small = [f"/{path}: {t}" for path, m in visit.layout.items() for t in m["small"]]
    assert not wide and not small, (wide, small)


def test_the_header_shows_the_alliance_mark_or_its_name_alone(alliance, page):
    """An alliance with a logo has it in the header; one without shows its name only, never
    Material's default icon."""
    site, base_url = alliance
    page.goto(base_url, wait_until="networkidle")
    expect(page.locator(".md-header__topic").first).to_contain_text(site.alliance.name)
    logos = page.locator(".md-header .md-logo")
    if site.alliance.logo:
        expect(logos.locator("img")).to_have_attribute("alt", site.alliance.logo.alt)
    else:
        expect(logos).to_have_count(0)
        expect(page.locator(".md-nav--primary .md-nav__title .md-logo")).to_have_count(0)
