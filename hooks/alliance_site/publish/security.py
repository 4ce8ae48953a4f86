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
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

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
# vCards hold names such as "Kjær": sent without a charset, an address book may read the UTF-8 as
# Latin-1. `*` matches across folders on Netlify and Cloudflare Pages, so this is every card.
VCARD_HEADERS: Mapping[str, str] = {"Content-Type": "text/vcard; charset=utf-8"}
VCARD_PATH = "/*.vcf"
NOINDEX_HEADERS: Mapping[str, str] = {"X-Robots-Tag": "noindex"}
# The web editor at /admin/ (Sveltia CMS) is a program of its own with its own policy.
ADMIN_PATH = "/admin/*"
GIT_HOST_API = "https://api.github.com"
# Files whose type a host does not know by their name: an Atom feed ends in .xml, which hosts
# send as application/xml or text/xml, and not every host knows .ics. Each such file gets a
# rule of its own in _headers, made from the files of the build (docs/operating.md: "Content types").
CONTENT_TYPES: Mapping[str, str] = {
    "feed.xml": "application/atom+xml; charset=utf-8",
    ".ics": "text/calendar; charset=utf-8",
}
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


# A tokenizer for just what a CSP cares about. It reads HTML as a browser's tokenizer does for
# these cases (comments skipped, <script> and <style> text raw up to their end tag, quoted
# attribute values may hold '>'), and runs as a few C-level regex scans: html.parser took
# seconds on a national site, this takes a fraction of one. tests/test_security.py compares it
# with html.parser on every page of a real build.
_ATTRIBUTES = r"""(?P<attrs>[^>"']*(?:(?:"[^"]*"|'[^']*')[^>"']*)*)"""
_TOKEN = re.compile(
    r"<!--.*?-->"
    r"|<(?P<raw>script|style)(?=[\s/>])" + _ATTRIBUTES.replace("attrs", "raw_attrs") +
    r">(?P<text>.*?)</(?P=raw)[^>]*>"
    r"|<(?P<end>/?)(?P<tag>[a-z][^\s/>]*)" + _ATTRIBUTES + ">",
    re.IGNORECASE | re.DOTALL,
)
_ATTRIBUTE = re.compile(r"""([^\s"'>/=]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'>]+))?""")
# Cheap test before the attributes of a tag are read one by one.
_MAYBE_CSP_ATTRIBUTE = re.compile(r"""(?:^|[\s"'])(?:style|on[a-z]*)(?![\w-])""", re.IGNORECASE)


def _attributes(text: str) -> dict[str, str]:
    values: dict[str, str] = {}
    for name, value in _ATTRIBUTE.findall(text):
        values.setdefault(name.lower(), value[1:-1] if value[:1] in "\"'" and value else value)
    return values


def inline_code(html: str) -> InlineCode:
    """Inline scripts (split by whether they sit inside an <article>), inline styles, style
    attributes and on* handlers of one document."""
    found = InlineCode()
    article_depth = 0
    for token in _TOKEN.finditer(html):
        raw, tag = token["raw"], token["tag"]
        if raw:
            _inline_element(found, raw.lower(), _attributes(token["raw_attrs"]), token["text"],
                            inside_article=article_depth > 0)
        elif tag:
            tag = tag.lower()
            if tag == "article":
                article_depth = max(0, article_depth + (-1 if token["end"] else 1))
            elif not token["end"] and _MAYBE_CSP_ATTRIBUTE.search(token["attrs"]):
                _count_attributes(found, tag, _attributes(token["attrs"]))
    return found


def _inline_element(found: InlineCode, tag: str, values: dict[str, str], text: str,
                    inside_article: bool) -> None:
    _count_attributes(found, tag, values)
    if tag == "style":
        found.styles.append(text)
    elif "src" not in values and values.get("type", "").strip().lower() in _SCRIPT_TYPES:
        (found.content_scripts if inside_article else found.scripts).append(text)


def _count_attributes(found: InlineCode, tag: str, values: dict[str, str]) -> None:
    found.style_attributes += "style" in values
    found.event_handlers += [f"<{tag} {name}>" for name in values if name.startswith("on")]


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


def policy_from_findings(findings: Iterable[tuple[str, InlineCode]]) -> SitePolicy:
    """Collect the inline code found in each document. Only the theme's scripts, outside the
    page content (<article>), are allowed by hash: a script inside the content can only come
    from a content page or the data, and hashing it would let an injected script through. Such
    scripts, style attributes and on* handlers are reported as problems (the hook logs them as
    warnings, which fail a --strict build) instead of weakening the policy."""
    scripts: set[str] = set()
    styles: set[str] = set()
    problems: list[str] = []
    for name, found in findings:
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


def admin_content_security_policy(for_meta: bool = False) -> str:
    """The web editor's policy: its scripts from the site only (no 'unsafe-eval'), requests to
    the site and the Git host's API only, and the inline styles its interface sets. Images and
    the preview pane may be blob: URLs the editor makes from files it read. A <meta> policy
    cannot say frame-ancestors (browsers ignore it there), so for_meta leaves it out."""
    directives = [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob:",
        "font-src 'self' data:",
        f"connect-src 'self' data: blob: {GIT_HOST_API}",
        "frame-src 'self' blob:",
        "worker-src 'self' blob:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        *([] if for_meta else ["frame-ancestors 'none'"]),
    ]
    return "; ".join(directives)


# /admin/ headers over those of '/*' that do not depend on the build (netlify.toml repeats
# them): kept out of search engines, and a Cross-Origin-Opener-Policy that keeps the sign-in
# popup's way back to the editor (with 'same-origin' the popup could not hand over the token).
ADMIN_STATIC_HEADERS: Mapping[str, str] = {"Cross-Origin-Opener-Policy": "same-origin-allow-popups",
                                           **NOINDEX_HEADERS}


def admin_headers() -> dict[str, str]:
    """/admin/ headers: its own policy and the static ones."""
    return {"Content-Security-Policy": admin_content_security_policy(), **ADMIN_STATIC_HEADERS}


def content_type(path: str) -> str | None:
    """The Content-Type a file needs a rule for, by its name; None for what hosts know."""
    return next((kind for ending, kind in CONTENT_TYPES.items() if path.endswith(ending)), None)


def typed_files(paths: Iterable[str], base_path: str = "/") -> dict[str, dict[str, str]]:
    """A Content-Type rule for each feed and calendar among `paths` (site-relative), under the
    site's path on its host (`base_path`, e.g. '/repo/')."""
    base = "/" + base_path.strip("/") + "/" if base_path.strip("/") else "/"
    return {base + path: {"Content-Type": kind} for path in sorted(paths) if (kind := content_type(path))}


def site_headers(policy: SitePolicy, noindex: bool = False,
                 typed: Mapping[str, Mapping[str, str]] | None = None) -> dict[str, dict[str, str]]:
    """Headers by path pattern ('/*' for everything), in the order a host should apply them:
    a later rule's header replaces an earlier one's for the paths both match (Netlify's rule),
    so /admin/* comes after /*; `typed` are the Content-Type rules of typed_files()."""
    everything = {"Content-Security-Policy": content_security_policy(policy), **STATIC_HEADERS}
    if noindex:
        everything.update(NOINDEX_HEADERS)
    return {"/*": everything, API_PATH: dict(API_HEADERS), VCARD_PATH: dict(VCARD_HEADERS),
            **{k: dict(v) for k, v in (typed or {}).items()},
            ADMIN_PATH: admin_headers()}


def headers_file(headers: Mapping[str, Mapping[str, str]]) -> str:
    """The `_headers` file: a path pattern, then its headers indented on the following lines."""
    lines = ["# Generated at build time by hooks/alliance_site/publish/security.py; do not edit.",
             "# The script hashes in the CSP are those of the inline scripts in this build."]
    for path, values in headers.items():
        lines.append(path)
        lines += [f"  {name}: {value}" for name, value in values.items()]
    return "\n".join(lines) + "\n"
