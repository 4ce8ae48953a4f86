"""Hostile data for the injection tests: every text, Markdown and URL field of every data file
replaced by a payload. See tests/test_injection.py for what must become of it."""

from __future__ import annotations

from pathlib import Path

import yaml

from sitebuild import build_site, copy_project

TEXT = "\"'><img src=x onerror=alert(1)></script><script>alert(2)</script>\r\nEMAIL:stjaalet@example.org"
MARKDOWN = ("\" onmouseover=\"alert(3)\" x=' &lt;script&gt;alert(4)&lt;/script&gt; "
            "[klik](https://example.org/'onclick='alert&#40;5&#41;)  javascript:alert(6)\r\nEMAIL:x@example.org")
URL = "https://example.org/?q='onmouseover=alert(7)//&x=%22%3E%3Cscript%3Ealert(8)%3C/script%3E"

TEXT_KEYS = {"name", "title", "tagline", "run_by", "address", "languages", "kind", "place",
             "summary", "goals", "alt", "need", "words", "steps", "prepare", "text", "hint", "towns",
             "opening_hours", "response_time"}
MARKDOWN_KEYS = {"description", "body", "funding"}
URL_KEYS = {"website", "link", "booking"}
# Ids, references, dates and numbers have strict formats of their own (tested below and in
# test_build.py); a value of a key in no list fails the test, so a new field cannot slip by.
FORMAT_KEYS = {"id", "cluster", "topics", "municipalities", "type", "reviewed", "date", "order",
               "founded", "photo", "parties", "year", "email", "phone", "time", "end_date", "updated", "file",
               "brand_colour", "brand_colour_dark", "postcodes", "question", "topic"}


def _extra_files(site) -> dict[str, dict]:
    """Optional files (members, efforts, events) and clusters, so their fields are covered too."""
    municipality_ids = [m.id for m in site.municipalities]
    topic_id = site.topics[0].id
    consultant = {"id": "fjendtlig-konsulent", "name": "x", "title": "x", "phone": "+45 11 00 00 01",
                  "email": "fjendtlig@example.org", "topics": [topic_id], "languages": ["x"],
                  "reviewed": "2026-11-01", "booking": "https://example.org"}
    return {
        "members.yaml": {"members": [{"id": "fjendtligt-medlem", "name": "x", "kind": "x", "description": "x",
                                      "website": "https://example.org", "phone": "+45 11 00 00 02",
                                      "email": "medlem@example.org", "address": "x", "all_municipalities": True,
                                      "consultants": [consultant]}]},
        "efforts.yaml": {"efforts": [{"id": "fjendtlig-indsats", "title": "x", "summary": "x", "order": 1,
                                      "goals": ["x"], "parties": [municipality_ids[0]], "topics": [topic_id],
                                      "body": "x", "reports": [{"year": 2026, "body": "x"}]}]},
        "events.yaml": {"events": [{"id": "fjendtligt-arrangement", "title": "x", "date": "2026-12-01",
                                    "time": "9.00-10.00", "place": "x", "description": "x",
                                    "link": "https://example.org", "topics": [topic_id],
                                    "municipalities": [municipality_ids[0]]}]},
        "nyheder/fjendtlig-nyhed.yaml": {"id": "fjendtlig-nyhed", "title": "x", "date": "2026-11-30",
                                         "summary": "x", "body": "x", "topics": [topic_id],
                                         "municipalities": [municipality_ids[0]],
                                         "image": {"file": "nyheder/billeder/fjendtlig.png", "alt": "x"}},
    }


def inject(node, unknown: list[str], key: str = ""):
    """The node with every text, Markdown and URL value replaced by its payload."""
    if isinstance(node, dict):
        return {k: inject(v, unknown, k) for k, v in node.items()}
    if isinstance(node, list):
        return [inject(item, unknown, key) for item in node]
    if not isinstance(node, str) or key in FORMAT_KEYS:
        return node
    if key in TEXT_KEYS:
        return TEXT
    if key in MARKDOWN_KEYS:
        return MARKDOWN
    if key in URL_KEYS:
        return URL
    unknown.append(key)
    return node


def write_hostile_data(data_dir: Path, default_site) -> None:
    documents = {path.relative_to(data_dir).as_posix(): yaml.safe_load(path.read_text(encoding="utf-8"))
                 for path in [*data_dir.glob("*.yaml"), *data_dir.glob("nyheder/*.yaml")]}
    (data_dir / "nyheder" / "billeder").mkdir(parents=True, exist_ok=True)
    (data_dir / "nyheder" / "billeder" / "fjendtlig.png").write_bytes(b"\x89PNG\r\n\x1a\n not really a PNG")
    documents.update(_extra_files(default_site))
    documents["alliance.yaml"]["clusters"] = [{"id": "fjendtlig-klynge", "name": "x", "description": "x"}]
    documents["municipalities.yaml"]["municipalities"][0]["cluster"] = "fjendtlig-klynge"
    documents["municipalities.yaml"]["municipalities"][0]["business_service"]["booking"] = "https://example.org"
    unknown: list[str] = []
    for name, document in documents.items():
        text = yaml.safe_dump(inject(document, unknown), allow_unicode=True, sort_keys=False, width=1000)
        (data_dir / name).write_text(text, encoding="utf-8")
    assert not unknown, f"fields the test does not know how to attack: {sorted(set(unknown))}"


def build_hostile_site(project: Path, default_site) -> Path:
    """Copy the project to `project`, make its data hostile, and build it (must succeed)."""
    copy_project(project)
    write_hostile_data(project / "data", default_site)
    out = project / "out"
    result = build_site(project, out)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return out
