"""Checks that span records and files: ids unique, references resolvable, nothing orphaned,
entries reviewed recently.

The checks read the parsed documents rather than the validated models, so they run even when
some records are invalid: an editor sees a misspelt topic id in the same run as a broken e-mail
address elsewhere. Values the model already rejected (`doc.invalid`) are skipped, so one
mistake is never reported twice. Every check is one pass over the data with set look-ups.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any, NamedTuple

from alliance_site.data import content_checks as content
from alliance_site.data import datafiles
from alliance_site.data import journey_checks as journey
from alliance_site.data.content_checks import FUTURE_SLACK, Record, text
from alliance_site.data.fields import ISO_DATE, SLUG_PATTERN, data_relative
from alliance_site.data.pictures import PHOTO, PHOTO_FOLDER
from alliance_site.data.problems import ProblemList
from alliance_site.data.sources import Location, SourceDocument
from alliance_site.data.text import listing
from alliance_site.data.validation import display_path, suggestion

STALE_AFTER = datetime.timedelta(days=365)
LIST_KNOWN_UP_TO = 15


class Noun(NamedTuple):
    """A kind of record as a Danish sentence needs it: 'et emne', 'emner', 'emnerne', 'hvert emne'."""

    article: str
    singular: str
    plural: str
    the_plural: str

    @property
    def each(self) -> str:
        return f"{'hvert' if self.article == 'et' else 'hver'} {self.singular}"


NOUNS = {
    "topic": Noun("et", "emne", "emner", "emnerne"),
    "municipality": Noun("en", "kommune", "kommuner", "kommunerne"),
    "cluster": Noun("en", "klynge", "klynger", "klyngerne"),
    "partner": Noun("en", "partner", "partnere", "partnerne"),
    "consultant": Noun("en", "konsulent", "konsulenter", "konsulenterne"),
    "member": Noun("et", "medlem", "medlemmer", "medlemmerne"),
    "effort": Noun("en", "indsats", "indsatser", "indsatserne"),
    "event": Noun("et", "arrangement", "arrangementer", "arrangementerne"),
    "party": Noun("en", "part", "parter", "parterne"),
    "news": Noun("en", "nyhed", "nyheder", "nyhederne"),
    "question": Noun("et", "spørgsmål", "spørgsmål", "spørgsmålene"),
}


@dataclass
class Documents:
    """The parsed data files; None where a file is absent or could not be read."""

    alliance: SourceDocument | None
    municipalities: SourceDocument | None
    partners: SourceDocument | None
    topics: SourceDocument | None
    members: SourceDocument | None = None
    efforts: SourceDocument | None = None
    events: SourceDocument | None = None
    news: list[SourceDocument] = field(default_factory=list)  # data/nyheder/*.yaml, one item each
    unreadable: frozenset[str] = frozenset()  # optional files that exist but could not be read


def records(doc: SourceDocument | None, key: str) -> Iterator[Record]:
    """The mappings in the top-level list `key` of `doc`, with their locations."""
    if doc is None or not isinstance(doc.data, dict):
        return
    items = doc.data.get(key)
    for i, item in enumerate(items if isinstance(items, list) else []):
        if isinstance(item, dict):
            yield doc, (key, i), item


def nested(entries: Iterable[Record], key: str) -> Iterator[Record]:
    """The mappings in each record's list `key` (e.g. the consultants of each municipality)."""
    for doc, loc, data in entries:
        items = data.get(key)
        for j, item in enumerate(items if isinstance(items, list) else []):
            if isinstance(item, dict):
                yield doc, (*loc, key, j), item


def slugs(record: Record, key: str) -> Iterator[tuple[Location, str]]:
    """Valid ids in the record's list `key`, each with its location."""
    doc, loc, data = record
    items = data.get(key)
    checked = bool(doc.invalid)  # with no model error in the file, every id in it is a valid slug
    for k, item in enumerate(items if isinstance(items, list) else []):
        if isinstance(item, str) and (not checked or SLUG_PATTERN.match(item.strip()) and doc.is_valid((*loc, key, k))):
            yield (*loc, key, k), item.strip()


def raw_ids(entries: Iterable[Record]) -> set[str]:
    """Ids of records, valid or not: a reference to an invalid record is not also 'unknown'."""
    return {r[2]["id"].strip() for r in entries if isinstance(r[2].get("id"), str)}


class _Checker:
    def __init__(self, problems: ProblemList):
        self.problems = problems

    def report(self, doc: SourceDocument, loc: Location, message: str, severity: str = "error") -> None:
        pos = doc.locate(loc)
        where = display_path(loc)
        self.problems.add(doc.path, pos.line, pos.column, f"{where}: {message}" if where else message, severity)

    def unique(self, kind: str, entries: Iterable[Record], others: dict[str, str] | None = None) -> None:
        """Each id once per kind; `others` maps ids of other kinds that share the namespace to their kind."""
        seen: dict[str, tuple[SourceDocument, Location]] = {}
        for entry in entries:
            value = text(entry, "id")
            if value is None:
                continue
            doc, loc, _data = entry
            if value in seen:
                first_doc, first_loc = seen[value]
                first = first_doc.locate((*first_loc, "id"))
                noun = NOUNS[kind]
                self.report(doc, (*loc, "id"), f"id'et '{value}' er allerede brugt til {noun.article} {noun.singular} "
                                               f"på linje {first.line}; {noun.each} skal have sit eget id")
            elif others and value in others:
                other = NOUNS[others[value]]
                self.report(doc, (*loc, "id"), f"id'et '{value}' er også id for {other.article} {other.singular}; "
                                               "indsatser nævner deres parter ved id, så vælg et andet id")
            seen.setdefault(value, (doc, loc))

    def known(self, doc: SourceDocument, loc: Location, value: str, kind: str,
              known: set[str] | None, where: str) -> None:
        if known is None or value in known:
            return  # None: the defining file is unreadable, and already has its own error
        noun = NOUNS[kind]
        if not known:
            self.report(doc, loc, f"ukendt {noun.singular} '{value}'; der står ingen {noun.plural} i {where}")
            return
        listed = (f"kendte {noun.plural}: {', '.join(sorted(known))}" if len(known) <= LIST_KNOWN_UP_TO
                  else f"{noun.the_plural} står i {where}")
        self.report(doc, loc, f"ukendt {noun.singular} '{value}'; {suggestion(value, known)}{listed}")


def _ids(doc: SourceDocument | None, key: str, entries: list[Record]) -> set[str] | None:
    """Known ids of a kind; None (skip the checks against it) when its file could not be read
    or its list is malformed: that has its own error, and every reference is not also unknown."""
    return raw_ids(entries) if doc is not None and doc.is_valid((key,)) else None


def _path(doc: SourceDocument | None, fallback: str) -> str:
    return doc.path if doc is not None else fallback


def check_references(docs: Documents, data_dir: Path, problems: ProblemList, today: datetime.date) -> None:
    """Record every cross-reference problem, every warning and every notice in the data."""
    check = _Checker(problems)
    municipalities = list(records(docs.municipalities, "municipalities"))
    members = list(records(docs.members, "members"))
    people = [*nested(municipalities, "consultants"), *nested(members, "consultants")]
    partners = list(records(docs.partners, "partners"))
    topics = list(records(docs.topics, "topics"))
    questions = list(records(docs.topics, "questions"))
    clusters = list(records(docs.alliance, "clusters"))
    efforts = list(records(docs.efforts, "efforts"))
    events = list(records(docs.events, "events"))
    party_kinds = {**{i: "partner" for i in raw_ids(partners)}, **{i: "municipality" for i in raw_ids(municipalities)}}
    for kind, entries in (("topic", topics), ("municipality", municipalities), ("partner", partners),
                          ("cluster", clusters), ("consultant", people), ("effort", efforts), ("event", events),
                          ("question", questions)):
        check.unique(kind, entries)
    check.unique("member", members, party_kinds)

    topic_ids = _ids(docs.topics, "topics", topics)
    municipality_ids = _ids(docs.municipalities, "municipalities", municipalities)
    cluster_ids = _ids(docs.alliance, "clusters", clusters)
    party_sets = (municipality_ids, _ids(docs.partners, "partners", partners),
                  None if "members" in docs.unreadable else raw_ids(members))
    known_sets = [ids for ids in party_sets if ids is not None]
    party_ids = set().union(*known_sets) if len(known_sets) == len(party_sets) else None
    topics_at = _path(docs.topics, "data/topics.yaml")
    municipalities_at = _path(docs.municipalities, "data/municipalities.yaml")
    journey.check_questions(check, check.known, topics, questions, topic_ids, _ids(docs.topics, "questions", questions),
                            topics_at)
    journey.check_reachable(check, municipalities, docs.alliance)
    for m in municipalities:
        if (cluster := text(m, "cluster")) is not None:
            check.known(m[0], (*m[1], "cluster"), cluster, "cluster", cluster_ids, _path(docs.alliance, "data/alliance.yaml"))
    for person in people:
        for loc, topic_id in slugs(person, "topics"):
            check.known(person[0], loc, topic_id, "topic", topic_ids, topics_at)
        content.check_picture(check, person, "photo", PHOTO, data_dir)
        _check_fresh(check, person, today)
    for serving in (*partners, *members):
        for loc, municipality_id in slugs(serving, "municipalities"):
            check.known(serving[0], loc, municipality_id, "municipality", municipality_ids, municipalities_at)
    for p in (*partners, *efforts):
        for loc, topic_id in slugs(p, "topics"):
            check.known(p[0], loc, topic_id, "topic", topic_ids, topics_at)
    for p in partners:
        _check_fresh(check, p, today)
    news = [(doc, (), doc.data) for doc in docs.news if isinstance(doc.data, dict)]
    for item in (*events, *news):
        for loc, topic_id in slugs(item, "topics"):
            check.known(item[0], loc, topic_id, "topic", topic_ids, topics_at)
        for loc, municipality_id in slugs(item, "municipalities"):
            check.known(item[0], loc, municipality_id, "municipality", municipality_ids, municipalities_at)
    for item in news:
        content.check_news_item(check, item, data_dir, today)
    for event in events:
        content.check_event_dates(check, event, today)
    if docs.alliance is not None and isinstance(docs.alliance.data, dict):
        content.check_brand(check, (docs.alliance, (), docs.alliance.data), data_dir)
    for e in efforts:
        for loc, party in slugs(e, "parties"):
            check.known(e[0], loc, party, "party", party_ids,
                        listing(["municipalities.yaml", "members.yaml", "partners.yaml"], "eller"))
    if _complete(docs):  # with a file unreadable, everything it refers to would look orphaned
        _check_orphans(check, municipalities, members, people, partners, efforts, topics, clusters)
    logo = docs.alliance.data.get("logo") if docs.alliance is not None and isinstance(docs.alliance.data, dict) else None
    logo_file = logo.get("file") if isinstance(logo, dict) else None  # the web editor may put it in fotos/
    _check_unused_photos(check, docs.municipalities, people, data_dir, logo_file if isinstance(logo_file, str) else None)
    content.check_unused_news_images(check, docs.news, news, data_dir)


def _complete(docs: Documents) -> bool:
    required = (docs.alliance, docs.municipalities, docs.partners, docs.topics)
    return not docs.unreadable and all(doc is not None and doc.is_valid(()) for doc in required)


def _check_fresh(check: _Checker, record: Record, today: datetime.date) -> None:
    value = text(record, "reviewed")
    if value is None or not ISO_DATE.match(value):
        return
    reviewed = datetime.date.fromisoformat(value)
    doc, loc = record[0], (*record[1], "reviewed")
    if reviewed > today + FUTURE_SLACK:
        check.report(doc, loc, f"datoen {value} ligger i fremtiden; skriv datoen, hvor posten sidst blev tjekket")
    elif today - reviewed > STALE_AFTER:
        check.report(doc, loc, f"sidst tjekket {value}, for mere end 12 måneder siden; tjek oplysningerne "
                               "med personen eller organisationen, og ret datoen", severity="notice")


def _check_orphans(check: _Checker, municipalities: list[Record], members: list[Record], people: list[Record],
                   partners: list[Record], efforts: list[Record], topics: list[Record],
                   clusters: list[Record]) -> None:
    """Warnings for things that exist but that no reader can reach: likely mistakes."""
    used_topics = {t for r in (*people, *partners, *efforts) for t in _strings(r[2].get("topics"))}
    for t in topics:
        if isinstance(t[2].get("id"), str) and t[2]["id"] not in used_topics:
            check.report(t[0], (*t[1], "id"), f"emnet '{t[2]['id']}' har ingen konsulent og ingen partner, så "
                         "emnets side viser ingen at kontakte; skriv det under 'topics' hos en konsulent eller "
                         "partner, eller slet emnet", severity="warning")
    served = {m for r in members if r[2].get("consultants") for m in _strings(r[2].get("municipalities"))}
    all_served = any(r[2].get("consultants") and _serves_all(r[2]) for r in members)
    for m in municipalities:
        m_id = m[2].get("id")
        if isinstance(m_id, str) and not m[2].get("consultants") and not all_served and m_id not in served:
            check.report(m[0], (*m[1], "id"), f"kommunen '{m_id}' har ingen konsulenter, så virksomheder "
                         "dér finder ingen at ringe til; tilføj mindst én konsulent under 'consultants'",
                         severity="warning")
    used_clusters = {m[2].get("cluster") for m in municipalities}
    for c in clusters:
        if isinstance(c[2].get("id"), str) and c[2]["id"] not in used_clusters:
            check.report(c[0], (*c[1], "id"), f"klyngen '{c[2]['id']}' har ingen kommuner; skriv "
                         f"'cluster: {c[2]['id']}' hos klyngens kommuner, eller slet klyngen", severity="warning")
    for p in (*partners, *members):
        if _serves_all(p[2]) and p[2].get("municipalities"):
            check.report(p[0], (*p[1], "municipalities"), "all_municipalities er true, og der står også "
                         "kommuner her; slet listen, eller sæt all_municipalities til false")
        elif not _serves_all(p[2]) and not p[2].get("municipalities"):
            check.report(p[0], (*p[1], "municipalities"), "betjener ingen kommune, så posten står ikke på "
                         "nogen kommuneside; skriv 'all_municipalities: true' eller en liste af kommune-id'er",
                         severity="warning")


def _check_unused_photos(check: _Checker, doc: SourceDocument | None, people: list[Record], data_dir: Path,
                         logo: str | None = None) -> None:
    folder = data_dir / PHOTO_FOLDER
    if doc is None or not folder.is_dir() or not datafiles.folder_inside(folder, data_dir):
        return
    used = {PurePosixPath(data_relative(p[2]["photo"])).as_posix() for p in people if isinstance(p[2].get("photo"), str)}
    if logo:
        used.add(PurePosixPath(data_relative(logo)).as_posix())
    for path in sorted(folder.rglob("*")):
        name = path.relative_to(data_dir).as_posix()
        if path.is_file() and path.suffix.lower() in PHOTO.suffixes and name not in used:
            shown = (PurePosixPath(doc.path).parent / name).as_posix()
            check.problems.add(shown, 1, 1, "fotoet bruges ikke af nogen konsulent; skriv det som 'photo:' "
                               "hos en konsulent, eller slet filen", "warning")


def _serves_all(data: dict[str, Any]) -> bool:
    """Whether a partner's or member's raw `all_municipalities` reads as true, as the model reads it."""
    return str(data.get("all_municipalities", "")).strip().lower() in {"true", "yes", "on", "1", "t", "y"}


def _strings(value: Any) -> list[str]:
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []
