"""What of a page body the search index may hold: never a form.

A filter form's option list is text to an HTML parser, so Material indexed the partner filter
("Kommune Alle kommuner FaxeFrederikssundHolbæk…") as a result for "rekruttering", and every
page with the topic filter as a hit for "lærling". Forms and their controls hold no content a
reader searches for, so they are cut out of every page before it is cut into sections, here,
once, rather than marked `data-search-exclude` in each template that has a form.
"""

from __future__ import annotations

import re

from .search_sections import Section, page_sections

# Elements whose whole content is controls or their labels. HTML allows none of them inside
# another of the same kind (a form in a form, a select in a select), so the first closing tag
# of the same name ends each one; a form goes first and takes the controls inside it along.
FORM_ELEMENTS = ("form", "select", "datalist", "button", "textarea", "label", "fieldset")
_FORM_ELEMENT = re.compile(rf"<({'|'.join(FORM_ELEMENTS)})(?=[\s/>])[^>]*>.*?</\1\s*>", re.DOTALL | re.IGNORECASE)


def without_form_controls(html: str) -> str:
    """The page body with every form element and form control removed, text and all."""
    return _FORM_ELEMENT.sub("", html) if "<" in html else html


def indexed_sections(html: str) -> list[Section]:
    """The sections Material's rules cut from the body once its forms are out."""
    return page_sections(without_form_controls(html))
