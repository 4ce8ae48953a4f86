"""Command line for editors and CI; `make check`, `make report` and `make schema` run it.

    python -m alliance_site check  [DATA_DIR] [--format text|github]
    python -m alliance_site report [DATA_DIR]
    python -m alliance_site schema [IDE_SCHEMA_DIR] [--check]

`check` validates data/ without building the site and exits 1 on any error or warning, just
as `mkdocs build --strict` would fail; notices (entries not reviewed for a year) never fail it.
The GitHub format prints workflow commands, so each problem shows on its line in a pull request.
"""

from __future__ import annotations

import argparse
import datetime
import sys
import time
from pathlib import Path

from alliance_site.data import example_data
from alliance_site.data.characters import shown
from alliance_site.data.loading import load, load_site
from alliance_site.data.problems import DataError, Problem
from alliance_site.data.report import format_report
from alliance_site.data.text import counted
from alliance_site.editor.ide_schemas import IDE_SCHEMA_DIR, write_ide_schemas

# Titles of the pull-request annotations; the command names (::error, ::warning) are GitHub's.
ANNOTATION_TITLES = {"error": "Fejl i data", "warning": "Advarsel om data", "notice": "Påmindelse om data"}


def _github_escape(text: str, *, prop: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if prop else text


def emit(problem: Problem, fmt: str) -> str:
    """One problem as a line of text, or as a GitHub workflow command (an annotation)."""
    if fmt != "github":
        return problem.format()
    title = ANNOTATION_TITLES[problem.severity]
    return (f"::{problem.severity} file={_github_escape(problem.path, prop=True)},line={problem.line},"
            f"col={problem.column},title={title}::{_github_escape(shown(problem.message, one_line=False))}")


def check(data_dir: Path, fmt: str, today: datetime.date | None = None) -> int:
    started = time.perf_counter()
    try:
        site, found = load_site(data_dir, today)
    except DataError as error:
        for problem in error.problems:
            print(emit(problem, fmt))
        print(f"{error.format().splitlines()[-1]} Ret dem, og kør tjekket igen; afsnittet "
              "»Hvad betyder fejlbeskeden?« i docs/redaktoerer.md forklarer hver besked.", file=sys.stderr)
        return 1
    warnings = [p for p in found if p.severity == "warning"]
    for problem in warnings:
        print(emit(problem, fmt))
    notices = len(found) - len(warnings)
    elapsed = time.perf_counter() - started
    counts = ", ".join(counted(n, one, many) for n, one, many in (
        (len(site.municipalities), "kommune", "kommuner"), (site.consultant_count, "konsulent", "konsulenter"),
        (len(site.partners), "partner", "partnere"), (len(site.topics), "emne", "emner")))
    seconds = f"{elapsed:.2f}".replace(".", ",")
    print(f"{'IKKE OK' if warnings else 'OK'}: {counts}; {counted(len(warnings), 'advarsel', 'advarsler')}, "
          f"{counted(notices, 'påmindelse', 'påmindelser')} (se `make report`); tjekket på {seconds} s",
          file=sys.stderr)
    if warnings:
        print("Advarsler stopper bygningen af siden (mkdocs build --strict): ret dem også.", file=sys.stderr)
    return 1 if warnings else 0


def report(data_dir: Path, today: datetime.date | None = None) -> int:
    today = today or datetime.date.today()
    try:
        site, found, docs = load(data_dir, today)
    except DataError as error:
        print(error.format())
        print("Oversigten kræver data uden fejl; ret fejlene, og kør `make check` igen.")
        return 1
    examples = example_data.find(docs, "notice")
    print(format_report(site, found, today, examples), end="")
    return 0


def ide_schemas(target: Path, check_only: bool) -> int:
    """`schema`: write the IDE schemas of the data files (schema/*.json), or only list the stale ones."""
    changed = write_ide_schemas(target, dry_run=check_only)
    for path in changed:
        print(f"{path}: {'out of date; run `make schema`' if check_only else 'written'}")
    return 1 if check_only and changed else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m alliance_site", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    check_cmd = commands.add_parser("check", help="validate the data folder")
    check_cmd.add_argument("data_dir", nargs="?", default="data", type=Path)
    check_cmd.add_argument("--format", choices=("text", "github"), default="text")
    report_cmd = commands.add_parser("report", help="warnings, notices and a summary of the data")
    report_cmd.add_argument("data_dir", nargs="?", default="data", type=Path)
    for cmd in (check_cmd, report_cmd):
        cmd.add_argument("--today", type=datetime.date.fromisoformat, default=None,
                         help="judge freshness as on this date (YYYY-MM-DD); default: today")
    schema_cmd = commands.add_parser("schema", help="write the JSON Schemas of the data files that editors use")
    schema_cmd.add_argument("target", nargs="?", default=IDE_SCHEMA_DIR, type=Path)
    schema_cmd.add_argument("--check", action="store_true", help="only report stale schema files")
    args = parser.parse_args(argv)
    if args.command == "check":
        return check(args.data_dir, args.format, args.today)
    if args.command == "report":
        return report(args.data_dir, args.today)
    return ide_schemas(args.target, args.check)


if __name__ == "__main__":
    sys.exit(main())
