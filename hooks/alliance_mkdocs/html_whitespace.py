"""Indentation out of the written pages: Material's templates indent every line of the page
frame, and at national scale that is a tenth of the site's bytes.

A line break and the whitespace after it (the next line's indentation, blank lines) become one
line break. A browser shows the same page: outside preformatted text a run of whitespace is one
space however long it is, and a line break stays where one was. What is shown as written is
left alone: <pre>, <code> and <kbd> (Material sets them `white-space: pre-wrap`), <textarea>,
and the code of <script> and <style>, which also keeps inline code as the templates wrote it.
"""

from __future__ import annotations

import re

# Tag names as the templates and Python-Markdown write them: lower case.
_AS_WRITTEN = re.compile(r"(<(pre|code|kbd|textarea|script|style)\b.*?</\2\s*>)", re.DOTALL)
# HTML's whitespace (not Python's \s, which would take a no-break space as well). Runs start at
# the line break: a pattern that also took the spaces before it would be tried at every space
# of the page, three times slower (0.26 against 0.08 ms for a page of the national site).
_LINE_BREAK_RUN = re.compile(r"\n[ \t\n\r\f]+")


def collapse_whitespace(html: str) -> str:
    """`html` with each line break and the whitespace after it made one '\\n'."""
    parts = _AS_WRITTEN.split(html)
    # split() gives [text, element, tag name, text, element, tag name, ..., text].
    parts[0::3] = [_LINE_BREAK_RUN.sub("\n", text) for text in parts[0::3]]
    del parts[2::3]
    return "".join(parts)
