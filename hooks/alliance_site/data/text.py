"""Danish text helpers: URL slugs, alphabetical order, counts and lists in sentences."""

from __future__ import annotations

import re
import unicodedata

_DANISH_LETTERS = {"æ": "ae", "ø": "oe", "å": "aa", "Æ": "ae", "Ø": "oe", "Å": "aa"}
# Danish alphabetical order puts æ, ø, å after z.
_SORT_LETTERS = str.maketrans({"æ": "z\u0001", "ø": "z\u0002", "å": "z\u0003"})


def slugify(text: str) -> str:
    """ASCII URL slug with Danish transliteration: 'Holbæk Kommune' -> 'holbaek-kommune'."""
    text = "".join(_DANISH_LETTERS.get(ch, ch) for ch in text)
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def danish_sort_key(text: str) -> str:
    """Sort key that orders Danish names as a Danish reader expects (Ærø after Vejle)."""
    return text.casefold().replace("aa", "å").translate(_SORT_LETTERS)


def counted(n: int, one: str, many: str) -> str:
    """'1 advarsel', '2 advarsler': a number with the noun in the form Danish needs."""
    return f"{n} {one if n == 1 else many}"


def listing(items: list[str], last: str = "og") -> str:
    """'a, b og c' (or 'a, b eller c'): a list as a Danish sentence writes it."""
    if len(items) < 2:
        return "".join(items)
    return f"{', '.join(items[:-1])} {last} {items[-1]}"


def genitive(name: str) -> str:
    """A name in the Danish genitive: 'Jobcenter Holbæk' -> 'Jobcenter Holbæks'; a name that
    ends in s, x or z takes an apostrophe only ('Jobcenter Ringsted Business' -> '... Business'',
    'Linux' -> 'Linux'')."""
    return name + ("'" if name[-1:].lower() in ("s", "x", "z") else "s")
