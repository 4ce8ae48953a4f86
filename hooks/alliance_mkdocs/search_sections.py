"""Cut a page body into search sections exactly as Material's search plugin does, in a fraction
of the time.

Material's search plugin feeds every page body to a subclass of `html.parser.HTMLParser`. At
national scale (2,000 consultant cards on 150 pages) that parse was half of the whole build.
This module reproduces the plugin's rules (material/plugins/search/plugin.py, `Parser`) on a
single regular-expression tokenizer. It keeps even the plugin's quirks, so the index stays
byte for byte what Material would write; tests/test_search_sections.py holds it to that on
every page of the example sites and on generated HTML.

The quirks kept on purpose, because Material's `Element` compares by tag name alone:
- "inside the section's heading" means "inside any open element with the heading's tag";
- an element marked `data-search-exclude` stops hiding text at the first closing tag of the
  same name, even a nested one;
- an empty kept element (`<p></p>`) is dropped only when nothing follows the first opening tag
  of that name in the section.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html import escape, unescape

# One token per match, as html.parser would split the body: text; an end tag; a start tag with
# its attributes; a <script> or <style> element whole (its text is never indexed); or other
# markup (a comment, doctype or processing instruction, which Material ignores).
_TOKEN = re.compile(
    r"([^<]+|<(?![a-zA-Z/!?]))"
    r"|</([a-zA-Z][^\t\n\r\f />]*)[^>]*>"
    r"|<(script|style)(?=[\t\n\r\f />])([^>\"']*(?:(?:\"[^\"]*\"|'[^']*')[^>\"']*)*)(?<!/)>.*?(?:(</\s*\3\s*>)|\Z)"
    r"|<([a-zA-Z][^\t\n\r\f />]*)([^>\"']*(?:(?:\"[^\"]*\"|'[^']*')[^>\"']*)*)>"
    r"|<!--.*?(?:-->|\Z)|<[!?/][^>]*>?|<",
    re.S | re.I)
_ATTRIBUTE = re.compile(r"([^\s/>\"'=][^\s/>=]*)(?:\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s>]+))?")
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_KEEP = frozenset({"p", "code", "pre", "li", "ol", "ul", "sub", "sup"})
_ALWAYS_SKIPPED = frozenset({"object", "script", "style"})
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                   "param", "source", "track", "wbr"})
# Words that make an attribute matter; a tag's attributes are parsed only if one is there.
_ATTRIBUTE_HINT = re.compile(r"data-search-exclude|linenodiv|headerlink")


@dataclass
class Section:
    """A heading and the text after it, as lists of escaped HTML pieces (Material's shape)."""

    tag: str
    depth: float = 0
    id: str | None = None
    excluded: bool = False
    title: list[str] = field(default_factory=list)
    text: list[str] = field(default_factory=list)


def _attributes(source: str) -> dict[str, str | None]:
    """Attributes as html.parser reports them: names lowercased, quotes removed, entities
    decoded, the last of two equal names winning."""
    attributes: dict[str, str | None] = {}
    for name, value in _ATTRIBUTE.findall(source):
        if not value:
            attributes[name.lower()] = None
            continue
        if len(value) > 1 and value[0] == value[-1] and value[0] in "'\"":
            value = value[1:-1]
        attributes[name.lower()] = unescape(value)
    return attributes


class _Sections:
    """The sections found so far and the one text goes to."""

    def __init__(self) -> None:
        self.all: list[Section] = []
        self.current = Section("hx")  # the preface, listed once something comes before a heading

    def ensure(self) -> Section:
        """Text before the first heading goes to an untitled section (Material's "preface")."""
        if not self.all:
            self.all.append(self.current)
        return self.current

    def start_heading(self, tag: str, attributes: dict[str, str | None], depth: int) -> None:
        if tag != "h1" and not self.all:
            self.all.append(Section("hx", depth))
        self.current = Section(tag, depth, excluded="data-search-exclude" in attributes)
        if self.all:
            self.current.id = attributes["id"]
        self.all.append(self.current)

    def leave_nested(self, depth: int) -> None:
        """Closing the element a heading was nested in returns to the enclosing section."""
        for section in reversed(self.all):
            if section.depth <= depth:
                self.current.depth = float("inf")
                self.current = section
                return


def _close_kept(tag: str, pieces: list[str]) -> None:
    """Drop the element if only whitespace follows the first `<tag>` of the section, else close it."""
    try:
        index = pieces.index(f"<{tag}>")
    except ValueError:  # opened in another section; Material would fail here
        pieces.append(f"</{tag}>")
        return
    if any(not piece.isspace() for piece in pieces[index + 1:]):
        pieces.append(f"</{tag}>")
    else:
        del pieces[index:]


def page_sections(html: str) -> list[Section]:
    """The sections of one page body, in order; Material indexes those not `excluded`.

    One loop with its state in local variables: it runs once per token, ~300,000 times for a
    national site, so calls and attribute lookups are kept out of the common paths."""
    sections = _Sections()
    context: list[str] = []           # tags of the open elements
    open_count: dict[str, int] = {}   # how many elements of each tag are open
    skip = set(_ALWAYS_SKIPPED)       # tags whose open elements hide text
    skipped_open = 0                  # open elements whose tag is in `skip`
    headerlinks: list[bool] = []      # for each open <a>: is it a permalink?
    for text, end_tag, raw_tag, raw_attributes, raw_closed, start_tag, attribute_source in _TOKEN.findall(html):
        if text:
            if not skipped_open:
                _add_text(sections.ensure(), unescape(text) if "&" in text else text, open_count, headerlinks)
            continue
        if raw_tag:  # script or style: its text is skipped whatever the section
            start_tag, attribute_source, end_tag = raw_tag, raw_attributes, raw_tag if raw_closed else ""
        if start_tag:
            tag = start_tag.lower()
            if tag in _VOID:
                continue
            context.append(tag)
            open_count[tag] = open_count.get(tag, 0) + 1
            if tag in skip:
                skipped_open += 1
            attributes = {}
            if tag in _HEADINGS or (attribute_source and _ATTRIBUTE_HINT.search(attribute_source)):
                attributes = _attributes(attribute_source)
                if tag in _HEADINGS and "id" in attributes:
                    sections.start_heading(tag, attributes, len(context))
            if tag == "a":
                headerlinks.append(attributes.get("class") == "headerlink")
            section = sections.ensure()
            if "data-search-exclude" in attributes or attributes.get("class") == "linenodiv":
                if tag not in skip:
                    skip.add(tag)
                    skipped_open += open_count[tag]
            elif tag in _KEEP and not skipped_open:
                (section.title if open_count.get(section.tag) else section.text).append(f"<{tag}>")
            if attribute_source.endswith("/"):
                end_tag = tag  # <x/>: html.parser reports a start and an end
        if end_tag:
            tag = end_tag.lower()
            if not context or context[-1] != tag:
                continue
            if sections.current.depth > len(context):
                sections.leave_nested(len(context))
            context.pop()
            open_count[tag] -= 1
            if tag == "a":
                headerlinks.pop()
            if tag in skip:
                skipped_open -= 1
                if tag not in _ALWAYS_SKIPPED:
                    skip.discard(tag)
                    skipped_open -= open_count[tag]
            elif tag in _KEEP and not skipped_open:
                section = sections.current
                _close_kept(tag, section.title if open_count.get(section.tag) else section.text)
    return sections.all


def _add_text(section: Section, text: str, open_count: dict[str, int], headerlinks: list[bool]) -> None:
    """Text outside <pre> has its line breaks made spaces and runs of blank text made one
    space; text inside the heading goes to the title unless it is the heading's permalink."""
    preformatted = open_count.get("pre")
    blank = text.isspace()
    if not preformatted:
        text = " " if blank else text.replace("\n", " ")
    if open_count.get(section.tag):
        if not any(headerlinks):
            section.title.append(escape(text, quote=False))
    elif blank:
        if not section.text or not section.text[-1].isspace() or preformatted:
            section.text.append(text)
    else:
        section.text.append(escape(text, quote=False))
