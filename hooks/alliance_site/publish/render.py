"""Render page bodies and generated files with Jinja templates from the theme folders.

The environment autoescapes every .html template, so text from YAML can never become markup;
vCards get their own escaping filter. Undefined variables are errors, not empty strings.

Which environment renders a template, by where it lives:
- overrides/alliance/ (page bodies), overrides/partials/alliance/ (cards, macros) and
  hooks/alliance_site/publish/templates/ (files that are not pages: the Atom feed, vCards): this
  module's environment (autoescape for .html and .xml, StrictUndefined, `link`, `urls`,
  `markdown`, the filters of TEMPLATE_FILTERS).
- everything else in overrides/ (main.html, 404.html, sitemap.xml, partials/*.html and
  partials/frame/, the project's additions to Material's page frame): Material's, which MkDocs
  makes; on_env gives it TEMPLATE_FILTERS and `urls` too (hooks/alliance_mkdocs/theme_env.py),
  but it does not autoescape, so those templates escape text from data/ with `| e`.
A template of one environment never includes one of the other.
"""

from __future__ import annotations

import datetime
import functools
import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, pass_context
from markupsafe import Markup

from alliance_site.data.site import Site
from alliance_site.data.text import counted, genitive
from alliance_site.publish import urls
from alliance_site.publish.contentlines import content_lines
from alliance_site.publish.pages import LONG_LIST, site_links_absolute, site_links_relative
from alliance_site.publish.specs import AssetSpec, PageSpec


def vcard_escape(value: object) -> str:
    """Escape a vCard 3.0 property value (RFC 2426 §4): backslash, comma, semicolon, newlines."""
    text = str(value).replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;")
    return re.sub(r"\r\n|\r|\n", r"\\n", text)


def tel_uri(phone: str) -> str:
    """'+45 12 34 56 78' -> 'tel:+4512345678'."""
    return "tel:" + re.sub(r"[^\d+]", "", phone)


# Pages link to the same topics and municipalities over and over (a national build makes about
# 50,000 links); posixpath.relpath is slow enough for that to show, and the result is pure.
_relative = functools.lru_cache(maxsize=65536)(urls.relative)


@pass_context
def _link(context: Any, target: str) -> str:
    return _relative(context["page_url"], target)


def atom_date(value: datetime.date) -> str:
    """A date as an Atom (RFC 3339) timestamp: news have dates only, so noon UTC, which is the
    same calendar day from UTC-11 to UTC+11."""
    return f"{value.isoformat()}T12:00:00Z"


MONTHS = ("januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september",
          "oktober", "november", "december")


def danish_date(value: datetime.date) -> str:
    """2014-10-02 -> '2. oktober 2014'."""
    return f"{value.day}. {MONTHS[value.month - 1]} {value.year}"


def _autoescape(template_name: str | None) -> bool:
    """HTML-escape page bodies (.html) and feeds (.xml, where it is XML's escaping too), not the
    vCard, which has its own escaping filter, nor the brand stylesheet, which holds only colour
    codes the validator accepted (#rrggbb) and fixed selectors."""
    return template_name is None or template_name.endswith((".html", ".xml"))


# Templates of files that are not pages (feed.xml, vcard.vcf, brand.css): outside the theme, so
# MkDocs neither copies them into the site nor renders them; only this module does.
FILE_TEMPLATES = Path(__file__).parent / "templates"


# The filters every template may use, in this environment and in Material's (on_env gives them
# to it: hooks/alliance_mkdocs/theme_env.py), so a rule such as the `tel:` link has one owner.
TEMPLATE_FILTERS: dict[str, Callable[..., str]] = {
    "tel": tel_uri, "danish_date": danish_date, "genitive": genitive, "counted": counted, "atom_date": atom_date}

# How `tojson` writes (the pages' JSON-LD): without spaces, and Danish letters as themselves, not
# as \u00e6 (a partner list at national scale is 2 KB smaller). Jinja still escapes <, >, & and '.
TEMPLATE_POLICIES: dict[str, Any] = {
    "json.dumps_kwargs": {"sort_keys": True, "ensure_ascii": False, "separators": (",", ":")}}

CONSULTANT_CARD = "partials/alliance/consultant-card.html"


class Renderer:
    """Templates from `template_dirs`; `markdown` renders the short Markdown fields (event
    descriptions, status reports) to HTML with the same Markdown settings as page bodies, which
    the site engine renders (hooks/alliance_mkdocs/markdown.py makes it from MkDocs' config)."""

    def __init__(self, template_dirs: Sequence[Path | str], markdown: Callable[[str], str]):
        self.env = Environment(
            loader=FileSystemLoader([*(str(d) for d in template_dirs), str(FILE_TEMPLATES)]),
            autoescape=_autoescape,
            undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
            # A Renderer lives for one build, so templates cannot change under it; without this
            # every {% include %} of a card would stat its file again (thousands per build).
            auto_reload=False)
        self.env.filters.update(TEMPLATE_FILTERS)
        self.env.policies.update(TEMPLATE_POLICIES)
        self.env.filters["vcard"] = vcard_escape
        self._markdown_to_html = markdown
        # A news item is in the feed of all news and in each of its topics' feeds: its HTML is
        # made once (at national scale 31 feeds hold 1,550 entries of 500 items).
        self._feed_html: dict[tuple[str, str], Markup] = {}
        self.env.globals["LONG_LIST"] = LONG_LIST
        self.env.globals.update(link=_link, urls=urls, markdown=self._markdown, consultant_card=self._consultant_card,
                                absolute_markdown=self._absolute_markdown)

    @pass_context
    def _markdown(self, context: Any, text: str) -> Markup:
        """A short Markdown field (validated to hold no HTML; '<' escaped all the same)."""
        relative = site_links_relative(text.replace("<", "&lt;"), context["page_url"])
        return Markup(self._markdown_to_html(relative))

    def _absolute_markdown(self, text: str, site_url: str) -> Markup:
        """A Markdown field as HTML for a feed, which is read away from the site: links to pages
        of the site ('/emner/delejob/') become full addresses."""
        key = (text, site_url)
        if key not in self._feed_html:
            absolute = site_links_absolute(text.replace("<", "&lt;"), site_url)
            self._feed_html[key] = Markup(self._markdown_to_html(absolute))
        return self._feed_html[key]

    @pass_context
    def _consultant_card(self, context: Any, entry: Any, municipality_id: str | None = None) -> Markup:
        return self.consultant_card(context["site"], entry, municipality_id, context["page_url"])

    def consultant_card(self, site: Any, entry: Any, municipality_id: str | None, page_url: str) -> Markup:
        return Markup(self.env.get_template(CONSULTANT_CARD).render(
            site=site, entry=entry, municipality_id=municipality_id, page_url=page_url))

    def site_for(self, site: Site, page_url: str) -> Site:
        """The Site as the page at `page_url` reads it (a preview notes what it reads: preview.py)."""
        return site

    def render_page(self, spec: PageSpec, content_html: str, page_url: str) -> str:
        """Body HTML of a generated page; `content_html` is the page's Markdown, already rendered."""
        template = self.env.get_template(spec.template)
        return template.render(**spec.context, content=Markup(content_html), page_url=page_url)

    def render_asset(self, spec: AssetSpec) -> str:
        assert spec.template is not None
        text = self.env.get_template(spec.template).render(**spec.context)
        if spec.src_uri.endswith(".vcf"):  # the template's lines; vcard_escape leaves no line break in a value
            return content_lines(text.rstrip("\n").split("\n"))
        return text
