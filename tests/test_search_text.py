"""search_text cuts every form out of a page before it is indexed, and nothing else."""

from __future__ import annotations

import pytest
from alliance_mkdocs.search_text import indexed_sections, without_form_controls


@pytest.mark.parametrize("html, kept", [
    (('<p>før</p><form class="al-filter" hidden><fieldset><legend>Søg</legend><label>Kommune <select name="k">'
      '<option value="">Alle kommuner</option><option>Faxe</option></select></label>'
      '<button type="submit">Vis</button></fieldset></form><p>efter</p>'), "<p>før</p><p>efter</p>"),
    ('<p>a</p><SELECT name="x"><OPTION>Alle emner</OPTION></SELECT><p>b</p>', "<p>a</p><p>b</p>"),
    ('<button title="a>b" type="button">Luk</button><textarea>skriv</textarea>tekst', "tekst"),
    ('<p>formular og knapper nævnes i teksten</p><labelled>x</labelled>',
     "<p>formular og knapper nævnes i teksten</p><labelled>x</labelled>"),
])
def test_forms_and_controls_are_cut_out_with_their_text(html, kept):
    assert without_form_controls(html) == kept


def test_the_sections_hold_no_option_text():
    html = ('<h1 id="p">Partnere</h1><form><label>Kommune <select><option>Alle kommuner</option>'
            '<option>Faxe</option><option>Frederikssund</option></select></label></form><p>Jobcenter Faxe</p>')
    text = "".join(piece for section in indexed_sections(html) for piece in section.text)
    assert "Jobcenter Faxe" in text and "Alle kommuner" not in text and "FaxeFrederikssund" not in text
