"""Load data/ into a Site: read every file, validate every record, report all problems at once."""

from __future__ import annotations

import datetime
import gc
import os
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, NamedTuple

from pydantic import BaseModel

from alliance_site.data import datafiles, sitelinks
from alliance_site.data.crossref import Documents, check_references
from alliance_site.data.model import (AllianceFile, EffortsFile, EventsFile, MembersFile, MunicipalitiesFile, NewsItem,
                                      PartnersFile, TopicsFile)
from alliance_site.data.problems import Problem, ProblemList
from alliance_site.data.site import Site
from alliance_site.data.sources import ParseCache, SourceDocument, read_yaml
from alliance_site.data.text import listing
from alliance_site.data.validation import suggestion, validate_document


class DataFile(NamedTuple):
    filename: str
    model: type[BaseModel]
    required: bool = True


DATA_FILES = {
    "alliance": DataFile("alliance.yaml", AllianceFile),
    "municipalities": DataFile("municipalities.yaml", MunicipalitiesFile),
    "partners": DataFile("partners.yaml", PartnersFile),
    "topics": DataFile("topics.yaml", TopicsFile),
    # Optional: alliances with member organisations, efforts (indsatser) or events add these.
    "members": DataFile("members.yaml", MembersFile, required=False),
    "efforts": DataFile("efforts.yaml", EffortsFile, required=False),
    "events": DataFile("events.yaml", EventsFile, required=False),
}


class DataFolder(NamedTuple):
    """A folder of data files, one record per file (named by its id): news, where two editors'
    items must never share a file (or a pull request)."""

    folder: str
    model: type[BaseModel]


DATA_FOLDERS = {"news": DataFolder("nyheder", NewsItem)}
# The alliance's own pages (mkdocs.yml's docs_dir), beside data/.
CONTENT_FOLDER = "content"


def folder_files(data_dir: Path, key: str) -> list[Path]:
    """The record files of a data folder, by name."""
    return sorted((data_dir / DATA_FOLDERS[key].folder).glob("*.yaml"))


def display_name(path: Path) -> str:
    """Path as an editor sees it: relative to the working directory when inside it."""
    try:
        relative = os.path.relpath(path)
    except ValueError:
        return str(path)
    return Path(relative).as_posix() if not relative.startswith("..") else str(path)


def _read_all(data_dir: Path, problems: ProblemList, cache: ParseCache | None) -> dict[str, SourceDocument | None]:
    docs: dict[str, SourceDocument | None] = {}
    required = listing([f.filename for f in DATA_FILES.values() if f.required])
    for key, data_file in DATA_FILES.items():
        path = data_dir / data_file.filename
        docs[key] = None
        if datafiles.exists(path):  # a folder or a broken link in its place is an error, not absent
            docs[key] = read_yaml(path, display_name(path), problems, data_dir, cache)
        elif data_file.required:
            problems.add(display_name(path), 1, 1, f"filen mangler; hver alliance skal have "
                         f"{required} i sin datamappe")
    _unknown_files(data_dir, problems)
    return docs


def _read_folders(data_dir: Path, problems: ProblemList, cache: ParseCache | None) -> dict[str, list[SourceDocument]]:
    """Every record file of each data folder that could be read."""
    read: dict[str, list[SourceDocument]] = {}
    for key, data_folder in DATA_FOLDERS.items():
        folder = data_dir / data_folder.folder
        if folder.is_dir() and not datafiles.folder_inside(folder, data_dir):
            problems.add(display_name(folder), 1, 1, f"mappen {datafiles.OUT_OF_DATA}")
            read[key] = []
            continue
        docs = [read_yaml(path, display_name(path), problems, data_dir, cache) for path in folder_files(data_dir, key)]
        read[key] = [doc for doc in docs if doc is not None]
        for path in sorted((data_dir / data_folder.folder).glob("*.yml")):
            problems.add(display_name(path), 1, 1, f"siden læser ikke denne fil; filerne i {data_folder.folder}/ "
                         f"skal ende på .yaml, så omdøb den til {path.stem}.yaml", "warning")
    return read


def _unknown_files(data_dir: Path, problems: ProblemList) -> None:
    """A misnamed data file (members.yml, partnere.yaml) would be ignored without a word."""
    known = [f.filename for f in DATA_FILES.values()]
    for path in sorted(data_dir.glob("*.y*ml")):
        if path.name not in known and path.suffix in (".yaml", ".yml"):
            guess = suggestion(path.stem + ".yaml", known)
            problems.add(display_name(path), 1, 1, f"siden læser ikke denne fil; {guess}datafilerne hedder "
                         f"{listing(known)}", "warning")


@contextmanager
def collector_paused() -> Iterator[None]:
    """Reading builds tens of thousands of small lists and dicts and no reference cycles; the
    cyclic garbage collector would scan them again and again. Pausing it saves a fifth of the
    time of reading, and as much of making the pages (build.py) and a preview's plan."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


class Loaded(NamedTuple):
    """Valid data: the site, its warnings and notices, and the files read (with positions, for
    the checks that run on the site: links here, example contacts in build.py and the report)."""

    site: Site
    warnings: list[Problem]
    docs: list[SourceDocument]


def _load(data_dir: Path, today: datetime.date, links: bool,
          cache: ParseCache | None = None) -> tuple[ProblemList, Site | None, list[SourceDocument]]:
    """Read, validate and cross-check every file; never raises for mistakes in the data.

    Each file is validated as a whole, then the cross-file checks run over whatever could be
    parsed, also when some records are invalid, so one run shows every problem at once. Data
    without errors becomes the Site, and (with `links`) the links between its pages are checked."""
    problems = ProblemList()
    with collector_paused():
        docs = _read_all(data_dir, problems, cache)
        records: dict[str, Any] = {
            key: validate_document(doc, data_file.model, problems) if (doc := docs[key]) is not None else None
            for key, data_file in DATA_FILES.items()}
        folders = _read_folders(data_dir, problems, cache)
        for key, data_folder in DATA_FOLDERS.items():
            validated = [validate_document(doc, data_folder.model, problems) for doc in folders[key]]
            records[key] = [record for record in validated if record is not None]
        unreadable = frozenset(k for k, f in DATA_FILES.items()
                               if docs[k] is None and datafiles.exists(data_dir / f.filename))
        parsed: dict[str, Any] = {**docs, **folders}  # Documents has a field for each file and folder
        check_references(Documents(**parsed, unreadable=unreadable), data_dir, problems, today)
        every_doc = [doc for doc in docs.values() if doc is not None] + [doc for key in folders for doc in folders[key]]
        if problems.errors:
            return problems, None, every_doc
        site = _site(records, data_dir, today)
        if links:
            check_links(site, every_doc, problems)
    return problems, site, every_doc


def _site(records: dict[str, Any], data_dir: Path, today: datetime.date) -> Site:
    def items(key: str) -> list:
        return list(getattr(records[key], key)) if records[key] is not None else []

    return Site.create(records["alliance"], items("municipalities"), items("partners"), items("topics"),
                       data_dir, members=items("members"), efforts=items("efforts"),
                       events=items("events"), news=records["news"], today=today,
                       questions=list(getattr(records["topics"], "questions", [])))


def check_links(site: Site, docs: list[SourceDocument], problems: ProblemList,
                page_urls: Iterable[str] | None = None) -> None:
    """Links between pages, in content/ beside data/ and in the data's Markdown (sitelinks.py),
    against `page_urls` (the build's pages) or the pages the site makes."""
    content_dir = site.data_dir.parent / CONTENT_FOLDER
    known = sitelinks.Addresses(site, content_dir, page_urls)
    sitelinks.check_data(docs, known, problems)
    if content_dir.is_dir():
        sitelinks.check_content(content_dir, known, display_name, problems)


def check_data(data_dir: Path, today: datetime.date | None = None) -> list[Problem]:
    """Every error, warning and notice in data_dir, sorted by file and position."""
    problems, _site, _docs = _load(Path(data_dir), today or datetime.date.today(), links=True)
    return sorted(problems.items)


def load(data_dir: Path, today: datetime.date | None = None, *, links: bool = True,
         cache: ParseCache | None = None) -> Loaded:
    """The valid data, or raise DataError listing every error (and the warnings found alongside
    them). The build passes links=False and checks them against the pages it makes anyway; a
    preview passes the `cache` of its session."""
    problems, site, docs = _load(Path(data_dir), today or datetime.date.today(), links, cache)
    problems.raise_if_errors()
    assert site is not None  # made whenever there is no error
    return Loaded(site, problems.warnings, docs)


def load_site(data_dir: Path, today: datetime.date | None = None) -> tuple[Site, list[Problem]]:
    """Return the validated site and its warnings and notices, or raise DataError listing every
    error (and the warnings found alongside them)."""
    site, warnings, _docs = load(data_dir, today)
    return site, warnings
