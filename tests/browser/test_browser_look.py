"""What a first look shows, in a real browser: dark, bold headings in both palettes, the
alliance's mark in the header, Danish hyphenation and no word broken without a hyphen at 320 px,
search highlights in the brand's colour, and events that can be acted on."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from alliance_site.publish.brand import contrast
from playwright.sync_api import Page, expect

from browser.conftest import DESKTOP, PHONE
from browser.pages import set_palette, settle
from browser.test_browser_search import search

AAA_TEXT = 7.0
NARROWEST = {"width": 320, "height": 640}
# The pages with the longest words in their headings and text.
LONG_WORD_PAGES = ["", "tilgaengelighed/", "privatlivspolitik/", "om-alliancen/", "partnere/",
                   "partnere/erhvervsorganisation/", "partnere/uddannelsesinstitution/", "emner/",
                   "emner/international-arbejdskraft/", "kommuner/frederikssund/", "arrangementer/"]

# The colour the eye sees: a colour with alpha laid over the page's background.
SEEN_COLOURS = """selector => {
  const rgb = text => text.match(/[\\d.]+/g).map(Number);
  const element = document.querySelector(selector);
  const [r, g, b, a = 1] = rgb(getComputedStyle(element).color);
  const [br, bg, bb] = rgb(getComputedStyle(document.body).backgroundColor);
  const hex = values => '#' + values.map(v => Math.round(v).toString(16).padStart(2, '0')).join('');
  const style = getComputedStyle(element);
  return {text: hex([r * a + br * (1 - a), g * a + bg * (1 - a), b * a + bb * (1 - a)]),
          background: hex([br, bg, bb]), weight: Number(style.fontWeight), hyphens: style.hyphens};
}"""

# Every word of the page's visible text that the browser broke over two lines without a hyphen
# there (a soft hyphen, which shows as one, or a written one). Addresses are left out: an e-mail
# address or a link written out may break anywhere, and a hyphen in it would mislead.
UNHYPHENATED_BREAKS = """() => {
  const broken = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT, {
    acceptNode: node => node.parentElement.closest('script, style, code, pre, [hidden], .md-search, .md-sidebar')
      ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT,
  });
  const range = document.createRange();
  const top = (node, start, end) => {
    range.setStart(node, start); range.setEnd(node, end);
    const rects = [...range.getClientRects()].filter(rect => rect.height);  // after a break: the new line's
    return rects.length ? rects.at(-1).top : null;
  };
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    for (const match of node.data.matchAll(/\\S+/g)) {
      const word = match[0];
      if (/[@\\/.:]\\w/.test(word) || word.replace(/[\\u00ad-]/g, '').length < 4) continue;
      range.setStart(node, match.index); range.setEnd(node, match.index + word.length);
      if (range.getClientRects().length < 2) continue;
      const first = top(node, match.index, match.index + 1);
      for (let i = 1; i < word.length; i++) {
        const here = top(node, match.index + i, match.index + i + 1);
        if (first !== null && here !== null && here > first + 2) {
          if (!/[\\u00ad-]/.test(word[i - 1])) broken.push(word.replace(/\\u00ad/g, '') + ' at ' + i);
          break;
        }
      }
    }
  }
  return broken;
}"""


def _colours(page: Page, selector: str) -> dict:
    return page.evaluate(SEEN_COLOURS, selector)


@pytest.mark.parametrize("scheme", ["default", "slate"])
@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["360", "1280"])
def test_headings_are_dark_and_bold_with_danish_hyphenation(page, site_url, scheme, viewport):
    page.set_viewport_size(viewport)
    page.goto(site_url + "tilgaengelighed/", wait_until="networkidle")
    set_palette(page, scheme)
    settle(page)
    for selector in ("article h1", "article h2"):
        seen = _colours(page, selector)
        ratio = contrast(seen["text"], seen["background"])
        assert ratio >= AAA_TEXT, f"{selector} in {scheme}: {seen['text']} on {seen['background']} is {ratio:.2f}:1"
        assert seen["weight"] >= 700 and seen["hyphens"] == "auto", (selector, seen)
    assert page.evaluate("document.documentElement.lang") == "da"


@pytest.mark.parametrize("path", LONG_WORD_PAGES)
def test_no_word_breaks_without_a_hyphen_at_320_px(new_context, site_url, path):
    page = new_context(viewport=NARROWEST).new_page()
    page.goto(site_url + path, wait_until="networkidle")
    assert page.evaluate("document.documentElement.scrollWidth") <= NARROWEST["width"], "the page scrolls sideways"
    assert page.evaluate(UNHYPHENATED_BREAKS) == []


def test_the_break_check_sees_a_word_broken_without_a_hyphen(new_context, site_url):
    """The check above can fail: a long word forced to break anywhere is found."""
    page = new_context(viewport=NARROWEST).new_page()
    page.goto(site_url + "tilgaengelighed/", wait_until="networkidle")
    page.evaluate("""() => { const p = document.querySelector('article p');
        p.style.overflowWrap = 'anywhere'; p.textContent = 'Arbejdsgiverorganisationernes'.repeat(3); }""")
    assert page.evaluate(UNHYPHENATED_BREAKS)


def test_the_header_shows_the_alliance_mark(page, site_url, default_site):
    page.goto(site_url, wait_until="networkidle")
    mark = page.locator(".md-header .md-logo img")
    expect(mark).to_be_visible()
    assert mark.get_attribute("src").endswith("assets/images/alliance-logo.svg")
    assert page.evaluate("document.querySelector('.md-header .md-logo img').naturalWidth") > 0
    assert "material" not in page.locator(".md-header .md-logo").inner_html()


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_search_highlights_take_the_link_colour(page, site_url, scheme):
    page.goto(site_url, wait_until="networkidle")
    set_palette(page, scheme)
    search(page, "rekruttering")
    mark = page.locator(".md-search-result mark").first
    expect(mark).to_be_visible()
    seen = _colours(page, ".md-search-result mark")
    link = page.evaluate("getComputedStyle(document.body).getPropertyValue('--md-typeset-a-color').trim()")
    assert seen["text"] == link.lower(), (seen, link)
    assert contrast(seen["text"], seen["background"]) >= 4.5


def test_an_event_title_links_to_itself_and_sign_up_and_map_are_actions(page, site_url, default_site):
    event = next(e for e in default_site.upcoming_events() if e.registration and e.address)
    page.goto(site_url + "arrangementer/", wait_until="networkidle")
    card = page.locator(f"article.al-event[aria-labelledby='{event.id}']")
    card.get_by_role("link", name=event.title, exact=True).click()
    page.wait_for_url(f"**/arrangementer/#{event.id}")
    signup = card.get_by_role("link", name=re.compile(r"^Tilmeld dig"))
    assert signup.get_attribute("href") == event.registration
    assert event.address.street in card.inner_text()
    map_link = card.get_by_role("link", name="Se adressen på et kort")
    assert map_link.get_attribute("href").startswith("https://www.openstreetmap.org/search?query=")
    calendar = card.get_by_role("link", name=re.compile(r"^Føj til kalender"))
    with page.expect_download() as download:
        calendar.click()
    text = Path(download.value.path()).read_text(encoding="utf-8")
    assert "LOCATION:" in text and event.address.street in text.replace("\r\n ", "")
