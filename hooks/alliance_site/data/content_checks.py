"""Checks of news items, events and the alliance's face (logo, brand colour): what the model
alone cannot see, with the same located Danish messages as crossref.py, which calls them.

Every picture file (a news item's, the logo, and a consultant's photo for crossref.py) is
checked by check_picture against the one rule in pictures.py; a news item's file is named
by its id and is published on its date, never ahead of it; an SVG logo holds no script; the
brand colour reads in both palettes (brand.py). Like crossref.py, values the model rejected are
skipped, so one mistake is reported once.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Sequence
from pathlib import Path, PurePosixPath
from typing import Any, Protocol

from alliance_site.data import datafiles, pictures
from alliance_site.data.fields import HEX_COLOUR, ISO_DATE, data_relative
from alliance_site.data.pictures import LOGO, NEWS_IMAGE, NEWS_IMAGE_FOLDER, Picture
from alliance_site.data.sources import Location, SourceDocument
from alliance_site.publish.brand import Brand

# An editor in Denmark may write today's date while the build server's clock is still on yesterday.
FUTURE_SLACK = datetime.timedelta(days=1)
Record = tuple[SourceDocument, Location, dict[str, Any]]


class Checker(Protocol):
    """What crossref's checker offers: report a message at a place in a document."""

    problems: Any

    def report(self, doc: SourceDocument, loc: Location, message: str, severity: str = "error") -> None: ...


def text(record: Record, key: str) -> str | None:
    """The record's value for `key` when it is text the model accepted, else None."""
    doc, loc, data = record
    value = data.get(key)
    return value.strip() if isinstance(value, str) and doc.is_valid((*loc, key)) else None


def _date(record: Record, key: str) -> datetime.date | None:
    value = text(record, key)
    return datetime.date.fromisoformat(value) if value is not None and ISO_DATE.match(value) else None


def check_news_item(check: Checker, item: Record, data_dir: Path, today: datetime.date) -> None:
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
        check_picture(check, (doc, (*loc, "image"), image), "file", NEWS_IMAGE, data_dir)


def check_event_dates(check: Checker, event: Record, today: datetime.date) -> None:
    doc, loc, _data = event
    start, end, updated = _date(event, "date"), _date(event, "end_date"), _date(event, "updated")
    deadline = _date(event, "registration_deadline")
    if start is not None and end is not None and end < start:
        check.report(doc, (*loc, "end_date"), f"slutdatoen {end} ligger før arrangementets dato {start}; "
                     "skriv den sidste dag, arrangementet varer, eller slet linjen")
    if start is not None and deadline is not None and deadline > start:
        check.report(doc, (*loc, "registration_deadline"), f"tilmeldingsfristen {deadline} ligger efter "
                     f"arrangementets dato {start}; skriv den sidste dag, man kan tilmelde sig, eller slet linjen")
    if deadline is not None and "registration" not in event[2]:
        check.report(doc, (*loc, "registration_deadline"), "en tilmeldingsfrist kræver en tilmeldingsadresse; "
                     "skriv under 'registration', hvor man tilmelder sig (https://... eller en e-mailadresse), "
                     "eller slet fristen")
    if updated is not None and updated > today + FUTURE_SLACK:
        check.report(doc, (*loc, "updated"), f"datoen {updated} ligger i fremtiden; skriv datoen, hvor dato, "
                     "tid eller sted sidst blev ændret")


# What a logo may not hold: it is served from the site itself, so script in an SVG opened on
# its own would run with the site's origin (the CSP blocks inline script, but it stays out).
_ACTIVE_SVG = re.compile(r"<script|javascript:|<foreignobject|<!entity|\son[a-z]+\s*=|href\s*=\s*[\"']?(?!#)[a-z]+:")


def check_picture(check: Checker, record: Record, key: str, picture: Picture, data_dir: Path) -> Path | None:
    """The picture file the record names under `key` (a consultant's photo, a news item's or the
    logo's file), by the one rule in pictures.py, reported where the name is written; its path
    when it is fine. Skipped when the model already refused the value."""
    name = text(record, key)
    if name is None:
        return None
    if (message := pictures.problem(picture, name, data_dir)) is not None:
        check.report(record[0], (*record[1], key), message)
        return None
    return pictures.path(name, data_dir)


def check_brand(check: Checker, alliance: Record, data_dir: Path) -> None:
    """The logo is a small SVG or PNG without script; the brand colour reads in both palettes."""
    doc, loc, data = alliance
    logo = data.get("logo")
    if isinstance(logo, dict) and doc.is_valid(("logo",)):
        path = check_picture(check, (doc, ("logo",), logo), "file", LOGO, data_dir)
        if path is not None and path.suffix.lower() == ".svg":
            content = datafiles.read_inside(path, data_dir, LOGO.max_bytes).decode("utf-8", "replace").lower()
            if _ACTIVE_SVG.search(content):
                check.report(doc, ("logo", "file"), f"logoet '{logo['file'].strip()}' indeholder script, links til "
                             "andre sider eller hændelser (on...=); gem det som et rent SVG-billede, eller brug en PNG-fil")
    colour, dark = text(alliance, "brand_colour"), text(alliance, "brand_colour_dark")
    if colour is None or not HEX_COLOUR.match(colour) or (dark is not None and not HEX_COLOUR.match(dark)):
        return
    for key, message in Brand.of(colour.lower(), dark.lower() if dark else None).problems():
        check.report(doc, (key,) if key in data else ("brand_colour",), message)


def check_unused_news_images(check: Checker, docs: list[SourceDocument], news: Sequence[Record], data_dir: Path) -> None:
    """A picture in data/nyheder/billeder/ that no news item shows (a typo in its name, or left
    behind). Skipped while a news file cannot be read: its picture would look unused."""
    folder = data_dir / NEWS_IMAGE_FOLDER
    if not folder.is_dir() or not datafiles.folder_inside(folder, data_dir) \
            or len(docs) != len(list((data_dir / "nyheder").glob("*.yaml"))):
        return
    used = {PurePosixPath(data_relative(image["file"])).as_posix() for _doc, _loc, data in news
            if isinstance(image := data.get("image"), dict) and isinstance(image.get("file"), str)}
    for path in sorted(folder.rglob("*")):
        name = path.relative_to(data_dir).as_posix()
        if path.is_file() and path.suffix.lower() in NEWS_IMAGE.suffixes and name not in used:
            shown = (PurePosixPath(docs[0].path).parent / "billeder" / path.relative_to(folder).as_posix()).as_posix() \
                if docs else f"data/{name}"
            check.problems.add(shown, 1, 1, "billedet bruges ikke af nogen nyhed; skriv det under 'image' i en "
                               "nyhed, eller slet filen", "warning")
