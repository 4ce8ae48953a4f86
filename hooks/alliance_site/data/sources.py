"""Read a YAML file into plain values plus the source position of every node.

Why not yaml.safe_load: it silently keeps the last of two duplicate keys, turns phone numbers
into integers and `no` into False, expands alias bombs, and forgets where each value stood.
Here every scalar stays the text the editor typed (the model decides what is a number or a
date), duplicate keys and aliases are errors, and each value keeps its line and column.

Why events: libyaml (PyYAML's C parser) turns the text into a stream of events ten times faster
than the pure-Python loader, and composing values from events ourselves lets us stop at the
first alias, bound the nesting depth, and skip a duplicate key without building node objects.
"""

from __future__ import annotations

import dataclasses

import re
from dataclasses import dataclass, field
from pathlib import Path
from collections.abc import Iterator
from typing import Any, NamedTuple

import yaml
from yaml import events as ev

from alliance_site.data import datafiles
from alliance_site.data.characters import NOT_CARRIED, code
from alliance_site.data.problems import ProblemList

MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_DEPTH = 32
MAX_REPORTED_PER_FILE = 20
NULL_WORDS = {"", "~", "null", "Null", "NULL"}
# What no output format can carry: refused in the file's text (where it usually comes pasted
# from Word or a PDF) and in each "..." value, where YAML's escapes (\b, \x00, \uFFFE) could write it.
ALIAS_MESSAGE = ("YAML-genveje (*navn) er ikke tilladt i datafilerne; "
                 "skriv værdien helt ud i stedet for at henvise til et &anker")

Location = tuple[str | int, ...]

# libyaml's parser comes with PyYAML's wheels; the pure-Python one gives the same events, slower.
_Parser = getattr(yaml, "CBaseLoader", yaml.BaseLoader)


class Position(NamedTuple):
    line: int
    column: int


@dataclass
class SourceDocument:
    """A parsed data file: plain values, a position for every path into them, and the paths
    the model rejected (so cross-file checks do not report the same mistake twice)."""

    path: str
    data: Any
    positions: dict[Location, tuple[int, int]] = field(default_factory=dict)
    key_positions: dict[Location, tuple[int, int]] = field(default_factory=dict)
    invalid: set[Location] = field(default_factory=set)

    def locate(self, loc: Location) -> Position:
        """Position of `loc`, or of its nearest existing parent (a missing key points at its parent)."""
        loc = tuple(loc)
        while loc not in self.positions and loc:
            loc = loc[:-1]
        return Position(*self.positions.get(loc, (1, 1)))

    def key_position(self, loc: Location) -> Position | None:
        """Position of the key that ends `loc` (for 'unknown field' errors), if it was written."""
        found = self.key_positions.get(tuple(loc))
        return None if found is None else Position(*found)

    def locate_key(self, loc: Location) -> Position:
        """Position of the key that ends `loc`, or of its value when the key was not written."""
        return self.key_position(loc) or self.locate(loc)

    def is_valid(self, loc: Location) -> bool:
        """False when the model reported an error at `loc` or at one of its parents."""
        return not self.invalid or not any(loc[:n] in self.invalid for n in range(len(loc) + 1))


class _Refused(Exception):
    """Stop reading a file: the message and the position go to the editor as one problem."""

    def __init__(self, message: str, mark: Any):
        super().__init__(message)
        self.message, self.position = message, _position(mark)


def _position(mark: Any) -> Position:
    return Position(mark.line + 1, mark.column + 1)


# Indexes into a frame: an open mapping or sequence while composing. KEY is the mapping key
# awaiting its value; SKIP marks a subtree that is dropped (under the second of two equal keys).
VALUE, LOC, SKIP, IS_MAP, KEY, KEY_SKIP = range(6)


def _compose(parser: Any, doc: SourceDocument, problems: ProblemList) -> Any:
    """Plain values from the parser's event stream, without recursion, aliases or duplicate keys.

    One flat loop over the events: it runs once per event (50,000 for a national data set), so
    it keeps everything in local names and builds no object per node but the values and the
    position tuples."""
    positions, key_positions = doc.positions, doc.key_positions
    scalar, map_start, seq_start = ev.ScalarEvent, ev.MappingStartEvent, ev.SequenceStartEvent
    map_end, seq_end, null_words = ev.MappingEndEvent, ev.SequenceEndEvent, NULL_WORDS
    value_, loc_, skip_, is_map_, key_, key_skip_ = VALUE, LOC, SKIP, IS_MAP, KEY, KEY_SKIP
    get_event = parser.get_event
    stack: list[list] = []
    root: Any = None
    documents = 0
    while (event := get_event()) is not None:
        kind = type(event)
        if kind is scalar or kind is map_start or kind is seq_start:
            parent = stack[-1] if stack else None
            mark = event.start_mark
            if kind is scalar and event.style == '"' and NOT_CARRIED.search(event.value):
                _not_carried(event, display=doc.path, problems=problems)
            if parent is None:
                loc, skip = (), False
            elif parent[is_map_]:
                if parent[key_] is None:  # this node is a key, not a value
                    if kind is scalar and event.value not in parent[value_] and not parent[skip_]:
                        parent[key_] = event.value
                        key_positions[(*parent[loc_], event.value)] = (mark.line + 1, mark.column + 1)
                    else:
                        _key(parent, event, doc, problems)
                    continue
                loc, skip = (*parent[loc_], parent[key_]), parent[skip_] or parent[key_skip_]
            else:
                loc, skip = (*parent[loc_], len(parent[value_])), parent[skip_]
            if not skip:
                positions[loc] = (mark.line + 1, mark.column + 1)  # a Position, built cheaply
            if kind is not scalar:
                if len(stack) >= MAX_DEPTH:
                    raise _Refused(f"dataene ligger i mere end {MAX_DEPTH} niveauer inden i hinanden; "
                                   "tjek indrykningen og parenteserne", mark)
                stack.append([{} if kind is map_start else [], loc, skip, kind is map_start, None, False])
                continue
            # Plain (unquoted) null words mean "no value"; everything else stays the text typed.
            value = event.value
            if value in null_words and not event.style and not event.tag:
                value = None
        elif kind is map_end or kind is seq_end:
            frame = stack.pop()
            value, skip = frame[value_], frame[skip_]
        elif kind is ev.AliasEvent:
            raise _Refused(ALIAS_MESSAGE, event.start_mark)
        elif kind is ev.DocumentStartEvent:
            documents += 1
            if documents > 1:
                raise _Refused("en datafil må kun rumme ét YAML-dokument; slet linjen '---' her",
                               event.start_mark)
            continue
        else:
            continue
        # A finished value (scalar or closed collection) goes into its parent.
        if not stack:
            root = value
        elif not (parent := stack[-1])[is_map_]:
            parent[value_].append(value)
        else:
            if not skip and not parent[key_skip_]:
                parent[value_][parent[key_]] = value
            parent[key_], parent[key_skip_] = None, False
    return root


def _not_carried(event: ev.ScalarEvent, display: str, problems: ProblemList) -> None:
    """A "..." value whose escape codes write a character no output format can carry."""
    found, position = NOT_CARRIED.search(event.value), _position(event.start_mark)
    char = found.group() if found else ""
    problems.add(display, position.line, position.column,
                 f"teksten rummer tegnet {code(char)} (et usynligt kontroltegn eller et ikke-tegn), skrevet "
                 "som en kode med omvendt skråstreg; siden kan ikke vise det: slet koden")


def strings(root: Any, containing: str = "") -> Iterator[tuple[Location, str]]:
    """Every text in a file's values, with its place (only those with `containing` in them).
    A loop that makes a location only for a collection or a text it yields: it visits every
    value of a national data set."""
    if isinstance(root, str):
        if containing in root:
            yield (), root
        return
    stack: list[tuple[Location, Any]] = [((), root)] if isinstance(root, (dict, list)) else []
    while stack:
        loc, node = stack.pop()
        for key, value in node.items() if isinstance(node, dict) else enumerate(node):
            if isinstance(value, str):
                if containing in value:
                    yield (*loc, key), value
            elif isinstance(value, (dict, list)):
                stack.append(((*loc, key), value))


def _key(parent: list, event: ev.NodeEvent, doc: SourceDocument, problems: ProblemList) -> None:
    if type(event) is not ev.ScalarEvent:
        raise _Refused("et feltnavn skal være almindelig tekst, fx 'name:'", event.start_mark)
    key = parent[KEY] = event.value
    duplicate = parent[KEY_SKIP] = key in parent[VALUE]
    if parent[SKIP]:
        return
    loc, position = (*parent[LOC], key), _position(event.start_mark)
    if duplicate:
        first = doc.locate_key(loc)
        problems.add(doc.path, *position,
                     f"feltet '{key}' står to gange (første gang på linje {first.line}); "
                     "et felt må kun stå én gang i hver post: slet det ene")
    else:
        doc.key_positions[loc] = position


# libyaml's (and PyYAML's) wording of a syntax error -> what it means, said in Danish with what
# to write instead. The first entry with a word in "context problem" wins, so the specific ones
# come first; "{char}" is the character where reading stopped (libyaml does not name it).
SYNTAX_PROBLEMS = (
    (("mapping values are not allowed",),
     "et kolon med mellemrum efter (': ') kan ikke stå her; står det inde i en tekst, så sæt hele "
     'teksten i dobbelte anførselstegn, fx title: "Rekruttering: sådan gør I"; ellers er linjen rykket '
     "længere ind end linjen over"),
    (("could not find expected ':'",),
     "der mangler et kolon; en linje skal have formen 'felt: værdi', og en tekst i anførselstegn skal "
     "stå på én linje; tjek også linjen over"),
    (("while parsing a block mapping",),  # "did not find expected key", PyYAML "expected <block end>"
     "indrykningen passer ikke med linjerne over; felterne i én post skal begynde i samme kolonne"),
    (("while parsing a block collection",),  # "did not find expected '-' indicator"
     "indrykningen passer ikke med linjerne over; punkterne i en liste begynder med '- ' i samme kolonne, "
     "og det gør felterne i én post også"),
    (("end of stream",),
     "et anførselstegn (\" eller ') åbnes her, men lukkes aldrig; sæt det afsluttende anførselstegn"),
    (("escape character", "hexdecimal number", "hexadecimal numbers"),
     "en omvendt skråstreg (\\) inde i \"...\" læses som en kode; skriv \\\\ for én omvendt skråstreg, "
     "eller sæt teksten i enkelte anførselstegn '...'"),
    (("cannot start any token",),
     "en værdi kan ikke begynde med tegnet {char}; sæt hele værdien i anførselstegn"),
    (("a tag", "tag handle", "tag URI"),
     "en værdi kan ikke begynde med '!'; sæt hele værdien i anførselstegn"),
    (("an anchor",), "en værdi kan ikke begynde med '&'; sæt hele værdien i anførselstegn"),
    (("an alias",), "en værdi kan ikke begynde med '*'; sæt hele værdien i anførselstegn"),
    (("flow sequence",),
     "en liste i [...] er ikke lukket rigtigt; skriv værdierne med komma imellem og slut med ], og sæt "
     "en værdi med komma, kolon eller parentes i anførselstegn"),
    (("flow mapping",),
     "en gruppe i {...} er ikke lukket rigtigt; skriv felterne med komma imellem og slut med }, og sæt "
     "en værdi med komma, kolon eller parentes i anførselstegn"),
    (("flow node",),
     "der mangler en værdi i en [liste] eller {gruppe}; slet det ekstra komma, eller sæt værdien i "
     "anførselstegn"),
    (("sequence entries are not allowed",),
     "et listepunkt ('- ') kan ikke begynde her; en liste begynder på linjen under feltnavnet, fx "
     "'topics:' og derunder '- rekruttering'; er bindestregen en del af en tekst, så sæt teksten i "
     "anførselstegn"),
    (("mapping keys are not allowed",),
     "en værdi kan ikke begynde med '? '; sæt hele værdien i anførselstegn"),
    (("tab character",), "en tabulator kan ikke stå her; ryk kun ind med mellemrum"),
    (("document separator",),
     "en tekst i anførselstegn løber ind i en linje med '---' eller '...'; luk anførselstegnet på "
     "den linje, hvor det åbnes"),
    (("block scalar",),
     "efter | eller > skal linjen slutte, og teksten begynde på linjen under; er tegnet en del af "
     "teksten, så sæt hele teksten i anførselstegn"),
    (("directive", "incompatible YAML document"), "en linje kan ikke begynde med '%'; sæt teksten i anførselstegn"),
    (("document start", "document indicator"),
     "her står mere, efter at filens indhold er slut; slet linjen '...' eller de løse tegn, og tjek indrykningen"),
    (("node content",),
     "der mangler en værdi her; skriv en værdi, eller sæt værdien i anførselstegn, hvis den begynder "
     "med et af tegnene [ ] { } , & * ! | >"),
    (("plain scalar",), "et kolon kan ikke stå her; sæt hele teksten i anførselstegn"),
)
TEXT_AFTER_QUOTE = ("teksten i anførselstegn slutter for tidligt, og der står mere tekst efter det afsluttende "
                    "anførselstegn: inde i '...' skrives en apostrof som '' (to), eller sæt teksten i dobbelte "
                    "anførselstegn i stedet")
# A value (after `key: ` or `- `) that starts with a quote.
_QUOTED_VALUE = re.compile(r"""^\s*(?:-\s+)?(?:[^\s"'#:][^#:]*:\s+)?(["'])""")


def _quoted(line: str) -> tuple[int, int | None] | None:
    """For a line whose value starts with a quote: (column of the opening quote, index just after
    the closing quote on the same line, or None when it is not closed there)."""
    match = _QUOTED_VALUE.match(line)
    if not match:
        return None
    rest = line[match.end():]
    if match.group(1) == '"':
        closing = re.search(r'(?<!\\)(?:\\\\)*"', rest)
    else:
        closing = re.search(r"'(?!')", rest.replace("''", "  "))
    return match.start(1), (match.end() + closing.end() if closing else None)


def _syntax_problem(exc: yaml.MarkedYAMLError, text: str) -> tuple[int, int, str]:
    """(line, column, message), 1-based, for a YAML syntax error, said so an editor can act on it."""
    mark = exc.problem_mark or exc.context_mark
    if exc.context_mark is not None and "end of stream" in (exc.problem or ""):
        mark = exc.context_mark  # where the unclosed quote or bracket was opened
    if mark is None:  # pragma: no cover - PyYAML's reader marks every error it raises
        return 1, 1, f"YAML-fejl: {exc}"
    lines = text.split("\n")
    for number, earlier in enumerate(lines[:mark.line]):  # the usual cause of an error further down
        quoted = _quoted(earlier)
        if quoted and quoted[1] is None:
            return number + 1, quoted[0] + 1, (
                f"YAML-fejl: anførselstegnet, der åbnes her, lukkes ikke på samme linje, så teksten fortsætter "
                f"til linje {mark.line + 1}, hvor læsningen stoppede; sæt et afsluttende anførselstegn efter værdien")
    line = lines[mark.line] if mark.line < len(lines) else ""
    quoted = _quoted(line)
    if quoted and quoted[1] is not None and line[quoted[1]:].strip()[:1] not in ("", "#"):
        return mark.line + 1, mark.column + 1, f"YAML-fejl: {TEXT_AFTER_QUOTE}"
    sentence = _syntax_sentence(exc, line[mark.column:mark.column + 1])
    return mark.line + 1, mark.column + 1, f"YAML-fejl: {sentence}"


def _syntax_sentence(exc: yaml.MarkedYAMLError, char: str) -> str:
    """libyaml's words for a syntax error as a Danish sentence; its own words only when no
    sentence fits (a problem not seen in the fuzz tests), so the editor still learns something."""
    detail = " ".join(part for part in (exc.context, exc.problem) if part)
    sentence = next((sentence for words, sentence in SYNTAX_PROBLEMS if any(w in detail for w in words)), None)
    if sentence is None:
        return ("filen kan ikke læses fra dette sted; tjek tegnsætningen og indrykningen her og på linjen over "
                f"(YAML-læserens besked: {detail})")
    return sentence.replace("{char}", f"'{char}'" if char.strip() else "her")


def _decode(raw: bytes, display: str, problems: ProblemList) -> str | None:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        problems.add(display, 1, 1, "filen er gemt som UTF-16; gem den som UTF-8 i stedet")
        return None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        column = len(before[before.rfind(b"\n") + 1:].decode("utf-8", "replace")) + 1
        problems.add(display, line, column,
                     "filen er ikke gemt som UTF-8; gem den som UTF-8 (det kræver de danske bogstaver æ, ø og å)")
        return None
    return text.removeprefix("\ufeff")


def _character_problems(text: str, display: str, problems: ProblemList) -> bool:
    """Tabs in indentation and invisible control characters, each with its position."""
    if "\t" not in text and not NOT_CARRIED.search(text):
        return False
    found = 0
    for number, line in enumerate(text.split("\n"), start=1):
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in indent:
            found += 1
            problems.add(display, number, indent.index("\t") + 1,
                         "tabulator i indrykningen; ryk kun ind med mellemrum")
        for match in NOT_CARRIED.finditer(line):
            found += 1
            problems.add(display, number, match.start() + 1,
                         f"usynligt kontroltegn {code(match.group())}; slet det "
                         "(det kommer ofte med, når tekst kopieres fra Word eller en PDF)")
        if found >= MAX_REPORTED_PER_FILE:
            break
    return found > 0


def parse_yaml(text: str, display: str, problems: ProblemList) -> SourceDocument | None:
    """Parse YAML text; on a problem that stops parsing, record it and return None."""
    if _character_problems(text, display, problems):
        return None
    doc = SourceDocument(display, None)
    parser = _Parser(text)
    try:
        root = _compose(parser, doc, problems)
    except _Refused as refused:
        problems.add(display, refused.position.line, refused.position.column, refused.message)
        return None
    except yaml.MarkedYAMLError as exc:
        problems.add(display, *_syntax_problem(exc, text))
        return None
    except yaml.YAMLError as exc:  # pragma: no cover - pre-checks catch what the reader refuses
        problems.add(display, 1, 1, f"filen kan ikke læses som YAML ({exc})")
        return None
    finally:
        parser.dispose()
    if root is None:  # nothing but comments, blank lines or '---'
        problems.add(display, 1, 1, "filen er tom; den skal rumme linjer med 'felt: værdi'")
        return None
    doc.data = root
    return doc


class ParseCache:
    """Parsed files by their text, kept from one load to the next by a preview session: after
    one edit a rebuild parses only the edited file (a national data set has 505 files, a
    fifth of a second of parsing). A file with a problem is parsed afresh each time, so its
    messages are never lost; each load gets its own `invalid` set, which validation fills."""

    def __init__(self) -> None:
        self._before: dict[tuple[str, str], SourceDocument] = {}
        self._now: dict[tuple[str, str], SourceDocument] = {}

    def start_load(self) -> None:
        """Keep what the last load parsed; forget files no load has read since."""
        if self._now:
            self._before, self._now = self._now, {}

    def parse(self, text: str, display: str, problems: ProblemList) -> SourceDocument | None:
        key = (display, text)
        doc = self._now.get(key) or self._before.get(key)
        if doc is None:
            found = len(problems.items)
            doc = parse_yaml(text, display, problems)
            if doc is None or len(problems.items) != found:
                return doc
        self._now[key] = doc
        return dataclasses.replace(doc, invalid=set())


def read_yaml(path: Path, display: str, problems: ProblemList, data_dir: Path | None = None,
              cache: ParseCache | None = None) -> SourceDocument | None:
    """Read one YAML file under `data_dir` (by default its own folder) by the rule in datafiles.py
    (a regular file inside data/, checked before reading); on a problem that stops reading, record
    it and return None."""
    found = datafiles.inspect(path, path.parent if data_dir is None else data_dir)
    if isinstance(found, str):
        problems.add(display, 1, 1, f"filen {found}")
        return None
    if found.size > MAX_FILE_BYTES:
        megabytes = f"{found.size / (1024 * 1024):.1f}".replace(".", ",")  # Danish decimal comma
        problems.add(display, 1, 1, f"filen fylder {megabytes} MB; der må højst være "
                     f"{MAX_FILE_BYTES // (1024 * 1024)} MB. Er det den rigtige fil?")
        return None
    try:
        raw = datafiles.read(found, MAX_FILE_BYTES)
    except datafiles.OutsideData:  # changed between the check and the read
        problems.add(display, 1, 1, "filen blev ændret, mens den blev læst; kør tjekket igen")
        return None
    text = _decode(raw, display, problems)
    if text is None:
        return None
    return cache.parse(text, display, problems) if cache is not None else parse_yaml(text, display, problems)
