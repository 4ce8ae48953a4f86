"""Hostile data folders for the property-based tests (tests/test_fuzz_hostile.py): the small valid
data set of the golden corpus (tests/bad_inputs/_base/) with a news item, an event and a photo
added, then broken the way an attacker or a careless editor would: files replaced by folders,
links (out of data/, to nothing, in a ring, to /dev/zero, to another data file) and pipes;
text values replaced by control characters (written by YAML's escape codes), long text and ids,
and markup."""

from __future__ import annotations

import os
import shutil
from typing import Any
from pathlib import Path

import yaml
from hypothesis import strategies as st

from alliance_site.data.sources import strings
from hostile_data import MARKDOWN, TEXT, URL

BASE = Path(__file__).parent / "bad_inputs" / "_base"
PHOTO = "fotos/anne-holm.jpg"
NEWS_IMAGE = "nyheder/billeder/moede.png"
EXTRA_FILES = {
    "nyheder/ny-hjemmeside.yaml": {
        "id": "ny-hjemmeside", "title": "Ny hjemmeside", "date": "2026-01-05", "summary": "Alt ét sted.",
        "body": "Læs om [rekruttering](/emner/rekruttering/).", "topics": ["rekruttering"],
        "image": {"file": NEWS_IMAGE, "alt": "Et møde"}},
    "events.yaml": {"events": [{
        "id": "startmoede", "title": "Startmøde", "date": "2030-01-10", "time": "9.00-12.00", "place": "Næstved",
        "description": "Mød konsulenterne.", "link": "https://www.testalliancen.example/tilmelding",
        "topics": ["rekruttering"], "municipalities": ["naestved"]}]},
}
# Where a file is expected, and what may stand there instead.
FILE_PLACES = ["alliance.yaml", "municipalities.yaml", "events.yaml", "efforts.yaml", "members.yaml",
               "nyheder/ny-hjemmeside.yaml", "nyheder/anden.yaml", PHOTO, NEWS_IMAGE]
FILE_KINDS = ["folder", "nothing", "ring", "passwd", "zero", "pipe", "inside"]
# Characters no output can carry; yaml.safe_dump writes them as escape codes in "...".
NOT_CARRIED = ([chr(c) for c in [*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F, *range(0x80, 0xA0)]]
               + ["\ufffe", "\uffff", "\ufdd0", "\ufdef", "\U0001fffe", "\U0010ffff"])
PAYLOADS = st.one_of(
    st.sampled_from(NOT_CARRIED).map(lambda c: f"Tekst{c}med kontroltegn"),
    st.sampled_from([TEXT, MARKDOWN, URL, "<script>alert(1)</script>", "]]><!--", "&amp;&#0;", "\\", "%s{{x}}"]),
    st.integers(60, 400).map(lambda n: "a" * n),
    st.integers(200, 21000).map(lambda n: "Lang tekst æøå 😀 " * (n // 18)),
    st.text(st.characters(codec="utf-8"), min_size=1, max_size=40),  # any character but lone surrogates
)


def _base_documents() -> dict[str, Any]:
    docs = {path.name: yaml.safe_load(path.read_text(encoding="utf-8")) for path in BASE.glob("*.yaml")}
    docs["municipalities.yaml"]["municipalities"][0]["consultants"][0]["photo"] = PHOTO
    docs.update(EXTRA_FILES)
    return docs


MARKUP = st.one_of(st.sampled_from([TEXT, MARKDOWN, "<script>alert(1)</script>", "]]><!--", "&amp;&#0; \\ %s{{x}}",
                                     "Kjær & Søn 😀 " * 6]),
                   st.text(st.characters(blacklist_categories=("Cs", "Cc", "Co", "Cn")), min_size=1, max_size=40))
# Fields whose text the model takes as it is (so markup in them is accepted, and must come out escaped).
FREE_TEXT = {"name", "title", "tagline", "summary", "description", "body", "place", "alt", "run_by"}


@st.composite
def hostile_folders(draw) -> dict:
    """A recipe: per data file its documents (some strings replaced), and per place a file kind.
    Half are accepted as a rule (markup in free text only), so the build's side is tested too."""
    docs = _base_documents()
    places = sorted((name, loc) for name, doc in docs.items() for loc, _text in strings(doc))
    accepted = draw(st.booleans())
    if accepted:
        places = [(name, loc) for name, loc in places if loc[-1] in FREE_TEXT]
    for _ in range(draw(st.integers(0 if not accepted else 1, 4))):
        name, loc = draw(st.sampled_from(places))
        parent: Any = docs[name]
        for part in loc[:-1]:
            parent = parent[part]
        parent[loc[-1]] = draw(MARKUP if accepted else PAYLOADS)
    kinds = {} if accepted else draw(st.dictionaries(st.sampled_from(FILE_PLACES), st.sampled_from(FILE_KINDS),
                                                     max_size=3))
    return {"documents": docs, "kinds": kinds}


def accepted_example() -> dict:
    """A recipe the check accepts, for every run to build: markup in a Markdown field and in a
    title, and a consultant's title long enough, with letters and an emoji, to fold in the vCard."""
    docs = _base_documents()
    docs["topics.yaml"]["topics"][0]["body"] = MARKDOWN
    docs["topics.yaml"]["topics"][1]["title"] = "<script>alert(1)</script> & Søn"
    docs["municipalities.yaml"]["municipalities"][0]["consultants"][0]["title"] = (
        "Virksomhedskonsulent for rekruttering, fastholdelse og opkvalificering 😀 i Næstved og Faxe")
    return {"documents": docs, "kinds": {}}


def write_folder(recipe: dict, data_dir: Path) -> None:
    """The recipe as a data folder: YAML files, the pictures, then the other kinds of file."""
    data_dir.mkdir(parents=True)
    for name, document in recipe["documents"].items():
        (data_dir / name).parent.mkdir(parents=True, exist_ok=True)
        (data_dir / name).write_text(yaml.safe_dump(document, allow_unicode=True, sort_keys=False, width=1000),
                                     encoding="utf-8")
    for name in (PHOTO, NEWS_IMAGE):
        (data_dir / name).parent.mkdir(parents=True, exist_ok=True)
        (data_dir / name).write_bytes(b"\x89PNG\r\n\x1a\n not really a picture")
    for name, kind in recipe["kinds"].items():
        _replace(data_dir / name, kind, data_dir)


def _replace(path: Path, kind: str, data_dir: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    elif os.path.lexists(path):
        path.unlink()
    path.parent.mkdir(parents=True, exist_ok=True)
    if kind == "folder":
        path.mkdir()
    elif kind == "pipe":
        os.mkfifo(path)
    else:
        target = {"nothing": "findes-ikke", "ring": path.name, "passwd": "/etc/passwd", "zero": "/dev/zero",
                  "inside": os.path.relpath(data_dir / "partners.yaml", path.parent)}[kind]
        path.symlink_to(target)
