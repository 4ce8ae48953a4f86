"""Reading and validating data/: the YAML with positions (sources.py), the typed model
(model.py, fields.py), the checks within and across files (validation.py, crossref.py,
content_checks.py, journey_checks.py), and the Site the rest of the generator reads (site.py),
loaded by loading.py.

Three checks ask the publishing side what it will make: the addresses of pages (site.py uses
urls.py), the pages a link may lead to (sitelinks.py) and the brand colour's contrast
(content_checks.py uses brand.py).
"""
