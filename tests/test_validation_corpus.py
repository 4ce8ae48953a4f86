"""The corpus of bad inputs: every case is rejected (or warned about) with its exact, located message.

Each tests/bad_inputs/*.yaml case starts from the small valid data set in _base/ and changes it:
`edit` replaces text that occurs exactly once in a base file, `files` gives whole files (null
deletes one), `encode` saves a file in another encoding, `photos` creates image files, `size`
grows a file (a data file or a picture) to a number of bytes; `folders`, `links` and `pipes`
put other kinds of file in data/, `content` writes pages in content/ beside it. `expect` lists every problem the
check must print, in order. Adding a case is adding a file; see tests/bad_inputs/README.md.
"""

from __future__ import annotations

import datetime
import os
import re
import shutil
from pathlib import Path

import pytest
import yaml

from alliance_site.data.loading import check_data, load_site
from alliance_site.data.problems import DataError

CORPUS = Path(__file__).parent / "bad_inputs"
EDITORS_GUIDE = Path(__file__).parent.parent / "docs" / "redaktoerer.md"
CASES = sorted(CORPUS.glob("*.yaml"))
# The first bytes of a picture of each kind (a JPEG otherwise): the check reads them (pictures.py).
PICTURE_STARTS = {".png": b"\x89PNG\r\n\x1a\n", ".webp": b"RIFF\0\0\0\0WEBP"}
TODAY = datetime.date(2026, 6, 15)


def build_case(spec: dict, data_dir: Path) -> Path:
    """Write the case's data folder: the base files with the case's changes applied."""
    shutil.copytree(CORPUS / "_base", data_dir)
    for name, replacements in (spec.get("edit") or {}).items():
        text = (data_dir / name).read_text(encoding="utf-8")
        for old, new in replacements:
            assert text.count(old) == 1, f"{name}: {old!r} must occur exactly once in the base file"
            text = text.replace(old, new)
        (data_dir / name).write_text(text, encoding="utf-8")
    for name, content in (spec.get("files") or {}).items():
        if content is None:
            (data_dir / name).unlink()
        else:
            (data_dir / name).parent.mkdir(parents=True, exist_ok=True)  # e.g. nyheder/<id>.yaml
            (data_dir / name).write_text(content, encoding="utf-8")
    for name, encoding in (spec.get("encode") or {}).items():
        path = data_dir / name
        path.write_bytes(path.read_text(encoding="utf-8").encode(encoding))
    for name in spec.get("photos") or []:
        (data_dir / name).parent.mkdir(parents=True, exist_ok=True)
        (data_dir / name).write_bytes(PICTURE_STARTS.get(Path(name).suffix, b"\xff\xd8\xff\xe0") + b" the rest")
    for name, content in (spec.get("images") or {}).items():  # image files with given content (logos)
        (data_dir / name).parent.mkdir(parents=True, exist_ok=True)
        (data_dir / name).write_text(content, encoding="utf-8")
    for name, size in (spec.get("size") or {}).items():  # last: a photo or logo made above may grow too
        with open(data_dir / name, "r+b") as handle:
            handle.truncate(size)
    _write_file_kinds(spec, data_dir)
    return data_dir


def _write_file_kinds(spec: dict, data_dir: Path) -> None:
    """What Git can hold besides files, and what a runner may have: folders, links (to a target
    relative to the link, or absolute: /dev/zero, /etc/passwd), named pipes; and content pages
    (content/ beside data/)."""
    for name in spec.get("folders") or []:
        (data_dir / name).mkdir(parents=True)
    for name, target in (spec.get("links") or {}).items():
        (data_dir / name).parent.mkdir(parents=True, exist_ok=True)
        (data_dir / name).symlink_to(target)
    for name in spec.get("pipes") or []:
        os.mkfifo(data_dir / name)
    for name, content in (spec.get("content") or {}).items():
        (data_dir.parent / "content" / name).parent.mkdir(parents=True, exist_ok=True)
        (data_dir.parent / "content" / name).write_text(content, encoding="utf-8")


def test_the_corpus_has_at_least_thirty_cases():
    assert len(CASES) >= 30


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_bad_input_is_reported_where_it_is(case, tmp_path, monkeypatch):
    spec = yaml.safe_load(case.read_text(encoding="utf-8"))
    assert spec.get("about") and spec.get("expect"), f"{case.name} needs 'about' and 'expect'"
    build_case(spec, tmp_path / "data")
    monkeypatch.chdir(tmp_path)  # paths in messages are relative to where the check runs

    found = [p.format() for p in check_data(Path("data"), TODAY)]

    assert found == spec["expect"]
    errors = [line for line in found if ": advarsel: " not in line and ": bemærk: " not in line]
    if errors:
        with pytest.raises(DataError) as raised:
            load_site(Path("data"), TODAY)
        assert [p.format() for p in raised.value.errors] == errors
    else:
        _site, problems = load_site(Path("data"), TODAY)
        assert [p.format() for p in problems] == found


def _guide_message_patterns() -> list[re.Pattern]:
    """The beginnings of messages in the editors' guide's table; '...' stands for any text."""
    guide = EDITORS_GUIDE.read_text(encoding="utf-8")
    table = guide[guide.index("## Hvad betyder fejlbeskeden?"):]
    cells = [line.split(" | ")[0] for line in table.splitlines() if line.startswith("| `")]
    spans = [a or b for cell in cells for a, b in re.findall(r"``(.+?)``|`([^`]+)`", cell)]
    return [re.compile(".*".join(re.escape(part.strip()) for part in span.split("...") if part.strip()))
            for span in spans]


def test_every_message_of_the_corpus_is_explained_in_the_editors_guide():
    """The editors' table of messages follows the messages: a new or reworded one needs a row."""
    patterns = _guide_message_patterns()
    unexplained = [line for case in CASES for line in yaml.safe_load(case.read_text(encoding="utf-8"))["expect"]
                   if not any(pattern.search(line) for pattern in patterns)]
    assert unexplained == []
