"""Who a company reaches when no consultant covers its need (contact.py), the contact block that
shows it, and the new fields of the employer's journey as the model reads them."""

from __future__ import annotations

import dataclasses

import pytest
from alliance_site.data.model import BusinessService, Municipality, Question, TopicsFile
from alliance_site.publish.contact import ContactPoint, alliance_point, finder_contact, reach
from pydantic import ValidationError


def _with_service(site, municipality, **changes):
    service = municipality.business_service.model_copy(update=changes)
    return municipality.model_copy(update={"business_service": service})


def test_reach_is_the_business_service_when_it_has_a_phone(default_site):
    municipality = default_site.municipalities[0]
    point = reach(default_site, municipality)
    assert point.name == municipality.business_service.name
    assert point.phone == municipality.business_service.phone is not None
    assert point.url == municipality.business_service.website


def test_reach_is_the_business_service_with_only_an_email(default_site):
    municipality = _with_service(default_site, default_site.municipalities[0], phone=None)
    point = reach(default_site, municipality)
    assert (point.name, point.phone, point.email) == (municipality.business_service.name, None,
                                                      municipality.business_service.email)


def test_reach_falls_back_to_the_alliance_without_phone_and_email(default_site):
    municipality = _with_service(default_site, default_site.municipalities[0], phone=None, email=None)
    point = reach(default_site, municipality)
    assert point == alliance_point(default_site)
    assert point.phone == default_site.alliance.contact.phone is not None
    assert point.opening_hours == default_site.alliance.contact.opening_hours


def test_the_finder_carries_only_the_fields_a_point_has():
    point = ContactPoint("Business Faxe", phone="+45 11 22 33 44", opening_hours="Man-fre 9-15")
    assert finder_contact(point) == {"name": "Business Faxe", "phone": "+45 11 22 33 44",
                                     "opening_hours": "Man-fre 9-15"}
    assert set(finder_contact(point)) <= {f.name for f in dataclasses.fields(ContactPoint)}


@pytest.mark.parametrize("written, kept", [("4690", "4690"), (" 4000 ", "4000"), ("0800", "0800")])
def test_a_postcode_is_four_digits_kept_as_text(default_site, written, kept):
    municipality = default_site.municipalities[0].model_dump()
    municipality["postcodes"] = [written]
    assert Municipality.model_validate(municipality).postcodes == [kept]


@pytest.mark.parametrize("written", ["469", "46900", "Haslev", "46 90"])
def test_a_postcode_that_is_not_four_digits_is_refused(default_site, written):
    municipality = default_site.municipalities[0].model_dump()
    municipality["postcodes"] = [written]
    with pytest.raises(ValidationError, match="er ikke et postnummer; et postnummer er fire cifre"):
        Municipality.model_validate(municipality)


def test_a_question_needs_two_answers():
    with pytest.raises(ValidationError):
        Question.model_validate({"id": "sygemeldt", "text": "Er medarbejderen sygemeldt nu?",
                                 "answers": [{"text": "Ja", "topic": "sygefravaer"}]})


def test_need_text_falls_back_to_the_title(default_site):
    topic = default_site.topics[0].model_copy(update={"need": None})
    assert topic.need_text == topic.title


def test_the_default_data_has_the_journey_fields(default_site):
    """Every topic has an employer's words, a need, steps and what to have ready; every municipality
    towns and a business service a company can call and write to."""
    for topic in default_site.topics:
        assert topic.need and len(topic.words) >= 4 and 2 <= len(topic.steps) <= 4 and topic.prepare, topic.id
    for municipality in default_site.municipalities:
        service: BusinessService = municipality.business_service
        assert municipality.towns and service.phone and service.email and service.opening_hours, municipality.id
    assert default_site.questions, "the default data shows a follow-up question"
    asked = {t.question for t in default_site.topics if t.question}
    assert {q.id for q in default_site.questions} <= asked | {a.question for q in default_site.questions
                                                             for a in q.answers if a.question}
    assert TopicsFile.model_fields["questions"].default == []


def test_a_municipality_page_without_a_way_to_its_service_shows_the_alliances(example_sites):
    """In an example where business services have no phone or e-mail, the municipality page names
    the service and shows the alliance's phone and e-mail below it: never a dead end."""
    page = (example_sites["bestsjaelland"] / "kommuner" / "holbaek" / "index.html").read_text(encoding="utf-8")
    start = page.index('id="erhvervsservice-holbaek"')
    service = page[start:page.index("</section>\n</section>", start)]
    assert "Holbæk Erhvervsforum" in service and 'href="tel:+4510314151"' in service
    assert service.index("Telefon") < service.index("E-mail")  # GOV.UK's order
