"""The pages' indentation is taken out without changing what a browser shows."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from hypothesis import given
from hypothesis import strategies as st

from alliance_mkdocs.html_whitespace import collapse_whitespace
from htmlscan import found

AS_WRITTEN = {"pre", "code", "kbd", "textarea", "script", "style"}


def _spaces(text: str) -> str:
    return re.sub(r"[ \t\n\r\f]+", " ", text)


class Rendering(HTMLParser):
    """What a browser makes of a page, as far as whitespace goes: tags and attributes, and text
    with each whitespace run as one space, except inside elements shown as written."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.items: list[tuple] = []
        self.open_as_written = 0

    def handle_starttag(self, tag, attrs):
        self.open_as_written += tag in AS_WRITTEN
        self.items.append(("start", tag, tuple((k, v and _spaces(v)) for k, v in attrs)))

    def handle_endtag(self, tag):
        self.open_as_written -= tag in AS_WRITTEN
        self.items.append(("end", tag))

    def handle_data(self, data):
        self.items.append(("text", data if self.open_as_written else _spaces(data)))

    def handle_entityref(self, name):
        self.items.append(("entity", name))

    def handle_charref(self, name):
        self.items.append(("entity", name))


def rendering(html: str) -> list[tuple]:
    parser = Rendering()
    parser.feed(html)
    parser.close()
    merged: list[tuple] = []
    for item in parser.items:  # the parser may cut one text into several pieces
        if item[0] == "text" and merged and merged[-1][0] == "text":
            merged[-1] = ("text", merged[-1][1] + item[1])
        else:
            merged.append(item)
    return merged


def test_indentation_and_blank_lines_become_one_line_break():
    html = "<div>\n    <p>Ring\n      til os</p>\n\n\n  </div>\n"
    assert collapse_whitespace(html) == "<div>\n<p>Ring\ntil os</p>\n</div>\n"
    assert collapse_whitespace("<p>a \n\t b</p>") == "<p>a \nb</p>"


def test_whitespace_without_a_line_break_and_no_break_spaces_are_kept():
    html = "<p>a  b\t c</p>\n\u00a0\u00a0<p>\u00a0x</p>"
    assert collapse_whitespace(html) == "<p>a  b\t c</p>\n\u00a0\u00a0<p>\u00a0x</p>"


def test_text_shown_as_written_and_inline_code_stay_byte_for_byte():
    kept = ('<pre><code><span>def</span> f():\n    <span>return</span> 1\n</code></pre>'
            "<p>x <code>a\n   b</code> <kbd>Ctrl\n  C</kbd></p><textarea>\n  line\n</textarea>"
            "<script>\n  var a = `\n    b`;\n</script><style>\n  p {\n    color: red }\n</style>")
    html = "<main>\n  " + kept + "\n  </main>"
    assert collapse_whitespace(html) == "<main>\n" + kept + "\n</main>"


def test_only_whole_tag_names_are_kept_as_written():
    assert collapse_whitespace("<prefix>\n   a</prefix><scripted>\n  b</scripted>") == \
        "<prefix>\na</prefix><scripted>\nb</scripted>"


def test_collapsing_twice_changes_nothing_more():
    html = "<ul>\n  <li>a</li>\n  <li>b</li>\n</ul>\n<pre>\n  x\n</pre>"
    once = collapse_whitespace(html)
    assert collapse_whitespace(once) == once


TEXT = st.lists(st.sampled_from(["Ring", "til", "os", "&amp;", "&#8212;", "\u00a0", " ", "  ", "\t", "\n",
                                  "\n    ", "\r\n", "\n\n  \n", "\f"]), max_size=8).map("".join)
OPEN_TAGS = ["<div>", '<p class="al-lead">', '<a href="/x/"\n   title="Ring\n  nu">', "<span>",
             "<pre>", "<code>", "<kbd>", "<textarea>", "<script>", "<style>"]


def _element(inner: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    def wrap(args: tuple[str, list[str]]) -> str:
        tag, children = args
        name = found(r"\A<(\w+)", tag).group(1)
        if name in {"textarea", "script", "style"}:  # their content is text, never tags
            children = [re.sub(r"<[^>]*>", "", c) for c in children]
        elif name in AS_WRITTEN:  # preformatted text holds highlighting, not more of itself
            children = [re.sub(r"<(?!/?span\b)[^>]*>", "", c) for c in children]
        return tag + "".join(children) + f"</{name}>"
    return st.tuples(st.sampled_from(OPEN_TAGS), st.lists(inner, max_size=4)).map(wrap)


PAGES = st.recursive(TEXT, _element, max_leaves=20)


@given(st.lists(PAGES, max_size=6).map("".join))
def test_a_browser_shows_the_same_page(html):
    assert rendering(collapse_whitespace(html)) == rendering(html)


def test_every_built_page_is_written_without_indentation(built_site):
    """Every page MkDocs writes (the web editor's page is the hooks' own file)."""
    pages = sorted(p for p in built_site.rglob("*.html") if p.relative_to(built_site).parts[0] != "admin")
    assert len(pages) > 30
    for page in pages:
        html = page.read_text(encoding="utf-8")
        outside = re.sub(r"<(pre|code|kbd|textarea|script|style)\b.*?</\1\s*>", "", html, flags=re.DOTALL)
        assert not re.search(r"\n[ \t]", outside), page
        assert collapse_whitespace(html) == html, page
