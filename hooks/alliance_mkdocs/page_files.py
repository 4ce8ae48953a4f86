"""A generated page as MkDocs reads it: its Markdown file's path (MkDocs publishes `x.md` at
`x/` with directory URLs) and its content, front matter first."""

from __future__ import annotations

import json
from typing import Any

from alliance_site.publish.pages import OPTIONAL_SECTIONS, site_links_relative
from alliance_site.publish.specs import PageSpec
from alliance_site.publish.urls import HOME
from markupsafe import escape

# Characters YAML reads as line breaks inside a quoted string, where JSON leaves them as they are.
_YAML_LINE_BREAKS = str.maketrans({"\u0085": "\\u0085", "\u2028": "\\u2028", "\u2029": "\\u2029"})
# Material's front matter for what a page hides. No generated page shows Material's table of
# contents: it would list the headings of every card (each consultant, each event), which the
# page's own sections already lead to.
GENERATED_PAGES_HIDE = ["toc"]
# Front matter of a page that is not listed (a step of the guide): Material's search leaves it
# out, and `robots` keeps it out of the sitemap (overrides/sitemap.xml) and, by a robots meta tag
# (overrides/main.html), out of search engines.
UNLISTED = {"search": {"exclude": True}, "robots": "noindex"}
# Front-matter key of a page's search words (PageSpec.search_words); search.py indexes them.
SEARCH_WORDS = "search_words"


def source_uri(url: str) -> str:
    """Markdown source path that MkDocs (with directory URLs) publishes at `url`."""
    return "index.md" if url == HOME else url.rstrip("/") + ("/index.md" if url.count("/") == 1 else ".md")


def page_source(spec: PageSpec) -> str:
    """Markdown file content. Titles are HTML-escaped because Material prints them raw. The front
    matter is written as JSON, which is YAML too: PyYAML's emitter is slow enough to show in
    every preview rebuild (150 pages, twice), the JSON encoder is not."""
    meta: dict[str, Any] = {"title": str(escape(spec.title)), "description": str(escape(spec.description)),
                            "hide": GENERATED_PAGES_HIDE, **({} if spec.listed else UNLISTED)}
    if spec.search_words:
        meta[SEARCH_WORDS] = [str(escape(word)) for word in spec.search_words]
    front = json.dumps(meta, ensure_ascii=False).translate(_YAML_LINE_BREAKS)
    return f"---\n{front}\n---\n\n{site_links_relative(spec.markdown, spec.url)}\n"


def prune_nav(nav: Any, pages: set[str]) -> Any:
    """`nav` (mkdocs.yml's shape: lists of {title: path or list}) without the entries of optional
    sections that have no page in `pages` (src_uris); every other entry stays as written."""
    if isinstance(nav, list):
        items = [prune_nav(item, pages) for item in nav]
        return [item for item in items if item is not None]
    if isinstance(nav, dict):
        entries = {title: prune_nav(value, pages) for title, value in nav.items()}
        kept = {title: value for title, value in entries.items() if value is not None and value != []}
        return kept or None
    if isinstance(nav, str) and nav in {source_uri(u) for u in OPTIONAL_SECTIONS} and nav not in pages:
        return None
    return nav
