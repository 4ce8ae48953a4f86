"""What the web editor writes is what the validator reads: the data files are stored in its
YAML style, and any text it can write reads back as the same text.

The editor formats with the `yaml` package (YAML 1.2); the validator reads with PyYAML's parser
but keeps every value as the text written, so `yes`, `no`, `on` or `1:30` stay text instead
of becoming booleans and numbers. The formatter used here is admin/format-data.mjs, which
runs the same `yaml` version with the editor's options.
"""

from __future__ import annotations

import dataclasses
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from alliance_site.data.loading import load_site
from alliance_site.data.problems import ProblemList
from alliance_site.data.sources import parse_yaml
from sitebuild import ROOT, import_file

ALLIANCES = [ROOT, *sorted(p for p in (ROOT / "examples").iterdir() if (p / "data").is_dir())]
format_data = import_file("format_data", ROOT / "scripts" / "format_data.py")


def formatted_values(values: list) -> list[str]:
    """Each value as the editor writes it after `key: `."""
    result = subprocess.run(["node", str(format_data.FORMATTER), "--values"], input=json.dumps(values),
                            capture_output=True, text=True, check=True)
    return json.loads(result.stdout)


def read_back(text: str):
    problems = ProblemList()
    doc = parse_yaml(text, "test.yaml", problems)
    assert doc is not None and not problems.items, [p.format() for p in problems.items]
    return doc.data["key"]


@pytest.mark.parametrize("alliance", ALLIANCES, ids=lambda p: p.name)
def test_data_files_are_stored_in_the_editors_style(alliance):
    """`make format-data` has been run: a save through the editor changes only what it changed."""
    result = format_data.run_formatter(format_data.data_files(alliance / "data"), check=True)
    assert result.returncode == 0 and result.stdout == "", f"run `make format-data ALLIANCE={alliance}`: {result.stdout}"


def test_the_formatter_uses_the_yaml_version_the_editor_bundles():
    bundled = (ROOT / "admin" / "node_modules" / "@sveltia" / "cms" / "npm" / "index.js.map").read_text(encoding="utf-8")
    versions = set(re.findall(r"node_modules/\.pnpm/yaml@([\d.]+)/", bundled))
    pinned = json.loads((ROOT / "admin" / "package.json").read_text(encoding="utf-8"))["devDependencies"]["yaml"]
    assert versions == {pinned}


TRAPS = ["yes", "no", "on", "off", "y", "n", "1:30", "9.00-12.00", "~", "null", "Null", "2026-01-31",
         "2026-01-31 10:00", "12345678", "0045 12 34 56 78", "+45 12 34 56 78", "012", "0o17", "0x1F", "1e3",
         ".inf", "-.5", "true", "False", "a: b", "#kommentar", "- punkt", "[a, b]", "{a: b}", "@navn", "*navn",
         "&navn", "!tag", "%x", "`x`", "it's", 'sagde "hej"', "Næstved Erhverv", "Kjær", "æøå: ÆØÅ",
         "Linje et\nLinje to", "## Overskrift\n\n- punkt\n- punkt\n", "  indrykket", "slut med kolon:",
         "a #b", "https://www.example.dk/side?x=1#y", "", "<", "\\"]


def test_every_text_trap_reads_back_as_the_same_text():
    for value, text in zip(TRAPS, formatted_values(TRAPS), strict=True):
        assert read_back(text) == value.strip(), (value, text)


PIECES = st.one_of(st.text(st.characters(blacklist_categories=("Cs", "Cc"),
                                         blacklist_characters="\ufeff\u2028\u2029\x85"), max_size=8),
                   st.sampled_from(["\n", " ", ": ", " #", "'", '"', "- ", "yes", "1:30", "[", "{", "|", ">"]))


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(PIECES, max_size=6).map("".join), min_size=1, max_size=40))
def test_any_text_the_editor_writes_reads_back_the_same(values):
    for value, text in zip(values, formatted_values(values), strict=True):
        assert read_back(text) == value.strip(), (value, text)


def test_numbers_and_checkboxes_read_back_as_the_validator_needs(tmp_path):
    """order: 3, founded: 2018 and all_municipalities: true/false, as the editor writes them."""
    assert [read_back(text) for text in formatted_values([3, 2018, True, False])] == ["3", "2018", "true", "false"]


def meaning(data_dir):
    """Everything the validated data holds, wherever the folder is."""
    site = load_site(data_dir)[0]
    return dataclasses.replace(site, data_dir=Path())


@pytest.mark.parametrize("alliance", ALLIANCES, ids=lambda p: p.name)
def test_formatting_never_changes_what_the_data_means(alliance, tmp_path):
    """Write each file in another style (every value quoted, keys sorted, lists in brackets),
    then in the editor's style: the validated site is the same, and a second run changes nothing."""
    data = tmp_path / "data"
    shutil.copytree(alliance / "data", data)
    for path in format_data.data_files(data):
        as_text = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)  # noqa: S506 - text only
        path.write_text(yaml.safe_dump(as_text, allow_unicode=True, default_style='"', sort_keys=True), encoding="utf-8")
    assert meaning(data) == meaning(alliance / "data")
    assert format_data.run_formatter(format_data.data_files(data), check=False).returncode == 0
    assert meaning(data) == meaning(alliance / "data")
    assert format_data.run_formatter(format_data.data_files(data), check=True).stdout == ""
