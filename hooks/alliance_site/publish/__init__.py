"""From the Site to the website: addresses (urls.py), the specifications of pages and files
(specs.py; made by pages.py, guide_pages.py and feeds.py), what they show (guide.py,
contact.py, finder.py, api.py, jsonld.py, ical.py, brand.py, security.py), their rendering with
the templates (render.py, templates/), one build (build.py) and the preview's change tracking
(preview.py, render_inputs.py). No MkDocs import: the engine's side is hooks/alliance_mkdocs/.
"""
