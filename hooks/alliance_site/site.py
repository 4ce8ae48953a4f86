"""The validated data of one alliance, with the look-ups the pages need.

Indexes are built once so that page generation stays linear in the size of the data, also for
a national data set of 98 municipalities and thousands of consultants.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from .model import (Alliance, Consultant, Municipality, Partner, PartnerType, Topic,
                    sorted_municipalities, sorted_partners, sorted_topics)
from .text import danish_sort_key


@dataclass(frozen=True)
class ConsultantEntry:
    """A consultant together with the municipality they work for."""

    consultant: Consultant
    municipality: Municipality


@dataclass
class Site:
    alliance: Alliance
    municipalities: tuple[Municipality, ...]
    partners: tuple[Partner, ...]
    topics: tuple[Topic, ...]
    data_dir: Path
    _by_topic: dict[str, list[ConsultantEntry]] = field(default_factory=dict, repr=False)
    _partners_by_municipality: dict[str, list[Partner]] = field(default_factory=dict, repr=False)
    _partners_by_topic: dict[str, list[Partner]] = field(default_factory=dict, repr=False)

    @classmethod
    def create(cls, alliance: Alliance, municipalities: list[Municipality], partners: list[Partner],
               topics: list[Topic], data_dir: Path) -> "Site":
        site = cls(alliance, sorted_municipalities(municipalities), sorted_partners(partners),
                   sorted_topics(topics), data_dir)
        site._index()
        return site

    def _index(self) -> None:
        by_topic: dict[str, list[ConsultantEntry]] = defaultdict(list)
        for municipality in self.municipalities:
            for consultant in self.consultants_in(municipality):
                for topic_id in consultant.topics:
                    by_topic[topic_id].append(ConsultantEntry(consultant, municipality))
        by_municipality: dict[str, list[Partner]] = defaultdict(list)
        partner_topics: dict[str, list[Partner]] = defaultdict(list)
        all_ids = [m.id for m in self.municipalities]
        for partner in self.partners:
            for municipality_id in all_ids if partner.serves_all else partner.municipalities:
                by_municipality[municipality_id].append(partner)
            for topic_id in partner.topics:
                partner_topics[topic_id].append(partner)
        self._by_topic, self._partners_by_municipality = dict(by_topic), dict(by_municipality)
        self._partners_by_topic = dict(partner_topics)

    def consultants_in(self, municipality: Municipality) -> list[Consultant]:
        return sorted(municipality.consultants, key=lambda c: danish_sort_key(c.name))

    def consultants_for_topic(self, topic_id: str) -> list[ConsultantEntry]:
        return self._by_topic.get(topic_id, [])

    def consultants_for_topic_by_municipality(self, topic_id: str) -> list[tuple[Municipality, list[Consultant]]]:
        groups: dict[str, tuple[Municipality, list[Consultant]]] = {}
        for entry in self.consultants_for_topic(topic_id):
            groups.setdefault(entry.municipality.id, (entry.municipality, []))[1].append(entry.consultant)
        return list(groups.values())

    def partners_serving(self, municipality_id: str) -> list[Partner]:
        return self._partners_by_municipality.get(municipality_id, [])

    def partners_for_topic(self, topic_id: str) -> list[Partner]:
        return self._partners_by_topic.get(topic_id, [])

    def partners_by_type(self, partners: list[Partner] | tuple[Partner, ...] | None = None) -> list[tuple[PartnerType, list[Partner]]]:
        chosen = self.partners if partners is None else partners
        return [(kind, members) for kind in PartnerType
                if (members := [p for p in chosen if p.type is kind])]

    def topic_titles(self) -> dict[str, str]:
        return {t.id: t.title for t in self.topics}

    def municipality_names(self) -> dict[str, str]:
        return {m.id: m.name for m in self.municipalities}

    @property
    def consultant_count(self) -> int:
        return sum(len(m.consultants) for m in self.municipalities)
