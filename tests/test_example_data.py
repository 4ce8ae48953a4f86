"""Example contacts never go live by accident: a build for a real address refuses them, located,
unless the alliance is a demo, which every page then says; `make report` lists them always."""

from __future__ import annotations

import shutil

import pytest

from alliance_site.__main__ import main
from alliance_site.data import example_data
from alliance_site.data.problems import DataError
from alliance_site.publish.build import SiteBuild
from sitebuild import ROOT, renderer


@pytest.mark.parametrize("host, reserved", [
    ("faxe.example", True), ("x.test", True), ("a.invalid", True), ("localhost", True), ("127.0.0.1", True),
    ("example.com", True), ("www.example.org", True), ("mail.example.net", True), ("EXAMPLE.COM.", True),
    ("faxe.dk", False), ("example.dk", False), ("myexample.com", False), ("alliance.netlify.app", False),
])
def test_reserved_hosts(host, reserved):
    assert example_data.reserved_host(host) is reserved


@pytest.mark.parametrize("phone, fictional", [
    ("+45 11 20 31 01", True), ("10203040", True), ("+45 01 02 03 04", True), ("+44 7700 900123", True),
    ("+1 212 555 0123", True),
    ("+45 55 12 34 56", False), ("+45 20 30 40 50", False), ("+44 7700 123456", False), ("+1 212 555 1234", False),
])
def test_fictional_phone_numbers(phone, fictional):
    assert example_data.fictional_phone(phone) is fictional


@pytest.mark.parametrize("url, production", [
    (None, False), ("", False), ("https://arbejdskraftalliancen.example/", False), ("http://127.0.0.1:8000/", False),
    ("https://www.alliance.dk/", True), ("https://org.github.io/alliance/", True),
    ("https://deploy-preview-7--alliance.netlify.app/", True),
])
def test_a_production_build_is_one_for_a_real_host(url, production):
    assert example_data.is_production(url) is production


def _without_demo(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    alliance = data / "alliance.yaml"
    text = alliance.read_text(encoding="utf-8")
    assert "\ndemo: true\n" in text
    alliance.write_text(text.replace("\ndemo: true\n", "\n"), encoding="utf-8")
    return data


def test_a_production_build_refuses_example_contacts_where_they_are_written(tmp_path):
    data = _without_demo(tmp_path)
    with pytest.raises(DataError) as raised:
        SiteBuild.load(data, renderer(), "https://www.alliance.dk/")
    problems = raised.value.errors
    assert any("alliance.yaml:" in p.path + ":" and "kontakt@arbejdskraftalliancen.example" in p.message
               for p in problems)
    phones = [p for p in problems if "telefonnummeret '+45 1" in p.message]
    assert phones and all(p.line > 1 and ".phone: " in p.message for p in phones)
    assert all("'demo: true' i alliance.yaml" in p.message for p in problems)


def test_the_same_data_builds_for_a_preview_and_as_a_declared_demo(tmp_path):
    data = _without_demo(tmp_path)
    assert SiteBuild.load(data, renderer(), "https://arbejdskraftalliancen.example/").pages
    demo = SiteBuild.load(ROOT / "data", renderer(), "https://www.alliance.dk/")
    assert demo.site.alliance.demo


def test_every_page_of_the_demo_says_it_is_an_example(built_site):
    pages = list(built_site.rglob("*.html"))
    assert len(pages) > 20
    missing = [p for p in pages if "admin" not in p.parts and "Eksempelsite:" not in p.read_text("utf-8")]
    assert missing == []


def test_the_report_lists_example_contacts_in_any_build(capsys):
    assert main(["report", str(ROOT / "data")]) == 0
    out = capsys.readouterr().out
    assert "Eksempeldata (" in out and "sitet er et eksempel (demo: true)" in out
    assert "bemærk: contact.email: e-mailadressen 'kontakt@arbejdskraftalliancen.example'" in out


def test_the_deploy_workflows_deploy_the_declared_demo():
    """This repository's own deployments (GitHub Pages, Netlify) build the default data at a
    real address: the data opts in, so a fork that replaces the data without replacing the
    contacts fails, and one that keeps `demo: true` shows the notice on every page."""
    assert "\ndemo: true\n" in (ROOT / "data" / "alliance.yaml").read_text(encoding="utf-8")
    assert "\ndemo: true" not in (ROOT / "scaffold" / "data" / "alliance.yaml").read_text(encoding="utf-8")
