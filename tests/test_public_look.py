"""How the public pages read to a first-time visitor: the home page's title, the header's mark,
hyphenated headings, the accent from the brand colour, partner cards that say what they have.
The browser shows the rest (tests/browser/test_browser_look.py)."""

from __future__ import annotations

import re

import pytest
from alliance_mkdocs.hyphenation import SOFT_HYPHEN, hyphenate_headings, hyphenate_word
from alliance_mkdocs.palette import css_variables
from alliance_site.data.text import genitive
from alliance_site.publish.brand import Brand
from htmlscan import elements, page
from markupsafe import escape


@pytest.mark.parametrize("name, expected", [
    ("Jobcenter Holbæk", "Jobcenter Holbæks"), ("EUC Sjælland", "EUC Sjællands"),
    ("Det Faglige Hus", "Det Faglige Hus'"), ("Novax", "Novax'"), ("Zealand Biz", "Zealand Biz'"),
])
def test_danish_genitive_takes_an_apostrophe_after_s_x_and_z(name, expected):
    assert genitive(name) == expected


def test_long_heading_words_get_soft_hyphens_with_three_letters_either_side():
    word = hyphenate_word("Tilgængelighedserklæring")
    assert word.replace(SOFT_HYPHEN, "") == "Tilgængelighedserklæring"
    parts = word.split(SOFT_HYPHEN)
    assert len(parts) > 2 and all(len(part) >= 3 for part in parts)
    assert "kraft" + SOFT_HYPHEN + "Alli" in hyphenate_word("ArbejdskraftAlliancen")  # the joint of the name


def test_only_heading_text_is_hyphenated_never_attributes_or_running_text():
    html = ('<h1 id="arbejdsgiverorganisationer" title="arbejdsgiverorganisationer">'
            'Arbejdsgiverorganisationer <a href="/arbejdsgiverorganisationer/">og mere</a></h1>'
            '<p>Arbejdsgiverorganisationer</p>')
    out = hyphenate_headings(html)
    assert out.count(SOFT_HYPHEN) == hyphenate_word("Arbejdsgiverorganisationer").count(SOFT_HYPHEN) > 0
    assert out.replace(SOFT_HYPHEN, "") == html
    assert out.endswith("<p>Arbejdsgiverorganisationer</p>") and 'id="arbejdsgiverorganisationer"' in out


def test_the_accent_is_the_link_colour_in_both_palettes():
    """Search-result highlights and focus rings take the accent: it is the brand's link colour,
    whose contrast brand.py checks (palette.py sets it), instead of Material's red-brown."""
    light, dark = css_variables(Brand.of("#7a1f3d")).values()
    assert light["--md-accent-fg-color"] == light["--md-typeset-a-color"] == "#7a1f3d"
    assert dark["--md-accent-fg-color"] == dark["--md-typeset-a-color"]


def test_home_title_names_the_alliance_once_with_its_tagline(built_site, default_site):
    html = page(built_site, "")
    alliance = default_site.alliance
    expected = f"{alliance.name} – {alliance.tagline}"
    [title] = re.findall(r"<title>(.*?)</title>", html)
    assert title == expected and title.count(alliance.name) == 1
    [og_title] = elements(html, "meta", property="og:title")
    assert og_title["content"] == expected
    assert f"<title>Kommuner - {alliance.name}</title>" in page(built_site, "kommuner/")


def test_the_default_alliance_has_its_own_mark_in_the_header(built_site, default_site):
    assert default_site.alliance.logo is not None
    html = page(built_site, "")
    marks = elements(html, "img", src="assets/images/alliance-logo.svg")  # the header and the phone menu
    assert len(marks) == 2 and all(mark["alt"] == default_site.alliance.logo.alt for mark in marks)
    assert (built_site / "assets/images/alliance-logo.svg").read_text(encoding="utf-8").startswith("<svg")


def test_partner_cards_offer_the_website_and_the_consultant_and_say_when_there_is_nothing_more(built_site,
                                                                                               default_site):
    for kind, partners in default_site.partners_by_type():
        html = page(built_site, f"partnere/{kind.value}/")
        assert "kontaktoplysninger" not in html
        for partner in partners:
            text = escape(f"Gå til {genitive(partner.name)} hjemmeside")
            assert f'class="al-contact__link al-partner__website" href="{partner.website}">{text}</a>' in html
            assert escape(f"Din konsulent kan sætte jer i kontakt med {partner.name}") in html
            has_contact = partner.contact and (partner.contact.phone or partner.contact.email)
            assert (escape(f"Vi har ingen direkte kontaktperson hos {partner.name}.") in html) == (not has_contact)
