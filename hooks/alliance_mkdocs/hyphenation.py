"""Soft hyphens in the long words of headings, so a phone breaks them with a hyphen.

The stylesheet asks for Danish hyphenation (`hyphens: auto`, the pages are lang="da"), but a
browser without a Danish hyphenation dictionary (Chromium on Linux) then breaks a heading such
as "Tilgængelighedserklæring" at 320 px without one, or not at all. A soft hyphen (U+00AD) is
invisible until the browser breaks the line there, and every browser honours it. Only headings
get them: they are large and short, and running text fits its longest words at 320 px. The
search index is made before this runs, so search still finds the words whole.
"""

from __future__ import annotations

import functools
import itertools
import re

import pyphen  # type: ignore[import-untyped]  # pyphen ships no type information

SOFT_HYPHEN = "\u00ad"
# Words shorter than this fit a 320 px line even in the largest heading (1.5em on phones).
LONG_WORD = 16
_HEADING = re.compile(r"(<h([1-6])\b[^>]*>)(.*?)(</h\2\s*>)", re.DOTALL)
_TAG = re.compile(r"(<[^>]*>|&[#\w]+;)")
_WORD = re.compile(rf"[^\W\d_]{{{LONG_WORD},}}")
_DANISH = pyphen.Pyphen(lang="da_DK", left=3, right=3)


@functools.lru_cache(maxsize=4096)
def hyphenate_word(word: str) -> str:
    """`word` with soft hyphens where Danish may break it: the dictionary's places that leave
    at least three letters on each side of every break, and the joint of a name written as
    one word ("Arbejdskraft|Alliancen")."""
    joints = {m.start() for m in re.finditer(r"(?<=[a-zæøå])(?=[A-ZÆØÅ])", word)}
    places = {0, len(word), *joints}
    for place in _DANISH.positions(word):
        if min(abs(place - kept) for kept in places) >= 3:
            places.add(place)
    ordered = sorted(places)
    return SOFT_HYPHEN.join(word[start:end] for start, end in itertools.pairwise(ordered))


def _hyphenate_text(text: str) -> str:
    return _WORD.sub(lambda m: hyphenate_word(m.group(0)), text)


def _hyphenate_heading(match: re.Match[str]) -> str:
    inner = _TAG.split(match.group(3))
    inner[0::2] = [_hyphenate_text(text) for text in inner[0::2]]
    return match.group(1) + "".join(inner) + match.group(4)


def hyphenate_headings(html: str) -> str:
    """`html` with soft hyphens in the long words of its headings' text (not in tags)."""
    return _HEADING.sub(_hyphenate_heading, html)
