"""Independent checkers for the built sites: the Nu Html Checker (vnu.jar, run with Java),
JavaScript's own regular expressions (Node), and a crawler that follows links from the home page.

Each runs once over many inputs (one JVM for every page of every site, one Node process for
every pattern), because starting them is most of their cost. tests/test_conformance.py uses them.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from htmlscan import elements
from sitebuild import ROOT

VNU_JAR = ROOT / "checkers" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
INSTALL_HINT = "run `make checkers` (npm ci in checkers/) and install Java (scripts/ensure-java.sh)"


@dataclass(frozen=True)
class Allowed:
    """A checker message that is Material's markup, not ours, with why it stays."""

    message: str  # the start of the checker's message
    markup: str  # a regex the highlighted markup must match in full
    reason: str

    def covers(self, message: dict) -> bool:
        return message["message"].startswith(self.message) and bool(re.fullmatch(self.markup, highlighted(message)))


# Short on purpose: every entry is Material's own markup, and the test fails when one is no
# longer needed (docs/architecture.md, "Standards conformance").
ALLOWED = (
    Allowed("Attribute “autocomplete” is only allowed when the input type is",
            r'\s*<input class="md-toggle" data-md-toggle="(drawer|search)" type="checkbox" '
            r'id="__(drawer|search)" autocomplete="off">\s*',
            "Material's drawer and search toggles (base.html, outside any template block). "
            "autocomplete=off stops Firefox from restoring their checked state on reload "
            "(Mozilla bug 654072, documented on MDN), which would reopen the menu or the search "
            "overlay; HTML allows the attribute only on text-like inputs. Removing it would need a "
            "copy of base.html or rewriting Material's output, and would change Firefox's behaviour."),
)


def java() -> str | None:
    return os.environ.get("JAVA") or shutil.which("java")


def _java() -> str:
    """The Java to run the checker with (the tests skip before this when there is none)."""
    if (found := java()) is None:
        raise RuntimeError("no Java: install it with scripts/ensure-java.sh")
    return found


def highlighted(message: dict) -> str:
    extract, start = message.get("extract", ""), message.get("hiliteStart", 0)
    return extract[start:start + message.get("hiliteLength", 0)]


def run_vnu(files: list[Path]) -> dict[Path, list[dict]]:
    """Errors (and fatal errors) of the Nu Html Checker per file, in one run over every file."""
    command = [_java(), "-Xss16m", "-jar", str(VNU_JAR), "--format", "json", "--stdout", "--exit-zero-always",
               *map(str, files)]
    result = subprocess.run(command, capture_output=True, text=True, timeout=600)
    report = json.loads(result.stdout)
    found: dict[Path, list[dict]] = {path: [] for path in files}
    for message in report["messages"]:
        if message["type"] in ("error", "non-document-error"):
            found.setdefault(Path(urlsplit(message.get("url", "")).path), []).append(message)
    return found


def vnu_version() -> str:
    result = subprocess.run([_java(), "-jar", str(VNU_JAR), "--version"], capture_output=True, text=True, timeout=60)
    return result.stdout.strip()


def describe(path: Path, message: dict) -> str:
    return f"{path}:{message.get('lastLine', '?')}: {message['message']} [{highlighted(message)}]"


# Compiles each pattern as JSON Schema tools do (`new RegExp(pattern, "u")`) and tests the
# samples with it, so Python's reading of a pattern can be compared with JavaScript's.
_NODE_SCRIPT = """
const input = JSON.parse(require("fs").readFileSync(0, "utf8"));
const out = {};
for (const [pattern, samples] of Object.entries(input)) {
  try {
    const regex = new RegExp(pattern, "u");
    out[pattern] = {matches: samples.map(s => regex.test(s))};
  } catch (error) {
    out[pattern] = {error: String(error.message)};
  }
}
process.stdout.write(JSON.stringify(out));
"""


def javascript_regexps(samples_by_pattern: dict[str, list[str]]) -> dict[str, dict]:
    """pattern -> {'matches': [bool per sample]} or {'error': message}, from one Node process."""
    result = subprocess.run(["node", "-e", _NODE_SCRIPT], input=json.dumps(samples_by_pattern), capture_output=True,
                            text=True, timeout=60, check=True)
    return json.loads(result.stdout)


def schema_patterns(schema: object) -> set[str]:
    """Every `pattern` and `patternProperties` key anywhere in a JSON Schema."""
    found: set[str] = set()
    if isinstance(schema, dict):
        for key, value in schema.items():
            if key == "pattern" and isinstance(value, str):
                found.add(value)
            elif key == "patternProperties" and isinstance(value, dict):
                found.update(value)
            found |= schema_patterns(value)
    elif isinstance(schema, list):
        for item in schema:
            found |= schema_patterns(item)
    return found


def _page_file(base: str, href: str) -> str | None:
    """The site file a link from the page at `base` ('/kommuner/index.html') leads to."""
    parts = urlsplit(urljoin(base, href))
    if parts.scheme or parts.netloc:
        return None
    path = unquote(parts.path).lstrip("/")
    return path + "index.html" if path == "" or path.endswith("/") else path


def _published(html: str) -> bool:
    """A page for visitors: not one that keeps robots from following it (the web editor at
    /admin/ is a program for editors, reached by its address, not by links)."""
    return not any("nofollow" in meta.get("content", "") for meta in elements(html, "meta", name="robots"))


def unreachable_pages(site: Path) -> list[str]:
    """Published pages (HTML files but the 404 page) that no chain of links from the home page reaches."""
    pages = {p.relative_to(site).as_posix() for p in site.rglob("*.html")
             if _published(p.read_text(encoding="utf-8"))} - {"404.html"}
    reached: set[str] = set()
    todo = ["index.html"]
    while todo:
        name = todo.pop()
        if name in reached or name not in pages:
            continue
        reached.add(name)
        html = (site / name).read_text(encoding="utf-8")
        todo += [target for a in elements(html, "a", href="*") if (target := _page_file("/" + name, a["href"]))]
    return sorted(pages - reached)
