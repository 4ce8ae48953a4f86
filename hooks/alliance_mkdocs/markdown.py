"""One Markdown renderer for every Markdown field: MkDocs renders the page bodies (topics, the
alliance's description) with the extensions in mkdocs.yml, and the short fields that templates
render (event descriptions, status reports) get a Markdown with the very same extensions and
settings, so `{: #id }` or an admonition means the same in both.
tests/test_markdown.py renders every construct the validator allows both ways."""

from __future__ import annotations

from collections.abc import Callable

import markdown


def field_renderer(config) -> Callable[[str], str]:
    """Markdown text -> HTML as MkDocs renders a page body with `config` (its
    markdown_extensions include MkDocs' own toc, tables and fenced_code)."""
    converter = markdown.Markdown(extensions=config.markdown_extensions, extension_configs=config.mdx_configs)

    def render(text: str) -> str:
        return converter.reset().convert(text)
    return render
