"""Helpers to run real builds of a project folder from tests."""

from __future__ import annotations

import functools
import importlib.util
import os
import subprocess
import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent
MKDOCS = [sys.executable, "-m", "mkdocs"]
EXAMPLES = sorted(p.parent for p in (ROOT / "examples").glob("*/mkdocs.yml"))


def build_site(project: Path, out: Path, *extra: str) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` of `project` into `out`; returns the finished process."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run([*MKDOCS, "build", "--strict", "--config-file", str(project / "mkdocs.yml"),
                           "--site-dir", str(out), *extra],
                          cwd=project, capture_output=True, text=True, env=env, timeout=600)


@functools.cache
def site_config(project: Path = ROOT):
    """The project's MkDocs configuration, loaded as a build loads it."""
    from mkdocs.config import load_config

    return load_config(config_file=str(project / "mkdocs.yml"))


def renderer(project: Path = ROOT):
    """A Renderer as a full build makes it: the project's templates, and short Markdown fields
    rendered with its Markdown settings."""
    from alliance_mkdocs.markdown import field_renderer
    from alliance_site.publish.render import Renderer

    return Renderer([project / "overrides"], field_renderer(site_config(project)))


def import_file(name: str, path: Path) -> ModuleType:
    """A script that is not on the import path (scripts/, bench/), imported as module `name`."""
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise ImportError(f"{path} cannot be imported")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@functools.cache
def national_generator() -> ModuleType:
    """scripts/national.py as a module: the one generator of the synthetic national data set."""
    return import_file("national", ROOT / "scripts" / "national.py")


def make_site(project: Path, build_dir: Path) -> subprocess.CompletedProcess:
    """`make site ALLIANCE=project` with this interpreter's environment: the venv and the web
    editor's code are taken as they are (never created or installed from a test), and the
    scratch folder is `build_dir`, not the checkout's."""
    bundle = ROOT / "admin" / "dist" / ".vite" / "manifest.json"
    assert bundle.is_file(), "build the web editor first: make admin"
    return subprocess.run(["make", "-s", "-C", str(ROOT), "site", f"ALLIANCE={project}", "STAMP=", "ADMIN_BUNDLE=",
                           f"BIN={Path(sys.executable).parent}", f"BUILD_DIR={build_dir}"],
                          capture_output=True, text=True, timeout=600)


PROJECT_PARTS = ("mkdocs.yml", "content", "overrides", "hooks", "data")


def copy_project(target: Path) -> Path:
    """A writable copy of the project's configuration, content, theme, hooks and data in
    `target`, with the web editor's built code (admin/dist, from `make admin`) linked in."""
    import shutil

    target.mkdir(parents=True, exist_ok=True)
    for name in PROJECT_PARTS:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(source, target / name)
    (target / "admin").mkdir(exist_ok=True)
    (target / "admin" / "dist").symlink_to(ROOT / "admin" / "dist", target_is_directory=True)
    return target
