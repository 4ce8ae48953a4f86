"""Constrained field types shared by the models.

Each type accepts the text an editor typed and either normalises it (phone numbers) or fails
with a message that says what is allowed, so the error list doubles as instructions.
"""

from __future__ import annotations

import datetime
import html
import re
from typing import Annotated
from urllib.parse import quote

from pydantic import AfterValidator, BeforeValidator, StringConstraints, WithJsonSchema

SLUG_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
MAX_ID_LENGTH = 80
EMAIL_PATTERN = re.compile(r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$")
# Written so it means the same in Python and in JavaScript with the `u` flag (how JSON Schema
# tools read `pattern`): no escapes that JavaScript refuses, such as \" (tests/test_conformance.py).
URL_PATTERN = re.compile(r'^https://[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+(?::\d+)?(?:[/?#][^\s<>"]*)?$')
# Markdown link targets: inline [text](target) and reference definitions [id]: target.
MARKDOWN_LINK = re.compile(r"\]\(\s*<?([^)\s>]*)|^\s{0,3}\[[^\]]+\]:\s*<?(\S*?)>?(?:\s|$)", re.MULTILINE)
HTML_TAG = re.compile(r"<\s*/?\s*[A-Za-z!?]")
# attr_list syntax ({: #id .class key=value } after a paragraph, heading or link) sets HTML
# attributes; only ids and classes may be set, so onclick=, style= or href= cannot get in.
ATTRIBUTE_LIST = re.compile(r"(?<!\\)\{:?([^{}\n]*?)(?<!\\)\}")
ATTRIBUTE_ID_OR_CLASS = re.compile(r"[#.][\w-]+")
# What a link's address cannot hold: not a URL code point (WHATWG URL), so the href would be
# invalid HTML; or '(', after which Python-Markdown reads on to the matching ')', spaces and all.
NOT_IN_LINK = frozenset('"\\`{}|^(')
# Images would load from wherever they point, also from other hosts.
MARKDOWN_IMAGE = re.compile(r"!\[")
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# An event's time as Danes write it: '9.00', '9.00-15.00' or '9:00–15:00' (hyphen or en dash).
CLOCK = r"([01]?\d|2[0-3])[.:]([0-5]\d)"
TIME_SPAN = re.compile(rf"^{CLOCK}(?:\s*[-–]\s*{CLOCK})?$")
HEX_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
# A Danish postcode: four digits. The loader keeps an unquoted 4690 as the text typed, so both
# `4690` and `"4690"` are accepted; JSON Schema tools read the unquoted one as a number.
POSTCODE = re.compile(r"^\d{4}$")
REGISTRATION_EMAIL = re.compile(r"^(mailto:)?" + EMAIL_PATTERN.pattern[1:])
# Loose shape of a phone number for the IDE schemas (schema/*.json); normalise_phone() decides for real.
PHONE_SHAPE = r"^\s*(\+|00)?[0-9][0-9 ./()-]{5,}$"


def data_relative(path: str) -> str:
    """A file path in data/ as the validator and the site use it. The web editor writes media
    paths from the site root ('/fotos/anne.jpg', from `public_folder`); editors write
    'fotos/anne.jpg'. Both mean data/fotos/anne.jpg."""
    return path.strip().removeprefix("/")


def _text(value: object) -> object:
    return value.strip() if isinstance(value, str) else value


def _slug(value: str) -> str:
    if len(value) > MAX_ID_LENGTH:  # an id names a page folder and a file: keep it well under 255 bytes
        raise ValueError(f"id'et er {len(value)} tegn langt; et id er en del af sidens adresse og et filnavn, "
                         f"så der må højst være {MAX_ID_LENGTH} tegn: forkort det")
    if not SLUG_PATTERN.match(value):
        raise ValueError(f"'{value}' er ikke et gyldigt id; brug kun små bogstaver a-z, tal 0-9 og bindestreger "
                         "(æ→ae, ø→oe, å→aa), fx 'naestved' eller 'mette-holm'")
    return value


def normalise_phone(value: str) -> str:
    """Danish numbers to '+45 12 34 56 78'; other countries kept as '+CC digits'."""
    digits = re.sub(r"[\s\-./()]", "", value)
    if digits.startswith("0045"):
        digits = "+45" + digits[4:]
    if re.fullmatch(r"\d{8}", digits):
        digits = "+45" + digits
    if re.fullmatch(r"\+45\d{8}", digits):
        d = digits[3:]
        return f"+45 {d[0:2]} {d[2:4]} {d[4:6]} {d[6:8]}"
    if re.fullmatch(r"\+(?!45)\d{7,15}", digits):
        return digits
    raise ValueError(f"'{value}' er ikke et gyldigt telefonnummer; skriv otte cifre, "
                     "fx \"+45 12 34 56 78\" (i anførselstegn), eller et udenlandsk nummer, der begynder med +")


def _email(value: str) -> str:
    if value.lower().startswith("mailto:"):
        raise ValueError(f"skriv e-mailadressen uden 'mailto:', fx '{value[7:]}'")
    if not EMAIL_PATTERN.match(value):
        raise ValueError(f"'{value}' er ikke en gyldig e-mailadresse; skriv fx 'navn@kommune.dk'")
    return value


def _https_url(value: str) -> str:
    if URL_PATTERN.match(value):
        return value
    if value.lower().startswith("http://"):
        hint = f"brug https://, fx 'https://{value[7:]}'"
    elif re.match(r"^[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+(/\S*)?$", value):
        hint = f"mente du 'https://{value}'?"
    else:
        hint = "kun hele adresser, der begynder med https://, er tilladt, fx 'https://www.example.dk/side'"
    raise ValueError(f"'{value}' er ikke en tilladt webadresse; {hint}")


def _registration(value: str) -> str:
    """Where to sign up: a web address, or an e-mail address (with or without 'mailto:'),
    given as the link the button opens ('mailto:...')."""
    address = value[7:] if value.lower().startswith("mailto:") else value
    if "@" in address and not address.lower().startswith(("https:", "http:")):
        if not EMAIL_PATTERN.match(address):
            raise ValueError(f"'{value}' er ikke en gyldig e-mailadresse; skriv fx 'tilmelding@kommune.dk', "
                             "eller en webadresse, der begynder med https://")
        return f"mailto:{address}"
    if URL_PATTERN.match(value) or value.lower().startswith("http://"):
        return _https_url(value)  # its message says to write https://
    raise ValueError(f"'{value}' er hverken en webadresse eller en e-mailadresse; skriv en hel adresse, der "
                     "begynder med https://, fx 'https://www.example.dk/tilmelding', eller en e-mailadresse, "
                     "fx 'tilmelding@kommune.dk'")


def _iso_date(value: object) -> object:
    """Dates only as YYYY-MM-DD text: '20261102' must not become a Unix timestamp."""
    if isinstance(value, datetime.date):
        return value
    text = value.strip() if isinstance(value, str) else value
    if not isinstance(text, str) or not ISO_DATE.match(text):
        raise ValueError(f"'{value}' er ikke en dato; skriv den som ÅÅÅÅ-MM-DD, fx 2026-01-31")
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise ValueError(f"'{text}' er ikke en dato i kalenderen; tjek måneden og dagen") from None


def _time_span(value: str) -> str:
    if not TIME_SPAN.match(value):
        raise ValueError(f"'{value}' er ikke et tidspunkt; skriv start og slut som 9.00-15.00, eller kun start som 9.00")
    return value


def parse_time_span(value: str) -> tuple[tuple[int, int], tuple[int, int] | None]:
    """'9.00-15.00' -> ((9, 0), (15, 0)); '9.00' -> ((9, 0), None)."""
    match = TIME_SPAN.match(value.strip())
    assert match is not None, value
    start = (int(match.group(1)), int(match.group(2)))
    end = (int(match.group(3)), int(match.group(4))) if match.group(3) else None
    return start, end


def _postcode(value: str) -> str:
    if not POSTCODE.match(value):
        raise ValueError(f"'{value}' er ikke et postnummer; et postnummer er fire cifre, fx 4690")
    return value


def _hex_colour(value: str) -> str:
    if not HEX_COLOUR.match(value):
        raise ValueError(f"'{value}' er ikke en farvekode; skriv den som # og seks hexcifre, fx '#0b5a6b'")
    return value.lower()


def safe_link_target(target: str) -> bool:
    """Links in Markdown may go to https, mailto, tel or to a page of this site. Entities are
    decoded and the characters browsers drop from URLs removed first, as a browser would, so
    'javascript&#58;...' or 'java&#9;script:...' cannot pass as a link to a page of this site."""
    target = re.sub(r"^[\x00-\x20]+", "", re.sub(r"[\t\n\r]", "", html.unescape(target)))
    if re.match(r"^(https://|mailto:|tel:)", target):
        return True
    return not re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:", target) and not target.startswith("//")


def _markdown(value: str) -> str:
    if HTML_TAG.search(value):
        raise ValueError("HTML-koder (<...>) er ikke tilladt i teksten; brug Markdown "
                         "(**fed**, [tekst](https://...), - punkt)")
    if MARKDOWN_IMAGE.search(value):
        raise ValueError("billeder er ikke tilladt i teksten; en konsulents foto skrives i feltet 'photo'")
    for match in ATTRIBUTE_LIST.finditer(value):
        if not all(ATTRIBUTE_ID_OR_CLASS.fullmatch(token) for token in match.group(1).split()):
            raise ValueError(f"'{match.group(0)}' er ikke tilladt: krøllede parenteser efter en tekst sætter "
                             "HTML-egenskaber; skriv \\{ og \\} for krøllede parenteser i teksten")
    for match in MARKDOWN_LINK.finditer(value):
        target = match.group(1) or match.group(2) or ""
        if not safe_link_target(target):
            raise ValueError(f"linket '{target}' er ikke tilladt; et link skal begynde med https://, "
                             "mailto: eller tel:, eller gå til en side på denne hjemmeside")
        if char := next((c for c in target if c in NOT_IN_LINK), None):  # the page would not be valid HTML
            raise ValueError(f"linket '{target}' rummer tegnet {char}, som ikke kan stå i adressen i et link; "
                             f"skriv det som {quote(char)}")
    return value


# Length limits: one type per limit. Narrowing a type later (Annotated[ShortText, Field(max_length=160)])
# cannot raise its limit: pydantic keeps the inner 120, so a longer limit needs a type of its own.
Text = Annotated[str, BeforeValidator(_text), StringConstraints(min_length=1)]
ShortText = Annotated[str, BeforeValidator(_text), StringConstraints(min_length=1, max_length=120)]
Summary = Annotated[str, BeforeValidator(_text), StringConstraints(min_length=1, max_length=160)]
Sentence = Annotated[str, BeforeValidator(_text), StringConstraints(min_length=1, max_length=300)]
Description = Annotated[str, BeforeValidator(_text), StringConstraints(min_length=1, max_length=400),
                        AfterValidator(_markdown)]
Markdown = Annotated[str, BeforeValidator(_text), StringConstraints(min_length=1, max_length=20000),
                     AfterValidator(_markdown)]
# WithJsonSchema gives the IDE schemas (schema/*.json) the same rule as the validator.
Slug = Annotated[str, BeforeValidator(_text), AfterValidator(_slug),
                 WithJsonSchema({"type": "string", "pattern": SLUG_PATTERN.pattern,
                                 "maxLength": MAX_ID_LENGTH})]
Phone = Annotated[str, BeforeValidator(_text), AfterValidator(normalise_phone),
                  WithJsonSchema({"anyOf": [{"type": "string", "pattern": PHONE_SHAPE},
                                            {"type": "integer", "minimum": 10000000, "maximum": 99999999}]})]
Email = Annotated[str, BeforeValidator(_text), AfterValidator(_email),
                  WithJsonSchema({"type": "string", "pattern": EMAIL_PATTERN.pattern})]
HttpsUrl = Annotated[str, BeforeValidator(_text), AfterValidator(_https_url),
                     WithJsonSchema({"type": "string", "pattern": URL_PATTERN.pattern})]
IsoDate = Annotated[datetime.date, BeforeValidator(_iso_date)]
Registration = Annotated[str, BeforeValidator(_text), AfterValidator(_registration),
                         WithJsonSchema({"anyOf": [{"type": "string", "pattern": URL_PATTERN.pattern},
                                                   {"type": "string", "pattern": REGISTRATION_EMAIL.pattern}]})]
# A path below data/ (a photo, a news picture, the logo); pictures.py has the rule for its file.
DataPath = Annotated[str, BeforeValidator(lambda v: data_relative(v) if isinstance(v, str) else v),
                     StringConstraints(min_length=1, max_length=120)]
TimeSpan = Annotated[str, BeforeValidator(_text), AfterValidator(_time_span),
                    WithJsonSchema({"type": "string", "pattern": TIME_SPAN.pattern})]
HexColour = Annotated[str, BeforeValidator(_text), AfterValidator(_hex_colour),
                      WithJsonSchema({"type": "string", "pattern": HEX_COLOUR.pattern})]
Postcode = Annotated[str, BeforeValidator(_text), AfterValidator(_postcode),
                    WithJsonSchema({"anyOf": [{"type": "string", "pattern": POSTCODE.pattern},
                                              {"type": "integer", "minimum": 1000, "maximum": 9999}]})]
