"""URL scheme and relative links between pages."""

import pytest

from alliance_mkdocs.page_files import source_uri
from alliance_site.data.text import danish_sort_key, slugify
from alliance_site.publish import urls


@pytest.mark.parametrize("from_url, to_url, expected", [
    ("", "emner/rekruttering/", "emner/rekruttering/"),
    ("emner/rekruttering/", "kommuner/faxe/#anne", "../../kommuner/faxe/#anne"),
    ("emner/rekruttering/", "", "../../"),
    ("find-konsulent/", "find-konsulent/kommuner/", "kommuner/"),
    ("kommuner/faxe/", "kommuner/faxe/anne.vcf", "anne.vcf"),
    ("partnere/", "partnere/jobcenter/#jobcenter-faxe", "jobcenter/#jobcenter-faxe"),
    ("emner/rekruttering/", urls.partner("jobcenter-faxe", "jobcenter"), "../../partnere/jobcenter/#jobcenter-faxe"),
    ("", "find-konsulent/?kommune=faxe&emne=delejob", "find-konsulent/?kommune=faxe&emne=delejob"),
    ("", "", "./"),
])
def test_relative_links(from_url, to_url, expected):
    assert urls.relative(from_url, to_url) == expected


@pytest.mark.parametrize("url, source", [
    ("", "index.md"), ("emner/", "emner/index.md"), ("emner/delejob/", "emner/delejob.md"),
    ("kommuner/naestved/", "kommuner/naestved.md"), ("find-konsulent/", "find-konsulent/index.md"),
    ("partnere/", "partnere/index.md"), ("partnere/a-kasse/", "partnere/a-kasse.md"),
])
def test_source_uri_publishes_at_url(url, source):
    assert source_uri(url) == source


def test_finder_url_carries_state_in_query():
    assert urls.finder("naestved", "delejob") == "find-konsulent/?kommune=naestved&emne=delejob"
    assert urls.finder(topic_id="delejob") == "find-konsulent/?emne=delejob"
    assert urls.finder() == "find-konsulent/"


@pytest.mark.parametrize("text, slug", [
    ("Næstved", "naestved"), ("Holbæk Kommune", "holbaek-kommune"), ("Ærø", "aeroe"),
    ("Sønderborg i Arbejde", "soenderborg-i-arbejde"), ("Vestegnen HF & VUC", "vestegnen-hf-vuc"),
    ("Åbenrå", "aabenraa"),
])
def test_slugify_transliterates_danish_letters(text, slug):
    assert slugify(text) == slug


def test_danish_alphabetical_order_puts_ae_oe_aa_last():
    names = ["Århus", "Ærø", "Odense", "Ølstykke", "Vejle", "Aabenraa"]
    assert sorted(names, key=danish_sort_key) == ["Odense", "Vejle", "Ærø", "Ølstykke", "Aabenraa", "Århus"]


@pytest.mark.parametrize("section,url,expected", [
    ("kommuner/", "kommuner/faxe/", "faxe"), ("kommuner/", "kommuner/", None), ("kommuner/", "emner/faxe/", None),
    ("kommuner/", "kommuner/faxe/konsulenter/", None), ("emner/", "emner/x", None)])
def test_id_below_a_section(section, url, expected):
    assert urls.id_below(section, url) == expected
