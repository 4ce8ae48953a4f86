"""Small rules that the finder's script (overrides/assets/javascripts/alliance.js) applies in the
browser to data the finder's JSON leaves out, pinned to the Python rule: the tel: link, the
vCard address and "X Kommune". The script itself runs (in Node, on tests/finder_harness.js's
stand-in for the DOM) over the finder file the site serves; the browser tier compares whole
cards with the server's, this catches a drift in the fast tier."""

from __future__ import annotations

import json
import subprocess

import pytest
from alliance_site.publish.finder import finder_file
from alliance_site.publish.render import tel_uri

from sitebuild import ROOT

SCRIPT = (ROOT / "overrides" / "assets" / "javascripts" / "alliance.js").read_text(encoding="utf-8")
HARNESS = ROOT / "tests" / "finder_harness.js"
PHONES = ["+45 12 34 56 78", "12 34 56 78", "+45 12-34-56-78", "(+45) 1234 5678", "+4512345678", "12.34.56.78"]
SITE_ROOT = "../"


def run_finder(site, municipality_id: str, phones: list[str] | None = None) -> dict:
    """The status line and the cards that alliance.js shows for `municipality_id`."""
    data = json.loads(finder_file(site)[1])
    for index, consultant in enumerate(data["consultants"]):
        consultant["phone"] = phones[index % len(phones)] if phones else consultant["phone"]
    payload = {"script": SCRIPT, "data": data, "municipality": municipality_id, "siteRoot": SITE_ROOT,
               "municipalities": [[m.id, m.name] for m in site.municipalities]}
    result = subprocess.run(["node", str(HARNESS)], input=json.dumps(payload), capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def busiest(default_site):
    """The municipality with the most consultants, so each rule is seen on many cards."""
    return max(default_site.municipalities, key=lambda m: len(default_site.consultants_serving(m.id)))


def test_the_script_shows_the_cards_the_server_shows(default_site, busiest):
    cards = run_finder(default_site, busiest.id)["cards"]
    assert [c["name"]["attributes"]["id"] for c in cards] == \
        [e.consultant.id for e in default_site.consultants_serving(busiest.id)]


def test_the_scripts_tel_link_is_tel_uri(default_site, busiest):
    cards = run_finder(default_site, busiest.id, PHONES)["cards"]
    assert len(cards) >= 2 and {c["phone"]["text"] for c in cards} <= set(PHONES)
    for card in cards:
        assert card["phone"]["attributes"]["href"] == tel_uri(card["phone"]["text"])


def test_the_scripts_vcard_address_is_the_employers_vcard_url(default_site, busiest):
    entries = {e.consultant.id: e for e in default_site.consultants_serving(busiest.id)}
    for card in run_finder(default_site, busiest.id)["cards"]:
        entry = entries[card["name"]["attributes"]["id"]]
        assert card["vcard"]["attributes"]["href"] == SITE_ROOT + entry.employer.vcard_url(entry.consultant.id)


def test_the_scripts_status_names_the_municipality_by_its_full_name(default_site, busiest):
    status = run_finder(default_site, busiest.id)["status"]
    assert f" i {busiest.full_name}." in status, status
