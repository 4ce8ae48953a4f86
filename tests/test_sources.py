"""The YAML reader: plain text values, exact positions, and refusals that cost nothing."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
import yaml

from alliance_site.data import sources
from alliance_site.data.problems import ProblemList
from alliance_site.data.sources import Position, parse_yaml, read_yaml
from sitebuild import ROOT


def parse(text: str):
    problems = ProblemList()
    doc = parse_yaml(text, "f.yaml", problems)
    return doc, [p.format() for p in problems.items]


def test_every_scalar_stays_the_text_typed():
    doc, problems = parse("phone: 12345678\npostcode: 0800\nlanguage: no\nok: yes\non: off\n"
                          "reviewed: 2026-01-31\nratio: 1e3\nhex: 0x1F\nempty:\ntilde: ~\nquoted: 'null'\n")
    assert problems == []
    assert doc.data == {"phone": "12345678", "postcode": "0800", "language": "no", "ok": "yes", "on": "off",
                        "reviewed": "2026-01-31", "ratio": "1e3", "hex": "0x1F", "empty": None, "tilde": None,
                        "quoted": "null"}


def test_positions_of_values_and_keys_count_characters_not_bytes():
    doc, _ = parse("navn: Ærø\nliste:\n  - id: å\n    emner: [æ, ø]\n")
    assert doc.locate(("liste", 0, "emner", 1)) == Position(4, 16)
    assert doc.locate(("liste", 0, "id")) == Position(3, 9)
    assert doc.key_position(("liste", 0, "emner")) == Position(4, 5)
    assert doc.locate(("liste", 0, "missing")) == Position(3, 5)  # a missing key points at its entry


def test_duplicate_key_keeps_the_first_and_points_at_the_second():
    doc, problems = parse("a:\n  b: 1\n  c: 2\na:\n  b: 9\n")
    assert doc.data == {"a": {"b": "1", "c": "2"}}
    assert doc.locate(("a", "b")) == Position(2, 6)  # the ignored copy does not move positions
    assert problems == ["f.yaml:4:1: feltet 'a' står to gange (første gang på linje 1); et felt må kun stå "
                        "én gang i hver post: slet det ene"]


@pytest.mark.parametrize("text, line, column", [
    ("a: &x 1\nb: *x\n", 2, 4),
    ("base: &b {x: 1}\nother:\n  <<: *b\n", 3, 7),
])
def test_aliases_are_refused_where_they_are(text, line, column):
    doc, problems = parse(text)
    assert doc is None and problems[0].startswith(f"f.yaml:{line}:{column}: YAML-genveje (*navn)")


def test_an_anchor_alone_is_harmless():
    doc, problems = parse("a: &x 1\n")
    assert problems == [] and doc.data == {"a": "1"}


def test_alias_bomb_is_refused_at_once():
    levels = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    levels += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 30)]
    started = time.perf_counter()
    doc, problems = parse("\n".join(levels) + "\n")
    assert doc is None and "YAML-genveje" in problems[0]
    assert time.perf_counter() - started < 0.5


def test_deep_nesting_is_refused_without_recursion():
    doc, problems = parse("x: " + "[" * 100_000 + "]" * 100_000 + "\n")
    assert doc is None and "mere end 32 niveauer" in problems[0]


def test_oversized_file_is_refused_before_reading(tmp_path):
    path = tmp_path / "big.yaml"
    with open(path, "wb") as handle:
        handle.truncate(200 * 1024 * 1024)  # sparse: costs no disk
    problems = ProblemList()
    started = time.perf_counter()
    assert read_yaml(path, "big.yaml", problems) is None
    assert time.perf_counter() - started < 0.1
    assert problems.items[0].message.startswith("filen fylder 200,0 MB; der må højst være 5 MB")


@pytest.mark.parametrize("raw, expected", [
    ("a: æ\n".encode("latin-1"), "f.yaml:1:4: filen er ikke gemt som UTF-8"),
    ("a: æ\n".encode("utf-16"), "f.yaml:1:1: filen er gemt som UTF-16"),
])
def test_encodings_other_than_utf8_are_refused(tmp_path, raw, expected):
    path = tmp_path / "f.yaml"
    path.write_bytes(raw)
    problems = ProblemList()
    assert read_yaml(path, "f.yaml", problems) is None
    assert problems.items[0].format().startswith(expected)


def test_bom_and_crlf_are_accepted(tmp_path):
    path = tmp_path / "f.yaml"
    path.write_bytes("\ufeffa: 1\r\nb: æ\r\n".encode("utf-8"))
    problems = ProblemList()
    doc = read_yaml(path, "f.yaml", problems)
    assert problems.items == [] and doc is not None
    assert doc.data == {"a": "1", "b": "æ"} and doc.locate(("b",)) == Position(2, 4)


def test_tabs_and_control_characters_are_located():
    _doc, problems = parse("a:\n\t- b\nc: x\x0by\n")
    assert problems == ["f.yaml:2:1: tabulator i indrykningen; ryk kun ind med mellemrum",
                        "f.yaml:3:5: usynligt kontroltegn U+000B; slet det (det kommer ofte med, når tekst "
                        "kopieres fra Word eller en PDF)"]


def test_a_tab_inside_a_value_is_fine():
    doc, problems = parse("a: x\ty\n")
    assert problems == [] and doc.data == {"a": "x\ty"}


@pytest.mark.parametrize("text", ["", "\n\n", "# kun en kommentar\n", "---\n", "~\n"])
def test_empty_files_are_refused(text):
    doc, problems = parse(text)
    assert doc is None and problems == ["f.yaml:1:1: filen er tom; den skal rumme linjer med 'felt: værdi'"]


def test_second_document_is_refused():
    _doc, problems = parse("a: 1\n---\nb: 2\n")
    assert problems == ["f.yaml:2:1: en datafil må kun rumme ét YAML-dokument; slet linjen '---' her"]


def test_complex_keys_are_refused():
    _doc, problems = parse("? [a, b]\n: c\n")
    assert problems == ["f.yaml:1:3: et feltnavn skal være almindelig tekst, fx 'name:'"]


def test_syntax_error_names_the_character_libyaml_does_not():
    _doc, problems = parse("a: @home\n")
    assert problems == ["f.yaml:1:4: YAML-fejl: en værdi kan ikke begynde med tegnet '@'; sæt hele værdien i "
                        "anførselstegn"]


@pytest.mark.parametrize("text, expected", [
    ("a: b: c\n", "1:5: YAML-fejl: et kolon med mellemrum efter (': ') kan ikke stå her"),
    ("a: 1\nb\nc: 2\n", "3:1: YAML-fejl: der mangler et kolon"),
    ("a:\n  b: 1\n c: 2\n", "3:2: YAML-fejl: indrykningen passer ikke med linjerne over; felterne i én post"),
    ("- a\nb: 1\n", "2:1: YAML-fejl: indrykningen passer ikke med linjerne over; punkterne i en liste"),
    ('a: "open\n', "1:4: YAML-fejl: et anførselstegn (\" eller ') åbnes her, men lukkes aldrig"),
    ('a: "\\x4"\n', "1:7: YAML-fejl: en omvendt skråstreg (\\) inde i \"...\" læses som en kode"),
    ("a: `x\n", "1:4: YAML-fejl: en værdi kan ikke begynde med tegnet '`'"),
    ("a: !a!b c\n", "1:4: YAML-fejl: en værdi kan ikke begynde med '!'"),
    ("a: & x\n", "1:5: YAML-fejl: en værdi kan ikke begynde med '&'"),
    ("a: * x\n", "1:5: YAML-fejl: en værdi kan ikke begynde med '*'"),
    ("a: [x, y\n", "2:1: YAML-fejl: en liste i [...] er ikke lukket rigtigt"),
    ("a: {x: 1\n", "2:1: YAML-fejl: en gruppe i {...} er ikke lukket rigtigt"),
    ("a: [x, , y]\n", "1:8: YAML-fejl: der mangler en værdi i en [liste] eller {gruppe}"),
    ("a: - b\n", "1:4: YAML-fejl: et listepunkt ('- ') kan ikke begynde her"),
    ("a: ? b\n", "1:4: YAML-fejl: en værdi kan ikke begynde med '? '"),
    ("a: |x\n  y\n", "1:5: YAML-fejl: efter | eller > skal linjen slutte"),
    ("%YAML 2.0\n---\na: 1\n", "1:1: YAML-fejl: en linje kan ikke begynde med '%'"),
    ("a: 1\n...\nb\n", "3:1: YAML-fejl: her står mere, efter at filens indhold er slut"),
])
def test_syntax_errors_are_said_in_danish_by_both_parsers(monkeypatch, text, expected):
    """libyaml's English becomes a Danish sentence, the same with PyYAML's own parser (whose
    wording differs); its words are kept only for a problem no sentence fits."""
    messages = []
    for parser in (sources._Parser, yaml.BaseLoader):
        monkeypatch.setattr(sources, "_Parser", parser)
        _doc, problems = parse(text)
        messages += problems
    assert messages[0] == messages[1] and messages[0].startswith(f"f.yaml:{expected}")
    assert "YAML-læserens besked" not in messages[0]


def test_a_syntax_error_no_sentence_fits_keeps_the_parsers_words():
    error = yaml.MarkedYAMLError("while doing something new", None, "found a new problem", None)
    assert sources._syntax_sentence(error, "x") == (
        "filen kan ikke læses fra dette sted; tjek tegnsætningen og indrykningen her og på linjen over "
        "(YAML-læserens besked: while doing something new found a new problem)")


def test_unclosed_quote_points_at_the_quote_not_where_reading_stopped():
    _doc, problems = parse('a: "open\nb: x\nc: "y"\nd: z\n')
    assert problems[0].startswith("f.yaml:1:4: YAML-fejl: anførselstegnet, der åbnes her, lukkes ikke")


def test_is_valid_follows_rejected_parents():
    doc, _ = parse("a:\n  b: [1, 2]\n")
    doc.invalid.add(("a", "b"))
    assert not doc.is_valid(("a", "b", 0)) and doc.is_valid(("a",)) and doc.is_valid(("a", "c"))


@pytest.mark.parametrize("name", ["alliance.yaml", "municipalities.yaml", "partners.yaml", "topics.yaml"])
def test_pure_python_parser_reads_the_same_as_libyaml(monkeypatch, name):
    """Without libyaml (a PyYAML built from source) the data and positions are identical."""
    text = (ROOT / "data" / name).read_text(encoding="utf-8")
    fast, _ = parse(text)
    monkeypatch.setattr(sources, "_Parser", yaml.BaseLoader)
    slow, _ = parse(text)
    assert (slow.data, slow.positions, slow.key_positions) == (fast.data, fast.positions, fast.key_positions)


def test_the_real_data_files_parse_without_problems():
    for path in sorted(Path(ROOT / "data").glob("*.yaml")):
        problems = ProblemList()
        assert read_yaml(path, path.name, problems) is not None and problems.items == []
