"""Shared fixtures: the default data, and one real `mkdocs build --strict` of it per session."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitebuild import ROOT, build_site, copy_project

BROWSER_DIR = Path(__file__).parent / "browser"


def pytest_collection_modifyitems(items):
    """Mark the tiers by place, so a new browser test cannot land in the fast tier by mistake."""
    for item in items:
        path = Path(item.fspath)
        if BROWSER_DIR in path.parents:
            item.add_marker(pytest.mark.browser)
        elif path.name == "test_bench.py":
            item.add_marker(pytest.mark.bench)


@pytest.fixture(scope="session")
def data_dir() -> Path:
    return ROOT / "data"


@pytest.fixture(scope="session")
def default_site(data_dir):
    from alliance_site.data.loading import load_site

    site, _warnings = load_site(data_dir)
    return site


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The default site, built once with --strict into a temporary folder."""
    out = tmp_path_factory.mktemp("site")
    result = build_site(ROOT, out)
    assert result.returncode == 0, result.stdout + result.stderr
    return out


@pytest.fixture(scope="session")
def example_sites(tmp_path_factory) -> dict[str, Path]:
    """Each example alliance (examples/<name>/), built once with --strict: name -> site folder."""
    from sitebuild import EXAMPLES

    built = {}
    for example in EXAMPLES:
        out = tmp_path_factory.mktemp(example.name)
        result = build_site(example, out)
        assert result.returncode == 0, result.stdout + result.stderr
        built[example.name] = out
    return built


@pytest.fixture
def data_copy(tmp_path) -> Path:
    """A writable copy of the project (config, content, overrides, hooks, data) to break or vary."""
    return copy_project(tmp_path)
