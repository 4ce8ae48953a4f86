"""Typed model of an alliance: who is in it, who to call, and what they help with.

The model is deliberately wider than one alliance of eight municipalities: municipalities can
be grouped into regional clusters, and nothing assumes a number of members, so an alliance of
one municipality or of all 98 uses the same files.
"""

from __future__ import annotations

import datetime
from enum import Enum
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

from alliance_site.data.fields import (DataPath, Description, Email, HexColour, HttpsUrl, IsoDate, Markdown, Phone, Postcode,
                                       Registration, Sentence, ShortText, Slug, Summary, TimeSpan)
from alliance_site.data.text import danish_sort_key


class Record(BaseModel):
    """Base for every data record: unknown keys are errors, so typos never pass silently."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Contact(Record):
    # In the order of GOV.UK's contact pattern, as the form shows them: the phone with its
    # opening hours, the e-mail with how soon it is answered.
    name: ShortText | None = None
    phone: Phone | None = None
    opening_hours: ShortText | None = None
    email: Email | None = None
    response_time: ShortText | None = None
    website: HttpsUrl | None = None
    address: ShortText | None = None


class Cluster(Record):
    """A regional group of member municipalities (e.g. Nordsjælland, Sydsjælland)."""

    id: Slug
    name: ShortText
    description: Description | None = None


class Image(Record):
    """A picture under data/ with the text a screen reader reads instead (required: a picture
    without it is a hole for a blind reader)."""

    file: DataPath
    alt: ShortText


class Alliance(Record):
    """Alliance-wide facts shown on the home page and in the footer."""

    name: ShortText
    tagline: Summary
    description: Markdown
    run_by: ShortText
    funding: Description | None = None
    founded: Annotated[int, Field(ge=1900, le=2100)] | None = None
    contact: Contact
    clusters: list[Cluster] = []
    # The alliance's own face: a logo (header, favicon, Open Graph image) and the colour of the
    # header and of links; brand.py checks the colour's contrast in both palettes.
    logo: Image | None = None
    brand_colour: HexColour | None = None
    brand_colour_dark: HexColour | None = None
    # A site of example data, deployed as a demo: every page says so, and a production build
    # accepts its example contacts (example_data.py).
    demo: bool = False


class BusinessService(Record):
    """The organisation that runs business service in a municipality (e.g. Næstved Erhverv)."""

    name: ShortText
    website: HttpsUrl
    phone: Phone | None = None
    opening_hours: ShortText | None = None
    email: Email | None = None
    response_time: ShortText | None = None
    booking: HttpsUrl | None = None  # where a company books a meeting online, if the municipality has such a page
    address: ShortText | None = None


class Consultant(Record):
    id: Slug
    name: ShortText
    title: ShortText
    phone: Phone
    email: Email
    booking: HttpsUrl | None = None
    photo: DataPath | None = None
    topics: Annotated[list[Slug], Field(min_length=1)]
    languages: list[ShortText] = []
    reviewed: IsoDate

    @property
    def family_name(self) -> str:
        return self.name.rsplit(" ", 1)[-1]

    @property
    def given_names(self) -> str:
        parts = self.name.rsplit(" ", 1)
        return parts[0] if len(parts) == 2 else ""


class Municipality(Record):
    id: Slug
    name: ShortText
    cluster: Slug | None = None
    # An employer knows its town and postcode before its municipality: search and the guide's
    # place step find the municipality by them. A postcode may belong to several municipalities.
    towns: list[ShortText] = []
    postcodes: list[Postcode] = []
    business_service: BusinessService
    consultants: list[Consultant] = []

    @property
    def full_name(self) -> str:
        """'Næstved' -> 'Næstved Kommune', as every page, the JSON-LD and the finder write it."""
        return f"{self.name} Kommune"


class PartnerType(str, Enum):
    """Closed list of partner kinds; values are what editors write, labels what users read."""

    JOBCENTRE = "jobcenter"
    EDUCATION = "uddannelsesinstitution"
    RECRUITMENT = "rekrutteringsbureau"
    UNION = "fagforening"
    BUSINESS = "erhvervsorganisation"
    UNEMPLOYMENT_FUND = "a-kasse"
    PROGRAMME = "offentligt-program"
    OTHER = "andet"

    @property
    def label(self) -> str:
        """Heading for a group of partners of this type."""
        return PARTNER_TYPE_LABELS[self]

    @property
    def singular(self) -> str:
        """What one partner of this type is called."""
        return PARTNER_TYPE_SINGULAR[self]


PARTNER_TYPE_LABELS = {
    PartnerType.JOBCENTRE: "Jobcentre",
    PartnerType.EDUCATION: "Uddannelsesinstitutioner",
    PartnerType.RECRUITMENT: "Rekrutteringsbureauer",
    PartnerType.UNION: "Faglige organisationer",
    PartnerType.BUSINESS: "Erhvervs- og arbejdsgiverorganisationer",
    PartnerType.UNEMPLOYMENT_FUND: "A-kasser",
    PartnerType.PROGRAMME: "Offentlige programmer og kampagner",
    PartnerType.OTHER: "Andre aktører",
}


PARTNER_TYPE_SINGULAR = {
    PartnerType.JOBCENTRE: "Jobcenter",
    PartnerType.EDUCATION: "Uddannelsesinstitution",
    PartnerType.RECRUITMENT: "Rekrutteringsbureau",
    PartnerType.UNION: "Faglig organisation",
    PartnerType.BUSINESS: "Erhvervs- eller arbejdsgiverorganisation",
    PartnerType.UNEMPLOYMENT_FUND: "A-kasse",
    PartnerType.PROGRAMME: "Offentligt program eller kampagne",
    PartnerType.OTHER: "Anden aktør",
}


class ServesMunicipalities:
    """Who a partner or member is there for: every municipality of the alliance, or those listed.

    Two fields rather than `municipalities: all | [ids]`: a form (the web editor at /admin/) has
    a checkbox and a multiple choice, but no field that is either a word or a list, and it
    would save `all` as the list `[all]`. crossref.py reports a partner that ticks `all` and
    lists ids too, and one that does neither."""

    @property
    def serves_all(self) -> bool:
        return self.all_municipalities  # type: ignore[attr-defined]  # a field of each subclass


class Partner(Record, ServesMunicipalities):
    id: Slug
    name: ShortText
    type: PartnerType
    description: Description
    website: HttpsUrl
    all_municipalities: bool = False
    municipalities: list[Slug] = []
    topics: list[Slug] = []
    contact: Contact | None = None
    reviewed: IsoDate


class Topic(Record):
    id: Slug
    title: ShortText
    summary: Summary
    order: int
    need: ShortText | None = None  # the need in an employer's words, e.g. "Vi mangler medarbejdere"
    words: list[ShortText] = []  # words employers search for, e.g. "sygemelding"; they feed the search index
    question: Slug | None = None  # a follow-up question the guide asks after this need
    steps: list[Sentence] = []  # what happens when a company calls
    prepare: list[Sentence] = []  # what the company should have ready
    body: Markdown

    @property
    def need_text(self) -> str:
        """The guide's answer text for this topic: its need phrase, else its title."""
        return self.need or self.title


class Answer(Record):
    """One answer to a follow-up question: it leads to a topic (a result) or to another question;
    crossref.py (journey_checks.py) checks that it names exactly one of them."""

    text: ShortText
    topic: Slug | None = None
    question: Slug | None = None


class Question(Record):
    """A follow-up question the guide asks after a need, e.g. "Er medarbejderen sygemeldt nu?"."""

    id: Slug
    text: ShortText
    hint: Summary | None = None
    answers: Annotated[list[Answer], Field(min_length=2)]


class AllianceFile(Alliance):
    """data/alliance.yaml is the Alliance record itself."""


class MunicipalitiesFile(Record):
    municipalities: Annotated[list[Municipality], Field(min_length=1)]


class PartnersFile(Record):
    partners: list[Partner] = []


class TopicsFile(Record):
    topics: Annotated[list[Topic], Field(min_length=1)]
    questions: list[Question] = []


def sorted_municipalities(items: list[Municipality]) -> tuple[Municipality, ...]:
    return tuple(sorted(items, key=lambda m: danish_sort_key(m.name)))


def sorted_topics(items: list[Topic]) -> tuple[Topic, ...]:
    return tuple(sorted(items, key=lambda t: (t.order, danish_sort_key(t.title))))


def sorted_partners(items: list[Partner]) -> tuple[Partner, ...]:
    return tuple(sorted(items, key=lambda p: danish_sort_key(p.name)))



class Member(Record, ServesMunicipalities):
    """A member organisation that is not a municipality (e.g. DI Vestsjælland, an adult-education
    centre in a partnership of two) and employs consultants serving some or all municipalities."""

    id: Slug
    name: ShortText
    kind: ShortText
    description: Description
    website: HttpsUrl
    phone: Phone | None = None
    email: Email | None = None
    address: ShortText | None = None
    all_municipalities: bool = False
    municipalities: list[Slug] = []
    consultants: list[Consultant] = []


class StatusReport(Record):
    """A yearly status report on an effort or focus area."""

    year: Annotated[int, Field(ge=1900, le=2100)]
    body: Markdown


class Effort(Record):
    """An effort (indsats) or focus area: its goals, the parties behind it, yearly status."""

    id: Slug
    title: ShortText
    summary: Summary
    order: int
    goals: Annotated[list[Sentence], Field(min_length=1)]
    parties: list[Slug] = []
    topics: list[Slug] = []
    body: Markdown | None = None
    reports: list[StatusReport] = []


class Address(Record):
    """A street address in Denmark, as a letter would carry it."""

    street: ShortText
    postcode: Postcode
    town: ShortText

    def one_line(self) -> str:
        """'Klostergade 15, 4300 Holbæk': the calendar's LOCATION, the map search's text."""
        return f"{self.street}, {self.postcode} {self.town}"


class Event(Record):
    """A dated event; with `time` it is timed in Danish time, without it an all-day event
    (from `date` to `end_date`). `updated` is when its date, time or place last changed, so
    calendars that hold it can tell (ical.py: SEQUENCE). `place` names where (a venue or a
    town), `address` says how to find it; `registration` is a web or e-mail address to sign
    up at, open until `registration_deadline`."""

    id: Slug
    title: ShortText
    date: IsoDate
    end_date: IsoDate | None = None
    time: TimeSpan | None = None
    place: ShortText | None = None
    address: Address | None = None
    description: Markdown
    link: HttpsUrl | None = None
    registration: Registration | None = None
    registration_deadline: IsoDate | None = None
    topics: list[Slug] = []
    municipalities: list[Slug] = []
    updated: IsoDate | None = None

    @property
    def last_day(self):
        return self.end_date or self.date

    @property
    def location(self) -> str | None:
        """Place and address in one line ('Holbæk Bibliotek, Klostergade 15, 4300 Holbæk')."""
        return ", ".join(part for part in (self.place, self.address and self.address.one_line()) if part) or None

    def registration_open(self, today: datetime.date) -> bool:
        """Sign-up is shown until its deadline has passed (the daily rebuild keeps it true)."""
        return self.registration is not None and (self.registration_deadline is None
                                                  or self.registration_deadline >= today)


class NewsItem(Record):
    """One news item: one file in data/nyheder/, named by its id, so two editors' news never
    touch the same file."""

    id: Slug
    title: ShortText
    date: IsoDate
    updated: IsoDate | None = None
    summary: Summary
    body: Markdown
    topics: list[Slug] = []
    municipalities: list[Slug] = []
    image: Image | None = None


class MembersFile(Record):
    members: list[Member] = []


class EffortsFile(Record):
    efforts: list[Effort] = []


class EventsFile(Record):
    events: list[Event] = []
