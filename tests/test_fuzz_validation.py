"""Random mutations of the real data never crash the validator: it accepts, or reports located errors in Danish.

Two kinds of mutation: edits of the text (what a slip of the keyboard in GitHub's web editor
does, including YAML's special characters, tabs and control characters), and edits of the
parsed structure written back as YAML (a key removed or renamed, a value of the wrong type).
Accepted data must also map to pages, so nothing the validator lets through breaks the build.
"""

from __future__ import annotations

import datetime
import os
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from alliance_site.data.loading import DATA_FILES, check_data, load_site
from alliance_site.data.problems import ProblemList
from alliance_site.data.sources import parse_yaml
from alliance_site.publish import urls
from alliance_site.publish.pages import build_assets, build_pages
from sitebuild import ROOT

DATA = ROOT / "data"
FILES = sorted(p.name for p in DATA.glob("*.yaml"))
TEXTS = {name: (DATA / name).read_text(encoding="utf-8") for name in FILES}
TODAY = datetime.date(2026, 11, 23)
TOKENS = [":", ": ", "- ", "-", "#", "&a ", "*a", "!!int ", "!x ", "|", ">", "'", '"', "[", "]", "{", "}", ",",
          "?", "%", "@", "`", "\t", "\x07", "\ufeff", "\n", "\r\n", "  ", "yes", "no", "~", "null", "0x1F",
          "1e3", "2026-13-45", "+45 12", "æøå", "<b>", "javascript:alert(1)", "https://x.dk", "---", "..."]
# FUZZ_EXAMPLES=5000 for a longer hunt than the 120 examples a normal run tries.
settings.register_profile("ci", max_examples=int(os.environ.get("FUZZ_EXAMPLES", "120")), deadline=None,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
settings.load_profile("ci")


@st.composite
def text_edits(draw) -> tuple[str, str]:
    """A data file's text with one to three keyboard slips."""
    name = draw(st.sampled_from(FILES))
    text = TEXTS[name]
    for _ in range(draw(st.integers(1, 3))):
        lines = text.split("\n")
        i = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(["insert", "replace", "delete_line", "duplicate_line", "indent", "dedent",
                                       "swap", "truncate"]))
        if action in ("insert", "replace"):
            at = draw(st.integers(0, len(text)))
            token = draw(st.one_of(st.sampled_from(TOKENS), st.text(max_size=4)))
            text = text[:at] + token + text[at + (1 if action == "replace" else 0):]
            continue
        if action == "delete_line":
            del lines[i]
        elif action == "duplicate_line":
            lines.insert(i, lines[i])
        elif action == "indent":
            lines[i] = " " * draw(st.integers(1, 4)) + lines[i]
        elif action == "dedent":
            lines[i] = lines[i][draw(st.integers(1, 4)):]
        elif action == "swap":
            j = draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
        else:
            lines = lines[:i]
        text = "\n".join(lines)
    return name, text


def _paths(value, prefix=()):
    yield prefix
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _paths(item, (*prefix, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _paths(item, (*prefix, index))


WRONG_VALUES = st.one_of(st.none(), st.integers(-5, 10**9), st.booleans(), st.just([]), st.just({}),
                         st.lists(st.text(max_size=5), max_size=3), st.text(max_size=30),
                         st.dates().map(datetime.date.isoformat), st.sampled_from(TOKENS))


@st.composite
def structure_edits(draw) -> tuple[str, str]:
    """A data file whose parsed structure lost a key, gained one, or got a value of the wrong type."""
    name = draw(st.sampled_from(FILES))
    doc = parse_yaml(TEXTS[name], name, ProblemList())
    assert doc is not None, name
    data = doc.data
    for _ in range(draw(st.integers(1, 3))):
        paths = [p for p in _paths(data) if p]
        if not paths:
            break
        path = draw(st.sampled_from(paths))
        parent = data
        for part in path[:-1]:
            parent = parent[part]
        action = draw(st.sampled_from(["delete", "set", "rename"]))
        if action == "delete":
            del parent[path[-1]]
        elif action == "set":
            parent[path[-1]] = draw(WRONG_VALUES)
        elif isinstance(parent, dict):
            parent[draw(st.sampled_from(["navn", "emial", "id", "topics", "x"]))] = parent.pop(path[-1])
    return name, yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def _assert_accepted_or_located(tmp_path: Path, name: str, text: str) -> None:
    data_dir = tmp_path / "data"
    data_dir.mkdir(exist_ok=True)
    for other in FILES:
        (data_dir / other).write_text(text if other == name else TEXTS[other], encoding="utf-8")
    problems = check_data(data_dir, TODAY)
    known = {str(data_dir / f.filename) for f in DATA_FILES.values()}
    for problem in problems:
        assert problem.severity in ("error", "warning", "notice")
        assert problem.path in known and problem.message.strip()
        # Said in Danish: no pydantic default wording, no libyaml problem without a Danish sentence.
        assert "Input should" not in problem.message and "YAML-læserens besked" not in problem.message, problem
        lines = (data_dir / Path(problem.path).name).read_text(encoding="utf-8", errors="replace").count("\n")
        assert 1 <= problem.line <= lines + 2 and problem.column >= 1
    if not any(p.severity == "error" for p in problems):
        site, _ = load_site(data_dir, TODAY)
        _assert_maps_to_pages(site)


def _assert_maps_to_pages(site) -> None:
    """What the validator accepts makes one page per URL and one file per path (a clash would
    overwrite silently), a page for every topic and municipality, and copies only files that exist."""
    page_urls = [spec.url for spec in build_pages(site)]
    assert len(set(page_urls)) == len(page_urls), "two records make the same page"
    records = {urls.topic(t.id) for t in site.topics} | {urls.municipality(m.id) for m in site.municipalities}
    assert records <= set(page_urls), records - set(page_urls)
    assets = build_assets(site)
    paths = [asset.src_uri for asset in assets]
    assert len(set(paths)) == len(paths), "two records make the same file"
    missing = [a.source_path for a in assets if a.source_path is not None and not a.source_path.is_file()]
    assert missing == [], "a file the validator accepted is not there to copy"


@given(edit=text_edits())
def test_text_mutations_are_accepted_or_located(tmp_path_factory, edit):
    _assert_accepted_or_located(tmp_path_factory.mktemp("fuzz"), *edit)


@given(edit=structure_edits())
def test_structure_mutations_are_accepted_or_located(tmp_path_factory, edit):
    _assert_accepted_or_located(tmp_path_factory.mktemp("fuzz"), *edit)
