"""Standards conformance of what the generator publishes, checked by independent tools: the Nu
Html Checker on every page, JSON Schema metaschemas with format checks, JavaScript's reading of
every pattern, vobject on every vCard, the `_headers` rules as Netlify matches them, and a crawl
from the home page. It runs on the default site and on every example (docs/architecture.md,
"Standards conformance"); each check also gets an input it must reject, so it cannot pass by not running.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
import vobject
import yaml

from alliance_site.data.loading import DATA_FILES, DATA_FOLDERS, load_site
from conformance import (ALLOWED, INSTALL_HINT, VNU_JAR, describe, java, javascript_regexps, run_vnu,
                         schema_patterns, unreachable_pages)
from sitebuild import EXAMPLES, ROOT

SITES = ["default", *(example.name for example in EXAMPLES)]
PROJECTS = {"default": ROOT, **{example.name: example for example in EXAMPLES}}
SCHEMA_DIR = ROOT / "schema"
# A pattern with the escape JavaScript refuses under the `u` flag (the bug of issue 15).
JS_INVALID_PATTERN = r'^https://[^\s<>\"]*$'


@pytest.fixture(scope="session")
def sites(built_site, example_sites) -> dict[str, Path]:
    return {"default": built_site, **example_sites}


# --- HTML ------------------------------------------------------------------------------------

CANARY = """<!DOCTYPE html><html lang="da"><head><meta charset="utf-8"><title>Prøve</title></head><body>
<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">
<input type="checkbox" id="mine" autocomplete="off">
<h1>Side</h1><template><h3>Kort</h3></template><label for="__toc">Indhold</label></body></html>
"""


@pytest.fixture(scope="session")
def vnu_report(sites, tmp_path_factory) -> tuple[dict[Path, list[dict]], Path]:
    """One run of the Nu Html Checker over every page of every site, and a page it must fault."""
    if not (java() and VNU_JAR.is_file()):
        pytest.fail(f"The Nu Html Checker cannot run: {INSTALL_HINT}", pytrace=False)
    canary = tmp_path_factory.mktemp("canary") / "canary.html"
    canary.write_text(CANARY, encoding="utf-8")
    pages = [page for site in sites.values() for page in sorted(site.rglob("*.html"))]
    return run_vnu([canary, *pages]), canary


def _not_allowed(messages: list[dict]) -> list[dict]:
    return [m for m in messages if not any(entry.covers(m) for entry in ALLOWED)]


@pytest.mark.parametrize("name", SITES)
def test_every_page_is_valid_html(name, sites, vnu_report):
    report, _canary = vnu_report
    site = sites[name]
    checked = {path: messages for path, messages in report.items() if site in path.parents}
    assert len(checked) == len(list(site.rglob("*.html"))) > 10
    problems = [describe(path.relative_to(site), m) for path, messages in sorted(checked.items())
                for m in _not_allowed(messages)]
    assert problems == [], "\n".join(problems)


def test_the_html_checker_faults_what_it_should_and_allows_only_materials_toggles(vnu_report):
    report, canary = vnu_report
    texts = [m["message"] for m in report[canary]]
    assert any("skipping 1 heading level" in text for text in texts), texts
    assert any(text.startswith("The value of the “for” attribute of the “label” element") for text in texts), texts
    assert sum(text.startswith("Attribute “autocomplete”") for text in texts) == 2
    assert len(_not_allowed(report[canary])) == len(texts) - 1, "only Material's drawer toggle is allowed"


def test_every_allow_list_entry_is_still_needed(vnu_report):
    report, canary = vnu_report
    for entry in ALLOWED:
        assert entry.reason and any(entry.covers(m) for path, messages in report.items() if path != canary
                                    for m in messages), f"no longer needed: {entry.message}"


def test_the_table_of_contents_override_is_materials_with_one_change():
    """overrides/partials/toc.html is Material's partial plus the branch for pages outside the
    navigation; after a Material upgrade this says whether it must be copied again."""
    import material

    material = Path(material.__file__).parent / "templates" / "partials" / "toc.html"
    ours = (ROOT / "overrides" / "partials" / "toc.html").read_text(encoding="utf-8")
    ours = ours.split("-#}\n", 1)[1]
    ours = re.sub(r"    \{% if page in nav.pages %\}\n", "", ours)
    ours = re.sub(r"    \{% else %\}\n.*?    \{% endif %\}\n", "", ours, flags=re.S)
    assert ours == material.read_text(encoding="utf-8").split("-#}\n", 1)[1]


# --- JSON Schemas ----------------------------------------------------------------------------

def check_jsonschema(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "check_jsonschema", "--color", "never", *args],
                          capture_output=True, text=True, timeout=300)


def _all_schemas(built_site: Path) -> list[Path]:
    return sorted(SCHEMA_DIR.glob("*.schema.json")) + sorted((built_site / "api" / "schema").glob("*.schema.json"))


def test_every_schema_passes_its_metaschema_with_format_checks(built_site):
    schemas = _all_schemas(built_site)
    assert len(schemas) == len(DATA_FILES) + len(DATA_FOLDERS) + 4
    result = check_jsonschema("--check-metaschema", *map(str, schemas))
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_metaschema_check_rejects_a_pattern_javascript_cannot_read(tmp_path):
    schema = tmp_path / "x.schema.json"
    schema.write_text(json.dumps({"$schema": "http://json-schema.org/draft-07/schema#", "type": "string",
                                  "pattern": JS_INVALID_PATTERN}), encoding="utf-8")
    result = check_jsonschema("--check-metaschema", str(schema))
    assert result.returncode == 1 and "is not a 'regex'" in result.stdout


def _strings(value: object) -> list[str]:
    if isinstance(value, dict):
        return [s for item in value.values() for s in _strings(item)]
    if isinstance(value, list):
        return [s for item in value for s in _strings(item)]
    return [value] if isinstance(value, str) else []


def _data_texts() -> list[str]:
    """Every text in the data of the default site and the examples, and a few near misses."""
    texts = {text for folder in PROJECTS.values() for path in sorted((folder / "data").glob("*.yaml"))
             for text in _strings(yaml.safe_load(path.read_text(encoding="utf-8")))}
    texts |= {"http://www.example.dk", "https://www.example.dk/a b", 'https://x.dk/"', "https://x.dk/<a>",
              "https://kø.dk", "navn@kommune", "Naestved", "12 34", "+45 12 34 56 78"}
    return sorted(texts)


def test_every_pattern_compiles_in_javascript_and_means_what_it_means_in_python(built_site):
    """JSON Schema tools compile `pattern` as `new RegExp(pattern, "u")`; the validator uses
    Python's re. Both must accept the same texts, tried on every text in the data."""
    patterns = sorted(set().union(*(schema_patterns(json.loads(p.read_text("utf-8"))) for p in _all_schemas(built_site))))
    assert len(patterns) >= 3
    samples = _data_texts()
    results = javascript_regexps({**{p: samples for p in patterns}, JS_INVALID_PATTERN: []})
    assert "error" in results[JS_INVALID_PATTERN], "Node must refuse what JSON Schema tools refuse"
    for pattern in patterns:
        assert "error" not in results[pattern], (pattern, results[pattern])
        python = [bool(re.search(pattern, text)) for text in samples]
        differ = [text for text, js, py in zip(samples, results[pattern]["matches"], python, strict=True) if js != py]
        assert differ == [], (pattern, differ)


@pytest.mark.parametrize("key", sorted(DATA_FILES))
def test_every_data_file_passes_its_schema_in_a_javascript_style_validator(key):
    """check-jsonschema reads YAML 1.2, as editors do, and patterns as ECMAScript (regress)."""
    paths = [folder / "data" / DATA_FILES[key].filename for folder in PROJECTS.values()]
    files = [str(path) for path in paths if path.is_file()]
    assert files
    result = check_jsonschema("--schemafile", str(SCHEMA_DIR / f"{key}.schema.json"), *files)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_data_check_rejects_a_website_that_is_not_https(tmp_path):
    text = (ROOT / "data" / "partners.yaml").read_text(encoding="utf-8")
    broken = tmp_path / "partners.yaml"
    changed, count = re.subn(r"""(website: ["']?)https://""", r"\1http://", text, count=1)
    assert count == 1
    broken.write_text(changed, encoding="utf-8")
    result = check_jsonschema("--schemafile", str(SCHEMA_DIR / "partners.schema.json"), str(broken))
    assert result.returncode == 1 and "does not match" in result.stdout


# --- vCards and headers ----------------------------------------------------------------------

@pytest.mark.parametrize("name", SITES)
def test_every_vcard_imports_with_its_names_intact(name, sites):
    """vobject (the parser of Radicale, Khal and others) reads each card; names with æ, ø, å come
    through as written, and every line that has them declares its character set."""
    site_dir = sites[name]
    site, _ = load_site(PROJECTS[name] / "data")
    expected = {entry.employer.vcard_url(entry.consultant.id): entry for entry in site.all_consultants()}
    cards = {path.relative_to(site_dir).as_posix(): path for path in site_dir.rglob("*.vcf")}
    assert set(cards) == set(expected)
    for url, path in cards.items():
        text = path.read_bytes().decode("utf-8")
        card = vobject.readOne(text, validate=True)
        entry = expected[url]
        assert card.version.value == "3.0" and card.fn.value == entry.consultant.name
        assert (card.n.value.family, card.n.value.given) == (entry.consultant.family_name, entry.consultant.given_names)
        assert card.org.value == [entry.employer.name] and card.title.value == entry.consultant.title
        undeclared = [line for line in text.split("\r\n") if not line.isascii()
                      and ";CHARSET=UTF-8:" not in line.split(":", 1)[0] + ":"]
        assert undeclared == [], (url, undeclared)


def test_the_default_data_has_cards_that_need_the_character_set(built_site):
    assert any(not path.read_bytes().isascii() for path in built_site.rglob("*.vcf"))


def netlify_pattern(pattern: str) -> re.Pattern:
    """A `_headers` path as Netlify matches it (netlify/build, headers-parser/src/for_regexp.ts)."""
    def part(text: str) -> str:
        if text.startswith(":"):
            return "([^/]+)"
        if text == "*":
            return "?(.*)"
        return text.replace("*", "(.*)") if "*" in text else re.escape(text)
    parts = [part(p.rstrip()) for p in pattern.split("/") if p.rstrip()]
    return re.compile(f"^/{'/'.join(parts)}/?$", re.IGNORECASE)


def _header_rules(site: Path) -> list[tuple[str, dict[str, str]]]:
    rules: list[tuple[str, dict[str, str]]] = []
    for line in (site / "_headers").read_text(encoding="utf-8").splitlines():
        if line.startswith("/"):
            rules.append((line, {}))
        elif line.startswith("  "):
            header, _, value = line.strip().partition(": ")
            rules[-1][1][header] = value
    return rules


def headers_for(rules: list[tuple[str, dict[str, str]]], path: str) -> dict[str, str]:
    merged: dict[str, str] = {}
    for pattern, values in rules:
        if netlify_pattern(pattern).match(path):
            merged.update(values)
    return merged


# Files a browser or an address book must read as UTF-8 text of their own type. Calendars and
# feeds are listed for when the site gets them: the test then fails until _headers covers them.
TYPED_FILES = {".vcf": "text/vcard; charset=utf-8", ".ics": "text/calendar; charset=utf-8",
               ".rss": "application/rss+xml; charset=utf-8", ".atom": "application/atom+xml; charset=utf-8"}


@pytest.mark.parametrize("name", SITES)
def test_headers_give_vcards_their_type_and_character_set(name, sites):
    site = sites[name]
    rules = _header_rules(site)
    typed = [p for p in site.rglob("*") if p.suffix in TYPED_FILES]
    assert any(p.suffix == ".vcf" for p in typed)
    for path in typed:
        url = "/" + path.relative_to(site).as_posix()
        assert headers_for(rules, url).get("Content-Type") == TYPED_FILES[path.suffix], url
    for path in [*site.rglob("*.html"), *site.rglob("*.json")]:
        assert "Content-Type" not in headers_for(rules, "/" + path.relative_to(site).as_posix()), path


def test_netlify_patterns_match_as_netlify_does():
    assert netlify_pattern("/*.vcf").match("/kommuner/faxe/louise-kjaer-faxe.vcf")
    assert not netlify_pattern("/*.vcf").match("/kommuner/faxe/")
    assert netlify_pattern("/api/*").match("/api/") and netlify_pattern("/api/*").match("/api/schema/x.json")
    assert not netlify_pattern("/api/*").match("/kommuner/api/")


def test_operating_guide_tells_other_hosts_the_vcard_type():
    readme = (ROOT / "docs" / "operating.md").read_text(encoding="utf-8")
    assert "Content-Type: text/vcard; charset=utf-8" in readme and "`/*.vcf`" in readme


# --- links -----------------------------------------------------------------------------------

@pytest.mark.parametrize("name", SITES)
def test_every_page_is_reachable_by_links_from_the_home_page(name, sites):
    assert unreachable_pages(sites[name]) == []


def test_the_crawl_finds_a_page_nobody_links_to(tmp_path):
    for path, html in {"index.html": '<a href="a/">A</a> <a href="https://x.example/b/">B</a>',
                       "a/index.html": '<a href="../a/#top">A</a>', "b/index.html": "", "404.html": "",
                       "admin/index.html": '<meta name="robots" content="noindex, nofollow">'}.items():
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text(html, encoding="utf-8")
    assert unreachable_pages(tmp_path) == ["b/index.html"]
