"""A throwaway national data set for timing the validator: all 98 municipalities, ~2,000 consultants.

Not the official generator (that will be scripts/national.py): this one only has to produce
valid, realistically sized YAML. The alliance, partners and topics are copied from data/, and
the eight member municipalities keep their ids so the partners' references resolve.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from alliance_site.text import slugify

MUNICIPALITIES = (
    "Albertslund Allerød Assens Ballerup Billund Bornholm Brøndby Brønderslev Dragør Egedal "
    "Esbjerg Fanø Favrskov Faxe Fredensborg Fredericia Frederiksberg Frederikshavn Frederikssund "
    "Furesø Faaborg-Midtfyn Gentofte Gladsaxe Glostrup Greve Gribskov Guldborgsund Haderslev "
    "Halsnæs Hedensted Helsingør Herlev Herning Hillerød Hjørring Holbæk Holstebro Horsens "
    "Hvidovre Høje-Taastrup Hørsholm Ikast-Brande Ishøj Jammerbugt Kalundborg Kerteminde Kolding "
    "København Køge Langeland Lejre Lemvig Lolland Lyngby-Taarbæk Læsø Mariagerfjord Middelfart "
    "Morsø Norddjurs Nordfyns Nyborg Næstved Odder Odense Odsherred Randers Rebild Ringkøbing-Skjern "
    "Ringsted Roskilde Rudersdal Rødovre Samsø Silkeborg Skanderborg Skive Slagelse Solrød Sorø "
    "Stevns Struer Svendborg Syddjurs Sønderborg Thisted Tønder Tårnby Vallensbæk Varde Vejen "
    "Vejle Vesthimmerland Viborg Vordingborg Ærø Aabenraa Aalborg Aarhus"
).split()
TOPICS = ("rekruttering", "fastholdelse", "sygefravaer", "opkvalificering", "elever-og-laerlinge",
          "studerende", "praktikanter", "international-arbejdskraft", "inklusion", "delejob",
          "ledige-opkvalificering")
GIVEN = ("Anne", "Bo", "Camilla", "Dennis", "Eva", "Frederik", "Gitte", "Hans", "Ida", "Jens", "Karen",
         "Lars", "Mette", "Niels", "Pia", "Rasmus", "Sofie", "Thomas", "Ulla", "Viggo", "Ærtebjørg")
FAMILY = ("Hansen", "Jensen", "Nielsen", "Pedersen", "Andersen", "Christensen", "Larsen", "Sørensen",
          "Rasmussen", "Jørgensen", "Petersen", "Madsen", "Kristensen", "Olsen", "Thomsen")


def _consultant(m_id: str, m_no: int, j: int) -> list[str]:
    given, family = GIVEN[(m_no + j) % len(GIVEN)], FAMILY[(m_no * 7 + j) % len(FAMILY)]
    topics = ", ".join(TOPICS[(j + k * 4) % len(TOPICS)] for k in range(3))
    return [
        f"      - id: {slugify(given)}-{slugify(family)}-{j + 1}-{m_id}",
        f"        name: {given} {family}",
        "        title: Virksomhedskonsulent",
        f'        phone: "+45 1{m_no % 10} {m_no:02d} {j:02d} {(m_no + j) % 100:02d}"',
        f"        email: {slugify(given)}.{slugify(family)}{j + 1}@{m_id}.example",
        f"        topics: [{topics}]",
        "        languages: [dansk, engelsk]",
        f"        reviewed: 2026-{1 + (m_no + j) % 10:02d}-{1 + j % 28:02d}",
    ]


def write_national(source: Path, target: Path, consultants_per_municipality: int = 21) -> Path:
    """Write a valid 98-municipality data folder to `target`; returns it."""
    target.mkdir(parents=True, exist_ok=True)
    for name in ("alliance.yaml", "partners.yaml", "topics.yaml"):
        shutil.copy(source / name, target / name)
    lines = ["municipalities:"]
    for m_no, name in enumerate(MUNICIPALITIES):
        m_id = slugify(name)
        lines += [f"  - id: {m_id}", f"    name: {name}", "    business_service:",
                  f'      name: "{name} Erhverv"', f'      website: "https://{m_id}.example.dk"',
                  "    consultants:"]
        for j in range(consultants_per_municipality):
            lines += _consultant(m_id, m_no, j)
    (target / "municipalities.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return target
