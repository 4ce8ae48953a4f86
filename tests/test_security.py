"""Security headers and the CSP (alliance_site/publish/security.py), and the built site's privacy.

Unit tests pin down the policy; the build tests check the `_headers` file a real --strict build
writes against hashes computed here by a different route (a regex over the raw HTML), and scan
every built file for resources on another host.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable
from html.parser import HTMLParser
from pathlib import Path

import pytest

from alliance_site.publish import security
from alliance_site.publish.security import SitePolicy
from htmlscan import elements, found, page, scan

EMPTY = SitePolicy((), (), ())


def site_policy(documents: Iterable[tuple[str, str]]) -> SitePolicy:
    """The policy for (name, html) pairs, as the hook makes it from the pages it wrote."""
    return security.policy_from_findings((name, security.inline_code(html)) for name, html in documents)


def directives(csp: str) -> dict[str, list[str]]:
    parsed = {}
    for part in csp.split(";"):
        name, *sources = part.split()
        parsed[name] = sources
    return parsed


def test_hash_is_the_csp_sha256_of_the_utf8_text():
    # The example from the CSP specification (and MDN) for alert('Hello, world.');
    assert security.source_hash("alert('Hello, world.');") == "'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='"
    assert security.source_hash("æ") != security.source_hash("ae")


def test_only_executable_inline_scripts_are_collected():
    html = """<script>a()</script><script src="x.js"></script><script type="application/json">{"a":1}</script>
    <script type="application/ld+json">{"@type":"Thing"}</script><script type="module">b()</script>
    <style>p{color:red}</style>"""
    found = security.inline_code(html)
    assert found.scripts == ["a()", "b()"]
    assert found.styles == ["p{color:red}"]


def test_script_text_is_hashed_raw_not_entity_decoded():
    found = security.inline_code('<script>if (a &amp;&amp; b < c) {}</script>')
    assert found.scripts == ["if (a &amp;&amp; b < c) {}"]


class _ReferenceParser(HTMLParser):
    """html.parser's reading of the same document: the slow, obviously right oracle that
    security.inline_code's regex tokenizer must agree with."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.found = security.InlineCode()
        self.article_depth = 0
        self.open: tuple[str, list[str]] | None = None

    def handle_starttag(self, tag, attrs):
        self.article_depth += tag == "article"
        values = {name.lower(): value or "" for name, value in attrs}
        self.found.style_attributes += "style" in values
        self.found.event_handlers += [f"<{tag} {name}>" for name in values if name.startswith("on")]
        executable = tag == "script" and "src" not in values and \
            values.get("type", "").strip().lower() in {"", "text/javascript", "application/javascript", "module"}
        if executable or tag == "style":
            self.open = (tag, [])

    def handle_data(self, data):
        if self.open:
            self.open[1].append(data)

    def handle_endtag(self, tag):
        self.article_depth -= tag == "article" and self.article_depth > 0
        if self.open and tag == self.open[0]:
            code = "".join(self.open[1])
            if tag == "style":
                self.found.styles.append(code)
            else:
                (self.found.content_scripts if self.article_depth else self.found.scripts).append(code)
            self.open = None


def reference_inline_code(html: str) -> security.InlineCode:
    parser = _ReferenceParser()
    parser.feed(html)
    parser.close()
    return parser.found


TRICKY_DOCUMENTS = [
    '<p title="a > b" style="x">t</p><script>a()</script>',
    "<!-- <script>commented()</script> --><script>b()</script>",
    "<SCRIPT>upper()</SCRIPT><Style>p{}</Style>",
    '<script type="text/javascript">c("</p>")</script><script type=module>d()</script>',
    "<div onClick='x()' data-onion=\"1\" class=\"icon on\">t</div>",
    "<article><article><p>x</p></article><script>inside()</script></article><script>outside()</script>",
    "</article><script>unbalanced()</script>",
    '<p data-x=\'onload="y"\'>quoted handler text is a value, not an attribute</p>',
    "<p>style=notanattribute onclick=nottoo</p>",
    '<script src="a.js"></script><script>\nmulti\nline\n</script>',
]


@pytest.mark.parametrize("html", TRICKY_DOCUMENTS)
def test_tokenizer_reads_tricky_html_as_html_parser_does(html):
    assert security.inline_code(html) == reference_inline_code(html)


def test_tokenizer_agrees_with_html_parser_on_every_built_page(built_site):
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) > 20
    for path in pages:
        html = path.read_text(encoding="utf-8")
        assert security.inline_code(html) == reference_inline_code(html), path


def test_style_attributes_and_event_handlers_are_problems_not_allowances():
    policy = site_policy([("a/index.html", '<p style="color:red" onclick="x()">x</p>'),
                                   ("b/index.html", "<script>ok()</script>")])
    assert policy.script_hashes == (security.source_hash("ok()"),)
    assert len(policy.problems) == 2
    assert "a/index.html: 1 style attribute(s)" in policy.problems[0]
    assert "onclick" in policy.problems[1]
    csp = security.content_security_policy(policy)
    assert "unsafe" not in csp


def test_scripts_inside_the_page_content_are_never_hashed():
    """Content (<article>) comes from data and content pages: a script there is a problem, or an
    injected script would be allowed by the very policy meant to block it."""
    html = "<head><script>theme()</script></head><article><p>x</p><script>evil()</script></article>"
    policy = site_policy([("p.html", html)])
    assert policy.script_hashes == (security.source_hash("theme()"),)
    assert policy.problems == ("p.html: inline <script> in the page content; the CSP blocks it, use alliance.js",)


def test_policy_allows_nothing_but_the_site():
    policy = SitePolicy((security.source_hash("a()"),), (), ())
    parsed = directives(security.content_security_policy(policy))
    assert parsed["default-src"] == ["'self'"]
    assert parsed["script-src"] == ["'self'", security.source_hash("a()")]
    assert parsed["frame-ancestors"] == ["'none'"]
    assert parsed["object-src"] == ["'none'"]
    for name, sources in parsed.items():
        for source in sources:
            assert source in ("'self'", "'none'", "data:") or source.startswith("'sha256-"), (name, source)


def test_headers_cover_everything_and_api_allows_cross_origin_reads():
    headers = security.site_headers(EMPTY)
    everything = headers["/*"]
    assert everything["Strict-Transport-Security"].startswith("max-age=")
    assert int(found(r"max-age=(\d+)", everything["Strict-Transport-Security"]).group(1)) >= 31536000
    assert everything["X-Content-Type-Options"] == "nosniff"
    assert everything["Referrer-Policy"] == "no-referrer"
    assert "camera=()" in everything["Permissions-Policy"] and "geolocation=()" in everything["Permissions-Policy"]
    assert "X-Robots-Tag" not in everything
    assert headers[security.API_PATH] == {"Access-Control-Allow-Origin": "*"}
    assert headers[security.VCARD_PATH] == {"Content-Type": "text/vcard; charset=utf-8"}
    assert security.site_headers(EMPTY, noindex=True)["/*"]["X-Robots-Tag"] == "noindex"


def test_headers_file_has_one_rule_per_path_with_indented_headers():
    text = security.headers_file({"/*": {"A": "1", "B": "2; x"}, "/api/*": {"C": "3"}})
    rules = [line for line in text.splitlines() if line and not line.startswith("#")]
    assert rules == ["/*", "  A: 1", "  B: 2; x", "/api/*", "  C: 3"]


# --- the real build -----------------------------------------------------------------------

def _headers_file(site: Path) -> dict[str, dict[str, str]]:
    rules: dict[str, dict[str, str]] = {}
    current: dict[str, str] = {}
    for line in (site / "_headers").read_text(encoding="utf-8").splitlines():
        if line.startswith("/"):
            current = rules.setdefault(line, {})
        elif line.startswith("  "):
            name, _, value = line.strip().partition(": ")
            current[name] = value
    return rules


def _regex_script_hashes(site: Path) -> set[str]:
    """Inline classic scripts found by a plain regex: Material writes them as bare <script>."""
    hashes = set()
    for html_file in site.rglob("*.html"):
        for code in re.findall(r"<script>(.*?)</script>", html_file.read_text(encoding="utf-8"), re.S):
            digest = base64.b64encode(hashlib.sha256(code.encode()).digest()).decode()
            hashes.add(f"'sha256-{digest}'")
    return hashes


def test_built_headers_allow_exactly_the_inline_scripts_of_the_build(built_site):
    rules = _headers_file(built_site)
    csp = directives(rules["/*"]["Content-Security-Policy"])
    allowed = {s for s in csp["script-src"] if s.startswith("'sha256-")}
    assert allowed == _regex_script_hashes(built_site)
    assert len(allowed) >= 3, "Material's palette, tabs and scope scripts are all inline"
    assert rules["/*"]["X-Content-Type-Options"] == "nosniff"


def test_built_pages_need_no_inline_styles_or_handlers(built_site):
    policy = site_policy((p.name, p.read_text(encoding="utf-8")) for p in built_site.rglob("*.html"))
    assert policy.problems == ()
    assert policy.style_hashes == ()


@pytest.mark.parametrize("suffix", [".css", ".html"])
def test_no_css_url_or_import_points_to_another_host(built_site, suffix):
    offenders = []
    for path in built_site.rglob(f"*{suffix}"):
        text = path.read_text(encoding="utf-8")
        for target in re.findall(r"url\(\s*['\"]?([^'\")]+)", text) + re.findall(r"@import\s+['\"]([^'\"]+)", text):
            if not target.startswith("data:") and re.match(r"^([a-z]+:)?//", target.strip(), re.I):
                offenders.append((path.name, target))
    assert not offenders, offenders[:10]


def test_no_element_loads_anything_from_another_host(built_site):
    loading = {"src", "srcset", "data", "poster", "action", "formaction"}
    resource_links = {"stylesheet", "preconnect", "preload", "modulepreload", "prefetch", "dns-prefetch",
                      "icon", "manifest", "apple-touch-icon"}
    offenders = []
    for html_file in built_site.rglob("*.html"):
        for attrs in elements(html_file.read_text(encoding="utf-8")):
            targets = [v for k, v in attrs.items() if k in loading]
            if resource_links & set(attrs.get("rel", "").split()):
                targets.append(attrs.get("href", ""))
            offenders += [(html_file.name, t) for t in targets if re.match(r"^\s*([a-z]+:)?//", t, re.I)]
    assert not offenders, offenders[:10]


def test_theme_features_that_call_other_hosts_are_off(built_site):
    """Material's bundle knows api.github.com (repository facts, with repo_url) and unpkg.com
    (Mermaid diagrams); neither feature may be active on any page."""
    for html_file in built_site.rglob("*.html"):
        html = html_file.read_text(encoding="utf-8")
        assert not elements(html, data_md_component="source"), html_file
        assert 'class="mermaid"' not in html, html_file


def test_privacy_policy_covers_what_the_issue_requires(built_site):
    """The policy must say what is shown, on what basis, who is responsible, how to correct it,
    and that there are no cookies; the footer links to it and to the accessibility statement."""
    text = " ".join("".join(scan(page(built_site, "privatlivspolitik/")).text).split())
    for phrase in ("navn og stillingsbetegnelse", "arbejdstelefonnummer og arbejdsmail", "portrætfoto",
                   "artikel 6", "dataansvarlig", "rettet", "ingen cookies", "Datatilsynet", "/api/"):
        assert phrase in text, phrase
    footer = {a["href"] for a in elements(page(built_site, ""), "a", href="*")}
    assert "privatlivspolitik/" in footer and "tilgaengelighed/" in footer


def test_operating_guide_lists_the_headers_and_hashes_of_the_default_build(built_site):
    readme = (Path(__file__).resolve().parent.parent / "docs" / "operating.md").read_text(encoding="utf-8")
    rules = _headers_file(built_site)
    for name, value in rules["/*"].items():
        if name != "Content-Security-Policy":
            assert f"{name}: {value}" in readme, name
    hashes = re.findall(r"'(sha256-[^']+)'", rules["/*"]["Content-Security-Policy"])
    assert hashes and all(f"`{h}`" in readme for h in hashes), "update the hash table in docs/operating.md"
