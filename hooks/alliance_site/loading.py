"""Load data/ into a Site: read every file, validate every record, report all problems at once."""

from __future__ import annotations

import datetime
import os
from pathlib import Path

from .crossref import Documents, check_references
from .model import AllianceFile, MunicipalitiesFile, PartnersFile, TopicsFile
from .problems import Problem, ProblemList
from .site import Site
from .sources import SourceDocument, read_yaml
from .validation import validate_document

DATA_FILES = {
    "alliance": ("alliance.yaml", AllianceFile),
    "municipalities": ("municipalities.yaml", MunicipalitiesFile),
    "partners": ("partners.yaml", PartnersFile),
    "topics": ("topics.yaml", TopicsFile),
}


def display_name(path: Path) -> str:
    """Path as an editor sees it: relative to the working directory when inside it."""
    try:
        return Path(os.path.relpath(path)).as_posix() if not os.path.relpath(path).startswith("..") else str(path)
    except ValueError:
        return str(path)


def _read_all(data_dir: Path, problems: ProblemList) -> dict[str, SourceDocument | None]:
    docs: dict[str, SourceDocument | None] = {}
    for key, (filename, _model) in DATA_FILES.items():
        path = data_dir / filename
        if not path.is_file():
            problems.add(display_name(path), 1, 1, f"the file is missing; every alliance needs "
                         f"{', '.join(name for name, _ in DATA_FILES.values())} in its data folder")
            docs[key] = None
            continue
        docs[key] = read_yaml(path, display_name(path), problems)
    return docs


def load_site(data_dir: Path, today: datetime.date | None = None) -> tuple[Site, list[Problem]]:
    """Return the validated site and its warnings and notices, or raise DataError listing every
    error (and the warnings found alongside them).

    Each file is validated as a whole, then the cross-file checks run over whatever could be
    parsed, also when some records are invalid, so one run shows every problem at once."""
    problems = ProblemList()
    docs = _read_all(Path(data_dir), problems)
    records = {key: validate_document(doc, model, problems) if doc is not None else None
               for key, (_filename, model) in DATA_FILES.items() for doc in [docs[key]]}
    check_references(Documents(**docs), Path(data_dir), problems, today or datetime.date.today())
    problems.raise_if_errors()
    site = Site.create(records["alliance"], list(records["municipalities"].municipalities),
                       list(records["partners"].partners), list(records["topics"].topics), Path(data_dir))
    return site, problems.warnings
