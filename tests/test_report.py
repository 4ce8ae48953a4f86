"""`make report`: warnings and notices to act on, and a summary of who covers what."""

from __future__ import annotations

import datetime
import shutil

from alliance_site.__main__ import main
from alliance_site.data.loading import load_site
from alliance_site.data.report import format_report, municipality_rows
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
    assert "Emner uden konsulent (1)\n  rekruttering (Rekruttering): 1 partner\n" in text
    assert "Kommuner uden egen partner (1); 1 partner betjener alle kommuner\n  Faxe\n" in text
    assert text.startswith("Datarapport for Testalliancen, 2026-06-15\n")


def test_report_lists_notices_a_year_on_and_warnings(tmp_path, capsys):
    data = _base(tmp_path)
    (data / "fotos").mkdir()
    (data / "fotos" / "gammel.jpg").write_bytes(b"jpeg")
    code = main(["report", str(data), "--today", "2027-06-01"])
    out = capsys.readouterr().out
    assert code == 0
    assert "Advarsler (1): de stopper bygningen af siden\n" in out and "gammel.jpg:1:1: advarsel:" in out
    assert "Påmindelser (4): poster, der skal tjekkes\n" in out
    assert out.count("for mere end 12 måneder siden") == 4


def test_report_on_data_with_errors_prints_them_and_fails(tmp_path, capsys):
    data = _base(tmp_path)
    path = data / "topics.yaml"
    path.write_text(path.read_text("utf-8").replace("order: 1", "order: en"), encoding="utf-8")
    assert main(["report", str(data), "--today", TODAY.isoformat()]) == 1
    out = capsys.readouterr().out
    assert "topics[0].order: 'en' er ikke et helt tal" in out and "Oversigten kræver data uden fejl" in out


def test_report_of_the_default_data(data_dir, capsys):
    assert main(["report", str(data_dir)]) == 0
    out = capsys.readouterr().out
    site, _ = load_site(data_dir)
    assert f"Kommuner ({len(site.municipalities)}), {site.consultant_count} konsulenter" in out
    assert all(m.name in out for m in site.municipalities)
    assert out.rstrip().endswith(f"{len(site.topics)} emner.")
    assert datetime.date.today().isoformat() in out
