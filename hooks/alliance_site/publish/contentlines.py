"""Content lines of the two text formats the site writes besides HTML: iCalendar (RFC 5545
§3.1) and vCard (RFC 6350 §3.2, and RFC 2426 for the vCard 3.0 the site writes). Both fold a
line longer than 75 octets onto continuation lines that begin with a space, and end every line
with CRLF. One function for both, so a calendar and a vCard fold the same way.
"""

from __future__ import annotations

from collections.abc import Iterable

MAX_LINE_OCTETS = 75


def fold(line: str) -> str:
    """A line longer than 75 octets continues on the next line after a space, never inside a
    UTF-8 character (a Danish letter is two octets, an emoji four)."""
    out, current, size = [], "", 0
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > MAX_LINE_OCTETS:
            out.append(current)
            current, size = " ", 1
        current += char
        size += width
    out.append(current)
    return "\r\n".join(out)


def content_lines(lines: Iterable[str]) -> str:
    """The lines folded, each ended by CRLF: a whole file."""
    return "".join(fold(line) + "\r\n" for line in lines)
