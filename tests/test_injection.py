"""Hostile data: every text and URL field of every data file gets a payload, and the site is built.

Text fields get markup, an attribute break-out, `</script>` and a vCard line break; Markdown
fields get what Markdown lets through without tags; URL fields get quotes and encoded markup.
All of it must be accepted and land inert (escaped in HTML and attributes, `\\u003c` in JSON-LD,
escaped in vCards, plain strings in JSON), with no new inline script for the CSP to allow. What
cannot be made inert (javascript: links, HTML or attribute lists in Markdown, bad e-mail and
phone values, other schemes in URL fields) must be rejected with a located error.
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import feedparser
import icalendar
import pytest
import yaml

from alliance_mkdocs.markdown import field_renderer
from alliance_site.data.loading import load_site
from alliance_site.data.problems import DataError
from alliance_site.publish import urls
from hostile_data import MARKDOWN, TEXT, URL, build_hostile_site
from htmlscan import elements, found, page, scan
from sitebuild import site_config


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory, default_site):
    return build_hostile_site(tmp_path_factory.mktemp("hostile"), default_site)


class _Inspector(HTMLParser):
    """Everything in a page that could run: handler attributes, scripts, javascript: URLs."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.handlers, self.urls, self.scripts, self.images = [], [], [], []
        self._script: dict | None = None

    def handle_starttag(self, tag, attrs):
        values = {k: v or "" for k, v in attrs}
        self.handlers += [f"<{tag} {k}>" for k in values if k.startswith("on")]
        self.urls += [v for k, v in values.items() if k in ("href", "src", "action", "formaction", "data")]
        if tag == "img":
            self.images.append(values.get("src", ""))
        if tag == "script":
            self._script = {"type": values.get("type", ""), "src": values.get("src"), "text": ""}

    def handle_data(self, data):
        if self._script is not None:
            self._script["text"] += data

    def handle_endtag(self, tag):
        if tag == "script" and self._script is not None:
            self.scripts.append(self._script)
            self._script = None


def inspect(html: str) -> _Inspector:
    inspector = _Inspector()
    inspector.feed(html)
    inspector.close()
    return inspector


def _is_javascript_url(url: str) -> bool:
    return re.sub(r"[\x00-\x20]", "", url).lower().startswith(("javascript:", "vbscript:", "data:text/html"))


def test_every_page_stays_inert(hostile_site):
    checked = 0
    for html_file in hostile_site.rglob("*.html"):
        found = inspect(html_file.read_text(encoding="utf-8"))
        name = html_file.relative_to(hostile_site)
        assert not found.handlers, (name, found.handlers)
        assert not [u for u in found.urls if _is_javascript_url(u)], name
        assert "x" not in found.images, name
        for script in found.scripts:
            if script["type"] in ("application/ld+json", "application/json"):
                json.loads(script["text"])
                assert "<" not in script["text"], (name, "raw < inside a JSON script")
            else:
                assert "alert(" not in script["text"], (name, script["text"][:80])
        checked += 1
    assert checked > 30


def test_payloads_are_shown_as_text(hostile_site, default_site):
    municipality = default_site.municipalities[0]
    shown = "".join(scan(page(hostile_site, urls.municipality(municipality.id))).text)
    assert "\"'><img src=x onerror=alert(1)></script><script>alert(2)</script>" in shown
    topic = "".join(scan(page(hostile_site, urls.topic(default_site.topics[0].id))).text)
    assert "<script>alert(4)</script>" in topic, "entity-escaped markup in Markdown stays text"


def test_open_graph_tags_hold_the_title_once_escaped(hostile_site, default_site):
    """Titles of generated pages reach the theme already escaped; the tags must not escape twice."""
    html = page(hostile_site, urls.topic(default_site.topics[0].id))
    meta = {e["property"]: e["content"] for e in elements(html, "meta", property="*")}
    assert meta["og:title"] == " ".join(TEXT.split())
    assert meta["og:description"] == " ".join(TEXT.split())


def test_no_new_inline_script_is_allowed_by_the_csp(hostile_site, built_site):
    def script_src(site: Path) -> str:
        return found(r"script-src [^;]*", (site / "_headers").read_text(encoding="utf-8")).group(0)

    assert script_src(hostile_site) == script_src(built_site)


def test_json_ld_and_open_data_carry_the_payload_as_plain_strings(hostile_site, default_site):
    municipality = default_site.municipalities[0]
    html = page(hostile_site, urls.municipality(municipality.id))
    data = json.loads(html.split('<script type="application/ld+json">', 1)[1].split("</script>", 1)[0])
    assert data["name"] == TEXT and data["url"] == URL
    consultants = json.loads((hostile_site / "api" / "consultants.json").read_text(encoding="utf-8"))
    assert {c["name"] for c in consultants["consultants"]} == {TEXT}
    partners = json.loads((hostile_site / "api" / "partners.json").read_text(encoding="utf-8"))
    assert {p["description"] for p in partners["partners"]} == {MARKDOWN}


def test_vcards_keep_one_property_per_line(hostile_site):
    allowed = {"BEGIN", "VERSION", "N", "FN", "ORG", "TITLE", "TEL", "EMAIL", "URL", "NOTE", "END", "ADR"}
    cards = list(hostile_site.rglob("*.vcf"))
    assert cards
    for card in cards:
        raw = card.read_bytes().decode("utf-8")
        physical = raw.split("\r\n")
        assert not [line for line in physical if "\n" in line or "\r" in line], card
        assert max(len(line.encode("utf-8")) for line in physical) <= 75, card
        lines = raw.replace("\r\n ", "").split("\r\n")  # unfolded (RFC 6350 §3.2)
        names = [re.split(r"[;:]", line, maxsplit=1)[0] for line in lines if line]
        assert set(names) <= allowed, (card, names)
        assert names.count("EMAIL") == 1 and "stjaalet@example.org" not in [entry.split(":", 1)[-1] for entry in lines]


def test_search_index_holds_no_live_markup(hostile_site):
    """Material's search shows results with innerHTML: the index must hold text, escaped."""
    index = (hostile_site / "search" / "search_index.json").read_text(encoding="utf-8")
    entries = json.loads(index)["docs"]
    for entry in entries:
        for field in ("title", "text"):
            assert "<img" not in entry.get(field, "") and "<script" not in entry.get(field, ""), entry["location"]


# --- what must be rejected -----------------------------------------------------------------

def _set_first(node, key: str, value: str) -> bool:
    """Replace the first value of `key` (depth first) in a loaded YAML document."""
    if isinstance(node, dict):
        if key in node and isinstance(node[key], str):
            node[key] = value
            return True
        return any(_set_first(child, key, value) for child in node.values())
    if isinstance(node, list):
        return any(_set_first(child, key, value) for child in node)
    return False


def _replace_first(data_dir: Path, file: str, key: str, value: str) -> None:
    path = data_dir / file
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert _set_first(document, key, value), (file, key)
    path.write_text(yaml.safe_dump(document, allow_unicode=True, sort_keys=False), encoding="utf-8")


REJECTED = [
    ("topics.yaml", "body", "Tekst <script>alert(1)</script>", "HTML-koder (<...>) er ikke tilladt"),
    ("topics.yaml", "body", "Se [her](javascript:alert(1))", "linket 'javascript:alert(1' er ikke tilladt"),
    ("topics.yaml", "body", "Se [her](javascript&#58;alert(1))", "er ikke tilladt"),
    ("topics.yaml", "body", "Se [her](java&#9;script:alert(1))", "er ikke tilladt"),
    ("topics.yaml", "body", "Se [her][1]\n\n[1]: &#106;avascript:alert(1)", "er ikke tilladt"),
    ("topics.yaml", "body", "Se [her](//evil.example/x)", "er ikke tilladt"),
    ("topics.yaml", "body", "Tekst\n{: onclick=\"alert(1)\" }", "krøllede parenteser efter en tekst sætter HTML-egenskaber"),
    ("topics.yaml", "body", "[her](https://example.org){ href='javascript:alert(1)' }", "krøllede parenteser efter en tekst"),
    ("topics.yaml", "body", "## Overskrift {onmouseover=alert(1)}", "krøllede parenteser efter en tekst"),
    ("topics.yaml", "body", "![billede](https://tracker.example/pixel.gif)", "billeder er ikke tilladt"),
    ("partners.yaml", "description", "Fin <img src=x onerror=alert(1)>", "HTML-koder (<...>) er ikke tilladt"),
    ("alliance.yaml", "description", "Tekst <iframe src=https://evil.example>", "HTML-koder (<...>) er ikke tilladt"),
    ("partners.yaml", "website", "javascript:alert(1)", "er ikke en tilladt webadresse"),
    ("partners.yaml", "website", "https://example.org/\"><script>alert(1)</script>", "er ikke en tilladt webadresse"),
    ("municipalities.yaml", "website", "data:text/html,<script>alert(1)</script>", "er ikke en tilladt webadresse"),
    ("municipalities.yaml", "email", "x@example.org\r\nBCC:y@example.org", "er ikke en gyldig e-mailadresse"),
    ("municipalities.yaml", "email", "\"><script>alert(1)</script>@example.org", "er ikke en gyldig e-mailadresse"),
    ("municipalities.yaml", "phone", "+45 12 34 56 78<script>", "er ikke et gyldigt telefonnummer"),
]


@pytest.mark.parametrize("file, key, value, message", REJECTED, ids=[f"{r[1]}:{r[2][:30]}" for r in REJECTED])
def test_dangerous_values_are_rejected_with_a_located_error(data_copy, file, key, value, message):
    _replace_first(data_copy / "data", file, key, value)
    with pytest.raises(DataError) as error:
        load_site(data_copy / "data")
    report = error.value.format()
    assert message in report
    assert re.search(rf"data/{re.escape(file)}:\d+:\d+: ", report), report


def test_braces_and_ids_that_attr_list_allows_are_still_accepted(data_copy):
    _replace_first(data_copy / "data", "topics.yaml", "body", "## Overskrift {: #eget-id .klasse }\n\nTekst med \\{ og \\}.")
    site, _warnings = load_site(data_copy / "data")
    html = field_renderer(site_config())(site.topics[0].body)
    assert '<h2 class="klasse" id="eget-id">Overskrift</h2>' in html
    assert "<p>Tekst med { og }.</p>" in html


def test_calendars_keep_one_property_per_line(hostile_site):
    """A line break in a title or place must not start a property of its own (no smuggled
    ATTENDEE, URL or EMAIL): every line is a known property or a folded continuation."""
    allowed = {"BEGIN", "VERSION", "PRODID", "CALSCALE", "METHOD", "X-WR-CALNAME", "X-WR-TIMEZONE",
               "REFRESH-INTERVAL", "X-PUBLISHED-TTL", "TZID", "TZOFFSETFROM", "TZOFFSETTO", "TZNAME",
               "DTSTART", "RRULE", "END", "UID", "DTSTAMP", "DTEND", "DURATION", "SEQUENCE", "SUMMARY",
               "DESCRIPTION", "URL", "LOCATION", "LAST-MODIFIED"}
    calendars = list(hostile_site.rglob("*.ics"))
    assert calendars
    for path in calendars:
        lines = path.read_bytes().decode("utf-8").split("\r\n")
        assert not [line for line in lines if "\n" in line or "\r" in line], path
        names = [re.split(r"[;:]", line, maxsplit=1)[0] for line in lines if line and not line.startswith(" ")]
        assert set(names) <= allowed, (path, names)
        calendar = icalendar.Calendar.from_ical(path.read_bytes())
        assert all("stjaalet" not in str(e.get("URL", "")) for e in calendar.walk("VEVENT"))


def test_feeds_carry_the_payload_as_text(hostile_site):
    """Feed readers render <content type="html">: what the editor wrote must arrive escaped,
    and titles and summaries as plain text."""
    feeds = list(hostile_site.rglob("feed.xml"))
    assert feeds
    for path in feeds:
        feed = feedparser.parse(path.read_bytes())
        assert not feed.bozo, (path, feed.get("bozo_exception"))
        for entry in feed.entries:
            assert entry.title_detail.type == "text/plain"
            content = entry.content[0].value
            assert "<script" not in content.lower()
            assert not re.search(r"<[^>]+\son\w+\s*=", content), content
