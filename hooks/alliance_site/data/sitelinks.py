"""Every link from one page of the site to another is checked against the pages this data makes,
in `make check` as in the strict build: the links in content/*.md (`[Kommuner](kommuner/index.md)`)
and the site links in Markdown fields of data/ (`[delejob](/emner/delejob/)`).

Why here and not only in the build: a page that disappears with the data behind it (an efforts
file emptied, a topic renamed) leaves links to it in pages nobody changed, and the editor who
removed it should learn so from the check of the pull request, not from a failed deployment.
The content folder is the one beside data/ (mkdocs.yml's `docs_dir: content` in every alliance).
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from alliance_site.data import datafiles
from alliance_site.data.problems import ProblemList
from alliance_site.data.site import Site
from alliance_site.data.sources import MAX_FILE_BYTES, SourceDocument, strings
from alliance_site.data.validation import display_path, suggestion
from alliance_site.publish.pages import DEFAULT_SITE_URL, build_assets, build_pages

# `](target)` of an inline link or image, and `[label]: target` of a reference definition.
_INLINE = re.compile(r"\]\(\s*<?([^)\s>]+)")
_REFERENCE = re.compile(r"^ {0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)", re.MULTILINE)
_EXTERNAL = re.compile(r"^(?:[a-zA-Z][a-zA-Z0-9+.-]*:|//|#)")
# Folders the build adds besides pages and the data's files: theme assets, the web editor, the API.
BUILT_FOLDERS = ("assets/", "admin/", "api/", "search/")


class Addresses:
    """Every address a site link may lead to: generated pages and content pages, and (looked up
    only when a link leads elsewhere, as making them costs a national build 50 ms) generated files."""

    def __init__(self, site: Site, content_dir: Path | None, page_urls: Iterable[str] | None = None):
        self.site = site
        if page_urls is None:
            page_urls = [spec.url for spec in build_pages(site, DEFAULT_SITE_URL)]
        self.known = set(page_urls)
        if content_dir is not None and content_dir.is_dir():
            for path in content_dir.rglob("*"):
                relative = path.relative_to(content_dir).as_posix()
                self.known.add(_page_url(relative) if relative.endswith(".md") else relative)
        self.with_files: set[str] | None = None

    def __contains__(self, address: object) -> bool:
        address = str(address).split("#", 1)[0].split("?", 1)[0]
        if address in ("", "index.html") or address.startswith(BUILT_FOLDERS):
            return True
        if address in self.known or f"{address}/" in self.known:
            return True
        if self.with_files is None:
            self.with_files = {spec.src_uri for spec in build_assets(self.site, DEFAULT_SITE_URL)}
        return address in self.with_files

    def pages(self) -> list[str]:
        return sorted(address for address in self.known if address.endswith("/"))


def _page_url(md_path: str) -> str:
    """'om-alliancen.md' -> 'om-alliancen/', 'kommuner/index.md' -> 'kommuner/' (directory URLs)."""
    if md_path == "index.md":
        return ""
    if md_path.endswith("/index.md"):
        return md_path[: -len("index.md")]
    return md_path[: -len(".md")] + "/"


def _message(target: str, address: str, known: Addresses) -> str:
    guess = suggestion(address, known.pages()).replace("mente du '", "mente du '/")
    return (f"linket '{target}' peger på en side, som ikke findes på sitet med disse data; {guess}"
            "ret adressen, eller slet linket")


def check_content(content_dir: Path, known: Addresses, display: Any, problems: ProblemList) -> None:
    """The links of every content page; `display` names a file as the editor sees it."""
    for path in sorted(content_dir.rglob("*.md")):
        relative = path.relative_to(content_dir).as_posix()
        found = datafiles.inspect(path, content_dir)  # content/ is read by the same rule as data/
        if isinstance(found, str) or found.size > MAX_FILE_BYTES:
            problems.add(display(path), 1, 1, f"filen {found}" if isinstance(found, str) else
                         f"filen fylder mere end {MAX_FILE_BYTES // (1024 * 1024)} MB; er det den rigtige fil?")
            continue
        text = datafiles.read(found, MAX_FILE_BYTES).decode("utf-8", "replace")
        for offset, target in _links(text):
            address = _content_address(relative, target)
            if address is not None and address not in known:
                line = text.count("\n", 0, offset) + 1
                column = offset - (text.rfind("\n", 0, offset) + 1) + 1
                problems.add(display(path), line, column, _message(target, address, known))


def _links(text: str) -> Iterator[tuple[int, str]]:
    for pattern in (_INLINE, _REFERENCE):
        for match in pattern.finditer(text):
            if not _EXTERNAL.match(match.group(1)):
                yield match.start(1), match.group(1)


def _content_address(md_path: str, target: str) -> str | None:
    """The site address a link in the content page `md_path` leads to (None: not a page link)."""
    path = target.split("#", 1)[0].split("?", 1)[0]
    if path.startswith("/"):
        return path.lstrip("/")
    if path.endswith(".md"):  # MkDocs' own links: relative to the Markdown file
        joined = posixpath.normpath(posixpath.join(posixpath.dirname(md_path), path))
        return None if joined.startswith("..") else _page_url(joined)
    joined = posixpath.normpath(posixpath.join(_page_url(md_path), path))  # relative to the page's URL
    if joined.startswith(".."):
        return None
    return "" if joined == "." else joined + ("/" if path.endswith("/") else "")


def check_data(docs: Iterable[SourceDocument], known: Addresses, problems: ProblemList) -> None:
    """The site links (`](/emner/delejob/)`) in every text of the data files."""
    for doc in docs:
        for loc, text in strings(doc.data, containing="]("):
            for match in _INLINE.finditer(text):
                target = match.group(1)
                if target.startswith("/") and not target.startswith("//") and target[1:] not in known:
                    position, where = doc.locate(loc), display_path(loc)
                    message = _message(target, target[1:].split("#", 1)[0], known)
                    problems.add(doc.path, position.line, position.column, f"{where}: {message}" if where else message)
