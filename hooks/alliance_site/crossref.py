"""Checks that span records and files: ids unique, references resolvable, nothing orphaned,
entries reviewed recently.

The checks read the parsed documents rather than the validated models, so they run even when
some records are invalid: an editor sees a misspelt topic id in the same run as a broken e-mail
address elsewhere. Values the model already rejected (`doc.invalid`) are skipped, so one
mistake is never reported twice. Every check is one pass over the data with set look-ups.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any, NamedTuple

from .brand import Brand
from .fields import HEX_COLOUR, ISO_DATE, SLUG_PATTERN
from .problems import ProblemList
from .sources import Location, SourceDocument
from .text import listing
from .validation import display_path, suggestion

PHOTO_FOLDER = "fotos"
PHOTO_SUFFIXES = {".jpg", ".jpeg", ".png", ".webp"}
STALE_AFTER = datetime.timedelta(days=365)
# An editor in Denmark may write today's date while the build server's clock is still on yesterday.
FUTURE_SLACK = datetime.timedelta(days=1)
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


Record = tuple[SourceDocument, Location, dict[str, Any]]


def records(doc: SourceDocument | None, key: str) -> Iterator[Record]:
    """The mappings in the top-level list `key` of `doc`, with their locations."""
    data = doc.data if doc is not None and isinstance(doc.data, dict) else {}
    items = data.get(key)
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


def text(record: Record, key: str) -> str | None:
    """The record's value for `key` when it is text the model accepted, else None."""
    doc, loc, data = record
    value = data.get(key)
    return value.strip() if isinstance(value, str) and doc.is_valid((*loc, key)) else None


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
    clusters = list(records(docs.alliance, "clusters"))
    efforts = list(records(docs.efforts, "efforts"))
    events = list(records(docs.events, "events"))
    party_kinds = {**{i: "partner" for i in raw_ids(partners)}, **{i: "municipality" for i in raw_ids(municipalities)}}
    for kind, entries in (("topic", topics), ("municipality", municipalities), ("partner", partners),
                          ("cluster", clusters), ("consultant", people), ("effort", efforts), ("event", events)):
        check.unique(kind, entries)
    check.unique("member", members, party_kinds)

    topic_ids = _ids(docs.topics, "topics", topics)
    municipality_ids = _ids(docs.municipalities, "municipalities", municipalities)
    cluster_ids = _ids(docs.alliance, "clusters", clusters)
    party_sets = (municipality_ids, _ids(docs.partners, "partners", partners),
                  None if "members" in docs.unreadable else raw_ids(members))
    party_ids = None if None in party_sets else set().union(*party_sets)
    topics_at = _path(docs.topics, "data/topics.yaml")
    municipalities_at = _path(docs.municipalities, "data/municipalities.yaml")
    for m in municipalities:
        if (cluster := text(m, "cluster")) is not None:
            check.known(m[0], (*m[1], "cluster"), cluster, "cluster", cluster_ids, _path(docs.alliance, "data/alliance.yaml"))
    for person in people:
        for loc, topic_id in slugs(person, "topics"):
            check.known(person[0], loc, topic_id, "topic", topic_ids, topics_at)
        if (photo := text(person, "photo")) is not None:
            _check_photo(check, person, photo, data_dir)
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
        _check_news_item(check, item, data_dir, today)
    for event in events:
        _check_event_dates(check, event, today)
    if docs.alliance is not None and isinstance(docs.alliance.data, dict):
        _check_brand(check, (docs.alliance, (), docs.alliance.data), data_dir)
    for e in efforts:
        for loc, party in slugs(e, "parties"):
            check.known(e[0], loc, party, "party", party_ids,
                        listing(["municipalities.yaml", "members.yaml", "partners.yaml"], "eller"))
    if _complete(docs):  # with a file unreadable, everything it refers to would look orphaned
        _check_orphans(check, municipalities, members, people, partners, efforts, topics, clusters)
    _check_unused_photos(check, docs.municipalities, people, data_dir)
    _check_unused_news_images(check, docs.news, news, data_dir)


def _complete(docs: Documents) -> bool:
    required = (docs.alliance, docs.municipalities, docs.partners, docs.topics)
    return not docs.unreadable and all(doc is not None and doc.is_valid(()) for doc in required)


def _check_photo(check: _Checker, person: Record, photo: str, data_dir: Path) -> None:
    doc, loc = person[0], (*person[1], "photo")
    relative = PurePosixPath(photo)
    if relative.is_absolute() or ".." in relative.parts or "\\" in photo:
        check.report(doc, loc, f"fotoet '{photo}' skal ligge i mappen data/; skriv fx '{PHOTO_FOLDER}/mette-holm.jpg'")
    elif relative.suffix.lower() not in PHOTO_SUFFIXES:
        check.report(doc, loc, f"fotoet '{photo}' skal være en .jpg-, .png- eller .webp-fil")
    elif not (data_dir / relative).is_file():
        check.report(doc, loc, f"fotoet '{photo}' findes ikke; læg filen i data/{relative.parent}/ (navnet skal passe "
                               "præcist, også med store og små bogstaver), eller slet linjen med photo")


def _date(record: Record, key: str) -> datetime.date | None:
    value = text(record, key)
    return datetime.date.fromisoformat(value) if value is not None and ISO_DATE.match(value) else None


def _check_news_item(check: _Checker, item: Record, data_dir: Path, today: datetime.date) -> None:
    """A news item's file is named by its id; it is published on its date, never ahead of it
    (a scheduled item waits in its pull request); its picture exists under data/."""
    doc, loc, _data = item
    item_id, stem = text(item, "id"), PurePosixPath(doc.path).stem
    if item_id is not None and item_id != stem:
        check.report(doc, (*loc, "id"), f"id'et '{item_id}' skal være det samme som filnavnet '{stem}.yaml'; "
                     f"omdøb filen til {item_id}.yaml, eller skriv id: {stem}")
    published, updated = _date(item, "date"), _date(item, "updated")
    if published is not None and published > today + FUTURE_SLACK:
        check.report(doc, (*loc, "date"), f"datoen {published} ligger i fremtiden; en nyhed udgives på sin dato, "
                     "så gem den (fx i en pull request), til den skal ud, og skriv så dagens dato")
    if updated is not None and published is not None and updated < published:
        check.report(doc, (*loc, "updated"), f"datoen {updated} ligger før nyhedens dato {published}; "
                     "updated er datoen, hvor nyheden sidst blev rettet")
    elif updated is not None and updated > today + FUTURE_SLACK:
        check.report(doc, (*loc, "updated"), f"datoen {updated} ligger i fremtiden; skriv datoen, hvor nyheden "
                     "sidst blev rettet")
    image = item[2].get("image")
    if isinstance(image, dict) and doc.is_valid((*loc, "image")):
        _check_image(check, (doc, (*loc, "image"), image), data_dir, "billedet", IMAGE_SUFFIXES,
                     "nyheder/billeder/moede.jpg")


def _check_event_dates(check: _Checker, event: Record, today: datetime.date) -> None:
    doc, loc, _data = event
    start, end, updated = _date(event, "date"), _date(event, "end_date"), _date(event, "updated")
    if start is not None and end is not None and end < start:
        check.report(doc, (*loc, "end_date"), f"slutdatoen {end} ligger før arrangementets dato {start}; "
                     "skriv den sidste dag, arrangementet varer, eller slet linjen")
    if updated is not None and updated > today + FUTURE_SLACK:
        check.report(doc, (*loc, "updated"), f"datoen {updated} ligger i fremtiden; skriv datoen, hvor dato, "
                     "tid eller sted sidst blev ændret")


IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png", ".webp")
LOGO_SUFFIXES = (".svg", ".png")
IMAGE_MAX_BYTES = 1024 * 1024
LOGO_MAX_BYTES = 100 * 1024
# What a logo may not hold: it is served from the site itself, so script in an SVG opened on
# its own would run with the site's origin (the CSP blocks inline script, but it stays out).
_ACTIVE_SVG = re.compile(r"<script|javascript:|<foreignobject|<!entity|\son[a-z]+\s*=|href\s*=\s*[\"']?(?!#)[a-z]+:")


def _check_image(check: _Checker, image: Record, data_dir: Path, noun: str, suffixes: tuple[str, ...],
                 example: str, max_bytes: int = IMAGE_MAX_BYTES) -> Path | None:
    """A picture's file: under data/, of an allowed kind, present, not too large."""
    doc, loc = image[0], (*image[1], "file")
    name = text(image, "file")
    if name is None:
        return None
    relative = PurePosixPath(name)
    kinds = listing([s for s in suffixes if s != ".jpeg"], "eller")
    if relative.is_absolute() or ".." in relative.parts or "\\" in name:
        check.report(doc, loc, f"{noun} '{name}' skal ligge i mappen data/; skriv fx '{example}'")
    elif relative.suffix.lower() not in suffixes:
        check.report(doc, loc, f"{noun} '{name}' skal være en {kinds}-fil")
    elif not (data_dir / relative).is_file():
        check.report(doc, loc, f"{noun} '{name}' findes ikke; læg filen i data/{relative.parent}/ (navnet skal passe "
                               "præcist, også med store og små bogstaver)")
    elif (size := (data_dir / relative).stat().st_size) > max_bytes:
        check.report(doc, loc, f"{noun} '{name}' fylder {_kilobytes(size)}; der må højst være {_kilobytes(max_bytes)}, "
                               "så gem det i en mindre udgave")
    else:
        return data_dir / relative
    return None


def _kilobytes(size: int) -> str:
    return f"{-(-size // 1024)} KB"


def _check_brand(check: _Checker, alliance: Record, data_dir: Path) -> None:
    """The logo is a small SVG or PNG without script; the brand colour reads in both palettes."""
    doc, loc, data = alliance
    logo = data.get("logo")
    if isinstance(logo, dict) and doc.is_valid(("logo",)):
        path = _check_image(check, (doc, ("logo",), logo), data_dir, "logoet", LOGO_SUFFIXES, "logo.svg",
                            LOGO_MAX_BYTES)
        if path is not None and path.suffix.lower() == ".svg":
            content = path.read_bytes().decode("utf-8", "replace").lower()
            if _ACTIVE_SVG.search(content):
                check.report(doc, ("logo", "file"), f"logoet '{logo['file'].strip()}' indeholder script, links til "
                             "andre sider eller hændelser (on...=); gem det som et rent SVG-billede, eller brug en PNG-fil")
    colour, dark = text(alliance, "brand_colour"), text(alliance, "brand_colour_dark")
    if colour is None or not HEX_COLOUR.match(colour) or (dark is not None and not HEX_COLOUR.match(dark)):
        return
    for key, message in Brand.of(colour.lower(), dark.lower() if dark else None).problems():
        check.report(doc, (key,) if key in data else ("brand_colour",), message)


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


def _check_unused_photos(check: _Checker, doc: SourceDocument | None, people: list[Record], data_dir: Path) -> None:
    folder = data_dir / PHOTO_FOLDER
    if doc is None or not folder.is_dir():
        return
    used = {PurePosixPath(p[2]["photo"].strip()).as_posix() for p in people if isinstance(p[2].get("photo"), str)}
    for path in sorted(folder.rglob("*")):
        name = path.relative_to(data_dir).as_posix()
        if path.is_file() and path.suffix.lower() in PHOTO_SUFFIXES and name not in used:
            shown = (PurePosixPath(doc.path).parent / name).as_posix()
            check.problems.add(shown, 1, 1, "fotoet bruges ikke af nogen konsulent; skriv det som 'photo:' "
                               "hos en konsulent, eller slet filen", "warning")


NEWS_IMAGE_FOLDER = "nyheder/billeder"


def _check_unused_news_images(check: _Checker, docs: list[SourceDocument], news: list[Record], data_dir: Path) -> None:
    """A picture in data/nyheder/billeder/ that no news item shows (a typo in its name, or left
    behind). Skipped while a news file cannot be read: its picture would look unused."""
    folder = data_dir / NEWS_IMAGE_FOLDER
    if not folder.is_dir() or len(docs) != len(list((data_dir / "nyheder").glob("*.yaml"))):
        return
    used = {PurePosixPath(image["file"].strip()).as_posix() for _doc, _loc, data in news
            if isinstance(image := data.get("image"), dict) and isinstance(image.get("file"), str)}
    for path in sorted(folder.rglob("*")):
        name = path.relative_to(data_dir).as_posix()
        if path.is_file() and path.suffix.lower() in IMAGE_SUFFIXES and name not in used:
            shown = (PurePosixPath(docs[0].path).parent / "billeder" / path.relative_to(folder).as_posix()).as_posix() \
                if docs else f"data/{name}"
            check.problems.add(shown, 1, 1, "billedet bruges ikke af nogen nyhed; skriv det under 'image' i en "
                               "nyhed, eller slet filen", "warning")


def _serves_all(data: dict[str, Any]) -> bool:
    """Whether a partner's or member's raw `all_municipalities` reads as true, as the model reads it."""
    return str(data.get("all_municipalities", "")).strip().lower() in {"true", "yes", "on", "1", "t", "y"}


def _strings(value: Any) -> list[str]:
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []
