"""Checks of the employer's way in: the guide's follow-up questions and a person to reach in
every municipality, with the same located Danish messages as crossref.py, which calls them.

The guide walks from a need (a topic) through optional follow-up questions (topics.yaml,
`questions`) to a result page, which is always a topic. So every answer must lead to exactly
one topic or question, every id must exist, and no chain of questions may come back to itself:
a company must always arrive somewhere. A question no topic or answer leads to is a warning.

No dead ends: a company in any municipality must find a person, so each municipality's
business service has a phone or an e-mail, or the alliance has a shared phone.
"""

from __future__ import annotations

from collections.abc import Callable

from alliance_site.data.content_checks import Checker, Record, text
from alliance_site.data.sources import Location, SourceDocument

# Known ids of a kind, or None when the defining file could not be read (it has its own error).
Known = Callable[[SourceDocument, Location, str, str, "set[str] | None", str], None]
Edge = tuple[SourceDocument, Location, str]  # an answer's `question`: where it stands, and the id


def check_questions(check: Checker, known: Known, topics: list[Record], questions: list[Record],
                    topic_ids: set[str] | None, question_ids: set[str] | None, where: str) -> None:
    """Every answer leads to one known place; topics ask known questions; no question loops;
    every question is asked by something."""
    edges: dict[str, list[Edge]] = {}
    entries: list[str] = []  # the questions topics ask, where a company enters the tree
    for topic in topics:
        if (asks := text(topic, "question")) is not None:
            known(topic[0], (*topic[1], "question"), asks, "question", question_ids, where)
            entries.append(asks)
    asked = set(entries)
    for question in questions:
        question_id = text(question, "id")
        for answer in _answers(question):
            target = _check_answer(check, known, answer, topic_ids, question_ids, where)
            if target is not None:
                asked.add(target[2])
                if question_id is not None:
                    edges.setdefault(question_id, []).append(target)
    _check_cycles(check, edges, entries)
    if question_ids is None or asked - question_ids:
        return  # with a misspelt question id, the question it meant would look unasked too
    for question in questions:
        question_id = text(question, "id")
        if question_id is not None and question_id not in asked:
            check.report(question[0], (*question[1], "id"), f"spørgsmålet '{question_id}' bliver aldrig stillet, fordi "
                         "intet emne og intet svar fører til det; skriv 'question: " + question_id + "' hos et emne "
                         "eller et svar, eller slet spørgsmålet", severity="warning")


def _answers(question: Record) -> list[Record]:
    doc, loc, data = question
    items = data.get("answers")
    return [(doc, (*loc, "answers", j), item) for j, item in enumerate(items if isinstance(items, list) else [])
            if isinstance(item, dict)]


def _check_answer(check: Checker, known: Known, answer: Record, topic_ids: set[str] | None,
                  question_ids: set[str] | None, where: str) -> Edge | None:
    """Report an answer that leads nowhere or to two places; return its question edge, if any."""
    doc, loc, data = answer
    if data.get("topic") is None and data.get("question") is None:
        check.report(doc, loc, "svaret fører ingen steder hen; skriv 'topic:' med et emne-id (svaret giver så "
                     "emnets resultatside) eller 'question:' med id'et på et nyt spørgsmål")
        return None
    if data.get("topic") is not None and data.get("question") is not None:
        check.report(doc, (*loc, "question"), "svaret fører både til et emne og til et spørgsmål; et svar fører "
                     "ét sted hen, så slet 'topic' eller 'question'")
        return None
    if (topic := text(answer, "topic")) is not None:
        known(doc, (*loc, "topic"), topic, "topic", topic_ids, where)
    question = text(answer, "question")
    if question is None:
        return None
    known(doc, (*loc, "question"), question, "question", question_ids, where)
    return (doc, (*loc, "question"), question) if question_ids is None or question in question_ids else None


def _check_cycles(check: Checker, edges: dict[str, list[Edge]], entries: list[str]) -> None:
    """Report each ring of questions once, at the answer that closes it, naming the ring in the
    order a company walks it (from the questions topics ask)."""
    done: set[str] = set()

    def visit(question_id: str, path: list[str]) -> None:
        for doc, loc, target in edges.get(question_id, []):
            if target in path:
                ring = " → ".join([*path[path.index(target):], target])
                check.report(doc, loc, f"spørgsmålene fører i ring: {ring}; virksomheden kommer aldrig frem, så lad "
                             "et af svarene føre til et emne ('topic:') i stedet")
            elif target not in done:
                visit(target, [*path, target])
        done.add(question_id)

    for start in [*entries, *sorted(edges)]:
        if start not in done:
            visit(start, [start])


def check_reachable(check: Checker, municipalities: list[Record], alliance: SourceDocument | None) -> None:
    """An error at each municipality where a company could reach no person at all."""
    shared_phone = _alliance_phone(alliance)
    if shared_phone is not False:
        return  # the alliance's phone is there for everyone (or its file has its own error)
    for municipality in municipalities:
        doc, loc, data = municipality
        service = data.get("business_service")
        if not isinstance(service, dict) or service.get("phone") is not None or service.get("email") is not None:
            continue
        name = data.get("name") if isinstance(data.get("name"), str) else data.get("id")
        check.report(doc, (*loc, "business_service"), f"virksomheder i {name} kan ikke nå en person: "
                     "erhvervsservicen har hverken 'phone' eller 'email', og alliancen har ingen fælles telefon; "
                     "skriv erhvervsservicens telefon eller e-mail her, eller 'phone' under 'contact' i alliance.yaml")


def _alliance_phone(alliance: SourceDocument | None) -> bool | None:
    """True when the alliance has a shared phone, False when it has none, None when unknown
    (its file is missing or broken, or the phone has an error of its own)."""
    if alliance is None or not isinstance(alliance.data, dict) or not alliance.is_valid(("contact",)):
        return None
    contact = alliance.data.get("contact")
    if not isinstance(contact, dict):
        return None
    if contact.get("phone") is None:
        return False
    return True if alliance.is_valid(("contact", "phone")) else None
