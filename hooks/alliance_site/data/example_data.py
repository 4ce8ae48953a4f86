"""Example contacts must not go live: e-mail addresses and web addresses on reserved example
domains, and phone numbers in ranges no subscriber can have.

The default data and the examples are fictional on purpose (`.example` addresses, `+45 1x`
numbers), so they can never reach a real person. An alliance that deploys before replacing
them would publish people nobody can reach. So a production build (one whose site address is
a real host; see `is_production`) fails with a located error for each such value, unless
alliance.yaml says `demo: true`, which every page then shows as a notice; `make report` lists
them in any build.

What is reserved:
- domains: the top-level names .example, .test, .invalid and .localhost (RFC 2606, RFC 6761)
  and example.com, example.org and example.net with their subdomains (RFC 2606 §3);
- phone numbers: Danish numbers beginning with 0 or 1 (the Danish numbering plan gives
  subscribers eight digits beginning with 2-9; 1xx are service codes), the UK's numbers for
  drama (Ofcom: 07700 900000-900999, 020 7946 0000-0999) and North America's 555-0100-0199.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from urllib.parse import urlsplit

from alliance_site.data.fields import normalise_phone
from alliance_site.data.problems import Problem
from alliance_site.data.sources import Location, SourceDocument, strings
from alliance_site.data.validation import display_path

RESERVED_TOP_LEVEL = ("example", "test", "invalid", "localhost")
RESERVED_DOMAINS = ("example.com", "example.org", "example.net")
_EMAIL = re.compile(r"[\w.+-]+@([\w-]+(?:\.[\w-]+)+)")
_URL = re.compile(r"\bhttps?://[^\s)<>\]\"']+")
# Fictional numbers as normalise_phone writes them ('+45 12 34 56 78', '+447700900123').
_FICTIONAL_PHONE = re.compile(r"^\+45 [01]|^\+447700900\d{3}$|^\+44207946[0]\d{3}$|^\+1\d{3}55501\d{2}$")
PHONE_KEYS = ("phone",)
DEMO_FIELD = "demo"


def reserved_host(host: str) -> bool:
    """True for a host on a reserved example domain (or a local one, 'localhost', an IP literal
    of the loopback)."""
    host = host.lower().rstrip(".")
    return (host.rsplit(".", 1)[-1] in RESERVED_TOP_LEVEL or host.startswith("127.")
            or any(host == domain or host.endswith(f".{domain}") for domain in RESERVED_DOMAINS))


def is_production(site_url: str | None) -> bool:
    """A build for the public: its address is a real host. A build without an address set
    (mkdocs.yml's default, 'https://arbejdskraftalliancen.example/'), tests and a laptop's
    preview are not; the deploy workflows and Netlify set SITE_URL to the real address."""
    host = urlsplit(site_url or "").hostname
    return bool(host) and not reserved_host(host or "")


def fictional_phone(value: str) -> bool:
    try:
        return bool(_FICTIONAL_PHONE.search(normalise_phone(value)))
    except ValueError:  # not a phone number at all: the model says so
        return False


def find(docs: Iterable[SourceDocument], severity: str = "error") -> list[Problem]:
    """Every example address and fictional number in the data files, where it is written."""
    found = []
    for doc in docs:
        for loc, value in strings(doc.data):
            for what in _examples(loc, value):
                position, where = doc.locate(loc), display_path(loc)
                message = (f"{what}; skriv den rigtige kontakt, før sitet offentliggøres, eller skriv "
                           f"'{DEMO_FIELD}: true' i alliance.yaml, hvis sitet er et eksempel")
                found.append(Problem(doc.path, position.line, position.column,
                                     f"{where}: {message}" if where else message, severity))
    return sorted(found)


def _examples(loc: Location, value: str) -> Iterator[str]:
    if loc and loc[-1] in PHONE_KEYS and fictional_phone(value):
        yield f"telefonnummeret '{value.strip()}' er et opdigtet nummer, som ingen kan ringe til"
        return
    for match in _EMAIL.finditer(value):
        if reserved_host(match.group(1)):
            yield f"e-mailadressen '{match.group()}' er en eksempeladresse, som ingen kan skrive til"
    for match in _URL.finditer(value):
        host = urlsplit(match.group()).hostname
        if host and reserved_host(host):
            yield f"adressen '{match.group()}' er en eksempeladresse, som ingen kan åbne"
