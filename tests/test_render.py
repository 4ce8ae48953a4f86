"""Template rendering: autoescaping, vCard escaping, strict undefined variables, and the caches
the preview keeps across rebuilds (consultant cards, compiled theme templates)."""

from __future__ import annotations

import jinja2
import pytest

from alliance_site.build import MemoryBytecodeCache, SiteBuild
from alliance_site.pages import AssetSpec, build_assets, build_pages
from alliance_site.render import Renderer, tel_uri, vcard_escape
from sitebuild import ROOT


def test_vcard_escape_neutralises_separators_and_line_breaks():
    assert vcard_escape("a,b;c\\d\r\nEND:VCARD") == "a\\,b\\;c\\\\d\\nEND:VCARD"


def test_tel_uri_keeps_only_digits_and_plus():
    assert tel_uri("+45 12 34 56 78") == "tel:+4512345678"


@pytest.fixture(scope="module")
def build(data_dir):
    return SiteBuild.load(data_dir, [ROOT / "overrides"])


def test_vcard_with_hostile_name_stays_one_property_per_line(build, default_site):
    entry = default_site.consultants_serving(default_site.municipalities[0].id)[0]
    consultant = entry.consultant.model_copy(update={"name": "Eve\nEND:VCARD\nBEGIN:VCARD; X"})
    spec = AssetSpec("x.vcf", "alliance/vcard.vcf.html", {"site": default_site, "entry": entry,
                                                     "consultant": consultant})
    text = build.renderer.render_asset(spec)
    lines = text.split("\r\n")
    assert lines.count("END:VCARD") == 1 and lines.count("BEGIN:VCARD") == 1
    assert "FN;CHARSET=UTF-8:Eve\\nEND:VCARD\\nBEGIN:VCARD\\; X\r\n" in text


def test_page_templates_autoescape_data(build):
    spec = next(s for s in build.pages.values() if "municipality" in s.context)
    hostile = spec.context["municipality"].model_copy(update={"name": "<b>Bad</b>"})
    html = build.renderer.render_page(type(spec)(spec.url, spec.title, "", spec.template,
                                                 {**spec.context, "municipality": hostile}), "", spec.url)
    assert "<b>Bad</b>" not in html and "&lt;b&gt;Bad&lt;/b&gt;" in html


def test_page_content_is_inserted_as_markup(build):
    spec = build.pages["index.md"]
    html = build.page_body("index.md", "<p>Rendered <em>Markdown</em></p>", "")
    assert "<p>Rendered <em>Markdown</em></p>" in html
    assert build.page_body("om-alliancen.md", "<p>x</p>", "om-alliancen/") is None
    assert spec.template == "alliance/home.html"


def test_undefined_variables_are_errors_not_empty_text(tmp_path):
    (tmp_path / "t.html").write_text("{{ missing }}", encoding="utf-8")
    with pytest.raises(jinja2.UndefinedError):
        Renderer([tmp_path]).env.get_template("t.html").render()


def _municipality_page(site):
    return next(s for s in build_pages(site) if "municipality" in s.context and s.context["municipality"].consultants)


def _site_with(site, municipalities=None, topics=None):
    return type(site).create(site.alliance, municipalities or list(site.municipalities), list(site.partners),
                             topics or list(site.topics), site.data_dir)


def test_cached_cards_follow_every_change_they_show(default_site):
    """One Renderer across rebuilds, as in the preview: a card is reused only while nothing it
    shows has changed: the consultant, the topic titles, the page it is on."""
    renderer = Renderer([ROOT / "overrides"])
    spec = _municipality_page(default_site)
    municipality = spec.context["municipality"]
    consultant = municipality.consultants[0]
    first = renderer.render_page(spec, "", spec.url)
    renderer.start_build()
    assert renderer.render_page(spec, "", spec.url) == first

    renamed = municipality.model_copy(update={"consultants": [
        consultant.model_copy(update={"title": "Ny titel"}), *municipality.consultants[1:]]})
    site = _site_with(default_site, [renamed if m.id == municipality.id else m for m in default_site.municipalities])
    renderer.start_build()
    assert "Ny titel" in renderer.render_page(_municipality_page(site), "", spec.url)

    topic = next(t for t in default_site.topics if t.id == consultant.topics[0])
    site = _site_with(default_site, topics=[t.model_copy(update={"title": "Nyt emne"}) if t is topic else t
                                            for t in default_site.topics])
    renderer.start_build()
    assert "Nyt emne" in renderer.render_page(_municipality_page(site), "", spec.url)
    renderer.start_build()
    assert renderer.render_page(spec, "", "kommuner/andet/") != first, "links are relative to the page"


def test_card_cache_keeps_only_the_last_two_builds(default_site):
    renderer = Renderer([ROOT / "overrides"])
    spec = _municipality_page(default_site)
    renderer.render_page(spec, "", spec.url)
    renderer.start_build()
    renderer.start_build()
    assert len(renderer._cards) == 0


def test_theme_bytecode_is_reused_and_an_edited_template_compiled_again():
    cache = MemoryBytecodeCache()
    sources = {"t.html": "Hej {{ name }}"}

    def render():
        env = jinja2.Environment(loader=jinja2.DictLoader(sources), bytecode_cache=cache)
        return env.get_template("t.html").render(name="Faxe")

    assert render() == "Hej Faxe" and len(cache._compiled) == 1
    stored = dict(cache._compiled)
    assert render() == "Hej Faxe" and cache._compiled == stored
    sources["t.html"] = "Goddag {{ name }}"
    assert render() == "Goddag Faxe" and cache._compiled != stored


def test_cached_vcards_follow_the_consultant_and_the_alliance(default_site):
    renderer = Renderer([ROOT / "overrides"])
    spec = build_assets(default_site)[0]
    first = renderer.render_asset(spec)
    renderer.start_build()
    assert renderer.render_asset(spec) == first and len(renderer._files) == 1
    entry = spec.context["entry"]
    renamed = entry.consultant.model_copy(update={"name": "Ny Navnesen"})
    municipality = next(m for m in default_site.municipalities if entry.consultant in m.consultants)
    changed = municipality.model_copy(update={"consultants": [renamed if c is entry.consultant else c
                                                              for c in municipality.consultants]})
    site = _site_with(default_site, [changed if m is municipality else m for m in default_site.municipalities])
    same_file = next(a for a in build_assets(site) if a.src_uri == spec.src_uri)
    assert "FN;CHARSET=UTF-8:Ny Navnesen" in renderer.render_asset(same_file)
    site = type(default_site).create(default_site.alliance.model_copy(update={"name": "Ny alliance"}),
                                     list(default_site.municipalities), list(default_site.partners),
                                     list(default_site.topics), default_site.data_dir)
    assert "NOTE;CHARSET=UTF-8:Ny alliance" in renderer.render_asset(build_assets(site)[0])
