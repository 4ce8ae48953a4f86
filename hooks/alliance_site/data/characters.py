"""The characters a text from data/ may hold: what every output format can carry.

Not carried: C0 controls but tab and line breaks, DEL, C1 controls, lone surrogates and the
noncharacters (U+FDD0-U+FDEF and the last two of every plane, such as U+FFFE). XML refuses most
of them, a vCard or calendar line breaks on them, a terminal obeys them (ESC). sources.py refuses
them in every value and key; problems.py shows them by their code in a message that quotes a value.
"""

from __future__ import annotations

import re

# Written as what may stand (a class of ranges), because regex searches a negated class of ranges
# ten times faster than a class of the 66 noncharacters. Tab and line breaks (LF, CR) may stand:
# every format escapes or folds them (a vCard writes \n, a feed a character reference).
_PLANES = "".join(f"{chr(plane * 0x10000)}-{chr(plane * 0x10000 + 0xFFFD)}" for plane in range(1, 17))
CARRIED = f"\\x20-\\x7e\\xa0-\\ud7ff\\ue000-\\ufdcf\\ufdf0-\\ufffd{_PLANES}"
NOT_CARRIED = re.compile(f"[^\\t\\n\\r{CARRIED}]")
# What a one-line message cannot show as it is: the above, and the line breaks.
NOT_SHOWN = re.compile(f"[^\\t{CARRIED}]")


def code(char: str) -> str:
    """'U+0008': how a message names a character."""
    return f"U+{ord(char):04X}"


def shown(text: str, one_line: bool = True) -> str:
    """`text` with every invisible character as its code (<U+001B>), and the line breaks too
    unless the output has its own way to write them (`one_line=False`: GitHub's %0A)."""
    return (NOT_SHOWN if one_line else NOT_CARRIED).sub(lambda match: f"<{code(match.group())}>", text)
