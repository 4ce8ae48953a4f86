"""The guide's pages and its result pages, as PageSpecs: pure functions, no MkDocs, no HTML.

The steps of the guide (follow-up questions, the place step, the choice between municipalities
that share a postcode) are pages of their own, so the guide works without JavaScript; they are
not listed (search, sitemap). Its results, one page per topic and municipality, are: they answer
'rekruttering i Næstved' better than any other page.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from typing import Any

from alliance_site.data.model import Municipality, Topic
from alliance_site.data.site import ConsultantEntry, Site
from alliance_site.publish import urls
from alliance_site.publish.contact import reach
from alliance_site.publish.guide import (
    CPR_NOTE,
    NEED_QUESTION,
    PLACE_QUESTION,
    PlaceStep,
    QuestionStep,
    consultants_by_topic,
    guide_steps,
    mail_requests,
    needs,
    place_step_urls,
    places,
    postcode_steps,
    shared_postcodes,
    skips_place,
    who_to_call,
)
from alliance_site.publish.specs import LazyContext, PageSpec

# What a result page shows of the news and events for its topic.
HELP_NEWS = 3
HELP_EVENTS = 3
# More consultants than this for a topic in one municipality, and the result page lists these
# and links to the finder for the rest: who to call first is a short list.
FIRST_CALL_SHOWN = 6


def guide_pages(site: Site) -> list[PageSpec]:
    """The first question, then every step after it, in the order of the walk."""
    start = PageSpec(urls.GUIDE, NEED_QUESTION,
                     f"Vælg, hvad virksomheden har brug for, og find den, I skal kontakte i {site.alliance.name}.",
                     "alliance/guide.html", {"site": site, "needs": needs(site)})
    return [start, *_steps(site)]


def _steps(site: Site) -> Iterator[PageSpec]:
    shared = list(shared_postcodes(site))
    for step in guide_steps(site):
        if isinstance(step, QuestionStep):
            yield PageSpec(step.url, step.question.text, step.question.hint or step.question.text,
                           "alliance/guide-question.html", {"site": site, "step": step}, listed=False)
        else:
            yield _place_page(site, step, shared)
            for choice in postcode_steps(site, step):
                yield PageSpec(choice.url, f"Postnummer {choice.postcode}",
                               f"Postnummer {choice.postcode} ligger i flere kommuner. Vælg jeres.",
                               "alliance/guide-postcode.html", {"site": site, "step": choice}, listed=False)


def _place_page(site: Site, step: PlaceStep, shared: list[str]) -> PageSpec:
    """The municipalities as links; the postcodes several of them share link their choice pages
    (the script goes there too), so those pages are reached without JavaScript as well."""
    return PageSpec(step.url, PLACE_QUESTION, f"Vælg kommunen, så I får hjælp om {step.topic.title.lower()} dér.",
                    "alliance/guide-place.html",
                    {"site": site, "step": step, "places": places(site, step.topic.id),
                     "postcode_base": urls.guide_postcode(step.url, "") if shared else None,
                     "shared_postcodes": [(code, urls.guide_postcode(step.url, code)) for code in shared]},
                    listed=False)


def help_title(topic: Topic, municipality: Municipality) -> str:
    """'Rekruttering i Næstved Kommune'."""
    return f"{topic.title} i {municipality.full_name}"


def help_pages(site: Site) -> list[PageSpec]:
    """One page per topic and municipality. What every page of a topic shares (its partners,
    news and events) is looked up once per topic; a page's own data is made when it is first
    read (LazyContext), as checking links needs only the addresses."""
    place_urls = place_step_urls(guide_steps(site)) if not skips_place(site) else {}
    pages = []
    serving = {m.id: {p.id for p in site.partners_serving(m.id)} for m in site.municipalities}
    callers = {m.id: consultants_by_topic(site.consultants_serving(m.id)) for m in site.municipalities}
    for topic in site.topics:
        shared = {"change_place": place_urls.get(topic.id), "partners": site.partners_for_topic(topic.id),
                  "news": site.news_for_topic(topic.id), "events": site.upcoming_events_for(topic_id=topic.id)}
        for municipality in site.municipalities:
            context = LazyContext(functools.partial(_help_context, site, topic, municipality, shared,
                                                    serving[municipality.id], callers[municipality.id]))
            pages.append(PageSpec(urls.help_page(topic.id, municipality.id), help_title(topic, municipality),
                                  f"Hvem virksomheder i {municipality.full_name} kan ringe til om "
                                  f"{topic.title.lower()}, og hvad der sker, når I ringer.",
                                  "alliance/help.html", context))
    return pages


def _help_context(site: Site, topic: Topic, municipality: Municipality, shared: dict[str, Any],
                  serving: set[str], callers: dict[str, tuple[ConsultantEntry, ...]]) -> dict[str, Any]:
    """A result page's data: who to call, and the topic's partners, news and events that concern
    the municipality."""
    here = municipality.id
    return {"site": site, "topic": topic, "municipality": municipality,
            **_first_call(site, topic, municipality, callers),
            "change_need": urls.GUIDE, "change_place": shared["change_place"],
            "partners": [p for p in shared["partners"] if p.id in serving],
            "news": [n for n in shared["news"] if not n.municipalities or here in n.municipalities][:HELP_NEWS],
            "events": [e for e in shared["events"] if not e.municipalities or here in e.municipalities][:HELP_EVENTS]}


def _first_call(site: Site, topic: Topic, municipality: Municipality,
                by_topic: dict[str, tuple[ConsultantEntry, ...]]) -> dict[str, object]:
    """Who to call first, the e-mails that ask them for a call or a visit, and how soon the
    municipality's contact answers."""
    first = who_to_call(site, topic.id, municipality.id, by_topic)
    return {"consultants": first.consultants[:FIRST_CALL_SHOWN],
            "more_consultants": max(0, len(first.consultants) - FIRST_CALL_SHOWN),
            "contact": first.contact,
            "requests": mail_requests(first, topic, municipality),
            "cpr_note": CPR_NOTE,
            # The contact block shows its own response time; beside consultants, the municipality's.
            "response_time": None if first.contact else reach(site, municipality).response_time}
