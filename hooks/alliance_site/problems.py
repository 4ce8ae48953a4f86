"""Located problems in data files, collected so an editor sees every mistake at once."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, order=True)
class Problem:
    """One mistake (or warning) at a position in a data file; positions are 1-based."""

    path: str
    line: int
    column: int
    message: str
    severity: str = field(default="error", compare=False)

    def format(self) -> str:
        prefix = "" if self.severity == "error" else f"{self.severity}: "
        return f"{self.path}:{self.line}:{self.column}: {prefix}{self.message}"


class DataError(Exception):
    """Raised when data/ holds errors; carries all of them, sorted by file and position."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        super().__init__(self.format())

    def format(self) -> str:
        count = len(self.problems)
        noun = "problem" if count == 1 else "problems"
        lines = [p.format() for p in self.problems]
        return "\n".join([*lines, f"{count} {noun} in the data files; nothing was built."])


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
            raise DataError(self.errors)
