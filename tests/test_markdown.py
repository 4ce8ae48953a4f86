"""One Markdown renderer: every construct the validator allows in a Markdown field renders the
same as a page body (which MkDocs renders) and as a short field (event descriptions, status
reports, which templates render with `markdown()`)."""

from __future__ import annotations

import pytest
from alliance_mkdocs.markdown import field_renderer
from alliance_site.data.fields import Markdown
from alliance_site.publish.pages import site_links_relative
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from pydantic import TypeAdapter

from sitebuild import renderer, site_config

PAGE_URL = "probe/"
CONSTRUCTS = {
    "paragraphs": "Første afsnit.\n\nAndet afsnit med en\nlinje mere.",
    "emphasis": "*kursiv*, **fed**, ***begge*** og `kode`",
    "links": "[web](https://example.dk), [mail](mailto:a@example.dk), [ring](tel:+4512345678), "
             "[side](/emner/delejob/)",
    "reference link": "Se [siden][s].\n\n[s]: https://example.dk/s",
    "lists": "- et\n- to\n    - under\n\n1. første\n2. anden",
    "headings": "## Overskrift\n\nTekst\n\n### Mindre",
    "setext heading": "Overskrift\n----------\n\nTekst",
    "attribute list on a heading": "## Overskrift {: #eget-id .klasse }\n\nTekst",
    "attribute list on a paragraph": "Et afsnit\n{: #afsnit .klasse }",
    "escaped braces": "Tekst med \\{ og \\}.",
    "blockquote": "> Citat\n> over to linjer",
    "rule": "Over\n\n---\n\nUnder",
    "admonition": "!!! note \"Bemærk\"\n    Tekst i boksen.",
    "table": "| a | b |\n| --- | --- |\n| 1 | 2 |",
    "fenced code": "```\nkode {: #ikke-attr }\n```",
    "indented code": "    kode",
    "entities": "A &amp; B &copy; 3 < 4",
    "hard line break": "linje  \nnæste",
}


def _page_body(text: str) -> str:
    config = site_config()
    file = File("probe.md", src_dir=None, dest_dir=config.site_dir, use_directory_urls=True)
    file.content_string = text
    page = Page(None, file, config)
    page.read_source(config)
    page.render(config, Files([file]))
    return page.content or ""


@pytest.mark.parametrize("name", CONSTRUCTS)
def test_every_allowed_construct_renders_the_same_as_page_body_and_short_field(name):
    text = TypeAdapter(Markdown).validate_python(CONSTRUCTS[name])  # the validator allows it
    linked = site_links_relative(text, PAGE_URL)
    assert field_renderer(site_config())(linked) == _page_body(linked)


def test_a_short_field_in_a_template_has_the_attribute_list_applied():
    template = renderer().env.from_string("{{ markdown(text) }}")
    html = template.render(text=CONSTRUCTS["attribute list on a heading"] + "\n\n" + CONSTRUCTS["links"],
                           page_url="kommuner/faxe/")
    assert '<h2 class="klasse" id="eget-id">Overskrift</h2>' in html
    assert "{:" not in html
    assert 'href="../../emner/delejob/"' in html
