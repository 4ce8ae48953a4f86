"""Command line: `python -m alliance_site check [DATA_DIR] [--format text|github]`.

`make check` runs this so editors can validate data/ without building the site; the GitHub
format prints workflow commands that show each problem on the changed line of a pull request.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from .loading import load_site
from .problems import DataError, Problem


def _emit(problem: Problem, fmt: str) -> str:
    if fmt == "github":
        level = "error" if problem.severity == "error" else "warning"
        message = problem.message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        return f"::{level} file={problem.path},line={problem.line},col={problem.column}::{message}"
    return problem.format()


def check(data_dir: Path, fmt: str) -> int:
    started = time.perf_counter()
    try:
        site, warnings = load_site(data_dir)
    except DataError as error:
        for problem in error.problems:
            print(_emit(problem, fmt))
        print(f"{len(error.problems)} error(s) in {data_dir}; fix them and run the check again.", file=sys.stderr)
        return 1
    for problem in warnings:
        print(_emit(problem, fmt))
    elapsed = time.perf_counter() - started
    print(f"OK: {len(site.municipalities)} municipalities, {site.consultant_count} consultants, "
          f"{len(site.partners)} partners, {len(site.topics)} topics; {len(warnings)} warning(s); "
          f"validated in {elapsed:.2f} s", file=sys.stderr)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m alliance_site", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    check_cmd = commands.add_parser("check", help="validate the data folder")
    check_cmd.add_argument("data_dir", nargs="?", default="data", type=Path)
    check_cmd.add_argument("--format", choices=("text", "github"), default="text")
    args = parser.parse_args(argv)
    return check(args.data_dir, args.format)


if __name__ == "__main__":
    sys.exit(main())
