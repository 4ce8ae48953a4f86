"""The benchmark runs end to end at the smallest scale (the default data), so it cannot rot.

Lighthouse is left out (it needs `npm ci` and runs only from `make bench`); everything else
runs for real: validation, A/B builds, the preview latency in `mkdocs serve`, and Chromium.
The figures themselves are machine-dependent, so only their presence and consistency are
checked, plus the target verdicts from known figures.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from sitebuild import ROOT, import_file


def _bench_module(name: str):
    return import_file(f"bench_{name}", ROOT / "bench" / f"{name}.py")


report = _bench_module("report")


@pytest.fixture(scope="module")
def bench_run(tmp_path_factory):
    work = tmp_path_factory.mktemp("bench")
    out = work / "results.json"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run([sys.executable, str(ROOT / "bench" / "run.py"), "--scales", "default",
                             "--repeat", "1", "--skip", "lighthouse", "--work", str(work / "work"),
                             "--out", str(out)], capture_output=True, text=True, env=env, timeout=300)
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(out.read_text(encoding="utf-8")), result.stdout


def test_results_describe_the_machine_and_versions(bench_run):
    results, _table = bench_run
    from importlib.metadata import version

    assert results["machine"]["packages"]["mkdocs-material"] == version("mkdocs-material")
    assert results["machine"]["packages"]["mkdocs"] == version("mkdocs")
    assert results["skipped"] == ["lighthouse"]


def test_default_scale_is_measured_in_every_step(bench_run, default_site):
    results, table = bench_run
    [figures] = results["scales"]
    assert figures["label"] == "default"
    assert figures["validation"]["consultants"] == default_site.consultant_count
    assert figures["validation"]["municipalities"] == len(default_site.municipalities)
    build = figures["build"]
    assert build["build_s"] > 0 and build["plain_build_s"] > 0 and build["peak_rss_mib"] > 10
    share = build["own_code_share"]
    assert -1 < share < 1 and (share < 0) == (build["build_s"] < build["plain_build_s"])
    assert f"{100 * share:.0f} %" in table, "the table shows the share the results hold"
    assert 0 < figures["hooks"]["on_config"] < figures["hooks"]["build_wall_s"]
    site = figures["site"]
    assert site["html_pages"] >= len(default_site.municipalities) + len(default_site.topics)
    assert site["finder_gzip_bytes"] < site["finder_bytes"]
    assert site["news_item_pages"] == len(default_site.news) > 0
    assert site["total_without_news_items_bytes"] == site["total_bytes"] - site["news_item_bytes"]
    assert site["result_pages"] == len(default_site.topics) * len(default_site.municipalities)
    assert 0 < site["result_page_median_bytes"] <= site["result_page_largest_bytes"] <= site["largest_page_bytes"]
    assert "result page, median" in table
    assert figures["serve"]["preview_s"] > 0 and figures["serve"]["preview_topic_s"] > 0
    browser = figures["browser"]
    assert browser["municipality_cards"] > 0 and browser["municipality_ms"] > 0
    assert 0 < browser["topic_cards"] <= browser["municipality_cards"]
    assert browser["first_search_ms"] > 0
    assert browser["first_load_max_bytes"] == max(browser["first_load_bytes"].values()) > 10_000


def test_table_lists_the_figures_and_the_targets(bench_run):
    _results, table = bench_run
    assert table.splitlines()[0].split("|")[1].strip() == "default"
    assert "mkdocs build, wall (median)" in table and "finder + data, gzip" in table
    assert "Targets at national scale" in table


def _scale(scale, consultants, build_s, **extra):
    return {"scale": scale, "validation": {"consultants": consultants}, "build": {"build_s": build_s}, **extra}


def test_linearity_compares_cost_per_consultant_at_4x_and_1x():
    scales = [_scale(1, 2000, 4.0), _scale(2, 4000, 7.0), _scale(4, 8000, 13.0)]
    linear = report.linearity(scales)
    assert linear["per_consultant_ratio_4x_1x"] == pytest.approx((13 / 8000) / (4 / 2000))
    assert linear["marginal_ratio_2x4x_over_1x2x"] == pytest.approx((6 / 4000) / (3 / 2000))


def test_targets_are_judged_at_national_scale_only():
    site = {"largest_page_bytes": 200_000, "total_bytes": 21_000_000, "total_without_news_items_bytes": 14_000_000,
            "news_item_median_bytes": 16_000}
    scales = [_scale(None, 21, 99.0), _scale(1, 2000, 3.5, site=site)]
    verdicts = {v["target"]: v for v in report.targets(scales, report.linearity(scales))}
    assert verdicts["build wall time"]["met"] is True
    assert verdicts["largest HTML page"]["met"] is False
    assert verdicts["site total without the news item pages"]["met"] is True
    assert verdicts["news item page (median)"]["met"] is False
    assert verdicts["preview after saving"]["met"] is None


def test_news_item_pages_are_the_items_not_their_lists(tmp_path):
    sys.path.insert(0, str(ROOT / "bench"))
    build_figures = _bench_module("build_figures")
    for page in ["index.html", "nyheder/index.html", "nyheder/side/2/index.html", "nyheder/morgenmoede/index.html",
                 "nyheder/lancering/index.html", "kommuner/faxe/index.html"]:
        (tmp_path / page).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / page).write_text("x", encoding="utf-8")
    pages = sorted(tmp_path.rglob("*.html"))
    assert sorted(p.parent.name for p in build_figures.news_item_pages(tmp_path, pages)) == ["lancering", "morgenmoede"]


def _lighthouse_run(performance: int, tbt_ms: float) -> dict:
    return {"performance": performance, "accessibility": 100, "best-practices": 100, "seo": 100,
            "fcp_ms": 1000.0, "lcp_ms": 1200.0, "tbt_ms": tbt_ms, "cls": 0.0, "bytes": 80_000, "failing": []}


def test_lighthouse_reports_the_median_of_its_runs_and_their_range():
    """One slow run neither sinks nor hides a page: the median counts, the range is shown."""
    sys.path.insert(0, str(ROOT / "bench"))
    chromium_figures = _bench_module("chromium_figures")
    runs = [_lighthouse_run(100, 30.0), _lighthouse_run(97, 180.0), _lighthouse_run(100, 40.0)]
    page = chromium_figures.median_run(runs)
    assert page["performance"] == 100 and page["tbt_ms"] == 40.0 and page["runs"] == runs
    national = _scale(1, 2000, 3.5)
    national["lighthouse"] = {"home": page, "finder": chromium_figures.median_run([_lighthouse_run(99, 90.0)] * 3)}
    verdicts = {v["target"]: v for v in report.targets([national], report.linearity([national]))}
    assert verdicts["Lighthouse mobile, lowest category score (median of runs)"]["value"] == 99
    assert report._lighthouse_cell(national, "home") == "100/100/100/100 (P 97-100)"


def test_preview_is_measured_with_the_flags_of_make_serve():
    """The preview figure means something only if it is `make serve`'s own server."""
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        serve_figures = _bench_module("serve_figures")
    finally:
        sys.path.remove(str(ROOT / "bench"))
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    flags = next(line.split(":=", 1)[1].split() for line in makefile.splitlines() if line.startswith("SERVE_FLAGS"))
    assert flags == serve_figures.SERVE_FLAGS
    assert "mkdocs serve $(SERVE_FLAGS)" in makefile
