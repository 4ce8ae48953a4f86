"""Browser-side measurements in Debian's Chromium: finder paint, first search answer, first-load
bytes, and Lighthouse mobile scores.

Pages are served by bench/static_server.py with gzip, as a static host would. Each measurement
runs in a fresh browser context, so nothing is cached from an earlier one. Worst cases are chosen
on purpose: the largest topic and municipality pages, the municipality and the cluster with
the most consultants.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import statistics
import subprocess
from collections import Counter
from pathlib import Path

from playwright.sync_api import sync_playwright

from static_server import SiteServer

BENCH = Path(__file__).resolve().parent
CHROMIUM = os.environ.get("CHROMIUM_PATH") or "/usr/bin/chromium"
LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--disable-component-update", "--no-first-run", "--disable-sync"]
LIGHTHOUSE = BENCH / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")

# The clock stops when the status line has changed and the next frame is painted (the first
# cards); `all_ms` when the last batch of cards is in (the results are no longer aria-busy).
CHOOSE = """async ([field, value]) => {
  const root = document.querySelector("[data-finder]");
  const form = root.querySelector("[data-finder-form]");
  const status = root.querySelector("[data-finder-status]");
  const results = root.querySelector("[data-finder-results]");
  const before = status.textContent;
  const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  const changed = new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      if (status.textContent !== before) { observer.disconnect(); resolve(); }
    });
    observer.observe(status, { childList: true, characterData: true, subtree: true });
  });
  const started = performance.now();
  form.elements[field].value = value;
  form.elements[field].dispatchEvent(new Event("change", { bubbles: true }));
  await changed;
  await frame();
  const painted = performance.now() - started;
  while (results.hasAttribute("aria-busy")) { await frame(); }
  const shown = results.querySelectorAll(".al-consultant:not([hidden])").length;
  return { ms: painted, all_ms: performance.now() - started, shown: shown, status: status.textContent };
}"""

# The whole query at once, as Material reads it (on keyup), so typing speed is not measured.
TYPE_QUERY = """(query) => {
  const input = document.querySelector(".md-search__input");
  input.focus();
  input.value = query;
  input.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true, key: "g" }));
}"""

SEARCH_READY = """() => document.querySelector(".md-search-result__item") ?
  performance.now() - performance.getEntriesByType("navigation")[0].loadEventEnd : false"""


def pick_pages(site: Path) -> dict[str, str]:
    """URL paths of home, the largest topic page, the largest municipality page, the largest
    result page of the guide (topic × municipality), the finder."""
    def largest(pattern: str) -> str:
        pages = sorted(site.glob(f"{pattern}/index.html"), key=lambda p: p.stat().st_size)
        return pages[-1].parent.relative_to(site).as_posix() + "/"
    return {"home": "", "topic": largest("emner/*"), "municipality": largest("kommuner/*"),
            "result": largest("hjaelp/*/*"), "finder": "find-konsulent/"}


def _finder_choices(site: Path) -> dict[str, str | None]:
    """From the finder's data: the municipality with the most consultants, the most common
    topic, and the cluster whose municipalities have the most consultants together."""
    data = json.loads((site / "find-konsulent" / "konsulenter.json").read_text(encoding="utf-8"))
    cards: Counter[str] = Counter()
    topics: Counter[str] = Counter()
    for consultant in data["consultants"]:
        cards.update(consultant["municipalities"])
        topics.update(consultant["topics"])
    finder = (site / "find-konsulent" / "index.html").read_text(encoding="utf-8")
    by_cluster: Counter[str] = Counter()
    for municipality, cluster in re.findall(r'<option value="([^"]+)" data-cluster="([^"]+)"', finder):
        by_cluster[cluster] += cards.get(municipality, 0)
    return {"municipality": cards.most_common(1)[0][0], "topic": topics.most_common(1)[0][0],
            "cluster": by_cluster.most_common(1)[0][0] if by_cluster else None}


# A visitor reads the page before choosing: the search index has loaded (network idle) and a
# second has passed, so the choice does not compete with Material building its search index.
READING_MS = 1000

# A visitor reaches for the form before choosing (the script fetches the data then): the time
# from focus until the data is in, measured apart from the choice itself.
FOCUS = """async () => {
  const root = document.querySelector("[data-finder]");
  const started = performance.now();
  root.querySelector("select[name='kommune']").focus();
  while (root.getAttribute("data-finder-state") !== "ready") {
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  return performance.now() - started;
}"""


def _finder(context, url: str, choices: dict) -> dict:
    page = context.new_page()
    page.goto(url + "find-konsulent/", wait_until="networkidle")
    page.wait_for_selector("[data-finder-form]:not([hidden])")
    page.wait_for_timeout(READING_MS)
    result = {"municipality": choices["municipality"], "data_ms": page.evaluate(FOCUS)}
    first = page.evaluate(CHOOSE, ["kommune", choices["municipality"]])
    result.update(municipality_ms=first["ms"], municipality_all_ms=first["all_ms"], municipality_cards=first["shown"])
    topic = page.evaluate(CHOOSE, ["emne", choices["topic"]])
    result.update(topic_ms=topic["ms"], topic_all_ms=topic["all_ms"], topic_cards=topic["shown"])
    if choices["cluster"]:
        page.evaluate(CHOOSE, ["emne", ""])
        page.evaluate(CHOOSE, ["kommune", ""])
        cluster = page.evaluate(CHOOSE, ["klynge", choices["cluster"]])
        result.update(cluster=choices["cluster"], cluster_ms=cluster["ms"], cluster_all_ms=cluster["all_ms"],
                      cluster_cards=cluster["shown"])
    page.close()
    return result


def _first_search(context, url: str) -> dict:
    page = context.new_page()
    page.goto(url, wait_until="load")
    page.evaluate(TYPE_QUERY, "rekruttering")
    elapsed = page.wait_for_function(SEARCH_READY, polling="raf", timeout=60_000).json_value()
    page.close()
    return {"first_search_ms": elapsed}


def _first_load(browser, server: SiteServer, pages: dict[str, str]) -> dict:
    transferred = {}
    for name, path in pages.items():
        context = browser.new_context(viewport={"width": 412, "height": 823})
        page = context.new_page()
        server.take_sent()
        page.goto(server.url + path, wait_until="networkidle")
        transferred[name] = sum(size for _path, size in server.take_sent())
        context.close()
    return {"first_load_bytes": transferred, "first_load_max_bytes": max(transferred.values())}


def _median_of_runs(browser, measure, repeat: int) -> dict:
    """Run `measure(context)` in `repeat` fresh contexts; the median of every timing (…_ms),
    the other figures of the first run, and the timings of every run."""
    runs = []
    for _ in range(repeat):
        context = browser.new_context(viewport={"width": 1280, "height": 800})
        try:
            runs.append(measure(context))
        finally:
            context.close()
    result = dict(runs[0])
    for key in (k for k in runs[0] if k.endswith("_ms")):
        result[key] = statistics.median(run[key] for run in runs)
        result[key.removesuffix("_ms") + "_runs_ms"] = [run[key] for run in runs]
    return result


def browser_metrics(site: Path, repeat: int = 1) -> dict:
    """Finder paint, first search answer and first-load bytes against the built site."""
    pages = pick_pages(site)
    choices = _finder_choices(site)
    with SiteServer(site) as server, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        try:
            results = {"pages": pages}
            results.update(_median_of_runs(browser, lambda c: _finder(c, server.url, choices), repeat))
            results.update(_median_of_runs(browser, lambda c: _first_search(c, server.url), repeat))
            results.update(_first_load(browser, server, pages))
            return results
        finally:
            browser.close()


def lighthouse_available() -> str | None:
    """None when Lighthouse can run, else why not."""
    if not LIGHTHOUSE.exists():
        return "Lighthouse is not installed: run `npm ci --prefix bench` (make bench does)"
    if not shutil.which("node"):
        return "node is not installed"
    return None


def _lighthouse_run(url: str, report: Path) -> dict:
    command = [str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={report}",
               f"--only-categories={','.join(CATEGORIES)}",
               "--chrome-flags=--headless=new " + " ".join(LAUNCH_ARGS)]
    subprocess.run(command, env={**os.environ, "CHROME_PATH": CHROMIUM}, check=True,
                   capture_output=True, timeout=300)
    data = json.loads(report.read_text(encoding="utf-8"))
    audits = data["audits"]
    return {
        **{c: round(100 * data["categories"][c]["score"]) for c in CATEGORIES},
        "fcp_ms": audits["first-contentful-paint"]["numericValue"],
        "lcp_ms": audits["largest-contentful-paint"]["numericValue"],
        "tbt_ms": audits["total-blocking-time"]["numericValue"],
        "cls": audits["cumulative-layout-shift"]["numericValue"],
        "bytes": audits["total-byte-weight"]["numericValue"],
        "failing": sorted(k for k, a in audits.items() if a.get("score") == 0
                          and a.get("scoreDisplayMode") == "binary"),
    }


def lighthouse(site: Path, pages: dict[str, str], out: Path, runs: int = 1) -> dict:
    """Mobile Lighthouse (its default: emulated phone, simulated slow 4G) for each page, `runs`
    times: each score and metric is the median of the runs (Lighthouse's own advice for its
    run-to-run variance,
    https://github.com/GoogleChrome/lighthouse/blob/main/docs/variability.md), and every run is
    kept. The pages take turns, so a busy moment of the machine does not fall on one page's runs
    only."""
    out.mkdir(parents=True, exist_ok=True)
    runs_by_page: dict[str, list[dict]] = {name: [] for name in pages}
    with SiteServer(site) as server:
        for run in range(runs):
            for name, path in pages.items():
                runs_by_page[name].append(_lighthouse_run(server.url + path, out / f"{name}-{run + 1}.json"))
    return {name: median_run(page_runs) for name, page_runs in runs_by_page.items()}


def median_run(runs: list[dict]) -> dict:
    """The median of each score and metric over one page's Lighthouse runs, with the runs."""
    medians = {key: statistics.median(run[key] for run in runs)
               for key in (*CATEGORIES, "fcp_ms", "lcp_ms", "tbt_ms", "cls", "bytes")}
    return {**medians, "failing": runs[0]["failing"], "runs": runs}
