"""Located problems in data files, collected so an editor sees every mistake at once."""

from __future__ import annotations

from dataclasses import dataclass, field

from alliance_site.data.characters import shown
from alliance_site.data.text import counted

# What an editor reads before a message that is not an error; errors have no prefix.
SEVERITY_PREFIX = {"error": "", "warning": "advarsel: ", "notice": "bemærk: "}


@dataclass(frozen=True, order=True)
class Problem:
    """One mistake at a position in a data file; positions are 1-based.

    Severity: "error" stops the build; "warning" is logged as a MkDocs warning, so it fails
    `mkdocs build --strict` (likely mistakes, e.g. a topic nobody covers); "notice" is logged
    at info level and never fails a build (e.g. an entry not reviewed for 12 months), so
    unchanged data keeps building as it ages.
    """

    path: str
    line: int
    column: int
    message: str
    severity: str = field(default="error", compare=False)

    def format(self) -> str:
        """One line, whatever the message quotes: an invisible character or a line break in a
        value (or a file name) shows as its code, never acts in the terminal or the CI log."""
        return shown(f"{self.path}:{self.line}:{self.column}: {SEVERITY_PREFIX[self.severity]}{self.message}")


class DataError(Exception):
    """Raised when data/ holds errors. Carries them, and the warnings found in the same run
    (so an editor can fix those too), sorted by file and position; notices stay out."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(p for p in problems if p.severity != "notice")
        self.errors = [p for p in self.problems if p.severity == "error"]
        super().__init__(self.format())

    def format(self) -> str:
        errors, warnings = len(self.errors), len(self.problems) - len(self.errors)
        summary = counted(errors, "fejl", "fejl")
        if warnings:
            summary += f" og {counted(warnings, 'advarsel', 'advarsler')}"
        lines = [p.format() for p in self.problems]
        return "\n".join([*lines, f"{summary} i datafilerne; siden blev ikke bygget."])


class ProblemList:
    """Collects problems for one run; raise_if_errors() turns errors into a DataError."""

    def __init__(self) -> None:
        self.items: list[Problem] = []

    def add(self, path: str, line: int, column: int, message: str, severity: str = "error") -> None:
        self.items.append(Problem(path, line, column, message, severity))

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.items if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        """Warnings (fail a strict build) and notices (reported only), sorted."""
        return sorted(p for p in self.items if p.severity != "error")

    def raise_if_errors(self) -> None:
        if self.errors:
            raise DataError(self.items)
