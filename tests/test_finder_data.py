"""The finder's data file (alliance_site/publish/finder.py): one entry per consultant, with exactly what
the finder script needs to make the card and to match a choice of municipality and topic."""

from __future__ import annotations

import json

from alliance_site.data.loading import load_site
from alliance_site.publish import urls
from alliance_site.publish.finder import finder_data, finder_file
from alliance_site.publish.pages import build_pages
from sitebuild import ROOT


def test_a_member_serving_every_municipality_is_found_from_each_of_them():
    site, _warnings = load_site(ROOT / "examples" / "bestsjaelland" / "data")
    data = finder_data(site)
    member = next(m for m in site.members if m.serves_all)
    item = next(c for c in data["consultants"] if c["id"] == member.consultants[0].id)
    assert item["municipalities"] == [m.id for m in site.municipalities]
    assert data["employers"][item["employer"]] == {"name": member.name, "page": urls.member(member.id)}


def test_optional_parts_are_left_out_rather_than_empty(default_site):
    municipality = default_site.municipalities[0]
    consultant = municipality.consultants[0]
    varied = municipality.model_copy(update={"consultants": [
        consultant.model_copy(update={"photo": "fotos/Portræt.JPG", "languages": ()}), *municipality.consultants[1:]]})
    site = type(default_site).create(default_site.alliance, [varied, *default_site.municipalities[1:]],
                                     list(default_site.partners), list(default_site.topics), default_site.data_dir)
    item = next(c for c in finder_data(site)["consultants"] if c["id"] == consultant.id)
    assert item["photo"] == urls.photo(consultant.id, "fotos/Portræt.JPG") == f"fotos/{consultant.id}.jpg"
    assert "languages" not in item
    others = [c for c in finder_data(default_site)["consultants"] if c["id"] != consultant.id]
    assert all("photo" not in c for c in others) and any(c.get("languages") for c in others)


def test_topics_carry_their_titles_and_pages(default_site):
    data = finder_data(default_site)
    for item in data["consultants"]:
        assert all(topic in data["topics"] for topic in item["topics"])
    pages = {spec.url: spec for spec in build_pages(default_site)}
    assert len(data["topics"]) == len(default_site.topics)
    for topic in data["topics"].values():
        assert pages[topic["page"]].title == topic["title"], "each topic links its own page, by its title"


def test_file_is_compact_json_under_the_finder(default_site):
    path, text = finder_file(default_site)
    assert path == urls.FINDER_DATA and path.startswith(urls.FINDER)
    assert json.loads(text) == finder_data(default_site)
    assert "\n" not in text.rstrip("\n") and len(text) < len(json.dumps(finder_data(default_site), indent=1))
