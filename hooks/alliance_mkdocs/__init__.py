"""Everything that knows MkDocs or Material for MkDocs, in one package beside the domain
(hooks/alliance_site/, which imports neither). An upgrade of either, or a move to another
engine, touches these files, hooks/alliance_hooks.py (the glue), overrides/main.html and
overrides/partials/, and the two scripts that rely on Material's bundle (material.py says which
names):

- material.py: the contract with Material, checked by tests/test_material_contract.py
- search.py, search_sections.py, search_text.py: Material's search index, fed by our section
  cutter, without forms; --dirty
- files.py, page_files.py: generated pages and files, front matter, /admin/, --dirty
- state.py: the hooks' one state object and the loading of data/ per build
- theme_env.py, theme_cache.py: Material's Jinja environment given the project's helpers, and
  its compiled templates and file list kept between the rebuilds of `mkdocs serve`
- palette.py: the brand colour as Material's palette variables (the brand stylesheet)
- html_whitespace.py, hyphenation.py: the pages as written, without the templates' indentation
  and with soft hyphens in the long words of headings
- headers.py: _headers with the CSP from each written page
- markdown.py: short Markdown fields rendered with MkDocs' Markdown settings
- options.py: extra.alliance in mkdocs.yml; serve.py: how often `mkdocs serve` looks for edits
"""
