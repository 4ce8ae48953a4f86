"""Build-side measurements: validation time, A/B build time and memory, output size, preview.

Builds run as child processes, timed by wall clock, with the child's own peak memory from
os.wait4 (ru_maxrss). A and B are interleaved and repeated, and medians are reported, because
other work on the machine makes single runs noisy.
"""

from __future__ import annotations

import gzip
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

from projects import ENV, MKDOCS, ROOT, Project

PAGE_LIMIT = 150_000  # bytes; "150 KB" in the issue
VALIDATE = """
import json, sys, time
sys.path.insert(0, sys.argv[1])
from alliance_site.data.loading import load_site
times, cpu = [], []
for _ in range(int(sys.argv[3])):
    started, started_cpu = time.perf_counter(), time.process_time()
    site, warnings = load_site(sys.argv[2])
    times.append(time.perf_counter() - started)
    cpu.append(time.process_time() - started_cpu)
print(json.dumps({"times": times, "cpu": cpu, "consultants": site.consultant_count,
                  "municipalities": len(site.municipalities), "partners": len(site.partners),
                  "topics": len(site.topics)}))
"""


def run_measured(command: list[str], env: dict | None = None) -> tuple[float, float, int]:
    """Run to completion; (wall seconds, CPU seconds, peak RSS in KiB) of that child alone:
    it is reaped with os.wait4, which returns its own resource usage."""
    started = time.perf_counter()
    with open(os.devnull, "wb") as devnull:
        process = subprocess.Popen(command, env=env or ENV, cwd=ROOT, stdout=devnull, stderr=subprocess.PIPE)
        if process.stderr is None:
            raise RuntimeError("the build's error pipe did not open")
        stderr = process.stderr.read().decode("utf-8", "replace")  # not communicate(): it would reap the child
        _pid, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
    wall = time.perf_counter() - started
    if process.returncode != 0:
        raise RuntimeError(f"{' '.join(map(str, command))} failed ({process.returncode}):\n{stderr[-3000:]}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss


def validation(project: Project, repeat: int) -> dict:
    """load_site() of data/ alone, in a fresh interpreter: first run and median of the rest."""
    result = subprocess.run([sys.executable, "-c", VALIDATE, str(ROOT / "hooks"), str(project.data),
                             str(max(repeat, 2))], env=ENV, capture_output=True, text=True, check=True)
    figures = json.loads(result.stdout)
    times, cpu = figures.pop("times"), figures.pop("cpu")
    return {**figures, "first_s": times[0], "median_s": statistics.median(times[1:]),
            "median_cpu_s": statistics.median(cpu[1:])}


def build_ab(project: Project, plain_config: Path, out: Path, repeat: int) -> dict:
    """Full `mkdocs build` of the project (A) and of its plain-Material twin (B), interleaved.
    Each starts from an empty output folder, as `make site` does (MkDocs would otherwise spend
    a tenth of the build deleting the previous run's 2,300 files)."""
    runs: dict[str, list[tuple[float, float, int]]] = {"a": [], "b": []}
    for _ in range(repeat):
        shutil.rmtree(out / "site", ignore_errors=True)
        runs["a"].append(run_measured([*MKDOCS, "build", "--strict", "-q", "-f", str(project.config),
                                       "-d", str(out / "site")]))
        shutil.rmtree(out / "plain-site", ignore_errors=True)
        runs["b"].append(run_measured([*MKDOCS, "build", "-q", "-f", str(plain_config),
                                       "-d", str(out / "plain-site")]))
    (a, a_cpu), (b, b_cpu) = [(statistics.median(r[0] for r in runs[k]), statistics.median(r[1] for r in runs[k]))
                              for k in ("a", "b")]
    return {"build_s": a, "build_cpu_s": a_cpu, "build_runs_s": [r[0] for r in runs["a"]],
            "peak_rss_mib": max(r[2] for r in runs["a"]) / 1024,
            "plain_build_s": b, "plain_build_cpu_s": b_cpu, "plain_runs_s": [r[0] for r in runs["b"]],
            "plain_peak_rss_mib": max(r[2] for r in runs["b"]) / 1024,
            # Signed: below zero when the build beats its plain twin (search_sections, the worker).
            "own_code_share": (a - b) / a, "own_code_share_cpu": (a_cpu - b_cpu) / a_cpu}


def _gzip_size(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6, mtime=0))


def news_item_pages(site: Path, pages: list[Path]) -> list[Path]:
    """/nyheder/<id>/index.html: one page per news item (not the lists, /nyheder/side/<n>/)."""
    return [p for p in pages if len(parts := p.relative_to(site).parts) == 3 and parts[0] == "nyheder"
            and parts[1] != "side"]


def result_pages(site: Path, pages: list[Path]) -> list[Path]:
    """/hjaelp/<topic>/<municipality>/index.html: the guide's results, one per topic and
    municipality, so they multiply with both (1,078 at national scale)."""
    return [p for p in pages if len(parts := p.relative_to(site).parts) == 4 and parts[0] == "hjaelp"]


def _result_page_metrics(site: Path, pages: list[Path]) -> dict:
    results = result_pages(site, pages)
    largest = max(results, key=lambda p: p.stat().st_size) if results else None
    return {"result_pages": len(results),
            "result_page_median_bytes": statistics.median(p.stat().st_size for p in results) if results else None,
            "result_page_largest": largest.relative_to(site).as_posix() if largest else None,
            "result_page_largest_bytes": largest.stat().st_size if largest else None,
            "guide_step_pages": sum(1 for p in pages if p.relative_to(site).parts[0] == "guide")}


def site_metrics(site: Path) -> dict:
    """Total bytes, the largest HTML page, and what the finder page needs with its data (raw, gzip).
    The web editor under /admin/ is counted apart: it is the same 8.5 MB on every site and no
    public page loads any of it. The news item pages are counted apart too: one per item, each
    mostly Material's page frame, so they grow with the archive, not with the directory."""
    every = [p for p in site.rglob("*") if p.is_file()]
    files = [p for p in every if p.relative_to(site).parts[0] != "admin"]
    pages = [p for p in files if p.name.endswith(".html")]
    largest = max(pages, key=lambda p: p.stat().st_size)
    finder = (site / "find-konsulent" / "index.html").read_bytes()
    finder_data = (site / "find-konsulent" / "konsulenter.json").read_bytes()
    search_index = site / "search" / "search_index.json"
    news_items = [p.stat().st_size for p in news_item_pages(site, pages)]
    total = sum(p.stat().st_size for p in files)
    return {
        "files": len(files), "total_bytes": total,
        "news_item_pages": len(news_items), "news_item_bytes": sum(news_items),
        "news_item_median_bytes": statistics.median(news_items) if news_items else None,
        "total_without_news_items_bytes": total - sum(news_items),
        "admin_bytes": sum(p.stat().st_size for p in every) - sum(p.stat().st_size for p in files),
        "html_pages": len(pages),
        "largest_page": largest.relative_to(site).as_posix(), "largest_page_bytes": largest.stat().st_size,
        "pages_over_limit": sorted(p.relative_to(site).as_posix() for p in pages if p.stat().st_size > PAGE_LIMIT),
        "finder_bytes": len(finder) + len(finder_data),
        "finder_gzip_bytes": _gzip_size(finder) + _gzip_size(finder_data),
        "finder_data_gzip_bytes": _gzip_size(finder_data),
        "search_index_bytes": search_index.stat().st_size if search_index.exists() else 0,
        "search_index_gzip_bytes": _gzip_size(search_index.read_bytes()) if search_index.exists() else 0,
        **_result_page_metrics(site, pages),
    }


def profile(project: Project, out: Path, report: Path) -> Path:
    """One build under pyinstrument (a sampling profiler, so the HTML parsers are not inflated
    the way cProfile inflates them); the text report shows where the time goes."""
    command = [sys.executable, "-m", "pyinstrument", "-r", "text", "--show", "*", "-o", str(report), "-m", "mkdocs",
               "build", "-q", "-f", str(project.config), "-d", str(out / "profile-site")]
    subprocess.run(command, env=ENV, cwd=ROOT, check=True, capture_output=True)
    return report
