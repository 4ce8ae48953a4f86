"""Every repository path named in a comment or docstring exists, so a reader who follows one
arrives somewhere (after a file moves, the comments that point at it move too).

What counts as a path, and why the rest is left out:
- a token with a slash whose first part is a top-level folder of the repository (hooks/,
  tests/, overrides/, ...) or a folder of the theme (alliance/, partials/): it is looked up from
  the repository root, then as a template name in overrides/ and in Material's templates;
- a bare file name with a source extension, starting in lower case (model.py, alliance.js,
  ensure-java.sh; not "Node.js"): it must be the name of some file in the repository, as a module
  is named without its package inside it;
- not URLs (https://..., /emner/<id>/), not what .gitignore lists (the outputs: site/,
  bench/results.json), and not paths in data/: those name an alliance's data, by example
  (data/fotos/anne.jpg) or where uploads will go (data/nyheder/billeder/), not repository files.
"""

from __future__ import annotations

import fnmatch
import functools
import io
import re
import tokenize
from collections.abc import Iterator
from pathlib import Path

from sitebuild import ROOT

SKIPPED_FOLDERS = {"node_modules", "dist", "__pycache__", ".git", ".venv", "site", "screenshots", "bad_inputs"}
SOURCE_ROOTS = ["hooks", "scripts", "bench", "tests", "overrides", "admin", "checkers", ".github", ".ci"]
SINGLE_FILES = ["Makefile", "mkdocs.yml", "netlify.toml", "pyproject.toml", "requirements.txt"]
# Generated into the site or another tool's folder, never in the repository.
NOT_IN_REPOSITORY = {"search_index.json", "manifest.json"}

_SLASHED = re.compile(r"(?<![\w/.:<>{}-])\.?[A-Za-z_][\w.-]*(?:/[\w.-]+)+/?")
_BARE = re.compile(r"(?<![\w/.-])[a-z0-9_][\w-]*\.(?:py|js|mjs|sh)\b")
_STATEMENT_START = (tokenize.NEWLINE, tokenize.INDENT, tokenize.DEDENT)
_COMMENT = {  # suffix -> comment syntax of that kind of file
    ".js": re.compile(r"//[^\n]*|/\*.*?\*/", re.S), ".mjs": re.compile(r"//[^\n]*|/\*.*?\*/", re.S),
    ".css": re.compile(r"/\*.*?\*/", re.S),
    ".html": re.compile(r"\{#.*?#\}|<!--.*?-->", re.S),
    ".yml": re.compile(r"(?:^|\s)#[^\n]*"), ".yaml": re.compile(r"(?:^|\s)#[^\n]*"),
    ".toml": re.compile(r"(?:^|\s)#[^\n]*"), ".sh": re.compile(r"(?:^|\s)#[^\n]*"),
    ".txt": re.compile(r"(?:^|\s)#[^\n]*"),
    "": re.compile(r"(?:^|\s)#[^\n]*"),  # Makefile, .ci/run
}


@functools.cache
def source_files() -> list[Path]:
    files = [ROOT / name for name in SINGLE_FILES]
    for root in SOURCE_ROOTS:
        files += [p for p in sorted((ROOT / root).rglob("*")) if p.is_file()
                  and not SKIPPED_FOLDERS & set(p.relative_to(ROOT).parts)
                  and (p.suffix in _COMMENT or p.suffix == ".py")]
    return files


def python_comments(text: str) -> Iterator[tuple[int, str]]:
    """Comments, and docstrings (a string that is a statement of its own), with their line numbers.
    From the tokens alone: parsing every file into a syntax tree took twice as long."""
    before = tokenize.NEWLINE
    for token in tokenize.generate_tokens(io.StringIO(text).readline):
        if token.type == tokenize.COMMENT:
            yield token.start[0], token.string
        elif token.type == tokenize.STRING and before in _STATEMENT_START:
            yield token.start[0], token.string
        if token.type not in (tokenize.NL, tokenize.COMMENT):
            before = token.type


def comments(path: Path) -> Iterator[tuple[int, str]]:
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".py":
        yield from python_comments(text)
        return
    for match in _COMMENT[path.suffix].finditer(text):
        yield text.count("\n", 0, match.start()) + 1, match.group()


@functools.cache
def template_folders() -> tuple[Path, ...]:
    import material

    return ROOT / "overrides", Path(material.__file__).parent / "templates"


@functools.cache
def first_parts() -> frozenset[str]:
    """What a checked path starts with: a top-level entry of the repository, or a theme folder."""
    roots = {p.name for p in ROOT.iterdir() if p.name not in SKIPPED_FOLDERS | {"data"}}
    return frozenset(roots | {p.name for folder in template_folders() for p in folder.iterdir() if p.is_dir()})


@functools.cache
def ignore_patterns() -> tuple[str, ...]:
    lines = (ROOT / ".gitignore").read_text(encoding="utf-8").splitlines()
    return tuple(line.strip().rstrip("/") for line in lines if line.strip() and not line.startswith("#"))


@functools.cache
def file_names() -> frozenset[str]:
    return frozenset({p.name for p in source_files()} | {p.name for p in ROOT.iterdir()})


def ignored(token: str) -> bool:
    """Listed in .gitignore: an output of the build, the bench or a tool."""
    parts = token.rstrip("/").split("/")
    prefixes = ["/".join(parts[:n]) for n in range(1, len(parts) + 1)]
    return any(fnmatch.fnmatch(prefix, pattern) for pattern in ignore_patterns() for prefix in prefixes)


def named_paths(comment: str) -> Iterator[str]:
    text = re.sub(r"[a-z]+://\S+", " ", comment)  # URLs name other hosts' paths
    for match in _SLASHED.finditer(text):
        token = match.group().rstrip(".")
        if token.split("/")[0] in first_parts() and not ignored(token):
            yield token
    for match in _BARE.finditer(text):
        yield match.group()


def exists(token: str) -> bool:
    if "/" not in token:
        return token in file_names() or token in NOT_IN_REPOSITORY
    return any((base / token).exists() for base in (ROOT, *template_folders()))


def test_the_scan_finds_paths_and_leaves_out_urls_and_output():
    found = list(named_paths("# see hooks/alliance_site/data/model.py and ical.py, not https://x.example/a/b.py, "
                             "nor /emner/<id>/, site/index.html, bench/results.json or data/fotos/anne.jpg; "
                             "templates: alliance/home.html, partials/javascripts/base.html; Node.js."))
    assert found == ["hooks/alliance_site/data/model.py", "alliance/home.html", "partials/javascripts/base.html",
                     "ical.py"]
    assert all(exists(token) for token in found)
    assert not exists("hooks/alliance/model.py") and not exists("calendar.py")
    assert not exists("tests/test_calendars.py") and not exists("alliance/calendar.html")


def test_every_path_named_in_a_comment_exists():
    checked, missing = 0, []
    for path in source_files():
        for line, comment in comments(path):
            for token in named_paths(comment):
                checked += 1
                if not exists(token):
                    missing.append(f"{path.relative_to(ROOT)}:{line}: {token}")
    assert checked > 100, "the scan finds too few paths to be reading the comments"
    assert missing == [], "paths that do not exist:\n" + "\n".join(missing)
