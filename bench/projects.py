"""The projects the benchmark builds: one folder per scale, plus its plain-Material twin.

Every project is a folder with data/ and a mkdocs.yml that INHERITs the root configuration, so
the default data is measured the same way as the national sets, and the serve test can edit
data/municipalities.yaml without touching the real data/.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(ROOT / "scripts"))

import national  # noqa: E402

MKDOCS = [sys.executable, "-m", "mkdocs"]
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


@dataclass(frozen=True)
class Project:
    """One scale: `label` is 'default' or 'national ×N'; `folder` holds data/ and mkdocs.yml."""

    label: str
    scale: float | None
    folder: Path

    @property
    def config(self) -> Path:
        return self.folder / "mkdocs.yml"

    @property
    def data(self) -> Path:
        return self.folder / "data"


def parse_scale(text: str) -> float | None:
    """'default' -> None (the real data/), '1', '2', '0.05' -> national scale factors."""
    return None if text == "default" else float(text)


def prepare(scale: float | None, work: Path, seed: int) -> Project:
    """Write the project for one scale into `work` (replacing an earlier one)."""
    name = "default" if scale is None else f"national-x{scale:g}"
    folder = work / name
    shutil.rmtree(folder, ignore_errors=True)
    if scale is None:
        shutil.copytree(ROOT / "data", folder / "data")
        (folder / "mkdocs.yml").write_text(national.project_config(folder, site_name=None), encoding="utf-8")
        return Project("default", None, folder)
    national.write_project(folder, scale, seed)
    return Project(f"national ×{scale:g}", scale, folder)


def _relative(path: Path, start: Path) -> str:
    return Path(os.path.relpath(path, start)).as_posix()


def prepare_plain(project: Project, work: Path) -> tuple[Path, dict]:
    """Build `project` once with the capture hook. Returns the config of a plain Material
    project (only the template helpers' hook, twin_hooks.py) whose docs hold the same pages and
    files as Markdown and static files, and the seconds that build spent in each of the project's hook handlers."""
    plain = work / f"{project.folder.name}-plain"
    shutil.rmtree(plain, ignore_errors=True)
    docs = plain / "docs"
    shutil.copytree(ROOT / "content", docs)
    capture = project.folder / "mkdocs.capture.yml"
    capture.write_text(f"INHERIT: mkdocs.yml\nhooks:\n  - {_relative(BENCH / 'capture_hooks.py', project.folder)}\n",
                       encoding="utf-8")
    started = time.perf_counter()
    result = subprocess.run([*MKDOCS, "build", "-q", "-f", str(capture), "-d", str(work / "capture-site")],
                            env={**ENV, "BENCH_CAPTURE_DIR": str(docs)}, capture_output=True, text=True)
    wall = time.perf_counter() - started
    if result.returncode != 0:
        raise RuntimeError(f"capture build of {project.label} failed:\n{result.stderr[-3000:]}")
    shutil.rmtree(work / "capture-site", ignore_errors=True)
    hooks = json.loads((plain / "hook-seconds.json").read_text(encoding="utf-8"))
    hooks["build_wall_s"] = wall
    config = plain / "mkdocs.yml"
    config.write_text(
        "# Plain Material build of the same pages: pages and files as they are on disk, and only the hook\n"
        "# that gives the shared templates their helpers (twin_hooks.py).\n"
        f"INHERIT: {_relative(project.config, plain)}\n"
        "docs_dir: docs\n"
        f"theme:\n  custom_dir: {_relative(ROOT / 'overrides', plain)}\n"
        f"hooks:\n  - {_relative(BENCH / 'twin_hooks.py', plain)}\n"
        "watch: []\n", encoding="utf-8")
    return config, hooks
