"""The alliance's own face: brand colour contrast (WCAG 2.1) and the logo in a real build."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from alliance_site.data.loading import load_site
from alliance_site.publish.brand import AA_NORMAL_TEXT, SLATE_BACKGROUND, WHITE, Brand, contrast, ratio_text
from htmlscan import elements, page
from sitebuild import ROOT, build_site

SOENDERBORG = ROOT / "examples" / "soenderborg-i-arbejde"


@pytest.mark.parametrize("a, b, expected", [
    ("#000000", "#ffffff", 21.0),   # the largest contrast there is
    ("#ffffff", "#ffffff", 1.0),
    ("#767676", "#ffffff", 4.54),   # the lightest grey that passes AA on white (WebAIM's figure)
    ("#777777", "#ffffff", 4.48),   # one step lighter fails
    ("#0000ff", "#ffffff", 8.59),   # pure blue on white
])
def test_contrast_matches_wcag_reference_values(a, b, expected):
    assert round(contrast(a, b), 2) == expected
    assert contrast(a, b) == contrast(b, a)


def test_ratios_are_written_the_danish_way_and_never_rounded_up():
    assert ratio_text(4.4999) == "4,49:1" and ratio_text(21) == "21,00:1"


def test_material_slate_background_is_what_the_dark_check_uses():
    css = next((ROOT / ".venv").glob("lib/python*/site-packages/material/templates/assets/stylesheets/palette.*.min.css"),
               None)
    if css is not None:  # the constant is taken from this rule of Material's palette
        assert "--md-default-bg-color:hsla(var(--md-hue), 15%, 14%, 1)" in css.read_text(encoding="utf-8")
    assert SLATE_BACKGROUND == "#1e2129"


def test_a_good_colour_passes_in_both_palettes_and_a_light_one_does_not():
    good = Brand.of("#7a1f3d")
    assert good.problems() == []
    assert contrast(WHITE, good.colour) >= AA_NORMAL_TEXT and contrast(good.dark_link, SLATE_BACKGROUND) >= AA_NORMAL_TEXT
    assert [field for field, _ in Brand.of("#7fb3d5").problems()] == ["brand_colour"]
    assert [field for field, _ in Brand.of("#0b5a6b", "#0b3a6b").problems()] == ["brand_colour_dark"]


@pytest.fixture(scope="module")
def branded(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("branded")
    with pytest.MonkeyPatch.context() as env:  # the example's own address, whatever the session set
        env.delenv("SITE_URL", raising=False)
        result = build_site(SOENDERBORG, out)
    assert result.returncode == 0, result.stderr[-3000:]
    return out


def test_logo_is_in_the_header_the_favicon_and_the_open_graph_image(branded):
    site, _ = load_site(SOENDERBORG / "data")
    logo = site.alliance.logo
    assert logo is not None, "Sønderborg's example has a logo"
    html = page(branded, "")
    images = [i for i in elements(html, "img", src="*") if "alliance-logo" in i["src"]]
    assert images and all(i["alt"] == logo.alt for i in images)
    assert elements(html, "link", rel="icon")[0]["href"] == "assets/images/alliance-logo.svg"
    assert elements(html, "meta", property="og:image")[0]["content"] == \
        "https://soenderborg-i-arbejde.example/assets/images/alliance-logo.svg"
    logo_bytes = (SOENDERBORG / "data" / logo.file).read_bytes()
    assert (branded / "assets" / "images" / "alliance-logo.svg").read_bytes() == logo_bytes
    deep = page(branded, "kommuner/soenderborg/")
    assert any(i["src"] == "../../assets/images/alliance-logo.svg" for i in elements(deep, "img", src="*"))


def test_brand_stylesheet_sets_the_checked_colours_after_the_sites_own(branded):
    css = (branded / "assets" / "stylesheets" / "alliance-brand.css").read_text(encoding="utf-8")
    brand = Brand.of("#7a1f3d")
    assert re.findall(r"--md-typeset-a-color: (#[0-9a-f]{6});", css) == [brand.colour, brand.dark_link]
    assert "&" not in css
    html = page(branded, "")
    sheets = [link["href"] for link in elements(html, "link", rel="stylesheet")]
    assert sheets.index("assets/stylesheets/alliance-brand.css") == sheets.index("assets/stylesheets/alliance.css") + 1


def test_the_default_site_keeps_its_own_colours_and_has_its_own_mark(built_site):
    assert not (built_site / "assets" / "stylesheets" / "alliance-brand.css").exists()
    html = page(built_site, "")
    [image] = elements(html, "meta", property="og:image")
    assert image["content"].endswith("/assets/images/alliance-logo.svg")
    assert "alliance-brand.css" not in html


def test_an_alliance_of_one_municipality_links_straight_to_its_consultants(branded):
    site, _ = load_site(SOENDERBORG / "data")
    html = page(branded, "")
    assert not elements(html, "form", data_chooser="*")
    assert any(a["href"] == f"kommuner/{site.municipalities[0].id}/#konsulenter" for a in elements(html, "a", href="*"))
