"""The guide's tree walked into steps, who to call first, the call-me e-mail, and the result
pages' context: pure functions on Sites made from the default data."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import Any
from urllib.parse import parse_qs, quote, unquote, urlsplit

import pytest
from alliance_mkdocs.page_files import page_source
from alliance_site.data.model import Answer, Consultant, Member, Question
from alliance_site.data.site import Site
from alliance_site.publish import urls
from alliance_site.publish.guide import (
    CPR_NOTE,
    NEED_QUESTION,
    GuideCycleError,
    PlaceStep,
    QuestionStep,
    answer_slugs,
    guide_steps,
    mail_requests,
    mailto,
    needs,
    percent_encode,
    place_step_urls,
    postcode_steps,
    shared_postcodes,
    who_to_call,
)
from alliance_site.publish.guide_pages import help_pages
from alliance_site.publish.pages import build_pages


def _site(site: Site, *, topics=None, questions=None, municipalities=None, members=None) -> Site:
    return Site.create(site.alliance, list(municipalities if municipalities is not None else site.municipalities),
                       list(site.partners), list(topics if topics is not None else site.topics), site.data_dir,
                       list(members if members is not None else site.members), list(site.efforts), list(site.events),
                       site.today, list(site.news), questions=list(questions if questions is not None else site.questions))


def _with_question(site: Site, topic_id: str, question: Question, *more: Question) -> Site:
    topics = [t.model_copy(update={"question": question.id}) if t.id == topic_id else
              t.model_copy(update={"question": None}) for t in site.topics]
    return _site(site, topics=topics, questions=[question, *more])


def _question(qid: str, *answers: tuple[str, str | None, str | None]) -> Question:
    return Question(id=qid, text=f"Spørgsmål {qid}?",
                    answers=[Answer(text=text, topic=topic, question=question) for text, topic, question in answers])


# --- the graph ------------------------------------------------------------------------------------

def test_without_questions_each_need_leads_to_its_own_place_step(default_site):
    site = _site(default_site, topics=[t.model_copy(update={"question": None}) for t in default_site.topics])
    steps = guide_steps(site)
    assert [s.url for s in steps] == [urls.guide_step((t.id,)) for t in site.topics]
    assert all(isinstance(s, PlaceStep) for s in steps)
    assert [(c.text, c.url) for c in needs(site)] == [(t.need_text, urls.guide_step((t.id,))) for t in site.topics]
    first = steps[0]
    assert [(g.question, g.change_url) for g in first.given] == [(NEED_QUESTION, urls.GUIDE)]


def test_a_follow_up_question_takes_the_need_step_and_its_answers_lead_on(default_site):
    recruit, other = default_site.topics[0].id, default_site.topics[1].id
    nested = _question("hvem", ("Faglærte", recruit, None), ("Ufaglærte", other, None))
    first = _question("hvad", ("En ny medarbejder", None, "hvem"), ("Noget andet", other, None))
    site = _with_question(default_site, recruit, first, nested)
    steps = {s.url: s for s in guide_steps(site)}
    need_step = steps[urls.guide_step((recruit,))]
    assert isinstance(need_step, QuestionStep) and need_step.question.id == "hvad"
    assert [(c.text, c.url) for c in need_step.choices] == [
        ("En ny medarbejder", urls.guide_step((recruit, "en-ny-medarbejder"))),
        ("Noget andet", urls.guide_step((recruit, "noget-andet")))]
    deepest = steps[urls.guide_step((recruit, "en-ny-medarbejder", "faglaerte"))]
    assert isinstance(deepest, PlaceStep) and deepest.topic.id == recruit
    assert [(g.answer, g.change_url) for g in deepest.given] == [
        (recruit_need(site, recruit), urls.GUIDE),
        ("En ny medarbejder", urls.guide_step((recruit,))),
        ("Faglærte", urls.guide_step((recruit, "en-ny-medarbejder")))]
    # Every path ends in a place step; a topic reached two ways has two place steps.
    assert sum(isinstance(s, PlaceStep) and s.topic.id == other for s in steps.values()) == 3


def recruit_need(site: Site, topic_id: str) -> str:
    return next(t for t in site.topics if t.id == topic_id).need_text


def test_the_shortest_path_is_where_a_result_page_changes_the_municipality(default_site):
    recruit, other = default_site.topics[0].id, default_site.topics[1].id
    site = _with_question(default_site, recruit, _question("hvad", ("A", recruit, None), ("B", other, None)))
    found = place_step_urls(guide_steps(site))
    assert found[recruit] == urls.guide_step((recruit, "a"))
    assert found[other] == urls.guide_step((other,))  # the need itself beats the answer 'B'


def test_answer_slugs_are_unique_within_a_question():
    question = _question("q", ("Ja", "a", None), ("Ja!", "b", None), ("Æble og øl", "c", None))
    assert answer_slugs(question) == ["ja", "ja-2", "aeble-og-oel"]


def test_a_cycle_is_refused_by_the_walk_too(default_site):
    recruit = default_site.topics[0].id
    loop = _question("a", ("Videre", None, "b"), ("Slut", recruit, None))
    back = _question("b", ("Tilbage", None, "a"), ("Slut", recruit, None))
    with pytest.raises(GuideCycleError, match="a -> b -> a"):
        guide_steps(_with_question(default_site, recruit, loop, back))


def test_an_alliance_of_one_municipality_skips_the_place_step(default_site):
    only = default_site.municipalities[0]
    site = _site(default_site, municipalities=[only], members=[])
    assert not [s for s in guide_steps(site) if isinstance(s, PlaceStep)]
    assert [c.url for c in needs(site)] == [urls.guide_step((t.id,)) if t.question else urls.help_page(t.id, only.id)
                                            for t in site.topics]
    questions = [s for s in guide_steps(site) if isinstance(s, QuestionStep)]
    assert questions and all(c.url.startswith(urls.HELP) for s in questions for c in s.choices)


# --- postcodes --------------------------------------------------------------------------------

def test_a_shared_postcode_gets_a_choice_of_only_the_municipalities_that_list_it(default_site):
    first, second, third = default_site.municipalities[:3]
    municipalities = [first.model_copy(update={"postcodes": ["4690", "4000"]}),
                      second.model_copy(update={"postcodes": ["4690"]}),
                      third.model_copy(update={"postcodes": ["4000", "4100"]}),
                      *default_site.municipalities[3:]]
    site = _site(default_site, municipalities=[m.model_copy(update={"postcodes": []}) if m.id not in
                                               {first.id, second.id, third.id} else m for m in municipalities])
    assert {code: [m.id for m in found] for code, found in shared_postcodes(site).items()} == {
        "4000": [first.id, third.id], "4690": [first.id, second.id]}
    step = next(s for s in guide_steps(site) if isinstance(s, PlaceStep))
    choice = {c.postcode: c for c in postcode_steps(site, step)}["4690"]
    assert choice.url == urls.guide_postcode(step.url, "4690")
    assert [p.url for p in choice.places] == [urls.help_page(step.topic.id, first.id), urls.help_page(step.topic.id, second.id)]
    assert choice.given[-1].change_url == step.url


# --- who to call first ----------------------------------------------------------------------------

def _topic_with_consultants(site: Site) -> tuple[str, str]:
    for municipality in site.municipalities:
        for entry in site.consultants_serving(municipality.id):
            return entry.consultant.topics[0], municipality.id
    raise AssertionError("the default data has consultants")


def test_who_to_call_is_the_consultants_for_the_topic_who_serve_the_municipality(default_site):
    topic_id, municipality_id = _topic_with_consultants(default_site)
    first = who_to_call(default_site, topic_id, municipality_id)
    expected = [e for e in default_site.consultants_serving(municipality_id) if topic_id in e.consultant.topics]
    assert list(first.consultants) == expected and first.contact is None
    assert first.email == expected[0].consultant.email


def test_members_consultants_who_serve_the_municipality_count(default_site):
    served, elsewhere = default_site.municipalities[:2]
    topic_id = default_site.topics[-1].id
    consultant = Consultant(id="mette-member", name="Mette Medlem", title="Konsulent", phone="+45 12 34 56 78",
                            email="mette@example.dk", topics=[topic_id], reviewed="2026-01-01")
    member = Member(id="di", name="DI Lokal", kind="Erhvervsorganisation", description="En organisation.",
                    website="https://example.dk/", municipalities=[served.id], consultants=[consultant])
    site = _site(default_site, members=[member])
    assert consultant in [e.consultant for e in who_to_call(site, topic_id, served.id).consultants]
    assert consultant not in [e.consultant for e in who_to_call(site, topic_id, elsewhere.id).consultants]


def test_without_a_consultant_the_business_service_then_the_alliance(default_site):
    municipality = default_site.municipalities[0]
    topic_id = default_site.topics[0].id
    service = municipality.business_service.model_copy(update={"phone": "+45 11 22 33 44", "email": "erhverv@example.dk"})
    alone = municipality.model_copy(update={"consultants": [], "business_service": service})
    site = _site(default_site, municipalities=[alone, *default_site.municipalities[1:]], members=[])
    first = who_to_call(site, topic_id, municipality.id)
    assert first.consultants == () and first.contact is not None
    assert (first.contact.phone, first.contact.email) == ("+45 11 22 33 44", "erhverv@example.dk")

    unreachable = alone.model_copy(update={"business_service": service.model_copy(update={"phone": None, "email": None})})
    site = _site(default_site, municipalities=[unreachable, *default_site.municipalities[1:]], members=[])
    first = who_to_call(site, topic_id, municipality.id)
    assert first.contact is not None and first.contact.phone == site.alliance.contact.phone


# --- the e-mail ---------------------------------------------------------------------------------------

def test_mailto_is_percent_encoded_utf8_with_crlf_line_breaks():
    uri = mailto("anne.sø@example.dk", ("Ring os op: Rekruttering", " i Næstved Kommune"), ("Hej Anne,\n", "\nTak & hej?"))
    assert uri.startswith("mailto:anne.s%C3%B8@example.dk?subject=")
    assert all(ch not in uri for ch in " \n&?"[:2])
    query = parse_qs(urlsplit(uri).query, encoding="utf-8")
    assert query["subject"] == ["Ring os op: Rekruttering i Næstved Kommune"]
    assert query["body"] == ["Hej Anne,\r\n\r\nTak & hej?"]
    assert "%0D%0A" in uri and "%C3%A6" in uri
    assert unquote(urlsplit(uri).path) == "anne.sø@example.dk"


@pytest.mark.parametrize("text", ["", "Ring os op: Rekruttering i Næstved Kommune", "a b&c=d?e/f#g%h+i\r\nj",
                                  "Æblegrød – 100 % “godt” 😀", "safe-_.~ABCxyz019"])
def test_percent_encoded_pieces_join_as_the_whole_would(text):
    whole = quote(text.replace("\r\n", "\n").replace("\n", "\r\n"), safe="")
    assert percent_encode(text) == whole
    assert "".join(percent_encode(piece) for piece in (text[:3], text[3:7], text[7:])) == whole


def test_the_requests_name_topic_and_municipality_and_warn_against_cpr_numbers(default_site):
    topic_id, municipality_id = _topic_with_consultants(default_site)
    topic = next(t for t in default_site.topics if t.id == topic_id)
    municipality = next(m for m in default_site.municipalities if m.id == municipality_id)
    first = who_to_call(default_site, topic_id, municipality_id)
    call, visit = mail_requests(first, topic, municipality)
    assert (call.label, visit.label) == ("Bliv ringet op", "Bestil et besøg")
    query = parse_qs(urlsplit(call.href).query)
    assert query["subject"] == [f"Ring os op: {topic.title} i {municipality.full_name}"]
    body = query["body"][0]
    assert body.startswith(f"Hej {first.consultants[0].consultant.name.split(' ')[0]},\r\n")
    assert f"i {municipality.full_name}" in body and topic.title.lower() in body and CPR_NOTE in body
    assert call.href.startswith(f"mailto:{first.consultants[0].consultant.email}?")


# --- pages ----------------------------------------------------------------------------------------------

def test_one_result_page_per_topic_and_municipality(default_site):
    pages = {p.url for p in help_pages(default_site)}
    assert pages == {urls.help_page(t.id, m.id) for t in default_site.topics for m in default_site.municipalities}


def test_a_result_page_makes_its_data_only_when_it_is_read(default_site, monkeypatch):
    """Checking links lists every page's address; the 2,940 result pages of a national site
    need not make their data for that."""
    from alliance_site.publish import guide_pages

    made: list[str] = []

    def first_call(site, topic, municipality, callers) -> dict[str, str]:
        made.append(municipality.id)
        return {"first": "call"}

    monkeypatch.setattr(guide_pages, "_first_call", first_call)
    pages = help_pages(default_site)
    assert made == [] and len(pages) == len(default_site.topics) * len(default_site.municipalities)
    context = pages[0].context
    assert context["first"] == "call" and made == [default_site.municipalities[0].id]
    assert dict(context.items()) == dict(context) and "topic" in context and context.get("nothing") is None
    assert made == [default_site.municipalities[0].id], "made once"


def test_guide_steps_are_unlisted_and_results_listed(default_site):
    pages = build_pages(default_site)
    unlisted = {p.url for p in pages if not p.listed}
    assert unlisted == {s.url for s in guide_steps(default_site)} | {
        c.url for s in guide_steps(default_site) if isinstance(s, PlaceStep) for c in postcode_steps(default_site, s)}
    assert unlisted and all(u.startswith(urls.GUIDE) and u != urls.GUIDE for u in unlisted)
    step = next(p for p in pages if not p.listed)
    assert '"search": {"exclude": true}' in page_source(step) and '"robots": "noindex"' in page_source(step)
    result = next(p for p in pages if p.url.startswith(urls.HELP))
    assert "robots" not in page_source(result)


def _summary(context: Mapping[str, Any]) -> dict:
    """A result page's context as plain values, for the golden comparison."""
    contact = context["contact"]
    return {
        "title_parts": (context["topic"].id, context["municipality"].id),
        "consultants": [e.consultant.id for e in context["consultants"]],
        "more_consultants": context["more_consultants"],
        "contact": dataclasses.astuple(contact) if contact else None,
        "requests": [r.label for r in context["requests"]],
        "change": (context["change_need"], context["change_place"]),
        "partners": [p.id for p in context["partners"]],
        "news": [n.id for n in context["news"]],
        "events": [e.id for e in context["events"]],
        "response_time": context["response_time"],
    }


def test_golden_result_page_context(default_site):
    """Rekruttering in Næstved, as the default data makes it (update by hand when the data changes)."""
    page = next(p for p in help_pages(default_site) if p.url == urls.help_page("rekruttering", "naestved"))
    assert page.title == "Rekruttering i Næstved Kommune"
    assert _summary(page.context) == GOLDEN_NAESTVED_RECRUITMENT


GOLDEN_NAESTVED_RECRUITMENT = {
    "title_parts": ("rekruttering", "naestved"),
    "consultants": ["lars-winther-naestved"],
    "more_consultants": 0,
    "contact": None,
    "requests": ["Bliv ringet op", "Bestil et besøg"],
    "change": ("guide/", "guide/rekruttering/"),
    # Only Næstved's own jobcentre and erhvervsforening: the other municipalities' are left out.
    "partners": ["academic-work", "adecco", "akademikernes-a-kasse", "ase", "dansk-arbejdsgiverforening",
                 "dansk-byggeri", "dansk-erhverv", "det-faglige-hus", "erhvervshus-sjaelland", "hays", "horesta",
                 "ida", "jobcenter-naestved", "jobindex", "jobnet", "krifa", "manpower", "michael-page",
                 "min-a-kasse", "naestved-erhvervsforening", "randstad", "smvdanmark", "virksomhedsguiden",
                 "work-in-denmark"],
    "news": [],  # no news item is tagged with this topic
    "events": [],
    "response_time": "Vi svarer inden for én hverdag",
}
