"""The IDE schemas: JSON Schemas of the data files (data/*.yaml), generated from the model, for
help while typing them in an editor such as VS Code.

VS Code (with the YAML extension) and other editors built on yaml-language-server read
schema/*.json (wired up in .vscode/settings.json) to complete field names, show the Danish help
below on hover, offer a whole new consultant, partner or topic as a snippet, and underline
mistakes as you type. The validator stays the authority: an IDE schema is a friendly preview of
it, generated from the same model so the two cannot drift (tests/test_ide_schemas.py fails when
a committed schema is stale; `make schema` rewrites them).

Not to be confused with the schemas of the open data under /api/ (publish/api.py, which
describe the published JSON, not data/) or with schema.org's vocabulary (publish/jsonld.py).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from alliance_site.data.loading import DATA_FILES, DATA_FOLDERS
from alliance_site.data.model import PARTNER_TYPE_LABELS, PartnerType
from alliance_site.editor.field_help import FIELD_HELP, FILE_HELP

IDE_SCHEMA_DIR = "schema"  # in the repository, beside data/
DRAFT = "http://json-schema.org/draft-07/schema#"  # the draft every YAML editor understands

# Where typing YAML needs other words than a form: quotes, ids in brackets, true/false.
PHONE_IN_YAML = "Telefon, fx \"+45 12 34 56 78\" (i anførselstegn)."
TOPIC_IDS = "Id'er på emner fra data/topics.yaml, fx [rekruttering, fastholdelse]."
MUNICIPALITY_IDS = "Liste af kommune-id'er, fx [naestved, faxe], når all_municipalities ikke er true."
SERVES_ALL_IN_YAML = "true, hvis de er der for hele alliancen; ellers false (standard) og en liste i municipalities."
YAML_HELP: dict[str, dict[str, str]] = {
    "Contact": {"phone": PHONE_IN_YAML},
    "BusinessService": {"phone": PHONE_IN_YAML},
    "Consultant": {"phone": PHONE_IN_YAML, "topics": TOPIC_IDS, "languages": "Sprog, fx [dansk, engelsk].",
                   "photo": "Valgfrit foto i data/fotos/, fx fotos/mette-holm.jpg (.jpg, .png eller .webp)."},
    "Municipality": {"cluster": "Id på en klynge fra data/alliance.yaml (valgfri)."},
    "Partner": {"all_municipalities": SERVES_ALL_IN_YAML, "municipalities": MUNICIPALITY_IDS, "topics": TOPIC_IDS},
    "Member": {"phone": PHONE_IN_YAML, "all_municipalities": SERVES_ALL_IN_YAML, "municipalities": MUNICIPALITY_IDS},
    "Effort": {"topics": TOPIC_IDS},
    "Topic": {"body": "Emnets tekst i Markdown; skriv den under 'body: |' med to ekstra mellemrum foran hver linje."},
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
        "website": "${5:https://www.example.dk}", "all_municipalities": True, "topics": ["${7:rekruttering}"],
        "reviewed": "${8:2026-01-31}"}},
    "Topic": {"label": "Nyt emne", "body": {
        "id": "${1:emne-id}", "title": "${2:Overskrift}", "summary": "${3:Én sætning om emnet.}",
        "order": 99, "body": "${4:Tekst i Markdown.}"}},
}


def _annotate(name: str, schema: dict[str, Any]) -> None:
    """Replace pydantic's English titles and docstrings with the editor's help and snippets."""
    schema.pop("title", None)
    schema.pop("description", None)
    help_for = {**FIELD_HELP.get(name, {}), **YAML_HELP.get(name, {})}
    for field, prop in schema.get("properties", {}).items():
        prop.pop("title", None)
        if field in help_for:
            prop["description"] = help_for[field]
    if name in SNIPPETS:
        schema["defaultSnippets"] = [SNIPPETS[name]]
    if name == PartnerType.__name__:
        schema["description"] = "Slags aktør: " + "; ".join(f"{k.value} = {label}" for k, label in PARTNER_TYPE_LABELS.items())
        schema["enumDescriptions"] = [PARTNER_TYPE_LABELS[PartnerType(v)] for v in schema["enum"]]


def data_file_schema(key: str) -> dict[str, Any]:
    """The IDE schema of data/<key>.yaml, or of each file of a data folder (data/nyheder/*.yaml)."""
    if key in DATA_FOLDERS:
        filename, model = f"{DATA_FOLDERS[key].folder}/<id>.yaml", DATA_FOLDERS[key].model
    else:
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


def schema_text(schema: dict[str, Any]) -> str:
    """A schema as its file holds it: indented JSON, Danish letters as they are."""
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def ide_schema_files() -> dict[str, str]:
    """File name -> content of every IDE schema, e.g. 'municipalities.schema.json' -> '{...}'."""
    return {f"{key}.schema.json": schema_text(data_file_schema(key)) for key in (*DATA_FILES, *DATA_FOLDERS)}


def write_ide_schemas(target: Path, dry_run: bool = False) -> list[Path]:
    """Write every IDE schema that differs from what is on disk in `target`; returns those paths."""
    changed = []
    for name, content in ide_schema_files().items():
        path = Path(target) / name
        if not path.is_file() or path.read_text(encoding="utf-8") != content:
            changed.append(path)
            if not dry_run:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(content, encoding="utf-8")
    return changed
