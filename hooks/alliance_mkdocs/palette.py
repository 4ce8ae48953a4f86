"""The alliance's brand colour in Material's terms: the variables of Material's palette
(`--md-primary-fg-color`, `--md-typeset-a-color`, `--md-accent-fg-color`) for its light scheme
and its dark one ("slate"), written as the stylesheet that overrides/main.html links after the
site's own (urls.BRAND_STYLESHEET).

Which colours a brand colour gives the header and the links, and that they reach WCAG's
contrast, is the domain's: brand.py. This module only says where Material takes them.
"""

from __future__ import annotations

from alliance_site.data.site import Site
from alliance_site.publish import urls
from alliance_site.publish.brand import WHITE, Brand, mix, shade
from alliance_site.publish.render import Renderer
from alliance_site.publish.specs import AssetSpec

# The stylesheet's template (hooks/alliance_site/publish/templates/), rendered by the site's
# renderer: it writes a rule per selector and a declaration per variable, nothing else.
BRAND_TEMPLATE = "brand.css"

def css_variables(brand: Brand) -> dict[str, dict[str, str]]:
    """Material's colour variables by selector: the light scheme's, then the slate scheme's."""
    light = {"--md-primary-fg-color": brand.colour, "--md-primary-fg-color--light": mix(brand.colour, WHITE, 0.2),
             "--md-primary-fg-color--dark": shade(brand.colour, 0.3), "--md-typeset-a-color": brand.colour,
             "--md-accent-fg-color": brand.colour}
    dark = {"--md-primary-fg-color": brand.colour, "--md-primary-fg-color--dark": shade(brand.colour, 0.3),
            "--md-typeset-a-color": brand.dark_link, "--md-accent-fg-color": brand.dark_link}
    return {":root > *": light, '[data-md-color-scheme="slate"]': dark}


def brand_files(site: Site, renderer: Renderer) -> list[tuple[str, str]]:
    """The brand colour's stylesheet by its path in the site (the template brand.css writes
    these variables); none for an alliance without one."""
    alliance = site.alliance
    if not alliance.brand_colour:
        return []
    brand = Brand.of(alliance.brand_colour, alliance.brand_colour_dark)
    spec = AssetSpec(urls.BRAND_STYLESHEET, BRAND_TEMPLATE, {"selectors": css_variables(brand)})
    return [(spec.src_uri, renderer.render_asset(spec))]
