"""What this site relies on in Material for MkDocs, in one place, so an upgrade has one list.

tests/test_material_contract.py checks every entry against the installed Material: the versions,
each partial copied into overrides/partials/ (Material's original plus the one change named
here), the names the scripts in overrides/assets/javascripts/ use in Material's bundle, and the
theme files a Danish site drops. When that test fails after an upgrade, re-copy the partial or
adjust the script it names, then change the entry here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# The versions the whole suite ran against (requirements.txt pins them).
TESTED_VERSIONS = {"mkdocs": "==1.6.1", "mkdocs-material": "==9.8.1"}


@dataclass(frozen=True)
class CopiedPartial:
    """overrides/partials/<name> is Material's partial with `changes` applied ((old, new) text
    replacements, each found exactly once), below our own leading comment."""

    name: str
    changes: tuple[tuple[str, str], ...]
    why: str


def _only_with_a_logo(kind: str) -> tuple[str, str]:
    """The change to Material's logo link in partials/header.html (kind "header") or nav.html
    ("nav"): the link, and the link only when the alliance has a logo."""
    link = ('    <a href="{{ config.extra.homepage | d(nav.homepage.url, true) | url }}" '
            'title="{{ config.site_name | e }}" class="md-' + kind + '__button md-logo" '
            'aria-label="{{ config.site_name }}" data-md-component="logo">\n'
            '      {% include "partials/logo.html" %}\n'
            '    </a>\n')
    return link, "    {% if config.theme.logo %}\n" + link + "    {% endif %}\n"


COPIED_PARTIALS = (
    CopiedPartial("palette.html", (
        ('<form class="md-header__option" data-md-component="palette">',
         '<form class="md-header__option" data-alliance-palette>'),),
        "Material's palette component does not mount; palette-toggle.js runs the toggle"),
    CopiedPartial("search.html", (
        ('<div class="md-search" data-md-component="search" role="dialog">',
         '<div class="md-search" data-md-component="search" role="dialog" aria-label="{{ lang.t(\'search\') }}">'),
        ('<ol class="md-search-result__list" role="presentation"></ol>\n        </div>\n',
         '<ol class="md-search-result__list" role="presentation"></ol>\n        </div>\n'
         '        {% include "partials/frame/search-help.html" %}\n'),),
        "the search dialog gets an accessible name, and help (the guide, the alliance's phone) where "
        "a search finds nothing: after the result, whose last child Material fills with results"),
    CopiedPartial("toc.html", (
        ('  {% if toc %}\n'
         '    <label class="md-nav__title" for="__toc">\n'
         '      <span class="md-nav__icon md-icon"></span>\n'
         '      {{ title }}\n'
         '    </label>\n',
         '  {% if toc %}\n'
         '    {% if page in nav.pages %}\n'
         '    <label class="md-nav__title" for="__toc">\n'
         '      <span class="md-nav__icon md-icon"></span>\n'
         '      {{ title }}\n'
         '    </label>\n'
         '    {% else %}\n'
         '    <div class="md-nav__title">\n'
         '      <span class="md-nav__icon md-icon"></span>\n'
         '      {{ title }}\n'
         '    </div>\n'
         '    {% endif %}\n'),),
        "no <label for=__toc> on pages outside the navigation, which have no __toc checkbox"),
    CopiedPartial("header.html", (_only_with_a_logo("header"),),
                  "the logo link only when the alliance has a logo, never Material's default icon"),
    CopiedPartial("nav.html", (_only_with_a_logo("nav"),),
                  "the logo link in the phone menu's title only when the alliance has a logo"),
)

# Partials replaced whole (ours shares nothing with Material's), by the Material template that
# includes them: the include must still be there, or ours is never shown.
REPLACED_PARTIALS = {"copyright.html": "partials/footer.html",
                     "logo.html": "partials/header.html"}  # Material's logo with the alliance's alt text

# Blocks of Material's base.html that overrides/main.html extends, and what main.html's
# `scripts` block rewrites in Material's output (`<script src=` -> `<script defer src=`).
BASE_BLOCKS = ("htmltitle", "extrahead", "styles", "scripts")
SCRIPTS_BLOCK_TAG = '<script src="{{ \'assets/javascripts/bundle.'

# Names the site's scripts rely on, by where Material defines or uses them:
# - palette-toggle.js stores the choice with Material's __md_get/__md_set (defined inline in
#   partials/javascripts/base.html) under "__palette", and sets the body's data-md-color-*
#   attributes as the bundle does; the bundle's palette component mounts on
#   data-md-component=palette, which palette.html no longer has.
# - material-requests.js holds back the bundle's XMLHttpRequest for search/search_index.json,
#   and answers as aborted the one for a sitemap.xml beside each <link rel=alternate> (the
#   bundle's look for a site's other languages, which finds the news feeds' links instead).
INLINE_SCRIPT = "partials/javascripts/base.html"
INLINE_SCRIPT_NAMES = ("__md_get=", "__md_set=", 'localStorage', 't.pathname+"."+e')
BUNDLE_PATTERNS = {
    "palette stored by __md_get": r'__md_get\("__palette"\)',
    "palette stored by __md_set": r'__md_set\("__palette",',
    "palette component mounted by data-md-component": r'"palette"',
    "palette attributes": r"data-md-color-media",
    "palette switching attribute": r"data-md-color-switching",
    "search index requested at search/search_index.json": r'new URL\("search/search_index\.json"',
    "JSON fetched with XMLHttpRequest": r'new XMLHttpRequest;return \w\.open\("GET"',
    "a sitemap looked up beside every link[rel=alternate]": r'M\("link\[rel=alternate\]"\)',
    "that sitemap is sitemap.xml, relative to the link": r'new URL\("sitemap\.xml",\w\)',
    "an aborted request completes without a value": r'addEventListener\("abort",\(\)=>\{\w\.complete\(\)\}\)',
}

# Theme files a Danish site never loads: other languages' search stemmers and source maps
# (2.5 MB that every site would otherwise carry). Material's lunr layout; the contract test
# checks that the files kept (Danish, the stemmer support, multi) are where this expects them.
KEPT_LUNR_FILES = ("assets/javascripts/lunr/min/lunr.da.min.js",
                   "assets/javascripts/lunr/min/lunr.stemmer.support.min.js",
                   "assets/javascripts/lunr/min/lunr.multi.min.js")
_UNUSED_THEME_ASSET = re.compile(
    r"^assets/javascripts/(lunr/(tinyseg|wordcut)\.js|lunr/min/lunr\.(?!da\.|stemmer\.support\.|multi\.)[a-z]+\.min\.js)$"
    r"|^assets/.*\.map$")


def unused_theme_asset(src_uri: str) -> bool:
    return bool(_UNUSED_THEME_ASSET.search(src_uri))

