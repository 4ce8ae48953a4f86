"""The finder and the partner filter with the keyboard alone: reachable with Tab, operable
with the arrow keys, focus visible, and the result count announced in a live region."""

from __future__ import annotations

from playwright.sync_api import Locator, Page, expect

from browser.pages import expect_finder_shows, finder_choice, serving

MAX_TABS = 80
FOCUS_IS_VISIBLE = """el => {
  const style = getComputedStyle(el);
  const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
  return el.matches(':focus-visible') && (outline || style.boxShadow !== 'none');
}"""


def tab_to(page: Page, target: Locator) -> None:
    """Press Tab until `target` has focus, as a keyboard user would."""
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        if target.evaluate("el => el === document.activeElement"):
            assert target.evaluate(FOCUS_IS_VISIBLE), "focused element has no visible focus indicator"
            return
    raise AssertionError(f"{target} not reached with {MAX_TABS} presses of Tab")


def arrow_to(page: Page, select: Locator, value: str) -> None:
    """Move through a focused <select> with ArrowDown until `value` is chosen."""
    for _ in range(select.locator("option").count()):
        if select.input_value() == value:
            return
        page.keyboard.press("ArrowDown")
    assert select.input_value() == value


def test_finder_by_keyboard(page, site_url, default_site):
    municipality_id, topic_id = finder_choice(default_site)
    place = next(m for m in default_site.municipalities if m.id == municipality_id)
    helping = [c for c in serving(default_site, place.id) if topic_id in c.topics]
    page.goto(site_url + "find-konsulent/")
    status = page.get_by_role("status")
    expect(status).to_have_attribute("aria-live", "polite")
    expect(status).to_have_attribute("data-finder-status", "")
    form = page.locator("[data-finder-form]")

    tab_to(page, form.locator("select[name='kommune']"))
    arrow_to(page, form.locator("select[name='kommune']"), municipality_id)
    expect_finder_shows(page, place, serving(default_site, place.id))
    tab_to(page, form.locator("select[name='emne']"))
    arrow_to(page, form.locator("select[name='emne']"), topic_id)
    expect_finder_shows(page, place, helping)

    first_call = page.locator("[data-finder-results] .al-consultant:not([hidden]) a[href^='tel:']").first
    tab_to(page, first_call)
    assert first_call.inner_text().removeprefix("Ring").strip() in {c.phone for c in helping}


def test_partner_filter_by_keyboard(page, site_url, default_site):
    place = default_site.municipalities[0]
    partners = default_site.partners_serving(place.id)
    kind = partners[0].type
    page.goto(site_url + "partnere/")
    status = page.get_by_role("status")
    expect(status).to_have_text(f"Viser {len(default_site.partners)} partnere.")
    form = page.locator("form[data-filter='partners']")

    entries = page.locator(".al-partner-index li")
    tab_to(page, form.locator("select[name='kommune']"))
    arrow_to(page, form.locator("select[name='kommune']"), place.id)
    expect(status).to_have_text(f"Viser {len(partners)} partnere.")
    expect(entries.locator("visible=true")).to_have_count(len(partners))
    tab_to(page, form.locator("select[name='type']"))
    arrow_to(page, form.locator("select[name='type']"), kind.value)
    of_kind = [p for p in partners if p.type == kind]
    expect(entries.locator("visible=true")).to_have_count(len(of_kind))
    expect(status).to_contain_text(f"Viser {len(of_kind)} partner")
    shown = [text.replace("\u00ad", "") for text in entries.locator("visible=true").locator("a").all_inner_texts()]
    assert sorted(shown) == sorted(p.name for p in of_kind)  # long names carry soft hyphens (hyphenation.py)
    assert "kommune=" + place.id in page.url and "type=" + kind.value in page.url

    # A choice made without a change event is applied with the form's "Vis" button and Enter.
    form.locator("select[name='type']").evaluate("select => { select.value = ''; }")
    tab_to(page, form.get_by_role("button", name="Vis"))
    page.keyboard.press("Enter")
    expect(status).to_have_text(f"Viser {len(partners)} partnere.")
    assert "type=" not in page.url

    # The entry leads to the card on the type's page, where the filter keeps the municipality.
    page.goto(site_url + f"partnere/{kind.value}/?kommune={place.id}")
    expect(page.get_by_role("status")).to_contain_text(f"Viser {len(of_kind)} partner")
    cards = page.locator(".al-partner:visible .al-card__title")
    expect(cards).to_have_count(len(of_kind))
    assert sorted(text.replace("\u00ad", "") for text in cards.all_inner_texts()) == sorted(p.name for p in of_kind)
    page.locator("form[data-filter='partners'] select[name='kommune']").select_option("")
    expect(page.locator(".al-partner:visible")).to_have_count(sum(p.type == kind for p in default_site.partners))
