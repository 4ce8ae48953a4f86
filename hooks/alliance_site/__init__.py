"""Domain core of the alliance site generator.

Nothing in this package imports MkDocs: it reads YAML with positions, validates it into a
typed model and maps the model to page specifications. `hooks/alliance_hooks.py` is the only
place that talks to MkDocs.
"""
