"""`make report`: warnings and notices to act on, and a summary of who covers what."""

from __future__ import annotations

import datetime
import shutil

from alliance_site.__main__ import main
from alliance_site.loading import load_site
from alliance_site.report import format_report, municipality_rows
from test_validation_corpus import CORPUS, TODAY


def _base(tmp_path):
    target = tmp_path / "data"
    shutil.copytree(CORPUS / "_base", target)
    return target


def test_summary_counts_consultants_and_partners_per_municipality(tmp_path):
    site, _ = load_site(_base(tmp_path), TODAY)
    assert municipality_rows(site) == [("Faxe", 1, 1, 1, 0, "2026-04-15"), ("Næstved", 1, 1, 2, 1, "2026-05-01")]


def test_report_lists_topics_without_consultant_and_municipalities_without_partner(tmp_path):
    data = _base(tmp_path)
    path = data / "municipalities.yaml"
    path.write_text(path.read_text("utf-8").replace("topics: [rekruttering, fastholdelse]", "topics: [fastholdelse]"),
                    encoding="utf-8")
    site, problems = load_site(data, TODAY)
    text = format_report(site, problems, TODAY)
    assert "Topics with no consultant (1)\n  rekruttering (Rekruttering): 1 partner(s)\n" in text
    assert ("Municipalities with no partner of their own (1); 1 partner(s) serve all municipalities\n"
            "  Faxe\n") in text
    assert text.startswith("Data report for Testalliancen, 2026-06-15\n")


def test_report_lists_notices_a_year_on_and_warnings(tmp_path, capsys):
    data = _base(tmp_path)
    (data / "fotos").mkdir()
    (data / "fotos" / "gammel.jpg").write_bytes(b"jpeg")
    code = main(["report", str(data), "--today", "2027-06-01"])
    out = capsys.readouterr().out
    assert code == 0
    assert "Warnings (1): these fail the site build\n" in out and "gammel.jpg:1:1: warning:" in out
    assert "Notices (4): entries to review\n" in out
    assert out.count("more than 12 months ago") == 4


def test_report_on_data_with_errors_prints_them_and_fails(tmp_path, capsys):
    data = _base(tmp_path)
    path = data / "topics.yaml"
    path.write_text(path.read_text("utf-8").replace("order: 1", "order: en"), encoding="utf-8")
    assert main(["report", str(data), "--today", TODAY.isoformat()]) == 1
    out = capsys.readouterr().out
    assert "topics[0].order: 'en' is not a whole number" in out and "summary needs data without errors" in out


def test_report_of_the_default_data(data_dir, capsys):
    assert main(["report", str(data_dir)]) == 0
    out = capsys.readouterr().out
    site, _ = load_site(data_dir)
    assert f"Municipalities ({len(site.municipalities)}), {site.consultant_count} consultants" in out
    assert all(m.name in out for m in site.municipalities)
    assert out.rstrip().endswith(f"{len(site.topics)} topics.")
    assert datetime.date.today().isoformat() in out
