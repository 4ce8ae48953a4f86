"""Danish text helpers: URL slugs and alphabetical order."""

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
