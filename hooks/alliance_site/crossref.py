"""Checks that span records and files: ids unique, references resolvable, nothing orphaned.

Each check walks the validated models with their indexes, so a problem can be located in the
source document by its path, e.g. ('municipalities', 2, 'consultants', 0, 'topics', 1).
"""

from __future__ import annotations

import datetime
import difflib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from .model import Alliance, Municipality, Partner, Topic
from .problems import ProblemList
from .sources import Location, SourceDocument

PHOTO_SUFFIXES = {".jpg", ".jpeg", ".png", ".webp"}
STALE_AFTER = datetime.timedelta(days=365)


@dataclass
class Documents:
    alliance: SourceDocument
    municipalities: SourceDocument
    partners: SourceDocument
    topics: SourceDocument


class _Checker:
    def __init__(self, docs: Documents, problems: ProblemList):
        self.docs, self.problems = docs, problems

    def report(self, doc: SourceDocument, loc: Location, message: str, severity: str = "error") -> None:
        pos = doc.locate(loc)
        self.problems.add(doc.path, pos.line, pos.column, message, severity)

    def unique(self, doc: SourceDocument, kind: str, entries: Iterable[tuple[Location, str]]) -> None:
        seen: dict[str, Location] = {}
        for loc, value in entries:
            if value in seen:
                first = doc.locate(seen[value])
                self.report(doc, loc, f"duplicate {kind} id '{value}' (already used on line {first.line}); "
                                      "every id must be unique")
            else:
                seen[value] = loc

    def known(self, doc: SourceDocument, loc: Location, value: str, kind: str, known: list[str]) -> None:
        if value in known:
            return
        guess = difflib.get_close_matches(value, known, n=1)
        hint = f"did you mean '{guess[0]}'? " if guess else ""
        self.report(doc, loc, f"unknown {kind} '{value}'; {hint}known {kind}s: {', '.join(sorted(known))}")


def check_references(alliance: Alliance, municipalities: list[Municipality], partners: list[Partner],
                     topics: list[Topic], docs: Documents, data_dir: Path, problems: ProblemList,
                     today: datetime.date) -> None:
    """Record every cross-reference problem and every warning in the validated data."""
    check = _Checker(docs, problems)
    md, pd, td = docs.municipalities, docs.partners, docs.topics
    topic_ids = [t.id for t in topics]
    municipality_ids = [m.id for m in municipalities]
    cluster_ids = [c.id for c in alliance.clusters]

    check.unique(td, "topic", ((("topics", i, "id"), t.id) for i, t in enumerate(topics)))
    check.unique(md, "municipality", ((("municipalities", i, "id"), m.id) for i, m in enumerate(municipalities)))
    check.unique(pd, "partner", ((("partners", i, "id"), p.id) for i, p in enumerate(partners)))
    check.unique(docs.alliance, "cluster", ((("clusters", i, "id"), c.id) for i, c in enumerate(alliance.clusters)))
    check.unique(md, "consultant", (
        (("municipalities", i, "consultants", j, "id"), c.id)
        for i, m in enumerate(municipalities) for j, c in enumerate(m.consultants)))

    for i, m in enumerate(municipalities):
        if m.cluster is not None:
            check.known(md, ("municipalities", i, "cluster"), m.cluster, "cluster", cluster_ids)
        for j, consultant in enumerate(m.consultants):
            loc = ("municipalities", i, "consultants", j)
            for k, topic_id in enumerate(consultant.topics):
                check.known(md, (*loc, "topics", k), topic_id, "topic", topic_ids)
            if consultant.photo is not None:
                _check_photo(check, md, (*loc, "photo"), consultant.photo, data_dir)
            _check_fresh(check, md, (*loc, "reviewed"), consultant.reviewed, today)
    for i, p in enumerate(partners):
        if not p.serves_all:
            for k, municipality_id in enumerate(p.municipalities):
                check.known(pd, ("partners", i, "municipalities", k), municipality_id, "municipality", municipality_ids)
        for k, topic_id in enumerate(p.topics):
            check.known(pd, ("partners", i, "topics", k), topic_id, "topic", topic_ids)
        _check_fresh(check, pd, ("partners", i, "reviewed"), p.reviewed, today)
    _check_orphans(check, municipalities, partners, topics)


def _check_photo(check: _Checker, doc: SourceDocument, loc: Location, photo: str, data_dir: Path) -> None:
    relative = PurePosixPath(photo)
    if relative.is_absolute() or ".." in relative.parts:
        check.report(doc, loc, f"photo '{photo}' must be a path inside data/, e.g. 'fotos/mette-holm.jpg'")
    elif relative.suffix.lower() not in PHOTO_SUFFIXES:
        check.report(doc, loc, f"photo '{photo}' must be a .jpg, .png or .webp file")
    elif not (data_dir / relative).is_file():
        check.report(doc, loc, f"photo '{photo}' does not exist; put the file in data/{relative.parent}/ "
                               "or remove the photo line")


def _check_fresh(check: _Checker, doc: SourceDocument, loc: Location, reviewed: datetime.date,
                 today: datetime.date) -> None:
    if reviewed > today:
        check.report(doc, loc, f"reviewed date {reviewed.isoformat()} is in the future; "
                               "write the date the entry was last checked")
    elif today - reviewed > STALE_AFTER:
        check.report(doc, loc, f"last reviewed {reviewed.isoformat()}, more than 12 months ago; "
                               "check the entry and update the date", severity="notice")


def _check_orphans(check: _Checker, municipalities: list[Municipality], partners: list[Partner],
                   topics: list[Topic]) -> None:
    used = {t for m in municipalities for c in m.consultants for t in c.topics}
    used |= {t for p in partners for t in p.topics}
    for i, topic in enumerate(topics):
        if topic.id not in used:
            check.report(check.docs.topics, ("topics", i, "id"),
                         f"topic '{topic.id}' has no consultant and no partner; add it to someone's "
                         "topics or remove it", severity="warning")
    for i, m in enumerate(municipalities):
        if not m.consultants:
            check.report(check.docs.municipalities, ("municipalities", i, "id"),
                         f"municipality '{m.id}' has no consultants, so companies there find no one to call",
                         severity="warning")
