"""Helpers to run real builds of a project folder from tests."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MKDOCS = [sys.executable, "-m", "mkdocs"]
EXAMPLES = sorted(p.parent for p in (ROOT / "examples").glob("*/mkdocs.yml"))


def build_site(project: Path, out: Path, *extra: str) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` of `project` into `out`; returns the finished process."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run([*MKDOCS, "build", "--strict", "--config-file", str(project / "mkdocs.yml"),
                           "--site-dir", str(out), *extra],
                          cwd=project, capture_output=True, text=True, env=env, timeout=600)


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
