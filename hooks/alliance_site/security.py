"""HTTP security headers for the built site, with a Content-Security-Policy made from its HTML.

The policy allows nothing but the site itself. Material for MkDocs puts a few small inline
scripts into every page (the palette bootstrap, the base-URL setup); they are allowed by their
SHA-256 hashes, computed from the built HTML at build time, so a theme upgrade or a new page
depth can never leave the policy stale. Everything here is pure: the hook reads the files and
writes `_headers` (Netlify's format, also read by Cloudflare Pages).
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from html.parser import HTMLParser

# Headers that do not depend on the build. netlify.toml repeats them (a test keeps them equal).
STATIC_HEADERS: Mapping[str, str] = {
    "Strict-Transport-Security": "max-age=63072000; includeSubDomains",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Permissions-Policy": ("accelerometer=(), autoplay=(), camera=(), display-capture=(), "
                           "geolocation=(), gyroscope=(), magnetometer=(), microphone=(), "
                           "payment=(), usb=(), browsing-topics=()"),
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
}
# Open data may be read by anyone's scripts: the files under /api/ are public anyway.
API_HEADERS: Mapping[str, str] = {"Access-Control-Allow-Origin": "*"}
API_PATH = "/api/*"
NOINDEX_HEADERS: Mapping[str, str] = {"X-Robots-Tag": "noindex"}
# <script> types that browsers execute; JSON and JSON-LD data blocks are not scripts.
_SCRIPT_TYPES = {"", "text/javascript", "application/javascript", "module"}


@dataclass
class InlineCode:
    """The inline code of one HTML document, as a browser applying a CSP would see it."""

    scripts: list[str] = field(default_factory=list)
    content_scripts: list[str] = field(default_factory=list)
    styles: list[str] = field(default_factory=list)
    style_attributes: int = 0
    event_handlers: list[str] = field(default_factory=list)


class _InlineCodeParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.found = InlineCode()
        self._open: list[str] | None = None
        self._kind = ""
        self._article_depth = 0

    def handle_starttag(self, tag, attrs):
        self._article_depth += tag == "article"
        values = {name.lower(): value or "" for name, value in attrs}
        self.found.style_attributes += "style" in values
        self.found.event_handlers += [f"<{tag} {name}>" for name in values if name.startswith("on")]
        inline_script = tag == "script" and "src" not in values and \
            values.get("type", "").strip().lower() in _SCRIPT_TYPES
        if inline_script or tag == "style":
            self._open, self._kind = [], tag

    def handle_data(self, data):
        if self._open is not None:
            self._open.append(data)

    def handle_endtag(self, tag):
        self._article_depth -= tag == "article" and self._article_depth > 0
        if self._open is not None and tag == self._kind:
            code = "".join(self._open)
            if tag == "style":
                self.found.styles.append(code)
            else:
                (self.found.content_scripts if self._article_depth else self.found.scripts).append(code)
            self._open = None


def inline_code(html: str) -> InlineCode:
    parser = _InlineCodeParser()
    parser.feed(html)
    parser.close()
    return parser.found


def source_hash(code: str) -> str:
    """CSP source expression for an inline script or style: 'sha256-<base64 of the UTF-8 bytes>'."""
    digest = hashlib.sha256(code.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


@dataclass(frozen=True)
class SitePolicy:
    """What the CSP must allow for a set of pages, and what it will block."""

    script_hashes: tuple[str, ...]
    style_hashes: tuple[str, ...]
    problems: tuple[str, ...]


def site_policy(documents: Iterable[tuple[str, str]]) -> SitePolicy:
    """Collect inline code from (name, html) pairs. Only the theme's scripts, outside the page
    content (<article>), are allowed by hash: a script inside the content can only come from a
    content page or the data, and hashing it would let an injected script through. Such
    scripts, style attributes and on* handlers are reported as problems (the hook logs them as
    warnings, which fail a --strict build) instead of weakening the policy."""
    scripts: set[str] = set()
    styles: set[str] = set()
    problems: list[str] = []
    for name, html in documents:
        found = inline_code(html)
        scripts.update(source_hash(code) for code in found.scripts)
        styles.update(source_hash(code) for code in found.styles)
        if found.style_attributes:
            problems.append(f"{name}: {found.style_attributes} style attribute(s); the CSP blocks them, "
                            "use a class in alliance.css")
        problems += [f"{name}: inline event handler {handler}; the CSP blocks it, use alliance.js"
                     for handler in found.event_handlers]
        problems += [f"{name}: inline <script> in the page content; the CSP blocks it, use alliance.js"
                     for _code in found.content_scripts]
    return SitePolicy(tuple(sorted(scripts)), tuple(sorted(styles)), tuple(problems))


def content_security_policy(policy: SitePolicy) -> str:
    """Only this site: scripts from its files or by hash, images also as data: URIs (Material's
    icons in CSS), no plugins, no framing, forms and <base> only to itself."""
    directives = [
        "default-src 'self'",
        " ".join(["script-src 'self'", *policy.script_hashes]),
        " ".join(["style-src 'self'", *policy.style_hashes]),
        "img-src 'self' data:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
    return "; ".join(directives)


def site_headers(policy: SitePolicy, noindex: bool = False) -> dict[str, dict[str, str]]:
    """Headers by path pattern ('/*' for everything), in the order a host should apply them."""
    everything = {"Content-Security-Policy": content_security_policy(policy), **STATIC_HEADERS}
    if noindex:
        everything.update(NOINDEX_HEADERS)
    return {"/*": everything, API_PATH: dict(API_HEADERS)}


def headers_file(headers: Mapping[str, Mapping[str, str]]) -> str:
    """The `_headers` file: a path pattern, then its headers indented on the following lines."""
    lines = ["# Generated at build time by hooks/alliance_site/security.py; do not edit.",
             "# The script hashes in the CSP are those of the inline scripts in this build."]
    for path, values in headers.items():
        lines.append(path)
        lines += [f"  {name}: {value}" for name, value in values.items()]
    return "\n".join(lines) + "\n"
