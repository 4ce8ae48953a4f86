"""The validated data of one alliance, with the look-ups the pages need.

Indexes are built once so that page generation stays linear in the size of the data, also for
a national data set of 98 municipalities and thousands of consultants. Consultants work for an
employer: a municipality (through its business service) or a member organisation that serves
some or all municipalities.
"""

from __future__ import annotations

import datetime
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from alliance_site.data.model import (Alliance, Cluster, Consultant, Effort, Event, Member, Municipality, NewsItem, Partner,
                                      PartnerType, Question, Topic, sorted_municipalities, sorted_partners, sorted_topics)
from alliance_site.data.text import danish_sort_key
from alliance_site.publish import urls


@dataclass(frozen=True)
class Employer:
    """Who a consultant works for, as the cards and vCards show it."""

    id: str
    name: str
    page_url: str
    website: str
    is_municipality: bool

    def vcard_url(self, consultant_id: str) -> str:
        return urls.vcard(self.page_url, consultant_id)


@dataclass(frozen=True)
class ConsultantEntry:
    consultant: Consultant
    employer: Employer

    @property
    def url(self) -> str:
        return f"{self.employer.page_url}#{self.consultant.id}"


def municipality_employer(municipality: Municipality) -> Employer:
    return Employer(municipality.id, municipality.business_service.name, urls.municipality(municipality.id),
                    municipality.business_service.website, True)


def member_employer(member: Member) -> Employer:
    return Employer(member.id, member.name, urls.member(member.id), member.website, False)


def is_past(event: Event, today: datetime.date) -> bool:
    """The one rule for upcoming and past: an event is over once its last day is (a multi-day
    event stays upcoming until its last day). The daily rebuild keeps it true on the site."""
    return event.last_day < today


def event_url(event: Event, today: datetime.date) -> str:
    """Where the build of `today` lists the event: /arrangementer/#<id> while it is upcoming,
    the archive page of the year it started in once it is over."""
    return urls.event(event.id, event.date.year if is_past(event, today) else None)


def _by_name(entries: list[ConsultantEntry]) -> list[ConsultantEntry]:
    return sorted(entries, key=lambda e: danish_sort_key(e.consultant.name))


def _group_by_topic(employers: list[Employer], by_employer: dict[str, list[ConsultantEntry]]
                    ) -> dict[str, list[tuple[Employer, list[ConsultantEntry]]]]:
    """topic id -> [(employer, its consultants with the topic)], employers in site order. One
    pass over the consultants instead of one per topic (30 topics × 2,000 at national scale)."""
    groups: dict[str, dict[str, tuple[Employer, list[ConsultantEntry]]]] = defaultdict(dict)
    for employer in employers:
        for entry in by_employer.get(employer.page_url, []):
            for topic_id in dict.fromkeys(entry.consultant.topics):
                groups[topic_id].setdefault(employer.page_url, (employer, []))[1].append(entry)
    return {topic_id: list(by_employer_url.values()) for topic_id, by_employer_url in groups.items()}


@dataclass
class Site:
    alliance: Alliance
    municipalities: tuple[Municipality, ...]
    partners: tuple[Partner, ...]
    topics: tuple[Topic, ...]
    data_dir: Path
    members: tuple[Member, ...] = ()
    efforts: tuple[Effort, ...] = ()
    events: tuple[Event, ...] = ()
    today: datetime.date = field(default_factory=datetime.date.today)
    news: tuple[NewsItem, ...] = ()  # newest first
    questions: tuple[Question, ...] = ()  # the guide's follow-up questions (topics.yaml), as written
    _serving: dict[str, list[ConsultantEntry]] = field(default_factory=dict, repr=False)
    _by_employer: dict[str, list[ConsultantEntry]] = field(default_factory=dict, repr=False)
    _partners_by_municipality: dict[str, list[Partner]] = field(default_factory=dict, repr=False)
    _partners_by_topic: dict[str, list[Partner]] = field(default_factory=dict, repr=False)
    _topic_titles: dict[str, str] = field(default_factory=dict, repr=False)
    _municipality_names: dict[str, str] = field(default_factory=dict, repr=False)
    _municipalities_by_id: dict[str, Municipality] = field(default_factory=dict, repr=False)
    _cluster_members: dict[str, list[Municipality]] = field(default_factory=dict, repr=False)
    _topic_groups: dict[str, list[tuple[Employer, list[ConsultantEntry]]]] = field(default_factory=dict, repr=False)
    _news_by_id: dict[str, NewsItem] = field(default_factory=dict, repr=False)
    _topic_counts: dict[str, Counter[str]] = field(default_factory=dict, repr=False)  # municipality -> topic -> n

    @classmethod
    def create(cls, alliance: Alliance, municipalities: list[Municipality], partners: list[Partner],
               topics: list[Topic], data_dir: Path, members: list[Member] | None = None,
               efforts: list[Effort] | None = None, events: list[Event] | None = None,
               today: datetime.date | None = None, news: list[NewsItem] | None = None,
               questions: list[Question] | None = None) -> Site:
        site = cls(alliance, sorted_municipalities(municipalities), sorted_partners(partners),
                   sorted_topics(topics), data_dir,
                   tuple(sorted(members or [], key=lambda m: danish_sort_key(m.name))),
                   tuple(sorted(efforts or [], key=lambda e: (e.order, danish_sort_key(e.title)))),
                   tuple(sorted(events or [], key=lambda e: (e.date, danish_sort_key(e.title)))),
                   today or datetime.date.today(),
                   tuple(sorted(news or [], key=lambda n: (n.date, n.id), reverse=True)), tuple(questions or []))
        site._index()
        return site

    def _index(self) -> None:
        all_ids = [m.id for m in self.municipalities]
        serving: dict[str, list[ConsultantEntry]] = defaultdict(list)
        for municipality in self.municipalities:
            employer = municipality_employer(municipality)
            entries = _by_name([ConsultantEntry(c, employer) for c in municipality.consultants])
            self._by_employer[employer.page_url] = entries
            serving[municipality.id].extend(entries)
        for member in self.members:
            employer = member_employer(member)
            entries = _by_name([ConsultantEntry(c, employer) for c in member.consultants])
            self._by_employer[employer.page_url] = entries
            for municipality_id in all_ids if member.serves_all else member.municipalities:
                serving[municipality_id].extend(entries)
        self._serving = dict(serving)
        self._topic_counts = {m.id: Counter(topic for entry in serving.get(m.id, ()) for topic in set(entry.consultant.topics))
                              for m in self.municipalities}
        self._topic_groups = _group_by_topic(self.employers(), self._by_employer)
        by_municipality: dict[str, list[Partner]] = defaultdict(list)
        by_topic: dict[str, list[Partner]] = defaultdict(list)
        for partner in self.partners:
            for municipality_id in all_ids if partner.serves_all else partner.municipalities:
                by_municipality[municipality_id].append(partner)
            for topic_id in partner.topics:
                by_topic[topic_id].append(partner)
        self._partners_by_municipality, self._partners_by_topic = dict(by_municipality), dict(by_topic)
        self._topic_titles = {t.id: t.title for t in self.topics}
        self._municipality_names = {m.id: m.name for m in self.municipalities}
        self._municipalities_by_id = {m.id: m for m in self.municipalities}
        members_of: dict[str, list[Municipality]] = defaultdict(list)
        for municipality in self.municipalities:
            if municipality.cluster is not None:
                members_of[municipality.cluster].append(municipality)
        self._cluster_members = dict(members_of)

    # --- consultants -------------------------------------------------------------------------

    def consultants_of(self, employer: Employer) -> list[ConsultantEntry]:
        """The consultants an employer (municipality or member) employs, by name."""
        return self._by_employer.get(employer.page_url, [])

    def consultants_serving(self, municipality_id: str) -> list[ConsultantEntry]:
        """Everyone a company in the municipality can call: its own and members' consultants."""
        return self._serving.get(municipality_id, [])

    def municipalities_served(self) -> dict[str, list[str]]:
        """Card URL -> ids of the municipalities the consultant serves, in site order."""
        served: dict[str, list[str]] = {}
        for municipality in self.municipalities:
            for entry in self.consultants_serving(municipality.id):
                served.setdefault(entry.url, []).append(municipality.id)
        return served

    def all_consultants(self) -> list[ConsultantEntry]:
        """Every consultant once: municipalities' own in site order, then members'; each by name."""
        return [entry for employer in self.employers() for entry in self.consultants_of(employer)]

    def employers(self) -> list[Employer]:
        return [*map(municipality_employer, self.municipalities), *map(member_employer, self.members)]

    def consultants_for_topic_by_employer(self, topic_id: str) -> list[tuple[Employer, list[ConsultantEntry]]]:
        return list(self._topic_groups.get(topic_id, []))

    def topic_counts_by_municipality(self, topic_id: str) -> list[tuple[Municipality, int]]:
        """(municipality, how many consultants serving it help with the topic), in site order,
        leaving out municipalities with none: what the finder shows for that choice."""
        counts = [(m, self._topic_counts[m.id][topic_id]) for m in self.municipalities]
        return [(m, count) for m, count in counts if count]

    @property
    def consultant_count(self) -> int:
        return sum(len(m.consultants) for m in self.municipalities) + sum(len(m.consultants) for m in self.members)

    # --- partners, topics, names ---------------------------------------------------------------

    def partners_serving(self, municipality_id: str) -> list[Partner]:
        return self._partners_by_municipality.get(municipality_id, [])

    def partners_for_topic(self, topic_id: str) -> list[Partner]:
        return self._partners_by_topic.get(topic_id, [])

    def partners_by_type(self, partners: list[Partner] | tuple[Partner, ...] | None = None
                         ) -> list[tuple[PartnerType, list[Partner]]]:
        chosen = self.partners if partners is None else partners
        return [(kind, members) for kind in PartnerType
                if (members := [p for p in chosen if p.type is kind])]

    def topic_titles(self) -> dict[str, str]:
        """Topic id -> title; built once, since every card looks titles up."""
        return self._topic_titles

    def municipality_names(self) -> dict[str, str]:
        return self._municipality_names

    def municipality(self, municipality_id: str) -> Municipality | None:
        """One municipality: what a page that shows only it reads (the preview keys on reads)."""
        return self._municipalities_by_id.get(municipality_id)

    def member(self, member_id: str) -> Member | None:
        return next((m for m in self.members if m.id == member_id), None)

    def topic(self, topic_id: str) -> Topic | None:
        return next((t for t in self.topics if t.id == topic_id), None)

    @property
    def has_news(self) -> bool:
        return bool(self.news)

    # --- clusters, efforts, events --------------------------------------------------------------

    def municipalities_in(self, cluster: Cluster) -> list[Municipality]:
        return self._cluster_members.get(cluster.id, [])

    def coverage(self, partner: Partner) -> list[str]:
        """Where a partner works, for its card: a cluster it covers whole by the cluster's name (one
        name instead of up to 29 at national scale), the other municipalities by theirs."""
        if partner.serves_all:
            return []
        served, names = set(partner.municipalities), []
        for cluster in self.alliance.clusters:
            members = {m.id for m in self.municipalities_in(cluster)}
            if members and members <= served:
                names.append(cluster.name)
                served -= members
        by_id = self.municipality_names()
        return names + [by_id[m] for m in partner.municipalities if m in served]

    def cluster_of(self, municipality: Municipality) -> Cluster | None:
        return next((c for c in self.alliance.clusters if c.id == municipality.cluster), None)

    def party(self, party_id: str) -> tuple[str, str, str | None]:
        """(name, kind label, site URL or website) of an effort's party id."""
        for municipality in self.municipalities:
            if municipality.id == party_id:
                return municipality.full_name, "Kommune", urls.municipality(municipality.id)
        for member in self.members:
            if member.id == party_id:
                return member.name, member.kind, urls.member(member.id)
        for partner in self.partners:
            if partner.id == party_id:
                return partner.name, partner.type.singular, urls.partner(partner.id, partner.type.value)
        raise KeyError(party_id)

    def efforts_for_topic(self, topic_id: str) -> list[Effort]:
        return [e for e in self.efforts if topic_id in e.topics]

    def upcoming_events(self) -> list[Event]:
        """Events not over yet (see is_past), soonest first."""
        return [e for e in self.events if not is_past(e, self.today)]

    def past_events(self) -> list[Event]:
        """The archive: events that are over, latest first."""
        return [e for e in reversed(self.events) if is_past(e, self.today)]

    def past_events_by_year(self) -> list[tuple[int, list[Event]]]:
        """The archive by the year each event started in: newest year first, and in each year
        the latest event first."""
        years: dict[int, list[Event]] = {}
        for event in self.past_events():
            years.setdefault(event.date.year, []).append(event)
        return sorted(years.items(), reverse=True)

    def event_url(self, event: Event) -> str:
        return event_url(event, self.today)

    # --- news, and what concerns a topic or a municipality ----------------------------------------

    def news_item(self, news_id: str) -> NewsItem | None:
        if len(self._news_by_id) != len(self.news):
            self._news_by_id = {n.id: n for n in self.news}
        return self._news_by_id.get(news_id)

    def news_for_topic(self, topic_id: str) -> list[NewsItem]:
        return [n for n in self.news if topic_id in n.topics]

    def news_for_municipality(self, municipality_id: str) -> list[NewsItem]:
        return [n for n in self.news if municipality_id in n.municipalities]

    def upcoming_events_for(self, topic_id: str | None = None, municipality_id: str | None = None) -> list[Event]:
        return [e for e in self.upcoming_events()
                if (topic_id is None or topic_id in e.topics)
                and (municipality_id is None or municipality_id in e.municipalities)]
