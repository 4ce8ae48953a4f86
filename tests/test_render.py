"""Template rendering: autoescaping, vCard escaping, strict undefined variables. The caches the
preview keeps across rebuilds are tested in test_preview.py."""

from __future__ import annotations

import jinja2
import pytest

from alliance_site.publish.build import SiteBuild
from alliance_site.publish.render import Renderer, tel_uri, vcard_escape
from alliance_site.publish.specs import AssetSpec
from sitebuild import renderer


def test_vcard_escape_neutralises_separators_and_line_breaks():
    assert vcard_escape("a,b;c\\d\r\nEND:VCARD") == "a\\,b\\;c\\\\d\\nEND:VCARD"


def test_tel_uri_keeps_only_digits_and_plus():
    assert tel_uri("+45 12 34 56 78") == "tel:+4512345678"


@pytest.fixture(scope="module")
def build(data_dir):
    return SiteBuild.load(data_dir, renderer())


def test_vcard_with_hostile_name_stays_one_property_per_line(build, default_site):
    entry = default_site.consultants_serving(default_site.municipalities[0].id)[0]
    consultant = entry.consultant.model_copy(update={"name": "Eve\nEND:VCARD\nBEGIN:VCARD; X"})
    spec = AssetSpec("x.vcf", "vcard.vcf", {"site": default_site, "entry": entry,
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
    spec = build.pages[""]
    html = build.page_body("", "<p>Rendered <em>Markdown</em></p>")
    assert "<p>Rendered <em>Markdown</em></p>" in html
    assert build.page_body("om-alliancen/", "<p>x</p>") is None
    assert spec.template == "alliance/home.html"


def test_undefined_variables_are_errors_not_empty_text(tmp_path):
    (tmp_path / "t.html").write_text("{{ missing }}", encoding="utf-8")
    with pytest.raises(jinja2.UndefinedError):
        Renderer([tmp_path], str).env.get_template("t.html").render()


def test_a_news_item_in_several_feeds_is_rendered_to_html_once(data_dir):
    """The feed of all news and each topic's feed hold the same entries: one Markdown pass each."""
    from alliance_site.publish.feeds import feed_assets

    calls: list[str] = []

    def markdown(text: str) -> str:
        calls.append(text)
        return f"<p>{text}</p>"

    build = SiteBuild.load(data_dir, Renderer(renderer().env.loader.searchpath, markdown))
    feeds = [build.renderer.render_asset(spec) for spec in feed_assets(build.site, "https://example.org/")]
    entries = sum(feed.count("<entry>") for feed in feeds)
    assert entries > len(build.site.news), "the default news must sit in more than one feed"
    assert len(calls) == len(set(calls)) == len(build.site.news)
