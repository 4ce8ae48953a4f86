"""Scaffold a new alliance folder that builds at once: `make new ALLIANCE=<dir> [NAME="..."]`.

Copies scaffold/ into the folder, filling in the alliance's name, a slug for example addresses,
today's date for `reviewed`, and the relative path back to the shared configuration.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import sys
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

ROOT = Path(__file__).resolve().parent.parent
SCAFFOLD = ROOT / "scaffold"
sys.path.insert(0, str(ROOT / "hooks"))

from alliance_site.data.text import slugify  # noqa: E402


def scaffold(target: Path, name: str, today: datetime.date) -> list[Path]:
    """Write the scaffold into `target` (which must not exist or be empty); return the files."""
    if target.exists() and any(target.iterdir()):
        raise SystemExit(f"{target} already exists and is not empty; choose a new folder")
    env = Environment(loader=FileSystemLoader(str(SCAFFOLD)), undefined=StrictUndefined,
                      keep_trailing_newline=True)
    env.filters["quoted"] = lambda text: json.dumps(str(text), ensure_ascii=False)  # valid YAML too
    values = {"name": name, "slug": slugify(name) or "alliance", "today": today.isoformat(),
              "root": Path(os.path.relpath(ROOT, target.resolve())).as_posix()}
    written = []
    for source in sorted(p for p in SCAFFOLD.rglob("*") if p.is_file()):
        relative = source.relative_to(SCAFFOLD).as_posix()
        output = target / relative.removesuffix(".j2")
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(env.get_template(relative).render(values), encoding="utf-8")
        written.append(output)
    return written


def store_in_editor_style(data_dir: Path) -> None:
    """The data files in the web editor's YAML style, so its first save is a small diff."""
    from format_data import data_files, run_formatter  # scripts/, beside this file

    result = run_formatter(data_files(data_dir), check=False)
    if result.returncode != 0:
        raise SystemExit(f"could not format {data_dir}: {result.stderr}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("target", type=Path)
    parser.add_argument("--name", default="Ny alliance")
    args = parser.parse_args()
    for path in scaffold(args.target, args.name, datetime.date.today()):
        print(f"wrote {path}")
    store_in_editor_style(args.target / "data")
    print(f"Next: edit {args.target}/data/*.yaml, then `make site ALLIANCE={args.target}`.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
