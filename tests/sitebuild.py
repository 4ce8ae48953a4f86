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
