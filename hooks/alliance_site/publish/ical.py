"""iCalendar files (RFC 5545) for events: one per event ("Føj til kalender") and one of every
upcoming event to subscribe to.

Small pure Python rather than a template: the format needs its own escaping and lines folded
at 75 octets, which a template cannot do well. Everything in a file comes from the data and
the site's address, so two builds of the same data give the same UIDs and the same times.
tests/test_news_events.py reads every file with the `icalendar` package.

- UID: the event's id and the site's host (`startkonference-2027@arbejdskraftalliancen.example`,
  with the path of a project site: `...@org.github.io/alliance`),
  so a calendar that holds an event recognises it in the next download and updates it.
- Times: a timed event (`time: 9.00-15.00`) in Europe/Copenhagen with its VTIMEZONE; an event
  without `time` lasts whole days, with DTEND the day after its last day (DTEND is exclusive).
- URL: the page that lists the event in this build, the events page or, once the event is over,
  its year's archive page (site.event_url; the site is rebuilt daily to keep it true).
- LOCATION: the place and the full address; the description ends with where to sign up (and
  by when) and the page's address.
- SEQUENCE and DTSTAMP: from `updated`, the date its date, time or place last changed. SEQUENCE
  counts days from 2000-01-01 to that date, so every recorded change raises it; an event never
  changed has SEQUENCE 0 and the build's date as DTSTAMP.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable

from alliance_site.data.fields import parse_time_span
from alliance_site.data.model import Event
from alliance_site.data.site import event_url
from alliance_site.publish import urls
from alliance_site.publish.contentlines import content_lines

TZID = "Europe/Copenhagen"
SEQUENCE_EPOCH = datetime.date(2000, 1, 1)
PRODID = "-//Alliance site generator//DA"
# Central European Time with the EU's summer time rules (last Sunday of March and October).
VTIMEZONE = (
    "BEGIN:VTIMEZONE", f"TZID:{TZID}",
    "BEGIN:DAYLIGHT", "TZOFFSETFROM:+0100", "TZOFFSETTO:+0200", "TZNAME:CEST", "DTSTART:19700329T020000",
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", "END:DAYLIGHT",
    "BEGIN:STANDARD", "TZOFFSETFROM:+0200", "TZOFFSETTO:+0100", "TZNAME:CET", "DTSTART:19701025T030000",
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU", "END:STANDARD",
    "END:VTIMEZONE",
)


def escape(value: str) -> str:
    """A TEXT value (RFC 5545 §3.3.11): backslash, semicolon, comma and newlines escaped."""
    text = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return re.sub(r"\r\n|\r|\n", r"\\n", text)


def uid(event: Event, site_url: str) -> str:
    """'<id>@<host>', with the site's path when it has one ('x@org.github.io/alliance'): many
    project sites share one host, and two alliances' events must not take each other's place."""
    path = "/" + site_url.split("://", 1)[-1].partition("/")[2].strip("/")
    return f"{event.id}@{urls.host(site_url)}{path.rstrip('/')}"


def sequence(event: Event) -> int:
    return max(0, (event.updated - SEQUENCE_EPOCH).days) if event.updated else 0


def _date(value: datetime.date) -> str:
    return value.strftime("%Y%m%d")


def _local(day: datetime.date, clock: tuple[int, int]) -> str:
    return f"{_date(day)}T{clock[0]:02d}{clock[1]:02d}00"


def event_times(event: Event) -> list[str]:
    """DTSTART and DTEND lines of an event."""
    if event.time is None:
        end = event.last_day + datetime.timedelta(days=1)
        return [f"DTSTART;VALUE=DATE:{_date(event.date)}", f"DTEND;VALUE=DATE:{_date(end)}"]
    start, end = parse_time_span(event.time)
    lines = [f"DTSTART;TZID={TZID}:{_local(event.date, start)}"]
    if end is not None:
        last = event.last_day
        if last == event.date and end <= start:  # '20.00-1.00' ends the next morning
            last += datetime.timedelta(days=1)
        lines.append(f"DTEND;TZID={TZID}:{_local(last, end)}")
    else:  # only a start: RFC 5545 would make it last no time at all; calendars show an hour
        lines.append("DURATION:PT1H")
    return lines


def registration_lines(event: Event) -> list[str]:
    """'Tilmelding: <address>' and its deadline, for the description: a calendar has no field
    of its own for where to sign up."""
    if event.registration is None:
        return []
    deadline = f" (senest {event.registration_deadline.isoformat()})" if event.registration_deadline else ""
    return [f"Tilmelding{deadline}: {event.registration.removeprefix('mailto:')}"]


def vevent(event: Event, site_url: str, today: datetime.date) -> list[str]:
    stamp = f"{_date(event.updated or today)}T000000Z"
    page = urls.absolute(site_url, event_url(event, today))  # where this build lists it
    description = event.description.strip() + "".join(f"\n\n{line}" for line in registration_lines(event)) + f"\n\n{page}"
    lines = ["BEGIN:VEVENT", f"UID:{uid(event, site_url)}", f"DTSTAMP:{stamp}", *event_times(event),
             f"SEQUENCE:{sequence(event)}", f"SUMMARY:{escape(event.title)}",
             f"DESCRIPTION:{escape(description)}", f"URL:{page}"]
    if event.updated:
        lines.append(f"LAST-MODIFIED:{stamp}")
    if event.location:
        lines.append(f"LOCATION:{escape(event.location)}")
    return [*lines, "END:VEVENT"]


def calendar(events: Iterable[Event], site_url: str, today: datetime.date, name: str,
             subscribe: bool = False) -> str:
    """A whole VCALENDAR, CRLF line ends; the time zone only when a timed event needs it. A
    calendar to subscribe to asks to be fetched again daily (RFC 7986 REFRESH-INTERVAL)."""
    events = list(events)
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODID}", "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
             f"X-WR-CALNAME:{escape(name)}", f"X-WR-TIMEZONE:{TZID}"]
    if subscribe:
        lines += ["REFRESH-INTERVAL;VALUE=DURATION:P1D", "X-PUBLISHED-TTL:P1D"]
    if any(e.time for e in events):
        lines += VTIMEZONE
    for event in events:
        lines += vevent(event, site_url, today)
    lines.append("END:VCALENDAR")
    return content_lines(lines)
