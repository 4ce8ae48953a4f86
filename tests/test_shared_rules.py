"""Small rules that the finder's script (overrides/assets/javascripts/alliance.js) applies in the
browser to data the finder's JSON leaves out, pinned to the Python rule on the same cases: the
tel: link, the vCard address and "X Kommune". The browser tier compares whole cards; this
catches a drift in the fast tier."""

from __future__ import annotations

import json
import re
import subprocess

import pytest
from alliance_site import urls
from alliance_site.render import tel_uri

from sitebuild import ROOT

SCRIPT = (ROOT / "overrides" / "assets" / "javascripts" / "alliance.js").read_text(encoding="utf-8")
PHONES = ["+45 12 34 56 78", "12 34 56 78", "+45 12-34-56-78", "(+45) 1234 5678", "+4512345678", "12.34.56.78"]


def _node(expression: str, cases: list) -> list:
    program = f"const cases = {json.dumps(cases)}; console.log(JSON.stringify(cases.map(c => {expression})));"
    return json.loads(subprocess.run(["node", "-e", program], capture_output=True, text=True, check=True,
                                     timeout=60).stdout)


def _js(pattern: str) -> re.Match:
    found = re.search(pattern, SCRIPT)
    assert found, f"alliance.js no longer has {pattern!r}: keep it in step with the Python rule"
    return found


def test_the_scripts_tel_link_is_tel_uri():
    rule = _js(r'"tel:" \+ consultant\.phone\.replace\((/[^/]+/g), ""\)').group(1)
    assert _node(f'"tel:" + c.replace({rule}, "")', PHONES) == [tel_uri(p) for p in PHONES]


@pytest.mark.parametrize("page, consultant", [("kommuner/faxe/", "anne-hansen"), ("medlemmer/3f/", "bo")])
def test_the_scripts_vcard_address_is_urls_vcard(page, consultant):
    _js(r'root \+ employer\.page \+ consultant\.id \+ "\.vcf"')
    assert _node('c[0] + c[1] + ".vcf"', [[page, consultant]]) == [urls.vcard(page, consultant)]


def test_the_scripts_municipality_heading_is_full_name(default_site):
    suffix = _js(r'optionText\(form\.elements\.kommune\) \+ "( [^"]+)"').group(1)
    municipality = default_site.municipalities[0]
    assert municipality.name + suffix == municipality.full_name
