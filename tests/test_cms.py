"""The web editor's configuration is made from the model: same fields, same required ones,
Danish labels and hints, and a form for every data file the alliance has."""

from __future__ import annotations

import json
import re
import typing

import pytest
import yaml
from jsonschema import Draft7Validator
from pydantic import BaseModel

from alliance_site.data.loading import DATA_FILES, DATA_FOLDERS
from alliance_site.data.model import PartnerType
from alliance_site.data.validation import _unwrap
from alliance_site.editor import cms
from alliance_site.editor.field_help import FIELD_HELP, FILE_HELP, FILE_LABELS, label
from alliance_site.publish import urls
from sitebuild import ROOT

SVELTIA_SCHEMA = ROOT / "admin" / "node_modules" / "@sveltia" / "cms" / "schema" / "sveltia-cms.json"
EVERY_FILE = cms.cms_config(cms.CmsOptions(repo="kommune/alliance"), present=set(DATA_FILES))


def models() -> dict[str, type[BaseModel]]:
    """Every model a data file holds, nested ones included."""
    found: dict[str, type[BaseModel]] = {}
    todo = [f.model for f in DATA_FILES.values()]
    while todo:
        model = todo.pop()
        if model.__name__ not in found:
            found[model.__name__] = model
            todo += [m for info in model.model_fields.values() for m in _unwrap(info.annotation)]
    return found


def widgets(fields: list[dict], path: str = "") -> dict[str, dict]:
    """Key path ('municipalities.consultants.phone') -> the field's configuration."""
    found = {}
    for field in fields:
        key = f"{path}{field['name']}"
        found[key] = field
        found.update(widgets(field.get("fields", []), key + "."))
    return found


def file_fields(key: str) -> dict[str, dict]:
    collection = next(c for c in EVERY_FILE["collections"] if c["name"] == key)
    return widgets(collection["files"][0]["fields"])


def assert_has(actual: dict, expected: dict) -> None:
    """`actual` holds every key of `expected` with the same value (it may hold more keys). On a
    failure the message lists each missing key and each different value, not two whole dicts."""
    missing = [f"  {key!r}: missing (expected {value!r})" for key, value in expected.items() if key not in actual]
    different = [f"  {key!r}: {actual[key]!r} (expected {value!r})" for key, value in expected.items()
                 if key in actual and actual[key] != value]
    assert not missing and not different, "\n".join(["the configuration differs:", *missing, *different])


@pytest.mark.parametrize("name", sorted(models()))
def test_every_field_has_a_danish_label_and_hint(name):
    model = models()[name]
    assert set(FIELD_HELP[name]) >= set(model.model_fields), f"{name}: fields without a hint"
    for field in model.model_fields:
        assert label(name, field) and FIELD_HELP[name][field]


def test_no_hint_holds_angle_brackets():
    """Sveltia renders hints as Markdown and drops what looks like an HTML tag ('/emner/<id>/')."""
    hints = [hint for fields in FIELD_HELP.values() for hint in fields.values()] + list(FILE_HELP.values())
    assert [hint for hint in hints if re.search(r"<[A-Za-z/]", hint)] == []


def test_every_data_file_has_a_menu_label_and_a_description():
    assert set(FILE_LABELS) == set(FILE_HELP) == set(DATA_FILES) | set(DATA_FOLDERS)


def test_the_config_is_valid_for_sveltia():
    """Sveltia's own JSON Schema (from its npm package) accepts the configuration; a misspelt
    option would be refused (the second half shows the check can fail)."""
    validator = Draft7Validator(json.loads(SVELTIA_SCHEMA.read_text(encoding="utf-8")))
    assert [error.message for error in validator.iter_errors(EVERY_FILE)] == []
    broken = json.loads(json.dumps(EVERY_FILE))
    broken["collections"][0]["files"][0]["fields"][0]["widgit"] = "string"
    assert list(validator.iter_errors(broken))


@pytest.mark.parametrize("alliance", sorted((ROOT / "examples").iterdir()), ids=lambda p: p.name)
def test_each_example_gets_a_valid_form_for_each_of_its_files(alliance):
    present = {key for key, f in DATA_FILES.items() if (alliance / "data" / f.filename).is_file()}
    config = json.loads(json.dumps(cms.cms_config(cms.CmsOptions(), present)))
    validator = Draft7Validator(json.loads(SVELTIA_SCHEMA.read_text(encoding="utf-8")))
    assert [error.message for error in validator.iter_errors(config)] == []
    assert {c["name"] for c in config["collections"]} == present | {"alliance", "municipalities", "partners", "topics",
                                                                      *DATA_FOLDERS}


@pytest.mark.parametrize("key", sorted(DATA_FILES))
def test_required_fields_are_required_in_the_form(key):
    """A field the validator requires has no `required: false`, every other field has it."""
    def walk(model, fields):
        for field in fields:
            info = model.model_fields[field["name"]]
            optional = not info.is_required() or type(None) in typing.get_args(info.annotation)
            assert field.get("required", True) is not optional, f"{model.__name__}.{field['name']}"
            nested = _unwrap(info.annotation)
            if "fields" in field and nested:
                walk(nested[0], field["fields"])

    walk(DATA_FILES[key].model, next(c for c in EVERY_FILE["collections"] if c["name"] == key)["files"][0]["fields"])


def test_fields_get_the_widget_their_type_needs():
    people = file_fields("municipalities")
    assert_has(people["municipalities.consultants.phone"], {"widget": "string"})  # kept as text, never a number
    assert_has(people["municipalities.consultants.reviewed"],
               {"widget": "datetime", "format": "YYYY-MM-DD", "time_format": False})
    assert_has(people["municipalities.consultants.topics"],
               {"widget": "relation", "multiple": True, "collection": "topics", "value_field": "topics.*.id",
                "display_fields": ["topics.*.title"], "min": 1})
    assert_has(people["municipalities.cluster"], {"widget": "relation", "display_fields": ["clusters.*.name"]})
    partners = file_fields("partners")
    assert [o["value"] for o in partners["partners.type"]["options"]] == [t.value for t in PartnerType]
    assert_has(partners["partners.all_municipalities"], {"widget": "boolean"})
    assert_has(partners["partners.municipalities"], {"widget": "relation", "display_fields": ["municipalities.*.name"]})
    assert_has(file_fields("topics")["topics.body"], {"widget": "markdown"})
    assert_has(file_fields("topics")["topics.order"], {"widget": "number", "value_type": "int"})
    assert_has(file_fields("alliance")["founded"], {"widget": "number", "min": 1900, "max": 2100})


def test_picture_uploads_accept_the_file_types_the_check_accepts():
    """The upload fields' types come from the picture rule (pictures.py) the check applies: a
    photo is .jpg, .png or .webp; a news picture or logo (one model, Image) may also be .svg."""
    assert_has(file_fields("municipalities")["municipalities.consultants.photo"],
               {"widget": "image", "choose_url": False, "accept": "image/jpeg,image/png,image/webp"})
    assert_has(file_fields("alliance")["logo.file"],
               {"widget": "image", "choose_url": False, "accept": "image/jpeg,image/png,image/webp,image/svg+xml"})


def test_saves_go_through_pull_requests_and_leave_empty_fields_out():
    assert_has(EVERY_FILE, {"publish_mode": "editorial_workflow", "media_folder": "data/fotos",
                            "public_folder": "fotos",
                            "backend": {"name": "github", "repo": "kommune/alliance", "branch": "main"}})
    assert_has(EVERY_FILE["output"], {"omit_empty_optional_fields": True})
    news = next(c for c in EVERY_FILE["collections"] if c["name"] in DATA_FOLDERS)
    assert_has(news, {"media_folder": "/data/nyheder/billeder", "public_folder": "nyheder/billeder"})


def test_an_alliance_gets_forms_for_the_optional_files_it_has():
    names = [c["name"] for c in cms.cms_config(cms.CmsOptions(), present={"events"})["collections"]]
    assert names == ["alliance", "municipalities", "partners", "topics", "events", *DATA_FOLDERS]


def test_the_sign_in_service_is_configurable():
    config = cms.cms_config(cms.CmsOptions(repo="a/b", branch="udgivet", auth_url="https://login.example"), set())
    assert config["backend"] == {"name": "github", "repo": "a/b", "branch": "udgivet", "base_url": "https://login.example"}


def test_the_built_config_is_the_one_the_model_makes(built_site, data_dir, default_site):
    """The config the build publishes cannot drift from the model: it is this generator's
    output for the alliance's files, the site's address and the alliance's name and logo."""
    built = yaml.safe_load((built_site / "admin" / "config.yml").read_text(encoding="utf-8"))
    present = {key for key, f in DATA_FILES.items() if (data_dir / f.filename).is_file()}
    face = cms.CmsFace(default_site.alliance.name, "/assets/images/alliance-logo.svg")
    expected = cms.cms_config(cms.CmsOptions(site_url=built["site_url"]), present, face)
    assert built == json.loads(json.dumps(expected))
    assert built["site_url"].startswith("https://")
    assert built["app_title"] == f"Redigér {default_site.alliance.name}"
    assert (built_site / built["logo"]["src"].lstrip("/")).is_file()


@pytest.mark.parametrize("site_url, expected", [
    ("https://arbejdskraftalliancen.example/", "/assets/images/alliance-logo.svg"),
    ("https://org.github.io/alliance/", "/alliance/assets/images/alliance-logo.svg"),
])
def test_the_editor_finds_the_logo_at_an_absolute_path_under_a_project_path(site_url, expected):
    assert urls.site_path(site_url, "assets/images/alliance-logo.svg") == expected


def test_the_editor_page_loads_the_bundle_and_stays_out_of_search(built_site):
    page = (built_site / "admin" / "index.html").read_text(encoding="utf-8")
    manifest = json.loads((ROOT / "admin" / "dist" / ".vite" / "manifest.json").read_text(encoding="utf-8"))
    entry = next(chunk["file"] for chunk in manifest.values() if chunk.get("isEntry"))
    assert f'<script type="module" src="{entry}"></script>' in page
    assert (built_site / "admin" / entry).is_file()
    assert '<meta name="robots" content="noindex, nofollow">' in page
    assert "/admin/" not in (built_site / "sitemap.xml").read_text(encoding="utf-8")
    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert not [doc["location"] for doc in index["docs"] if doc["location"].startswith("admin")]


def test_no_public_page_loads_anything_of_the_editor(built_site):
    for page in built_site.rglob("*.html"):
        if "admin" not in page.relative_to(built_site).parts:
            assert "admin/" not in page.read_text(encoding="utf-8"), page


def test_the_bundle_names_no_font_cdn_and_no_status_service():
    """The editor's code must not reach for its fonts' CDN or GitHub's status page (the Vite
    config rewrites both); a newer Sveltia that adds such a call fails here first."""
    code = "".join(path.read_text(encoding="utf-8", errors="replace")
                   for path in (ROOT / "admin" / "dist" / "assets").glob("*.js"))
    assert "cdn.jsdelivr.net/fontsource" not in code and "githubstatus.com/api" not in code
    assert "./assets/fonts-bundled" in code  # the rewrite happened, so the check above is not vacuous
