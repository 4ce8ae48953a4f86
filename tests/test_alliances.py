"""Every example alliance and a freshly scaffolded one validate and build with --strict."""

from __future__ import annotations

import datetime
import sys
from pathlib import Path

import pytest

from alliance_site.data.loading import load_site
from htmlscan import elements, page
from sitebuild import EXAMPLES, ROOT, build_site, site_config

sys.path.insert(0, str(ROOT / "scripts"))
from format_data import data_files, run_formatter  # noqa: E402
from new_alliance import scaffold, store_in_editor_style  # noqa: E402


def test_every_folder_in_examples_is_an_alliance_the_tests_build():
    """EXAMPLES are the folders with a mkdocs.yml; a folder without one would be skipped by every test."""
    folders = sorted(p for p in (ROOT / "examples").iterdir() if p.is_dir())
    assert folders and folders == EXAMPLES


@pytest.mark.parametrize("example", EXAMPLES, ids=[p.name for p in EXAMPLES])
def test_example_runs_the_shared_theme_under_its_own_name(example):
    """An example shows the repository's templates (not a copy) and is titled as its data says."""
    config = site_config(example)
    site, _ = load_site(example / "data")
    assert Path(config.theme.custom_dir).resolve() == ROOT / "overrides"
    assert config.site_name == site.alliance.name


@pytest.mark.parametrize("example", EXAMPLES, ids=[p.name for p in EXAMPLES])
def test_example_validates_without_warnings(example):
    _site, warnings = load_site(example / "data")
    assert [w.format() for w in warnings if w.severity == "warning"] == []


@pytest.mark.parametrize("example", EXAMPLES, ids=[p.name for p in EXAMPLES])
def test_example_builds_strict_with_its_consultants(example, example_sites):
    site, _ = load_site(example / "data")
    for municipality in site.municipalities:
        html = page(example_sites[example.name], f"kommuner/{municipality.id}/")
        cards = {e["id"] for e in elements(html, "h3", **{"class": "al-card__title"})}
        assert cards == {e.consultant.id for e in site.consultants_serving(municipality.id)}


def test_scaffold_builds_at_once(tmp_path):
    target = tmp_path / "ny-alliance"
    scaffold(target, "Ny Alliance", datetime.date.today())
    store_in_editor_style(target / "data")
    assert run_formatter(data_files(target / "data"), check=True).stdout == "", "not in the web editor's style"
    site, warnings = load_site(target / "data")
    assert site.alliance.name == "Ny Alliance" and warnings == []
    result = build_site(target, tmp_path / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Ny Alliance" in page(tmp_path / "site", "")


def test_scaffold_refuses_a_folder_with_content(tmp_path):
    (tmp_path / "keep.txt").write_text("x", encoding="utf-8")
    with pytest.raises(SystemExit):
        scaffold(tmp_path, "X", datetime.date.today())
