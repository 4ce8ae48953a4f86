"""What the browser tests visit, and the small page actions they share.

The list of pages comes from the data (every topic, every municipality), so a new municipality
is checked without touching the tests.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any
from weakref import WeakKeyDictionary

from axe_playwright_python.base import AXE_SCRIPT
from playwright.sync_api import Page, expect

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
SCHEMES = ("default", "slate")
NOT_FOUND_PATH = "findes-ikke/"


@dataclass(frozen=True)
class PageState:
    """A page, and optionally the element that shows it has finished its client-side work."""

    name: str
    path: str
    ready: str | None = None
    status: int = 200


@dataclass
class Seen:
    """What a page's listeners recorded: policy violations, script errors, requests to other
    hosts, and the documents it loaded (for their headers)."""

    csp_messages: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    foreign_requests: list[str] = field(default_factory=list)
    documents: list[Any] = field(default_factory=list)


_SEEN: WeakKeyDictionary[Page, Seen] = WeakKeyDictionary()


def seen(page: Page) -> Seen:
    """The record kept for `page` (made empty on the first call)."""
    return _SEEN.setdefault(page, Seen())


def finder_choice(site) -> tuple[str, str]:
    """A municipality and a topic that some, not all, of the consultants serving it help with."""
    for municipality in site.municipalities:
        consultants = serving(site, municipality.id)
        for topic in site.topics:
            helping = [c for c in consultants if topic.id in c.topics]
            if 0 < len(helping) < len(consultants):
                return municipality.id, topic.id
    raise AssertionError("the data has no municipality where a topic narrows the consultants")


def empty_finder_choice(site) -> tuple[str, str]:
    """A municipality and a topic no consultant serving it helps with: the finder's empty result."""
    for municipality in site.municipalities:
        consultants = serving(site, municipality.id)
        for topic in site.topics:
            if not [c for c in consultants if topic.id in c.topics]:
                return municipality.id, topic.id
    raise AssertionError("every municipality has a consultant for every topic")


def serving(site, municipality_id: str) -> list:
    """The consultants the finder lists for a municipality: its own and members' consultants."""
    return [entry.consultant for entry in site.consultants_serving(municipality_id)]


def largest_partner_type(site) -> str:
    """The partner type with the most cards: the heaviest of the type pages."""
    return max(site.partners_by_type(), key=lambda group: len(group[1]))[0].value


def newest_archive_year(site) -> int:
    """The year of the latest past event: its archive page is the one the events page links first."""
    return site.past_events_by_year()[0][0]


def page_states(site) -> list[PageState]:
    """Every kind of page: home, each topic, each municipality, directory, finder, content, news,
    events and a year of past events, the guide's steps and results, 404."""
    municipality_id, topic_id = finder_choice(site)
    nobody_in, nobody_for = empty_finder_choice(site)
    return [
        PageState("home", ""),
        *(PageState(f"emne-{t.id}", f"emner/{t.id}/") for t in site.topics),
        *(PageState(f"kommune-{m.id}", f"kommuner/{m.id}/") for m in site.municipalities),
        PageState("partnere", "partnere/", ready="form[data-filter='partners']:not([hidden])"),
        PageState("partnere-type", f"partnere/{largest_partner_type(site)}/",
                  ready="form[data-filter='partners']:not([hidden])"),
        PageState("finder", "find-konsulent/", ready="[data-finder-form]:not([hidden])"),
        PageState("finder-kommune", f"find-konsulent/?kommune={municipality_id}",
                  ready=f"[data-finder-results][data-loaded='{municipality_id}']"),
        PageState("finder-kommune-emne", f"find-konsulent/?kommune={municipality_id}&emne={topic_id}",
                  ready=f"[data-finder-results][data-loaded='{municipality_id}']"),
        PageState("finder-ingen", f"find-konsulent/?kommune={nobody_in}&emne={nobody_for}",
                  ready="[data-finder-fallback] .al-contact-block"),
        PageState("om-alliancen", "om-alliancen/"),
        *([PageState("nyheder", "nyheder/"), PageState("nyhed", f"nyheder/{site.news[0].id}/"),
           PageState("foelg-med", "foelg-med/")] if site.news else []),
        *([PageState("arrangementer", "arrangementer/")] if site.events else []),
        *([PageState("arrangementer-aar", f"arrangementer/{newest_archive_year(site)}/")]
          if site.past_events() else []),
        *guide_states(site),
        PageState("404", NOT_FOUND_PATH, status=404),
    ]


def uncovered_help(site) -> tuple[str, str] | None:
    """A topic and municipality no consultant covers: its result page shows the contact instead."""
    for topic in site.topics:
        for municipality in site.municipalities:
            if not any(topic.id in e.consultant.topics for e in site.consultants_serving(municipality.id)):
                return topic.id, municipality.id
    return None


def guide_states(site) -> list[PageState]:
    """The guide: its first question, a follow-up question and a place step (the form shows with
    scripts), and result pages with a consultant and, where the data has one, without."""
    from alliance_site.publish import urls
    from alliance_site.publish.guide import PlaceStep, QuestionStep, guide_steps

    steps = guide_steps(site)
    place = next(s for s in steps if isinstance(s, PlaceStep))
    question = next((s for s in steps if isinstance(s, QuestionStep)), None)
    municipality_id, topic_id = finder_choice(site)
    uncovered = uncovered_help(site)
    return [
        PageState("guide", urls.GUIDE),
        *([PageState("guide-spoergsmaal", question.url)] if question else []),
        PageState("guide-sted", place.url, ready="form[data-place-form][data-ready]"),
        PageState("hjaelp", urls.help_page(topic_id, municipality_id)),
        *([PageState("hjaelp-kontakt", urls.help_page(*uncovered))] if uncovered else []),
    ]


def expect_finder_shows(page: Page, place, consultants) -> None:
    """The finder's live region has announced the count, and exactly these cards are visible."""
    count = len(consultants)
    noun = "konsulent" if count == 1 else "konsulenter"
    expect(page.locator("[data-finder-status]")).to_contain_text(f"{count} {noun} i {place.name} Kommune")
    expect(page.locator("[data-finder-results]")).not_to_have_attribute("aria-busy", "true")
    titles = page.locator("[data-finder-results] .al-consultant:not([hidden]) .al-card__title")
    assert sorted(titles.all_inner_texts()) == sorted(c.name for c in consultants)


def open_page(page: Page, base_url: str, state: PageState) -> None:
    """Load the page and wait until its scripts have done their part."""
    response = page.goto(base_url + state.path)
    assert response is not None and response.status == state.status, \
        f"{state.path}: HTTP {response.status if response else 'no response'}"
    page.wait_for_function("() => window.document$ !== undefined")
    if state.ready:
        page.locator(state.ready).wait_for(state="attached")


def set_palette(page: Page, scheme: str) -> None:
    """Switch Material's palette the way a visitor does: with the toggle in the header."""
    body = page.locator("body")
    if body.get_attribute("data-md-color-scheme") != scheme:
        page.locator("form[data-alliance-palette] label:not([hidden])").click()
    page.wait_for_function("s => document.body.dataset.mdColorScheme === s", arg=scheme)


def settle(page: Page) -> None:
    """Finish running CSS transitions (Material animates colours), so axe sees final colours.
    Finished rather than awaited: a transition that never runs (in content the browser skips
    rendering) would otherwise hang the test, since page.evaluate has no timeout."""
    page.evaluate("""() => document.getAnimations().forEach(a => {
      try { a.finish(); } catch (error) { /* an endless animation cannot finish; leave it */ }
    })""")


def axe_violations(page: Page) -> list[dict]:
    """axe-core's WCAG 2.0/2.1 A and AA violations on the page as it is now."""
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate(AXE_SCRIPT)
    options = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}
    return page.evaluate("options => axe.run(document, options).then(r => r.violations)", options)


def describe_violations(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"][:5]:
            lines.append(f"    {', '.join(map(str, node['target']))}: {node['failureSummary'].splitlines()[-1].strip()}")
    return "\n".join(lines)


# What a card shows and links to, with whitespace collapsed and links resolved, and the
# elements it is made of (lists stay lists; the employer's link is left out, as the card on the
# employer's own page has none), so a card the finder script made can be compared with the one
# the server rendered.
CARD_SUMMARIES = """cards => cards.map(card => ({
  id: card.querySelector(".al-card__title").id,
  elements: Array.from(card.querySelectorAll("*:not(.al-card__meta > a)")).map(el => el.tagName).join(" "),
  text: card.textContent.replace(/\\s+/g, " ").trim(),
  links: Array.from(card.querySelectorAll("a")).map(a =>
    [a.href, a.textContent.replace(/\\s+/g, " ").trim(), a.getAttribute("download")]),
  images: Array.from(card.querySelectorAll("img")).map(img => img.src),
}))"""


def finder_cards_differing_from_server_cards(page: Page, base_url: str, site) -> list[str]:
    """Every consultant's card as the finder script makes it, against the card on its employer's
    page. The finder's card links the employer; on the employer's own page that link is left out."""
    server = {}
    for employer in site.employers():
        page.goto(base_url + employer.page_url)
        for card in page.locator(".al-consultant").evaluate_all(CARD_SUMMARIES):
            server[card["id"]] = (card, base_url + employer.page_url)
    differing, seen = [], set()
    for municipality in site.municipalities:
        page.goto(base_url + f"find-konsulent/?kommune={municipality.id}")
        page.locator(f"[data-finder-results][data-loaded='{municipality.id}']").wait_for(state="attached")
        for card in page.locator("[data-finder-results] .al-consultant").evaluate_all(CARD_SUMMARIES):
            seen.add(card["id"])
            expected, employer_url = server[card["id"]]
            employer_links = [link for link in card["links"] if link[0] == employer_url]
            card["links"] = [link for link in card["links"] if link[0] != employer_url]
            if card != expected or len(employer_links) != 1:
                differing.append(f"{municipality.id}: {card} != {expected}")
    missing = set(server) - seen
    return differing + [f"not in the finder: {sorted(missing)}"] * bool(missing)
