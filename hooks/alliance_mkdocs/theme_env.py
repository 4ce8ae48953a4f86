"""Material's Jinja environment given the project's template helpers.

MkDocs renders Material's templates and the overrides of them (overrides/main.html, 404.html,
partials/) in an environment of its own; the project's renderer (alliance_site/publish/render.py)
renders its page bodies and generated files in another. Both get the same filters, the same way
of writing JSON (render.TEMPLATE_FILTERS, TEMPLATE_POLICIES) and the site's URL scheme (`urls`),
so a template in either place writes a phone link or a page address by the one rule. Material's
environment does not autoescape (its templates insert HTML from strings), so its templates still
escape text from data/ with `| e`.
"""

from __future__ import annotations

from alliance_site.publish import urls
from alliance_site.publish.render import TEMPLATE_FILTERS, TEMPLATE_POLICIES
from jinja2 import Environment


def share_template_helpers(env: Environment) -> Environment:
    """`env` (Material's) with the filters and URL constants the project's templates use."""
    env.filters.update(TEMPLATE_FILTERS)
    env.policies.update(TEMPLATE_POLICIES)
    env.globals["urls"] = urls
    return env
