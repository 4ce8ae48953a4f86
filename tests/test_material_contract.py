"""The contract with Material for MkDocs (hooks/alliance_mkdocs/material.py), checked against the
installed Material, so an upgrade that changes what the site relies on fails here, in the fast
tier, and not only in a browser."""

from __future__ import annotations

import re
from importlib.metadata import version
from pathlib import Path

import material
import pytest
from alliance_mkdocs import material as contract
from packaging.specifiers import SpecifierSet

from sitebuild import ROOT

THEME = Path(material.__file__).parent / "templates"
OURS = ROOT / "overrides" / "partials"


def strip_leading_comment(text: str) -> str:
    """A partial without its leading `{#- ... -#}` (Material's "generated" note, or ours)."""
    return re.sub(r"\A\{#-.*?-#\}\n", "", text, count=1, flags=re.S)


@pytest.mark.parametrize("package", sorted(contract.TESTED_VERSIONS))
def test_installed_versions_are_the_tested_ones(package):
    assert version(package) in SpecifierSet(contract.TESTED_VERSIONS[package]), (
        f"{package} {version(package)} is not the tested {contract.TESTED_VERSIONS[package]}: "
        "check hooks/alliance_mkdocs/material.py against it, then widen the range")


@pytest.mark.parametrize("partial", contract.COPIED_PARTIALS, ids=lambda p: p.name)
def test_each_copied_partial_is_materials_own_plus_the_intended_change(partial):
    expected = strip_leading_comment((THEME / "partials" / partial.name).read_text(encoding="utf-8"))
    for old, new in partial.changes:
        assert expected.count(old) == 1, f"Material's {partial.name} changed: re-copy it ({partial.why})"
        expected = expected.replace(old, new)
    ours = strip_leading_comment((OURS / partial.name).read_text(encoding="utf-8"))
    assert ours == expected


def test_every_partial_in_overrides_is_in_the_contract():
    listed = {p.name for p in contract.COPIED_PARTIALS} | set(contract.REPLACED_PARTIALS)
    assert {p.name for p in OURS.glob("*.html")} == listed


@pytest.mark.parametrize("name", sorted(contract.REPLACED_PARTIALS))
def test_replaced_partials_are_still_included(name):
    including = (THEME / contract.REPLACED_PARTIALS[name]).read_text(encoding="utf-8")
    assert f'{{% include "partials/{name}" %}}' in including
    assert (THEME / "partials" / name).is_file()


def test_main_html_extends_blocks_that_base_html_has():
    base = (THEME / "base.html").read_text(encoding="utf-8")
    for block in contract.BASE_BLOCKS:
        assert re.search(rf"{{% block {block} %}}", base), block
    scripts = base.split("{% block scripts %}", 1)[1].split("{% endblock %}", 1)[0]
    assert contract.SCRIPTS_BLOCK_TAG in scripts


def test_the_inline_script_defines_md_get_and_md_set():
    script = (THEME / contract.INLINE_SCRIPT).read_text(encoding="utf-8")
    for name in contract.INLINE_SCRIPT_NAMES:
        assert name in script, name


def test_the_bundle_has_what_the_scripts_rely_on():
    [bundle] = (THEME / "assets" / "javascripts").glob("bundle.*.min.js")
    text = bundle.read_text(encoding="utf-8")
    missing = [what for what, pattern in contract.BUNDLE_PATTERNS.items() if not re.search(pattern, text)]
    assert not missing, f"Material's bundle changed; check the scripts that rely on: {missing}"


def test_the_unused_theme_assets_rule_matches_materials_layout():
    files = [p.relative_to(THEME).as_posix() for p in (THEME / "assets").rglob("*") if p.is_file()]
    dropped = {f for f in files if contract.unused_theme_asset(f)}
    lunr = {f for f in files if f.startswith("assets/javascripts/lunr/")}
    assert set(contract.KEPT_LUNR_FILES) <= set(files)
    assert lunr - dropped == set(contract.KEPT_LUNR_FILES)
    assert any(f.endswith(".map") for f in dropped) and len(dropped) > 20
