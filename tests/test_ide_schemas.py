"""The IDE schemas (schema/*.json) editors get while typing data/: current, wired up, and in step
with the validator."""

from __future__ import annotations

import json
import re
from typing import Annotated

import jsonschema
import pytest
import yaml
from pydantic import TypeAdapter, ValidationError

from alliance_site.data import model
from alliance_site.data.loading import DATA_FILES
from alliance_site.editor.ide_schemas import FIELD_HELP, SNIPPETS, data_file_schema, ide_schema_files, write_ide_schemas
from sitebuild import ROOT

IDE_SCHEMA_DIR = ROOT / "schema"


class Yaml12Loader(yaml.SafeLoader):
    """Reads YAML as yaml-language-server does (YAML 1.2 core): dates and `no` stay text."""


Yaml12Loader.yaml_implicit_resolvers = {}
for tag, pattern, first in (
    ("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    ("tag:yaml.org,2002:int", r"^[-+]?[0-9]+$", "-+0123456789"),
    ("tag:yaml.org,2002:float", r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$", "-+.0123456789"),
    ("tag:yaml.org,2002:null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
):
    Yaml12Loader.add_implicit_resolver(tag, re.compile(pattern), list(first))


def schema_errors(key: str, text: str) -> list[str]:
    validator = jsonschema.Draft7Validator(json.loads((IDE_SCHEMA_DIR / f"{key}.schema.json").read_text("utf-8")),
                                           format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER)
    return sorted(f"{'.'.join(map(str, e.absolute_path))}: {e.message}"
                  for e in validator.iter_errors(yaml.load(text, Loader=Yaml12Loader)))


def test_committed_schemas_are_up_to_date():
    assert write_ide_schemas(IDE_SCHEMA_DIR, dry_run=True) == [], "run `make schema` and commit schema/"


def test_every_data_file_has_a_schema_that_vscode_uses():
    settings = json.loads((ROOT / ".vscode" / "settings.json").read_text("utf-8"))
    mapped = {schema.removeprefix("./"): patterns for schema, patterns in settings["yaml.schemas"].items()}
    assert set(ide_schema_files()) == {name.removeprefix("schema/") for name in mapped}
    for key, data_file in DATA_FILES.items():
        assert f"**/data/{data_file.filename}" in mapped[f"schema/{key}.schema.json"]


def test_schemas_are_draft_7_with_help_in_danish():
    for key in DATA_FILES:
        schema = data_file_schema(key)
        jsonschema.Draft7Validator.check_schema(schema)
        assert schema["$schema"].startswith("http://json-schema.org/draft-07") and schema["description"]


@pytest.mark.parametrize("folder", [ROOT / "data", *sorted(ROOT.glob("examples/*/data"))],
                         ids=lambda p: p.parent.name)
def test_valid_data_shows_no_squiggles_in_the_editor(folder):
    for key, data_file in DATA_FILES.items():
        if (folder / data_file.filename).is_file():
            assert schema_errors(key, (folder / data_file.filename).read_text("utf-8")) == []


@pytest.mark.parametrize("key, text, expected", [
    ("municipalities", "municipalities:\n  - id: faxe\n    name: Faxe\n    business_service:\n      name: B\n"
                       "      website: https://b.example\n    consultant: []\n",
     "municipalities.0: Additional properties are not allowed ('consultant' was unexpected)"),
    ("partners", "partners:\n  - {id: a, name: A, type: jobcentre, description: D, website: https://a.example, "
                 "municipalities: all, reviewed: 2026-01-01}\n", "partners.0.type: 'jobcentre' is not one of"),
    ("partners", "partners:\n  - {id: a, name: A, type: andet, description: D, website: 'javascript:x', "
                 "municipalities: all, reviewed: 2026-01-01}\n", "partners.0.website: 'javascript:x' does not match"),
    ("topics", "topics:\n  - {id: Emne, title: T, summary: S, order: 1, body: B}\n",
     "topics.0.id: 'Emne' does not match"),
])
def test_the_editor_flags_mistakes_as_you_type(key, text, expected):
    assert any(error.startswith(expected) for error in schema_errors(key, text))


def _fill(value):
    """A snippet body with its ${1:placeholder} texts filled in, as the editor inserts it."""
    if isinstance(value, dict):
        return {k: _fill(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_fill(v) for v in value]
    return re.sub(r"\$\{\d+:([^}]*)\}", r"\1", value) if isinstance(value, str) else value


@pytest.mark.parametrize("name", sorted(SNIPPETS))
def test_snippets_insert_valid_entries(name):
    getattr(model, name).model_validate(_fill(SNIPPETS[name]["body"]))


def test_help_names_only_fields_that_exist():
    for name, fields in FIELD_HELP.items():
        assert set(fields) <= set(getattr(model, name).model_fields), name


def _string_limits():
    """(model, field, annotation, maxLength) for every text field with a length limit."""
    for name in dir(model):
        cls = getattr(model, name)
        if isinstance(cls, type) and issubclass(cls, model.Record) and cls is not model.Record:
            properties = cls.model_json_schema()["properties"]
            for field, info in cls.model_fields.items():
                prop = properties[field]
                for option in [prop, *prop.get("anyOf", []), prop.get("items", {})]:
                    if option.get("type") == "string" and "maxLength" in option:
                        annotation = Annotated[(info.annotation, *info.metadata)] if info.metadata else info.annotation
                        yield name, field, annotation, option["maxLength"], "items" in prop


@pytest.mark.parametrize("name, field, annotation, limit, is_list",
                         list(_string_limits()), ids=lambda v: v if isinstance(v, str) else "")
def test_the_schema_length_limit_is_the_one_enforced(name, field, annotation, limit, is_list):
    """pydantic keeps the inner limit of a narrowed type; the schema must not promise more."""
    adapter = TypeAdapter(annotation)
    wrap = (lambda text: [text]) if is_list else (lambda text: text)
    adapter.validate_python(wrap("x" * limit))
    with pytest.raises(ValidationError):
        adapter.validate_python(wrap("x" * (limit + 1)))


def test_optional_fields_may_be_left_empty_in_the_editor():
    phone = data_file_schema("alliance")["definitions"]["Contact"]["properties"]["phone"]
    assert {"type": "null"} in phone["anyOf"]


@pytest.fixture(scope="module")
def editor():
    """yaml-language-server (VS Code's YAML engine) set up with .vscode/settings.json."""
    from yaml_language_server import LanguageServer, install

    binary = install()
    if binary is None:
        pytest.skip("needs Node.js and the npm registry to install yaml-language-server")
    server = LanguageServer(binary, ROOT, json.loads((ROOT / ".vscode" / "settings.json").read_text("utf-8")))
    yield server
    server.close()


def test_editor_completes_the_fields_of_a_new_consultant(editor):
    lines = (ROOT / "data" / "municipalities.yaml").read_text("utf-8").split("\n")
    at = next(n for n, line in enumerate(lines) if line.strip().startswith("reviewed:")) + 1
    lines.insert(at, "      - ")
    uri = editor.open("data/municipalities.yaml", "\n".join(lines))
    offered = editor.completions(uri, at, 8)
    assert {"Ny konsulent", "id", "name", "phone", "email", "topics", "reviewed"} <= set(offered)


def test_editor_offers_the_closed_list_of_partner_types(editor):
    text = (ROOT / "data" / "partners.yaml").read_text("utf-8").rstrip("\n") + "\n  - type: "
    uri = editor.open("data/partners.yaml", text)
    assert editor.completions(uri, text.count("\n"), len("  - type: ")) == sorted(t.value for t in model.PartnerType)


def test_editor_explains_a_field_in_danish_and_flags_a_typo(editor):
    text = (ROOT / "data" / "topics.yaml").read_text("utf-8")
    lines = text.split("\n")
    at = next(n for n, line in enumerate(lines) if line.strip().startswith("summary:"))
    uri = editor.open("data/topics.yaml", text)
    assert "Én sætning til oversigter" in editor.hover(uri, at, 6)
    lines[at] = lines[at].replace("summary:", "sumary:")
    editor.open("data/topics.yaml", "\n".join(lines))
    assert (at + 1, "Property sumary is not allowed.") in editor.diagnostics(uri)
