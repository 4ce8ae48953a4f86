"""The pure mapping from a Site to pages and files."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
import yaml
from markupsafe import escape

from alliance_mkdocs.page_files import page_source
from alliance_site.publish import urls
from alliance_site.publish.pages import build_assets, build_pages, site_links_relative
from alliance_site.publish.specs import PageSpec
from sitebuild import ROOT


def _front_matter(source: str) -> dict:
    _, front, _body = source.split("---\n", 2)
    return yaml.safe_load(front)


def test_one_page_per_topic_and_municipality_plus_fixed_pages(default_site):
    pages = {p.url for p in build_pages(default_site)}
    expected = {urls.topic(t.id) for t in default_site.topics}
    expected |= {urls.municipality(m.id) for m in default_site.municipalities}
    expected |= {urls.partner_type(kind.value) for kind, _partners in default_site.partners_by_type()}
    expected |= {urls.HOME, urls.TOPICS, urls.MUNICIPALITIES, urls.PARTNERS, urls.FINDER}
    expected |= {urls.EVENTS, urls.NEWS, urls.FOLLOW} | {urls.news(n.id) for n in default_site.news}
    expected |= {urls.events_year(year) for year, _events in default_site.past_events_by_year()}
    expected |= {urls.help_page(t.id, m.id) for t in default_site.topics for m in default_site.municipalities}
    assert {url for url in pages if not url.startswith(urls.GUIDE)} == expected
    assert urls.GUIDE in pages


def test_each_partner_is_on_exactly_its_type_page_and_in_the_overview(default_site):
    pages = {p.url: p for p in build_pages(default_site)}
    overview = [p.id for _kind, group in pages[urls.PARTNERS].context["groups"] for p in group]
    assert sorted(overview) == sorted(p.id for p in default_site.partners)
    for partner in default_site.partners:
        holding = [url for url, p in pages.items() if partner in p.context.get("partners", ()) and "kind" in p.context]
        assert holding == [urls.partner_type(partner.type.value)]


PAGES_UNDER_A_HASH_SEED = r"""
import hashlib, sys
from alliance_mkdocs.page_files import page_source
from alliance_site.data.loading import load_site
from alliance_site.publish.pages import build_assets, build_pages
site, _ = load_site(sys.argv[1])
for spec in build_pages(site):
    print(spec.url, hashlib.sha1(page_source(spec).encode()).hexdigest())
for spec in build_assets(site):
    print(spec.src_uri)
"""


def test_pages_and_files_come_in_the_same_order_under_any_hash_seed(data_dir):
    """Set and dict order of strings changes with PYTHONHASHSEED, which only another process
    can have: two processes with different seeds must list the same pages with the same
    sources, in the same order."""
    def listing(seed: str) -> str:
        result = subprocess.run([sys.executable, "-c", PAGES_UNDER_A_HASH_SEED, str(data_dir)],
                                capture_output=True, text=True, timeout=120, check=True,
                                env={**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(ROOT / "hooks")})
        return result.stdout

    first = listing("1")
    assert first.count("\n") > 50
    assert listing("2") == first


def test_each_consultant_gets_a_vcard(default_site):
    assets = {a.src_uri for a in build_assets(default_site)}
    for municipality in default_site.municipalities:
        for consultant in municipality.consultants:
            assert urls.vcard(urls.municipality(municipality.id), consultant.id) in assets


def test_topic_page_groups_exactly_the_consultants_with_that_topic(default_site):
    for page in build_pages(default_site):
        if page.template != "alliance/topic.html":
            continue
        topic = page.context["topic"]
        listed = {e.consultant.id for _employer, entries in page.context["groups"] for e in entries}
        expected = {c.id for m in default_site.municipalities for c in m.consultants if topic.id in c.topics}
        assert listed == expected


def test_municipality_page_lists_its_consultants_and_partners_serving_it(default_site):
    for page in build_pages(default_site):
        if page.template != "alliance/municipality.html":
            continue
        municipality = page.context["municipality"]
        assert {e.consultant.id for e in page.context["entries"]} == {c.id for c in municipality.consultants}
        partners = {p.id for _kind, group in page.context["partner_groups"] for p in group}
        expected = {p.id for p in default_site.partners if p.serves_all or municipality.id in p.municipalities}
        assert partners == expected


def test_titles_in_front_matter_are_escaped_because_the_theme_prints_them_raw(default_site):
    page = build_pages(default_site)[0]
    hostile = type(page)(page.url, 'Tom & <script>alert("x")</script>', 'a "quoted" <b>', page.template)
    meta = _front_matter(page_source(hostile))
    assert meta["title"] == "Tom &amp; &lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;"
    assert "<" not in meta["description"] and '"' not in meta["description"]


def test_site_links_in_markdown_become_relative_to_the_page():
    markdown = "Se [delejob](/emner/delejob/) og [finderen](/find-konsulent/?emne=x) eller [ekstern](https://a.dk/b)."
    result = site_links_relative(markdown, "emner/rekruttering/")
    assert "[delejob](../delejob/)" in result
    assert "[finderen](../../find-konsulent/?emne=x)" in result
    assert "[ekstern](https://a.dk/b)" in result


def test_generated_markdown_keeps_the_editors_text(default_site):
    topic = default_site.topics[0]
    page = next(p for p in build_pages(default_site) if p.url == urls.topic(topic.id))
    first_line = topic.body.strip().splitlines()[0]
    assert first_line in page_source(page)
    assert _front_matter(page_source(page))["title"] == topic.title


@pytest.mark.parametrize("title", ['Kø: "citat" \\ og # hash', "Emoji 😀 og tab\there", "Linje\u2028skift\u0085og\u2029afsnit",
                                   "- liste? [ikke] {heller: ikke}", "yes", "null"])
def test_front_matter_gives_back_the_escaped_title_exactly(title):
    spec = PageSpec("emner/x/", title, f"Om {title}", "alliance/topic.html")
    front = page_source(spec).split("---\n")[1]
    assert yaml.safe_load(front) == {"title": str(escape(title)), "description": str(escape(f"Om {title}")),
                                     "hide": ["toc"]}
