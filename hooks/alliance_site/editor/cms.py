"""The web editor's configuration (/admin/config.yml), made from the model.

Sveltia CMS (bundled from npm in admin/) shows a form for each data file and saves through pull
requests. Its form is derived here from the same pydantic model the validator uses, like the
IDE schemas (ide_schemas.py), so a field the validator requires is required in the form, a closed list is a
select, topic and municipality ids are chosen by title and name, and the labels and hints are
the Danish ones in field_help.py. Nothing here knows MkDocs; the hook writes the result.

Output settings keep a save from changing what it did not touch (docs/operating.md, "Web editor"): empty
optional fields are left out instead of written as '', and the data files are stored in the
editor's own YAML style (`make format-data`), so one changed phone number is one changed line.
"""

from __future__ import annotations

import datetime
import enum
import json
import types
import typing
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel
from pydantic.fields import FieldInfo

from alliance_site.data import fields as types_
from alliance_site.data.loading import DATA_FILES, DATA_FOLDERS
from alliance_site.data.pictures import LOGO, NEWS_IMAGE, NEWS_IMAGE_FOLDER, PHOTO, PHOTO_FOLDER, accept
from alliance_site.editor.field_help import FIELD_HELP, FILE_HELP, FILE_LABELS, SINGULAR, label

Widget = dict[str, Any]

# Ids that point into another file: chosen from that file's entries by what a person reads.
RELATIONS: dict[str, Widget] = {
    "topics": {"collection": "topics", "file": "topics", "value_field": "topics.*.id",
               "display_fields": ["topics.*.title"], "search_fields": ["topics.*.title"]},
    "municipalities": {"collection": "municipalities", "file": "municipalities",
                       "value_field": "municipalities.*.id", "display_fields": ["municipalities.*.name"],
                       "search_fields": ["municipalities.*.name"]},
    "cluster": {"collection": "alliance", "file": "alliance", "value_field": "clusters.*.id",
                "display_fields": ["clusters.*.name"], "search_fields": ["clusters.*.name"]},
    # the guide's follow-up questions: a topic asks one, an answer leads to a topic or a question
    "topic": {"collection": "topics", "file": "topics", "value_field": "topics.*.id",
              "display_fields": ["topics.*.title"], "search_fields": ["topics.*.title"]},
    "question": {"collection": "topics", "file": "topics", "value_field": "questions.*.id",
                 "display_fields": ["questions.*.text"], "search_fields": ["questions.*.text"]},
}
# Text types and how they are typed: Markdown with a Markdown editor, the rest as plain text.
TEXT_WIDGETS: list[tuple[Any, Widget]] = [
    (types_.Markdown, {"widget": "markdown", "modes": ["raw", "rich_text"], "sanitize_preview": True}),
    (types_.Description, {"widget": "text"}),
    (types_.Slug, {"widget": "string", "pattern": [types_.SLUG_PATTERN.pattern,
                                                   "Små bogstaver a-z, tal og bindestreger, fx mette-holm"]}),
    (types_.Email, {"widget": "string", "type": "email"}),
    (types_.HttpsUrl, {"widget": "string", "type": "url", "pattern": ["^https://", "Skal starte med https://"]}),
    (types_.TimeSpan, {"widget": "string", "pattern": [types_.TIME_SPAN.pattern, "Skriv fx 9.00-15.00 eller 9.00"]}),
    (types_.HexColour, {"widget": "color"}),
    (types_.Postcode, {"widget": "string", "pattern": [types_.POSTCODE.pattern, "Fire cifre, fx 4690"]}),
    (types_.Registration, {"widget": "string", "pattern": [f"^https://|{types_.REGISTRATION_EMAIL.pattern}",
                                                           "Et link med https:// eller en e-mailadresse"]}),
]
# Fields shown by name in a collapsed list entry.
SUMMARY_FIELDS = ("name", "title", "year", "text")
DATE_FORMAT = "YYYY-MM-DD"


@dataclass(frozen=True)
class CmsOptions:
    """Where the editor saves: the GitHub repository and branch, and the sign-in service."""

    repo: str = ""
    branch: str = "main"
    auth_url: str = ""
    site_url: str = ""


def _without_none(annotation: Any) -> tuple[Any, bool]:
    """(the type inside `X | None`, whether None was allowed)."""
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        if len(args) == 1 and len(args) < len(typing.get_args(annotation)):
            return args[0], True
    return annotation, False


def _max_length(annotation: Any) -> int | None:
    for meta in getattr(annotation, "__metadata__", ()):
        if getattr(meta, "max_length", None):
            return meta.max_length
    return None


def _is_model(annotation: Any) -> bool:
    return isinstance(annotation, type) and issubclass(annotation, BaseModel)


def _base_type(annotation: Any) -> Any:
    return typing.get_args(annotation)[0] if typing.get_origin(annotation) is typing.Annotated else annotation


def _scalar_widget(model_name: str, name: str, annotation: Any) -> Widget:
    """The widget for one value that is not a list or a group of fields."""
    base = _base_type(annotation)
    # Uploads take the file types the check accepts (pictures.py); an Image is a news picture or the logo.
    if name == "photo":
        return {"widget": "image", "choose_url": False, "accept": accept(PHOTO)}
    if model_name == "Image" and name == "file":
        return {"widget": "image", "choose_url": False, "accept": accept(NEWS_IMAGE, LOGO)}
    if name in RELATIONS:
        return {"widget": "relation", **RELATIONS[name]}
    if isinstance(base, type) and issubclass(base, enum.Enum):
        return {"widget": "select", "options": [{"label": _label(member), "value": member.value} for member in base]}
    if base is bool:
        return {"widget": "boolean", "default": False}
    if base is int:
        widget: Widget = {"widget": "number", "value_type": "int"}
        for meta in getattr(annotation, "__metadata__", ()):
            for bound in getattr(meta, "metadata", ()):
                widget.update({"min": bound.ge} if hasattr(bound, "ge") else {"max": bound.le} if hasattr(bound, "le") else {})
        return widget
    if base is datetime.date:
        return {"widget": "datetime", "format": DATE_FORMAT, "date_format": DATE_FORMAT, "time_format": False,
                "picker_utc": True}
    widget = next((dict(w) for t, w in TEXT_WIDGETS if annotation == t), {"widget": "string"})
    if (limit := _max_length(annotation)) and widget["widget"] != "markdown":
        widget["maxlength"] = limit
    return widget


def _label(member: enum.Enum) -> str:
    """What an editor reads for a choice: the enum's Danish `label` (as PartnerType has)."""
    label = getattr(member, "label", None)
    if not isinstance(label, str):
        raise TypeError(f"{type(member).__name__} needs a Danish `label` property for the web editor")
    return label


def _list_widget(model_name: str, name: str, item: Any) -> Widget:
    if _is_model(item):
        return {"widget": "list", "label_singular": SINGULAR.get(item.__name__, "punkt"),
                "summary": "{{fields." + next(f for f in (*SUMMARY_FIELDS, "id") if f in item.model_fields) + "}}",
                "collapsed": True, "fields": model_fields(item)}
    if name in RELATIONS:
        return {"widget": "relation", "multiple": True, **RELATIONS[name]}
    return {"widget": "list"}  # a list of short texts, one per line


def field_widget(model: type[BaseModel], name: str, info: FieldInfo, annotation: Any) -> Widget:
    """One form field: label and hint in Danish, required as the validator has it."""
    annotation, optional = _without_none(annotation)
    if typing.get_origin(_base_type(annotation)) is list:
        item = typing.get_args(_base_type(annotation))[0]
        widget = _list_widget(model.__name__, name, item)
        if (minimum := next((getattr(m, "min_length", None) for m in info.metadata if getattr(m, "min_length", None)), None)):
            widget["min"] = minimum
    elif _is_model(annotation):
        widget = {"widget": "object", "collapsed": False, "fields": model_fields(annotation)}
    else:
        widget = _scalar_widget(model.__name__, name, annotation)
    required = info.is_required() and not optional
    hint = FIELD_HELP[model.__name__][name]
    return {"name": name, "label": label(model.__name__, name), "hint": hint,
            **({} if required else {"required": False}), **widget}


def model_fields(model: type[BaseModel]) -> list[Widget]:
    hints = typing.get_type_hints(model, include_extras=True)
    return [field_widget(model, name, info, hints[name]) for name, info in model.model_fields.items()]


def collection(key: str) -> Widget:
    """A collection of one file: data/<file> with its fields."""
    data_file = DATA_FILES[key]
    return {"name": key, "label": FILE_LABELS[key], "description": FILE_HELP[key], "files": [
        {"name": key, "label": FILE_LABELS[key], "file": f"data/{data_file.filename}",
         "fields": model_fields(data_file.model)}]}


def folder_collection(key: str) -> Widget:
    """A collection of one file per entry (data/nyheder/<id>.yaml): each saved item is a new
    file named by its id, so two editors' news are two pull requests that never conflict."""
    data_folder = DATA_FOLDERS[key]
    return {"name": key, "label": FILE_LABELS[key], "label_singular": SINGULAR[data_folder.model.__name__],
            "description": FILE_HELP[key], "folder": f"data/{data_folder.folder}", "extension": "yaml",
            "format": "yaml", "create": True, "slug": "{{fields.id}}", "identifier_field": "title",
            "summary": "{{fields.date}}: {{fields.title}}", "sortable_fields": ["date", "title"],
            # a news picture goes to data/nyheder/billeder/; the field holds its path under data/
            "media_folder": f"/data/{NEWS_IMAGE_FOLDER}", "public_folder": NEWS_IMAGE_FOLDER,
            "fields": model_fields(data_folder.model)}


@dataclass(frozen=True)
class CmsFace:
    """What the editor's first screen shows of the alliance: its name (Sveltia's `app_title`,
    on the sign-in screen and the browser tab) and its logo (`logo.src`, an absolute path on
    the site), instead of Sveltia's own."""

    name: str
    logo_path: str | None = None


def cms_config(options: CmsOptions, present: set[str], face: CmsFace | None = None) -> dict[str, Any]:
    """The whole configuration; `present` are the keys of the optional data files the alliance
    has (an alliance without events gets no events form). The data folders (news) are always
    there: an alliance starts its news by saving the first item."""
    keys = [key for key, data_file in DATA_FILES.items() if data_file.required or key in present]
    backend: Widget = {"name": "github", "repo": options.repo or "eksempel/alliance", "branch": options.branch}
    if options.auth_url:
        backend["base_url"] = options.auth_url
    config: dict[str, Any] = {
        "backend": backend,
        "publish_mode": "editorial_workflow",
        "media_folder": f"data/{PHOTO_FOLDER}",
        "public_folder": PHOTO_FOLDER,
        "output": {"omit_empty_optional_fields": True, "yaml": {"quote": "none", "indent_sequences": True}},
        "collections": [*(collection(key) for key in keys), *(folder_collection(key) for key in DATA_FOLDERS)],
    }
    if options.site_url:
        config["site_url"] = config["display_url"] = options.site_url
    if face is not None:
        config["app_title"] = f"Redigér {face.name}"
        if face.logo_path:
            config["logo"] = {"src": face.logo_path}
    return config


def render_config(config: dict[str, Any]) -> str:
    """config.yml as the editor reads it (YAML; key order kept for a readable file)."""
    header = "# Made by the build from the model (hooks/alliance_site/editor/cms.py); do not edit.\n"
    return header + yaml.dump(config, Dumper=_PlainDumper, allow_unicode=True, sort_keys=False, width=100)


_SafeDumper: Any = getattr(yaml, "CSafeDumper", yaml.SafeDumper)  # libyaml's: 5x faster


class _PlainDumper(_SafeDumper):
    """Writes repeated values out in full: the editor's config has no use for &anchors."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


ADMIN_FOLDER = "admin"
ADMIN_TEMPLATE = "alliance/admin.html"


@dataclass(frozen=True)
class AdminBundle:
    """The editor's built code (admin/dist from `make admin`): its files, and the entry script
    the page loads, as Vite's manifest names it."""

    entry_script: str
    files: tuple[tuple[str, Path], ...]  # copied as they are (8.5 MB), never read into memory

    @classmethod
    def read(cls, dist: Path) -> AdminBundle:
        manifest = json.loads((dist / ".vite" / "manifest.json").read_text(encoding="utf-8"))
        entry = next(chunk["file"] for chunk in manifest.values() if chunk.get("isEntry"))
        files = tuple((path.relative_to(dist).as_posix(), path)
                      for path in sorted((dist / "assets").rglob("*")) if path.is_file())
        return cls(entry, files)


def admin_files(bundle: AdminBundle, config: dict[str, Any], page: str) -> list[tuple[str, str | Path]]:
    """Every file under /admin/: the page, config.yml and the bundle (by the path to copy)."""
    return [(f"{ADMIN_FOLDER}/index.html", page), (f"{ADMIN_FOLDER}/config.yml", render_config(config)),
            *((f"{ADMIN_FOLDER}/{name}", content) for name, content in bundle.files)]
