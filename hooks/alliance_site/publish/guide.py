"""The employer's way in: the guide's steps, who to call first, and the e-mail that asks for a call.

The guide is a small tree walked at build time into static pages, so it works without
JavaScript, every step has an address that can be shared, and Back works (GOV.UK's Smart
Answers, made static). A step's address is the path of answers that leads to it:
guide/<need>/ is the step after the need (its follow-up question, or the place step),
guide/<need>/<answer>/ the step after that answer, and so on; every step therefore knows the
answers given so far and where each was asked. crossref.py has already refused answers that
lead nowhere and cycles, so every path ends in a topic; the walk refuses a cycle all the same.

Pure functions of the Site: no MkDocs, no HTML.
"""

from __future__ import annotations

import functools
from collections import defaultdict
from dataclasses import dataclass
from urllib.parse import quote

from alliance_site.data.model import Municipality, Question, Topic
from alliance_site.data.site import ConsultantEntry, Site
from alliance_site.data.text import slugify
from alliance_site.publish import urls
from alliance_site.publish.contact import ContactPoint, reach

NEED_QUESTION = "Hvad har I brug for hjælp til?"
PLACE_QUESTION = "Hvor ligger virksomheden?"


@dataclass(frozen=True)
class Given:
    """An answer given so far, as a step shows it: what was asked, what was answered, and the
    step where it can be changed."""

    question: str
    answer: str
    change_url: str


@dataclass(frozen=True)
class Choice:
    """One answer on a step, as a plain link to the next step."""

    text: str
    url: str


@dataclass(frozen=True)
class Place:
    """A municipality as the place step lists it: the link to its result page, and the towns
    and postcodes that the step's script matches what a company types against."""

    name: str  # the municipality's
    url: str
    towns: tuple[str, ...]
    postcodes: tuple[str, ...]


@dataclass(frozen=True)
class QuestionStep:
    url: str
    given: tuple[Given, ...]
    question: Question
    choices: tuple[Choice, ...]


@dataclass(frozen=True)
class PlaceStep:
    url: str
    given: tuple[Given, ...]
    topic: Topic


@dataclass(frozen=True)
class PostcodeStep:
    """The choice between the municipalities that share a postcode: asked, never guessed."""

    url: str
    given: tuple[Given, ...]
    topic: Topic
    postcode: str
    places: tuple[Place, ...]


def skips_place(site: Site) -> bool:
    """An alliance of one municipality has no place to ask for."""
    return len(site.municipalities) == 1


def answer_slugs(question: Question) -> list[str]:
    """A URL segment per answer, from its text; unique within the question."""
    slugs: list[str] = []
    for answer in question.answers:
        slug = slugify(answer.text) or "svar"
        slugs.append(slug if slug not in slugs else f"{slug}-{len(slugs) + 1}")
    return slugs


class GuideCycleError(ValueError):
    """A follow-up question leads back to itself (crossref.py reports it with its place first)."""


@dataclass
class _Walk:
    site: Site
    questions: dict[str, Question]
    topics: dict[str, Topic]
    steps: list[QuestionStep | PlaceStep]

    def target_url(self, path: tuple[str, ...], topic: Topic) -> str:
        """Where an answer that settles on `topic` leads: its place step, or for an alliance of
        one municipality straight to the result."""
        if skips_place(self.site):
            return urls.help_page(topic.id, self.site.municipalities[0].id)
        return urls.guide_step(path)

    def question(self, path: tuple[str, ...], given: tuple[Given, ...], question: Question,
                 asked: tuple[str, ...]) -> None:
        if question.id in asked:
            raise GuideCycleError(" -> ".join([*asked, question.id]))
        url = urls.guide_step(path)
        choices = []
        nexts = []
        for answer, slug in zip(question.answers, answer_slugs(question), strict=True):
            next_path = (*path, slug)
            next_given = (*given, Given(question.text, answer.text, url))
            if answer.question is not None:
                choices.append(Choice(answer.text, urls.guide_step(next_path)))
                nexts.append((next_path, next_given, self.questions[answer.question]))
            else:
                topic = self.topics[answer.topic or ""]
                choices.append(Choice(answer.text, self.target_url(next_path, topic)))
                self.place(next_path, next_given, topic)
        self.steps.append(QuestionStep(url, given, question, tuple(choices)))
        for next_path, next_given, follow_up in nexts:
            self.question(next_path, next_given, follow_up, (*asked, question.id))

    def place(self, path: tuple[str, ...], given: tuple[Given, ...], topic: Topic) -> None:
        if not skips_place(self.site):
            self.steps.append(PlaceStep(urls.guide_step(path), given, topic))


def guide_steps(site: Site) -> list[QuestionStep | PlaceStep]:
    """Every question and place step of the guide, one per path from a need."""
    walk = _Walk(site, {q.id: q for q in site.questions}, {t.id: t for t in site.topics}, [])
    for topic in site.topics:
        path = (topic.id,)
        given = (Given(NEED_QUESTION, topic.need_text, urls.GUIDE),)
        if topic.question is not None:
            walk.question(path, given, walk.questions[topic.question], ())
        else:
            walk.place(path, given, topic)
    return walk.steps


def needs(site: Site) -> list[Choice]:
    """The guide's first question: each need, linked to the step that follows it."""
    return [Choice(t.need_text, urls.guide_step((t.id,)) if t.question or not skips_place(site)
                   else urls.help_page(t.id, site.municipalities[0].id))
            for t in site.topics]


def place_step_urls(steps: list[QuestionStep | PlaceStep]) -> dict[str, str]:
    """Topic id -> the place step where a result page's 'change municipality' leads: the
    shortest path that ends in the topic (the need itself, when it has no follow-up)."""
    best: dict[str, PlaceStep] = {}
    for step in steps:
        if isinstance(step, PlaceStep):
            current = best.get(step.topic.id)
            if current is None or len(step.given) < len(current.given):
                best[step.topic.id] = step
    return {topic_id: step.url for topic_id, step in best.items()}


# --- place: towns and postcodes ------------------------------------------------------------------

def _place(municipality: Municipality, topic_id: str) -> Place:
    return Place(municipality.name, urls.help_page(topic_id, municipality.id), tuple(municipality.towns),
                 tuple(municipality.postcodes))


def places(site: Site, topic_id: str) -> list[Place]:
    return [_place(m, topic_id) for m in site.municipalities]


def shared_postcodes(site: Site) -> dict[str, list[Municipality]]:
    """Postcode -> the municipalities that list it, for the postcodes listed by more than one
    (a postcode area can cross a municipal border)."""
    by_code: dict[str, list[Municipality]] = defaultdict(list)
    for municipality in site.municipalities:
        for code in dict.fromkeys(municipality.postcodes):
            by_code[code].append(municipality)
    return {code: found for code, found in sorted(by_code.items()) if len(found) > 1}


def postcode_steps(site: Site, step: PlaceStep) -> list[PostcodeStep]:
    """The place step's choice pages, one per shared postcode."""
    return [PostcodeStep(urls.guide_postcode(step.url, code),
                         (*step.given, Given(PLACE_QUESTION, f"Postnummer {code}", step.url)), step.topic, code,
                         tuple(_place(m, step.topic.id) for m in found))
            for code, found in shared_postcodes(site).items()]


# --- who to call first -----------------------------------------------------------------------

@dataclass(frozen=True)
class FirstCall:
    """Who a company calls first about a topic: the consultants for it who serve the
    municipality, or when there are none `contact` (the business service, else the alliance)."""

    consultants: tuple[ConsultantEntry, ...]
    contact: ContactPoint | None

    @property
    def email(self) -> str | None:
        """The address a 'call me back' e-mail goes to: the first consultant's, or the contact's."""
        if self.consultants:
            return self.consultants[0].consultant.email
        return self.contact.email if self.contact else None

    @property
    def name(self) -> str:
        return self.consultants[0].consultant.name if self.consultants else (
            self.contact.name if self.contact else "")


def consultants_by_topic(entries: list[ConsultantEntry]) -> dict[str, tuple[ConsultantEntry, ...]]:
    """Topic id -> the entries with that topic, in the order given: one pass for all topics."""
    found: dict[str, list[ConsultantEntry]] = defaultdict(list)
    for entry in entries:
        for topic_id in dict.fromkeys(entry.consultant.topics):
            found[topic_id].append(entry)
    return {topic_id: tuple(group) for topic_id, group in found.items()}


def who_to_call(site: Site, topic_id: str, municipality_id: str,
                by_topic: dict[str, tuple[ConsultantEntry, ...]] | None = None) -> FirstCall:
    """Never nobody: crossref.py makes sure every municipality reaches a person. `by_topic` is
    consultants_by_topic() of those serving the municipality, for a caller that asks for every topic."""
    if by_topic is None:
        by_topic = consultants_by_topic(site.consultants_serving(municipality_id))
    consultants = by_topic.get(topic_id, ())
    if consultants:
        return FirstCall(consultants, None)
    municipality = next(m for m in site.municipalities if m.id == municipality_id)
    return FirstCall((), reach(site, municipality))


# --- the e-mail that asks for a call or a visit -------------------------------------------------------

@dataclass(frozen=True)
class MailRequest:
    label: str  # the link's text
    href: str   # the mailto: URI


CPR_NOTE = "Skriv ikke CPR-numre eller oplysninger om helbred i e-mailen."


@functools.lru_cache(maxsize=16384)
def percent_encode(text: str) -> str:
    """A piece of a mailto: URI as UTF-8 percent-encoded, line breaks as CRLF (RFC 6068: %0D%0A).
    Cached: quote() goes byte by byte in Python, and the e-mails of a national site's 2,940
    result pages are made of the same few hundred pieces (names, topics, the form's lines)."""
    return quote(text.replace("\r\n", "\n").replace("\n", "\r\n"), safe="")


def mailto(address: str, subject: tuple[str, ...], body: tuple[str, ...]) -> str:
    """A mailto: URI (RFC 6068) with subject and body given in pieces, each percent-encoded as
    UTF-8; percent-encoding goes character by character, so the pieces join as the whole would."""
    return (f"mailto:{quote(address, safe='@')}?subject={''.join(map(percent_encode, subject))}"
            f"&body={''.join(map(percent_encode, body))}")


# What the company fills in, the same in every e-mail.
_FORM = ("Virksomhedens navn:\nKontaktperson:\nTelefon:\nHvornår passer det bedst:\n\n"
         "Kort om, hvad vi har brug for hjælp til:\n\n\n")


def _body(name: str, wish: str, topic: Topic, municipality: Municipality) -> tuple[str, ...]:
    return (f"Hej{' ' + name if name else ''},\n\n", "Vi er en virksomhed i ", municipality.full_name,
            f" og vil gerne {wish} om ", topic.title.lower(), ".\n\n",
            _FORM, f"({CPR_NOTE})\n")


def mail_requests(first: FirstCall, topic: Topic, municipality: Municipality) -> list[MailRequest]:
    """'Bliv ringet op' and 'Bestil et besøg' as e-mails to who to call first, with topic and
    municipality filled in; none when that person has no e-mail (then the page shows a phone)."""
    if not first.email:
        return []
    greeting = first.name.split(" ")[0] if first.consultants else ""  # a person by first name; a service not
    subject = (topic.title, " i ", municipality.full_name)
    return [MailRequest("Bliv ringet op", mailto(first.email, ("Ring os op: ", *subject),
                                                 _body(greeting, "ringes op", topic, municipality))),
            MailRequest("Bestil et besøg", mailto(first.email, ("Besøg: ", *subject),
                                                  _body(greeting, "have et besøg", topic, municipality)))]
