"""Help for the people who edit data/, made from the model: the web editor at /admin/ (cms.py,
its configuration; field_help.py, the Danish labels and help it shares with the schemas) and
the JSON Schemas in the repository's schema/ folder that VS Code reads (ide_schemas.py,
`make schema`).
"""
