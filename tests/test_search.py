"""Danish queries against the built search index, with a pipeline equal to the browser's."""

from __future__ import annotations

import pytest

from alliance_site.publish import urls
from danish_lunr import build_index, search


@pytest.fixture(scope="module")
def index(built_site):
    return build_index(built_site / "search" / "search_index.json")


def _pages(locations: list[str]) -> list[str]:
    return [loc.split("#", 1)[0] for loc in locations]


def test_apprentices_topic_found_by_inflected_word(index):
    idx, docs = index
    hits = _pages(search(idx, "lærlinge"))
    assert urls.topic("elever-og-laerlinge") in hits[:3], hits[:10]


def test_singular_and_plural_share_a_stem(index):
    idx, _docs = index
    assert set(_pages(search(idx, "lærling"))[:5]) & set(_pages(search(idx, "lærlingene"))[:5])


def test_municipality_name_finds_its_page(index, default_site):
    idx, _docs = index
    for municipality in default_site.municipalities:
        hits = _pages(search(idx, municipality.name))
        assert urls.municipality(municipality.id) in hits[:5], (municipality.name, hits[:8])


def test_consultant_name_finds_their_card(index, default_site):
    idx, _docs = index
    for municipality in default_site.municipalities:
        for consultant in municipality.consultants:
            hits = search(idx, consultant.name)
            expected = urls.consultant(municipality.id, consultant.id)
            assert expected in hits[:3], (consultant.name, hits[:5])


def test_consultant_surname_finds_their_municipality_page(index, default_site):
    idx, _docs = index
    municipality = default_site.municipalities[0]
    consultant = municipality.consultants[0]
    assert urls.municipality(municipality.id) in _pages(search(idx, consultant.family_name))


def test_topic_word_finds_topic_page(index, default_site):
    idx, docs = index
    hits = search(idx, "sygefravær")
    assert urls.topic("sygefravaer") in _pages(hits)[:5]


def test_unrelated_word_finds_nothing(index):
    idx, _docs = index
    assert search(idx, "xylofonstemmer") == []


def test_topic_and_municipality_find_a_matching_consultant(index, default_site):
    idx, _docs = index
    municipality = default_site.municipalities[0]
    consultant = municipality.consultants[0]
    topic = next(t for t in default_site.topics if t.id == consultant.topics[0])
    hits = search(idx, f"+{topic.title.split()[0]} +{municipality.name}")
    wanted = {urls.consultant(municipality.id, c.id) for c in municipality.consultants if topic.id in c.topics}
    assert wanted & set(hits[:10]), (topic.title, municipality.name, hits[:10])


# ---- employers' words and towns (topics' `words`, municipalities' `towns` and `postcodes`) ----

@pytest.mark.parametrize("query, page", [
    ("sygemelding", urls.topic("sygefravaer")),
    ("praktikplads", urls.topic("elever-og-laerlinge")),
    ("ansætte", urls.topic("rekruttering")),
    ("lærling", urls.topic("elever-og-laerlinge")),
    ("jobopslag", urls.topic("rekruttering")),
    ("fleksjob", urls.topic("inklusion")),
    ("Haslev", urls.municipality("faxe")),
    ("Fensmark", urls.municipality("naestved")),
    ("4690", urls.municipality("faxe")),
])
def test_an_employers_word_ranks_the_right_page_first(index, query, page):
    idx, _docs = index
    hits = search(idx, query)
    assert hits and hits[0] == page, (query, hits[:5])


def test_every_town_finds_its_municipality_first(index, default_site):
    idx, _docs = index
    for municipality in default_site.municipalities:
        for town in municipality.towns:
            hits = _pages(search(idx, town))
            assert hits[0] == urls.municipality(municipality.id), (town, hits[:5])


def test_every_topic_word_finds_its_topic_among_the_first(index, default_site):
    idx, _docs = index
    for topic in default_site.topics:
        for word in topic.words:
            hits = _pages(search(idx, word))
            assert urls.topic(topic.id) in hits[:3], (topic.id, word, hits[:5])


def test_search_words_tag_only_the_pages_own_entry(index):
    _idx, docs = index
    tagged = [doc["location"] for doc in docs.values() if doc.get("tags")]
    assert urls.topic("rekruttering") in tagged and urls.municipality("faxe") in tagged
    assert all("#" not in location for location in tagged), tagged


def test_no_form_control_is_in_the_index(index, built_site):
    """The finder's and the partner filters' option lists, labels and buttons are not text to
    search: 'Alle kommuner' and the run of municipality names once made a result."""
    _idx, docs = index
    texts = " ".join(f"{doc['title']} {doc['text']}" for doc in docs.values())
    for control_text in ("Alle kommuner", "Vælg kommune", "Alle emner", "Alle typer", "Alle klynger",
                         "FaxeFrederikssund", "Søg konsulent"):
        assert control_text not in texts, control_text
    finder = (built_site / urls.FINDER / "index.html").read_text(encoding="utf-8")
    assert "<option" in finder and "Vælg kommune" in finder  # the page has them; only the index lacks them
