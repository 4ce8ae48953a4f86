"""Write a synthetic national data set: all 98 Danish municipalities, ~2,000 consultants per
scale unit, ~500 partners, 500 news items and 100 events, 30 topics, the five regions as clusters.

Why: the default alliance has eight municipalities, so it cannot show whether the generator
stays fast and the pages stay light at national scale. The output is a project folder
(data/ plus a mkdocs.yml that INHERITs the root mkdocs.yml) that `make site ALLIANCE=<folder>`
builds like any other alliance. The same seed, scale and review date give the same bytes.

    python scripts/national.py --scale 1 --seed 1 --out national/scale-1
"""

from __future__ import annotations

import argparse
import datetime
import math
import os
import random
import sys
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from alliance_site.data.text import slugify  # noqa: E402
from national_data import (BODY_PARAGRAPHS, FAMILY_NAMES, GIVEN_NAMES, HELP_ITEMS,  # noqa: E402
                           LANGUAGES, PARTNER_DESCRIPTIONS, PARTNER_KINDS, PARTNER_WORDS, PREPARE_SENTENCES,
                           REGIONS, STEP_SENTENCES, TITLES, TOPIC_WORDS, TOPICS, TOWN_PREFIXES)

# The follow-up question of the default data, so the guide's tree is there at national scale too.
SICK_NOW = {"id": "sygemeldt-nu", "text": "Er medarbejderen sygemeldt nu?",
            "answers": [{"text": "Ja", "topic": "sygefravaer"}, {"text": "Nej", "topic": "fastholdelse"}]}
CONSULTANTS_PER_SCALE = 2000
PARTNERS_PER_SCALE = 500
NEWS_PER_SCALE = 500
EVENTS_PER_SCALE = 100
# News go back this many days from the review date; events lie a year either side of it.
NEWS_SPAN_DAYS = 3 * 365
EVENT_SPAN_DAYS = 365
NEWS_HEADLINES = ["Nyt om {topic} i {place}", "{place}: flere virksomheder får hjælp til {topic}",
                  "Sådan arbejder {place} med {topic}", "Status på {topic} i {region}"]
EVENT_TITLES = ["Morgenmøde om {topic}", "Temadag: {topic}", "Netværksmøde i {place}",
                "Virksomhedsdag om {topic}"]
SITE_NAME = "Erhvervsalliancen Danmark (syntetisk)"
HEADER = ("# Syntetiske data skrevet af scripts/national.py (scale={scale}, seed={seed}). Personer og\n"
          "# partnere er opdigtede; telefonnumre begynder med +45 1 og e-mails ligger på .example.\n")


def municipalities_by_region() -> list[dict[str, Any]]:
    """The 98 municipalities in a stable order, each with its slug, region and population."""
    return [{"id": slugify(name), "name": name, "cluster": region_id, "population": population}
            for region_id, (_label, members) in REGIONS.items() for name, population in members]


def allocate(total: int, weights: list[float]) -> list[int]:
    """Split `total` over `weights` (largest remainder), at least one each."""
    spare = total - len(weights)
    shares = [spare * w / sum(weights) for w in weights]
    counts = [1 + math.floor(s) for s in shares]
    by_remainder = sorted(range(len(weights)), key=lambda i: (-(shares[i] % 1), i))
    for i in by_remainder[: total - sum(counts)]:
        counts[i] += 1
    return counts


class Generator:
    """One data set: a seeded random source plus the ids handed out so far."""

    def __init__(self, scale: float, seed: int, reviewed_by: datetime.date):
        self.scale, self.seed, self.reviewed_by = scale, seed, reviewed_by
        self.rng = random.Random(seed)
        self.used_ids: set[str] = set()
        self.municipalities = municipalities_by_region()
        self.topic_ids = [topic_id for topic_id, _title, _summary in TOPICS]

    def unique_id(self, base: str) -> str:
        candidate, number = base, 2
        while candidate in self.used_ids:
            candidate, number = f"{base}-{number}", number + 1
        self.used_ids.add(candidate)
        return candidate

    def reviewed(self) -> datetime.date:
        return self.reviewed_by - datetime.timedelta(days=self.rng.randint(0, 300))

    def phone(self, number: int) -> str:
        digits = f"1{(number * 7919 + self.seed * 104729) % 10**7:07d}"
        return f"+45 {digits[0:2]} {digits[2:4]} {digits[4:6]} {digits[6:8]}"

    def pick_topics(self, count: int) -> list[str]:
        """Distinct topics, the alliance's classic ones (first in the list) more often."""
        weights = [1 / (rank + 4) for rank in range(len(self.topic_ids))]
        chosen: list[str] = []
        while len(chosen) < count:
            topic_id = self.rng.choices(self.topic_ids, weights)[0]
            if topic_id not in chosen:
                chosen.append(topic_id)
        return chosen

    # ---- files ----

    def alliance(self) -> dict[str, Any]:
        clusters = [{"id": region_id, "name": label,
                     "description": f"De {len(members)} kommuner i {label}."}
                    for region_id, (label, members) in REGIONS.items()]
        return {
            "name": "Erhvervsalliancen Danmark",
            "tagline": "Syntetisk landsdækkende eksempel: gratis hjælp til rekruttering i alle 98 kommuner",
            "description": ("Et **syntetisk** datasæt til ydelsesmålinger: alle 98 kommuner med opdigtede "
                            "konsulenter og partnere.\n\nFind en konsulent under "
                            "[Find en konsulent](/find-konsulent/).\n"),
            "run_by": "Sekretariatet for Erhvervsalliancen Danmark",
            "founded": 2026,
            "contact": {"name": "Sekretariatet", "phone": self.phone(3 * 10**6), "email": "kontakt@erhvervsalliancen.example",
                        "opening_hours": "Man-fre 9-15", "response_time": "Vi svarer inden for to hverdage"},
            "clusters": clusters,
        }

    def topics(self) -> dict[str, Any]:
        entries = []
        for order, (topic_id, title, summary) in enumerate(TOPICS, start=1):
            neighbour = self.topic_ids[order % len(self.topic_ids)]
            body = "\n\n".join([
                *self.rng.sample(BODY_PARAGRAPHS, 2),
                "## Det kan konsulenterne hjælpe med",
                "\n".join(f"- {item}" for item in self.rng.sample(HELP_ITEMS, 3)),
                f"Læs også om [{TOPICS[order % len(TOPICS)][1].lower()}](/emner/{neighbour}/), eller "
                f"[find en konsulent](/find-konsulent/) i din kommune.",
            ])
            entries.append({"id": topic_id, "title": title, "summary": summary, "order": order,
                            "need": f"Vi har brug for hjælp til {title.lower()}",
                            "words": TOPIC_WORDS.get(topic_id, [title.lower()]),
                            **({"question": "sygemeldt-nu"} if topic_id == "fastholdelse" else {}),
                            "steps": self.rng.sample(STEP_SENTENCES, 3),
                            "prepare": self.rng.sample(PREPARE_SENTENCES, 2),
                            "body": body + "\n"})
        return {"topics": entries, "questions": [SICK_NOW] if "sygefravaer" in self.topic_ids else []}

    def consultant(self, municipality: dict[str, Any], number: int, topics: list[str]) -> dict[str, Any]:
        name = f"{self.rng.choice(GIVEN_NAMES)} {self.rng.choice(FAMILY_NAMES)}"
        consultant_id = self.unique_id(slugify(f"{name} {municipality['id']}"))
        local_part = consultant_id.removesuffix(f"-{municipality['id']}").replace("-", ".")
        extra = self.rng.sample(LANGUAGES, self.rng.choice([0, 0, 1, 1, 2]))
        return {"id": consultant_id, "name": name, "title": self.rng.choice(TITLES),
                "phone": self.phone(number), "email": f"{local_part}@{municipality['id']}.example",
                "topics": topics, "languages": ["dansk", *extra], "reviewed": self.reviewed()}

    def places(self, name: str, index: int) -> dict[str, list[str]]:
        """Synthetic towns and postcodes; every seventh municipality shares a postcode with the one
        before it, as real ones sometimes do, so the guide's postcode choice is exercised."""
        towns = [name, *(f"{prefix} {name}" for prefix in self.rng.sample(TOWN_PREFIXES, 2))]
        base = 1000 + index * 80
        postcodes = [str(base + step) for step in (0, 10, 20)]
        if index and index % 7 == 0:
            postcodes.append(str(base - 80))
        return {"towns": towns, "postcodes": postcodes}

    def municipality_file(self) -> dict[str, Any]:
        total = max(len(self.municipalities), round(CONSULTANTS_PER_SCALE * self.scale))
        counts = allocate(total, [math.sqrt(m["population"]) for m in self.municipalities])
        entries: list[dict[str, Any]] = []
        number = 0
        for municipality, count in zip(self.municipalities, counts, strict=True):
            consultants = []
            for _ in range(count):
                topics = self.pick_topics(self.rng.choice([2, 3, 3, 4]))
                required = self.topic_ids[number % len(self.topic_ids)]  # every topic gets someone
                topics = [required, *(t for t in topics if t != required)][:4]
                consultants.append(self.consultant(municipality, number, topics))
                number += 1
            slug = municipality["id"]
            entries.append({"id": slug, "name": municipality["name"], "cluster": municipality["cluster"],
                            **self.places(municipality["name"], len(entries)),
                            "business_service": {"name": f"{municipality['name']} Erhvervsservice",
                                                 "website": f"https://erhverv.{slug}.example",
                                                 "phone": self.phone(10**6 + number),
                                                 "opening_hours": "Man-fre 9-15",
                                                 "email": f"erhverv@{slug}.example",
                                                 "response_time": "Vi svarer inden for to hverdage"},
                            "consultants": consultants})
        return {"municipalities": entries}

    # ---- partners ----

    def served(self, pattern: str, place: dict[str, Any]) -> tuple[str | list[str], str]:
        """Which municipalities a partner serves, and the place or region its name mentions."""
        region_id = place["cluster"]
        region_members = [m["id"] for m in self.municipalities if m["cluster"] == region_id]
        region_short = REGIONS[region_id][0].removeprefix("Region ")
        if "{place}" in pattern:
            neighbours = self.rng.sample(region_members, min(len(region_members), self.rng.randint(0, 4)))
            return sorted({place["id"], *neighbours}, key=region_members.index), place["name"]
        if "{region}" in pattern:
            return region_members, region_short
        return ("all" if self.rng.random() < 0.7 else region_members), region_short

    def partner(self, kind: str, patterns: list[str]) -> dict[str, Any]:
        """A partner of `kind` with a name no other partner has (redrawn until it is new)."""
        for _attempt in range(100):
            pattern = self.rng.choice(patterns)
            served, where = self.served(pattern, self.rng.choice(self.municipalities))
            name = pattern.format(place=where, region=where, word=self.rng.choice(PARTNER_WORDS))
            if slugify(name) not in self.used_ids:
                break
        else:
            name = f"{name} {len(self.used_ids)}"
        partner_id = self.unique_id(slugify(name))
        entry: dict[str, Any] = {
            "id": partner_id, "name": name, "type": kind, "description": PARTNER_DESCRIPTIONS[kind],
            "website": f"https://www.{partner_id}.example",
            **({"all_municipalities": True} if served == "all" else {"municipalities": served}),
            "topics": self.pick_topics(self.rng.randint(1, 4)), "reviewed": self.reviewed()}
        if self.rng.random() < 0.3:
            entry["contact"] = {"phone": self.phone(2 * 10**6 + len(self.used_ids)),
                                "email": f"kontakt@{partner_id}.example"}
        return entry

    def partner_file(self) -> dict[str, Any]:
        partners = []
        for municipality in self.municipalities:
            partner_id = self.unique_id(f"jobcenter-{municipality['id']}")
            partners.append({"id": partner_id, "name": f"Jobcenter {municipality['name']}", "type": "jobcenter",
                             "description": PARTNER_DESCRIPTIONS["jobcenter"],
                             "website": f"https://job.{municipality['id']}.example",
                             "municipalities": [municipality["id"]],
                             "topics": ["rekruttering", "praktikanter", "sygefravaer", "inklusion"],
                             "reviewed": self.reviewed()})
        others = max(len(PARTNER_KINDS), round(PARTNERS_PER_SCALE * self.scale) - len(partners))
        counts = allocate(others, [share for _kind, share, _patterns in PARTNER_KINDS])
        for (kind, _share, patterns), count in zip(PARTNER_KINDS, counts, strict=True):
            partners.extend(self.partner(kind, patterns) for _ in range(count))
        return {"partners": partners}

    def _place(self) -> tuple[dict[str, Any], str]:
        municipality = self.rng.choice(self.municipalities)
        return municipality, REGIONS[municipality["cluster"]][0]

    def _topic_title(self, topic_id: str) -> str:
        return next(title for tid, title, _summary in TOPICS if tid == topic_id).lower()

    def news_item(self, number: int) -> dict[str, Any]:
        municipality, region = self._place()
        topics = self.pick_topics(self.rng.choice([1, 1, 2, 3]))
        title = self.rng.choice(NEWS_HEADLINES).format(topic=self._topic_title(topics[0]),
                                                       place=municipality["name"], region=region)
        news_id = self.unique_id(slugify(title)[:60].strip("-") + f"-{number}")
        date = self.reviewed_by - datetime.timedelta(days=self.rng.randint(0, NEWS_SPAN_DAYS))
        body = "\n\n".join([*self.rng.sample(BODY_PARAGRAPHS, 2),
                             f"Læs mere om [{self._topic_title(topics[0])}](/emner/{topics[0]}/)."])
        return {"id": news_id, "title": title, "date": date,
                "summary": f"Syntetisk nyhed nr. {number} om {self._topic_title(topics[0])}.",
                "body": body + "\n", "topics": topics, "municipalities": [municipality["id"]]}

    def event(self, number: int) -> dict[str, Any]:
        municipality, _region = self._place()
        topics = self.pick_topics(self.rng.choice([1, 2]))
        title = self.rng.choice(EVENT_TITLES).format(topic=self._topic_title(topics[0]), place=municipality["name"])
        date = self.reviewed_by + datetime.timedelta(days=self.rng.randint(-EVENT_SPAN_DAYS, EVENT_SPAN_DAYS))
        event: dict[str, Any] = {"id": self.unique_id(f"arrangement-{number}-{municipality['id']}"), "title": title,
                                 "date": date}
        kind = self.rng.choice(["timed", "timed", "day", "days"])
        if kind == "timed":
            start = self.rng.randint(8, 15)
            event["time"] = f"{start}.00-{start + self.rng.choice([1, 2, 3])}.30"
        elif kind == "days":
            event["end_date"] = date + datetime.timedelta(days=self.rng.randint(1, 2))
        return {**event, "place": municipality["name"],
                "description": self.rng.choice(BODY_PARAGRAPHS) + "\n", "topics": topics,
                "municipalities": [municipality["id"]]}

    def files(self) -> dict[str, dict[str, Any]]:
        """Every data file's content, generated in a fixed order so the seed fixes the result.
        News come last, one file each (nyheder/<id>.yaml), so they leave the other files as
        they were before there were news."""
        files = {"alliance.yaml": self.alliance(), "topics.yaml": self.topics(),
                 "municipalities.yaml": self.municipality_file(), "partners.yaml": self.partner_file()}
        files["events.yaml"] = {"events": [self.event(n) for n in range(1, round(EVENTS_PER_SCALE * self.scale) + 1)]}
        for number in range(1, round(NEWS_PER_SCALE * self.scale) + 1):
            item = self.news_item(number)
            files[f"nyheder/{item['id']}.yaml"] = item
        return files


class _Dumper(yaml.SafeDumper):
    """Block mappings, and lists of plain values on one line (`topics: [a, b]`) as editors write them."""


_Dumper.add_representer(list, lambda dumper, items: dumper.represent_sequence(
    "tag:yaml.org,2002:seq", items, flow_style=all(not isinstance(i, (dict, list)) for i in items)))


def _yaml(data: dict[str, Any]) -> str:
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=1000)


def project_config(out: Path, site_name: str | None = SITE_NAME) -> str:
    """mkdocs.yml for a data folder at out/data: the root config (theme, content pages, hook),
    with every path rewritten to resolve from `out`, since MkDocs resolves them from the file."""
    def rel(path: Path) -> str:
        return Path(os.path.relpath(path, out.resolve())).as_posix()

    return (f"# Written by scripts/national.py: a data folder built with the project's theme.\n"
            f"INHERIT: {rel(ROOT / 'mkdocs.yml')}\n"
            + (f"site_name: {site_name}\n" if site_name else "")
            + f"docs_dir: {rel(ROOT / 'content')}\n"
            f"site_dir: site\n"
            f"theme:\n  custom_dir: {rel(ROOT / 'overrides')}\n"
            f"hooks:\n  - {rel(ROOT / 'hooks' / 'alliance_hooks.py')}\n"
            f"watch:\n  - data\n  - {rel(ROOT / 'hooks')}\n  - {rel(ROOT / 'overrides')}\n"
            f"extra:\n  alliance:\n    data_dir: data\n")


def write_project(out: Path, scale: float = 1.0, seed: int = 1,
                  reviewed_by: datetime.date | None = None) -> Path:
    """Write out/data/*.yaml and out/mkdocs.yml; returns `out`."""
    generator = Generator(scale, seed, reviewed_by or datetime.date.today())
    data_dir = out / "data"
    data_dir.mkdir(parents=True, exist_ok=True)
    header = HEADER.format(scale=scale, seed=seed)
    for filename, content in generator.files().items():
        (data_dir / filename).parent.mkdir(parents=True, exist_ok=True)
        (data_dir / filename).write_text(header + _yaml(content), encoding="utf-8")
    (out / "mkdocs.yml").write_text(project_config(out), encoding="utf-8")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scale", type=float, default=1.0, help="1 = ~2,000 consultants and 500 partners")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, default=None, help="default: national/scale-<SCALE>")
    parser.add_argument("--reviewed-by", type=datetime.date.fromisoformat, default=None,
                        help="latest review date (default: today); dates go back up to 300 days")
    args = parser.parse_args(argv)
    if args.scale <= 0:
        parser.error("--scale must be positive")
    out = args.out or ROOT / "national" / f"scale-{args.scale:g}"
    write_project(out, args.scale, args.seed, args.reviewed_by)
    print(f"Wrote {out}/data and {out}/mkdocs.yml (scale {args.scale:g}, seed {args.seed})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
