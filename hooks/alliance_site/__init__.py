"""The domain of the alliance site generator: no module in it imports MkDocs or Material.

- data/: reading data/ (YAML with positions), validating it into the typed model, the checks
  within and across files, and the Site that the rest reads; `make check` and `make report`
  need nothing else.
- publish/: from the Site to the website: addresses, page and file specifications, the guide,
  feeds, calendars, /api/, JSON-LD and the CSP, rendered with the templates; one build
  (build.py) and the preview's change tracking (preview.py).
- editor/: the web editor at /admin/ (its configuration, made from the model) and the JSON
  Schemas that give editors of data/*.yaml completion in VS Code.
- worker.py: the build's second process; __main__.py: `python -m alliance_site`.

The engine's side, everything that knows MkDocs or Material, is hooks/alliance_mkdocs/, and
hooks/alliance_hooks.py joins the two.
"""
