"""JSON Schemas for the data files, generated from the model, for help while typing.

VS Code (with the YAML extension) and other editors built on yaml-language-server read
schema/*.json (wired up in .vscode/settings.json) to complete field names, show the Danish help
below on hover, offer a whole new consultant, partner or topic as a snippet, and underline
mistakes as you type. The validator stays the authority: the schema is a friendly preview of
it, generated from the same model so the two cannot drift (tests/test_schema.py fails when a
committed schema is stale; `make schema` rewrites them).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .loading import DATA_FILES
from .model import PARTNER_TYPE_LABELS, PartnerType

SCHEMA_DIR = "schema"
DRAFT = "http://json-schema.org/draft-07/schema#"  # the draft every YAML editor understands

FILE_HELP = {
    "alliance": "Fakta om alliancen: navn, tekst på forsiden, kontakt og eventuelle klynger.",
    "municipalities": "Kommunerne i alliancen, deres erhvervsservice og konsulenter.",
    "partners": "Aktørerne i netværket: jobcentre, uddannelser, bureauer, organisationer m.fl.",
    "topics": "Emnerne, som konsulenterne og partnerne hjælper med. Hvert emne får sin egen side.",
    "members": "Valgfri: medlemmer, der ikke er kommuner (fx en erhvervsorganisation), med egne konsulenter.",
    "efforts": "Valgfri: alliancens indsatser med mål, parter og årlige statusrapporter.",
    "events": "Valgfri: arrangementer med dato, sted og beskrivelse.",
}

REVIEWED = "Dato for seneste kontrol af oplysningerne, skrevet ÅÅÅÅ-MM-DD, fx 2026-01-31."
ID = "Fast id: små bogstaver a-z, tal og bindestreger (æ→ae, ø→oe, å→aa). Bruges i adresser; ændr det ikke."
FIELD_HELP: dict[str, dict[str, str]] = {
    "AllianceFile": {
        "name": "Alliancens navn, fx ArbejdskraftAlliancen.",
        "tagline": "Én sætning under navnet på forsiden (højst 160 tegn).",
        "description": "Forsidens tekst i Markdown: **fed**, [link](https://...), - punkter.",
        "run_by": "Hvem driver alliancen, fx et sekretariat.",
        "funding": "Hvem finansierer alliancen (valgfri, højst 400 tegn).",
        "founded": "Årstal for stiftelsen (valgfri), fx 2018.",
        "contact": "Alliancens fælles kontaktoplysninger.",
        "clusters": "Valgfri regionale klynger af kommuner.",
    },
    "Contact": {
        "name": "Navn på kontakten.", "phone": "Telefon, fx \"+45 12 34 56 78\" (i anførselstegn).",
        "email": "E-mail, fx navn@kommune.dk.", "website": "Hjemmeside; skal starte med https://.",
        "address": "Postadresse på én linje.",
    },
    "Cluster": {"id": ID, "name": "Klyngens navn, fx Sydsjælland.", "description": "Kort beskrivelse (valgfri)."},
    "BusinessService": {
        "name": "Erhvervsservicens navn, fx Næstved Erhverv.", "website": "Hjemmeside; skal starte med https://.",
        "phone": "Telefon, fx \"+45 12 34 56 78\".", "email": "Fælles e-mail.", "address": "Adresse på én linje.",
    },
    "Consultant": {
        "id": ID + " Fx fornavn-efternavn-kommune.", "name": "Fulde navn.", "title": "Stilling, fx Virksomhedskonsulent.",
        "phone": "Direkte telefon, fx \"+45 12 34 56 78\" (i anførselstegn).", "email": "Arbejdsmail.",
        "photo": "Valgfrit foto i data/fotos/, fx fotos/mette-holm.jpg (.jpg, .png eller .webp).",
        "topics": "Id'er på emner fra data/topics.yaml, fx [rekruttering, fastholdelse].",
        "languages": "Sprog, konsulenten rådgiver på, fx [dansk, engelsk].", "reviewed": REVIEWED,
    },
    "Municipality": {
        "id": ID + " Fx naestved.", "name": "Kommunens navn uden 'Kommune', fx Næstved.",
        "cluster": "Id på en klynge fra data/alliance.yaml (valgfri).",
        "business_service": "Organisationen, der varetager kommunens erhvervsservice.",
        "consultants": "Kommunens konsulenter.",
    },
    "Partner": {
        "id": ID, "name": "Organisationens navn.", "type": "Slags aktør; vælg fra listen.",
        "description": "Hvad de kan hjælpe virksomheder med (højst 400 tegn).",
        "website": "Hjemmeside; skal starte med https://.",
        "municipalities": "all, eller en liste af kommune-id'er, fx [naestved, faxe].",
        "topics": "Id'er på emner fra data/topics.yaml.", "contact": "Valgfri kontaktoplysninger.",
        "reviewed": REVIEWED,
    },
    "Topic": {
        "id": ID + " Bliver adressen /emner/<id>/.", "title": "Overskrift på emnets side.",
        "summary": "Én sætning til oversigter (højst 160 tegn).", "order": "Rækkefølge i oversigten: 1, 2, 3 ...",
        "body": "Emnets tekst i Markdown; skriv den under 'body: |' med to ekstra mellemrum foran hver linje.",
    },
    "Member": {
        "id": ID, "name": "Organisationens navn.", "kind": "Slags organisation, fx Erhvervsorganisation.",
        "description": "Kort beskrivelse (højst 400 tegn).", "website": "Hjemmeside; skal starte med https://.",
        "phone": "Telefon, fx \"+45 12 34 56 78\".", "email": "Fælles e-mail.", "address": "Adresse på én linje.",
        "municipalities": "all, eller en liste af kommune-id'er, som medlemmets konsulenter dækker.",
        "consultants": "Medlemmets konsulenter; samme felter som kommunernes.",
    },
    "Effort": {
        "id": ID, "title": "Indsatsens navn.", "summary": "Én sætning (højst 160 tegn).",
        "order": "Rækkefølge i oversigten: 1, 2, 3 ...", "goals": "Mål, én sætning pr. punkt (højst 300 tegn).",
        "parties": "Id'er på kommuner, medlemmer eller partnere bag indsatsen.",
        "topics": "Id'er på emner fra data/topics.yaml.", "body": "Uddybende tekst i Markdown (valgfri).",
        "reports": "Årlige statusrapporter.",
    },
    "StatusReport": {"year": "Årstal, fx 2026.", "body": "Status i Markdown."},
    "Event": {
        "id": ID, "title": "Arrangementets titel.", "date": "Dato, ÅÅÅÅ-MM-DD.", "time": "Tidspunkt, fx 9.00-12.00.",
        "place": "Sted.", "description": "Beskrivelse i Markdown.", "link": "Link til tilmelding; https://.",
    },
    "MembersFile": {"members": "Én post pr. medlem, der begynder med '- id:'."},
    "EffortsFile": {"efforts": "Én post pr. indsats, der begynder med '- id:'."},
    "EventsFile": {"events": "Én post pr. arrangement, der begynder med '- id:'."},
    "MunicipalitiesFile": {"municipalities": "Én post pr. kommune, der begynder med '- id:'."},
    "PartnersFile": {"partners": "Én post pr. partner, der begynder med '- id:'."},
    "TopicsFile": {"topics": "Én post pr. emne, der begynder med '- id:'."},
}

# Offered by completion when a new list item is started ("- " then Ctrl+Space in VS Code).
SNIPPETS: dict[str, dict[str, Any]] = {
    "Consultant": {"label": "Ny konsulent", "body": {
        "id": "${1:fornavn-efternavn-kommune}", "name": "${2:Fornavn Efternavn}", "title": "${3:Virksomhedskonsulent}",
        "phone": "${4:+45 12 34 56 78}", "email": "${5:navn@kommune.dk}", "topics": ["${6:rekruttering}"],
        "languages": ["dansk"], "reviewed": "${7:2026-01-31}"}},
    "Municipality": {"label": "Ny kommune", "body": {
        "id": "${1:kommune}", "name": "${2:Kommune}",
        "business_service": {"name": "${3:Kommune Erhverv}", "website": "${4:https://www.example.dk}"},
        "consultants": []}},
    "Partner": {"label": "Ny partner", "body": {
        "id": "${1:partner-id}", "name": "${2:Navn}", "type": "${3:andet}", "description": "${4:Hvad de hjælper med.}",
        "website": "${5:https://www.example.dk}", "municipalities": "${6:all}", "topics": ["${7:rekruttering}"],
        "reviewed": "${8:2026-01-31}"}},
    "Topic": {"label": "Nyt emne", "body": {
        "id": "${1:emne-id}", "title": "${2:Overskrift}", "summary": "${3:Én sætning om emnet.}",
        "order": 99, "body": "${4:Tekst i Markdown.}"}},
}


def _annotate(name: str, schema: dict[str, Any]) -> None:
    """Replace pydantic's English titles and docstrings with the editor's help and snippets."""
    schema.pop("title", None)
    schema.pop("description", None)
    help_for = FIELD_HELP.get(name, {})
    for field, prop in schema.get("properties", {}).items():
        prop.pop("title", None)
        if field in help_for:
            prop["description"] = help_for[field]
    if name in SNIPPETS:
        schema["defaultSnippets"] = [SNIPPETS[name]]
    if name == PartnerType.__name__:
        schema["description"] = "Slags aktør: " + "; ".join(f"{k.value} = {label}" for k, label in PARTNER_TYPE_LABELS.items())
        schema["enumDescriptions"] = [PARTNER_TYPE_LABELS[PartnerType(v)] for v in schema["enum"]]


def file_schema(key: str) -> dict[str, Any]:
    """The JSON Schema for data/<key>.yaml."""
    filename, model = DATA_FILES[key].filename, DATA_FILES[key].model
    generated = model.model_json_schema(ref_template="#/definitions/{model}")
    definitions = generated.pop("$defs", {})
    for name, definition in definitions.items():
        _annotate(name, definition)
    _annotate(model.__name__, generated)
    result = {"$schema": DRAFT, "title": f"data/{filename}", "description": FILE_HELP.get(key, ""), **generated}
    if definitions:
        result["definitions"] = dict(sorted(definitions.items()))
    return result


def render(schema: dict[str, Any]) -> str:
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def schema_files() -> dict[str, str]:
    """File name -> content, e.g. 'municipalities.schema.json' -> '{...}'."""
    return {f"{key}.schema.json": render(file_schema(key)) for key in DATA_FILES}


def write_schemas(target: Path, dry_run: bool = False) -> list[Path]:
    """Write every schema that differs from what is on disk; returns those paths."""
    changed = []
    for name, content in schema_files().items():
        path = Path(target) / name
        if not path.is_file() or path.read_text(encoding="utf-8") != content:
            changed.append(path)
            if not dry_run:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(content, encoding="utf-8")
    return changed
