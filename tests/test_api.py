"""Open data under /api/ (alliance_site/publish/api.py) and JSON-LD (alliance_site/publish/jsonld.py)."""

from __future__ import annotations

import json
import re

import pytest
from jinja2.utils import htmlsafe_json_dumps
from jsonschema import Draft202012Validator

from alliance_site.data import languages
from alliance_site.publish import api, jsonld, urls
from htmlscan import elements, page

NAMES = ["municipalities", "consultants", "partners", "topics"]


@pytest.fixture(scope="module")
def files(default_site) -> dict[str, str]:
    return api.api_files(default_site)


def _load(files, path):
    return json.loads(files[path])


def test_every_document_has_a_schema_and_the_index_lists_both(files):
    index = _load(files, "api/index.json")
    assert [f["name"] for f in index["files"]] == NAMES
    for entry in index["files"]:
        assert entry["data"] in files and entry["schema"] in files
    assert set(files) == {"api/index.json", *(api.document_path(n) for n in NAMES),
                          *(api.document_schema_path(n) for n in NAMES)}


@pytest.mark.parametrize("name", NAMES)
def test_document_is_valid_against_its_published_schema(files, name):
    schema = _load(files, api.document_schema_path(name))
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    Draft202012Validator(schema).validate(_load(files, api.document_path(name)))


def test_schema_rejects_what_the_document_must_not_contain(files):
    schema = _load(files, api.document_schema_path("consultants"))
    document = _load(files, api.document_path("consultants"))
    validator = Draft202012Validator(schema)
    document["consultants"][0]["password"] = "x"
    assert list(validator.iter_errors(document)), "unknown fields must be schema errors"
    del document["consultants"][0]["password"]
    del document["consultants"][0]["email"]
    assert list(validator.iter_errors(document)), "missing e-mail must be a schema error"


def test_every_consultant_appears_once_with_employer_and_served_municipalities(files, default_site):
    consultants = _load(files, "api/consultants.json")["consultants"]
    expected = {(e.id, c.id) for e in default_site.employers() for c in
                (entry.consultant for entry in default_site.consultants_of(e))}
    assert {(c["employer"]["id"], c["id"]) for c in consultants} == expected
    assert len(consultants) == len(expected) == default_site.consultant_count
    municipality = default_site.municipalities[0]
    own = [c for c in consultants if c["employer"]["id"] == municipality.id]
    assert own and all(municipality.id in c["municipalities"] for c in own)
    assert all(c["page"].startswith(urls.municipality(municipality.id) + "#") for c in own)


def test_municipalities_partners_and_topics_match_the_data(files, default_site):
    municipalities = _load(files, "api/municipalities.json")["municipalities"]
    assert [m["id"] for m in municipalities] == [m.id for m in default_site.municipalities]
    first, data = municipalities[0], default_site.municipalities[0]
    assert first["business_service"]["website"] == data.business_service.website
    assert set(first["consultants"]) == {e.consultant.id for e in default_site.consultants_serving(data.id)}
    partners = _load(files, "api/partners.json")["partners"]
    assert [p["id"] for p in partners] == [p.id for p in default_site.partners]
    assert all(p["municipalities"] == "all" or isinstance(p["municipalities"], list) for p in partners)
    topics = _load(files, "api/topics.json")["topics"]
    assert [(t["id"], t["body"]) for t in topics] == [(t.id, t.body) for t in default_site.topics]


def test_api_files_are_published_by_the_build(built_site, files):
    for path, text in files.items():
        assert (built_site / path).read_text(encoding="utf-8") == text, path


def test_municipality_page_has_organisation_and_contact_points(built_site, default_site):
    municipality = next(m for m in default_site.municipalities if m.consultants)
    scripts = elements(page(built_site, urls.municipality(municipality.id)), "script", type="application/ld+json")
    assert len(scripts) == 1
    html = page(built_site, urls.municipality(municipality.id))
    data = json.loads(html.split('<script type="application/ld+json">', 1)[1].split("</script>", 1)[0])
    assert data["@context"] == "https://schema.org" and data["@type"] == "Organization"
    assert data["name"] == municipality.business_service.name
    assert data["parentOrganization"]["name"] == f"{municipality.name} Kommune"
    assert {p["email"] for p in data["contactPoint"]} >= {c.email for c in municipality.consultants}
    assert {p["name"] for p in data["employee"]} == {c.name for c in municipality.consultants}


def test_partner_type_pages_list_every_partner_as_an_organisation_once(built_site, default_site):
    items = []
    for kind, partners in default_site.partners_by_type():
        html = page(built_site, urls.partner_type(kind.value))
        script = html.split('<script type="application/ld+json">', 1)[1].split("</script>", 1)[0]
        data = json.loads(script)
        # Written compactly, and the descriptions, which the cards show, left out (page weight).
        assert script == htmlsafe_json_dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
        assert data["@type"] == "ItemList" and data["numberOfItems"] == len(partners)
        assert [e["item"]["name"] for e in data["itemListElement"]] == [p.name for p in partners]
        items += [element["item"] for element in data["itemListElement"]]
    assert sorted(i["name"] for i in items) == sorted(p.name for p in default_site.partners)
    assert all(i["@type"].endswith("Organization") and i["url"].startswith("https://") for i in items)
    assert not [i for i in items if "description" in i]
    assert any(set(i["name"]) & set("æøåÆØÅ") for i in items), "Danish letters are written as themselves"
    with_contact = [p for p in default_site.partners if p.contact and (p.contact.phone or p.contact.email)]
    assert sum("contactPoint" in i for i in items) == len(with_contact)
    assert '<script type="application/ld+json">' not in page(built_site, urls.PARTNERS)


def test_other_pages_have_no_structured_data(default_site):
    assert jsonld.for_page(default_site, urls.TOPICS) is None
    assert jsonld.for_page(default_site, urls.HOME) is None


def test_empty_values_are_left_out(default_site):
    first = default_site.municipalities[0]
    municipality = first.model_copy(update={"business_service": first.business_service.model_copy(update={"phone": None})})
    data = jsonld.municipality_page(default_site, municipality)
    assert "telephone" not in data and None not in data.values()


# English words that crept into the Danish metadata before (issue 15); none is a Danish word.
ENGLISH = re.compile(r"\b(the|from|of|join|when|who|which|served|checked|e\.g\.|Path|Work|One)\b")


def _descriptions(value) -> list[str]:
    if isinstance(value, dict):
        found = [v for k, v in value.items() if k in ("description", "title") and isinstance(v, str)]
        return found + [d for v in value.values() for d in _descriptions(v)]
    if isinstance(value, list):
        return [d for item in value for d in _descriptions(item)]
    return []


def test_open_data_metadata_is_in_danish(files):
    """The index and the schemas describe Danish data in Danish, and say so; pydantic's English
    class and field titles ('MunicipalityOut', 'Name') are left out."""
    index = _load(files, "api/index.json")
    assert index["language"] == "da" and [f["title"] for f in index["files"]] == ["Kommuner", "Konsulenter",
                                                                                  "Partnere", "Emner"]
    texts = _descriptions(index) + [t for name in NAMES for t in _descriptions(_load(files, api.document_schema_path(name)))]
    assert len(texts) > 10 and "Sti fra sidens rod" in index["description"] + " ".join(texts)
    assert [t for t in texts if ENGLISH.search(t) or t.endswith("Out")] == []


def test_structured_data_names_languages_by_their_bcp47_codes(built_site, default_site):
    """schema.org wants 'da', 'en'; the page itself keeps showing 'dansk', 'engelsk'."""
    municipality = next(m for m in default_site.municipalities if any(c.languages for c in m.consultants))
    html = page(built_site, urls.municipality(municipality.id))
    data = json.loads(html.split('<script type="application/ld+json">', 1)[1].split("</script>", 1)[0])
    known = [language for person in data["employee"] for language in person.get("knowsLanguage", [])]
    available = [language for point in data["contactPoint"] for language in point.get("availableLanguage", [])]
    assert known and available and set(known) <= {"da", "en", "de", "pl", "ar", "sv"}
    assert "dansk" in html and "dansk" not in known


def test_language_names_become_codes_and_unknown_names_stay_named():
    assert languages.schema_org_languages(["dansk", "Engelsk", " tysk ", "dansk"]) == ["da", "en", "de"]
    assert languages.schema_org_language("klingon") == {"@type": "Language", "name": "klingon"}
    assert all(re.fullmatch(r"[a-z]{2,3}", code) for code in languages.BCP47.values())
