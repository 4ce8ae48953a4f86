"""Turn the benchmark's figures into the linearity check, the target verdicts and the table."""

from __future__ import annotations

from typing import Any

KB, MB, KIB = 1000, 1000 * 1000, 1024


def _get(figures: dict, *path: str) -> Any:
    for key in path:
        if not isinstance(figures, dict) or key not in figures:
            return None
        figures = figures[key]
    return figures


def _by_scale(scales: list[dict], scale: float) -> dict | None:
    return next((s for s in scales if s["scale"] == scale), None)


def linearity(scales: list[dict]) -> dict:
    """Build seconds per consultant at 4× over 1× (the issue's test), and the marginal cost
    per added consultant, which leaves out the fixed start-up cost of every build."""
    points = {s["scale"]: (s["validation"]["consultants"], s["build"]["build_s"])
              for s in scales if s["scale"] is not None}
    result: dict[str, float] = {}
    if 1 in points and 4 in points:
        (c1, t1), (c4, t4) = points[1], points[4]
        result["per_consultant_ratio_4x_1x"] = (t4 / c4) / (t1 / c1)
        result["marginal_ms_per_consultant_1x_4x"] = 1000 * (t4 - t1) / (c4 - c1)
    if 1 in points and 2 in points and 4 in points:
        (c1, t1), (c2, t2), (c4, t4) = points[1], points[2], points[4]
        result["marginal_ratio_2x4x_over_1x2x"] = ((t4 - t2) / (c4 - c2)) / ((t2 - t1) / (c2 - c1))
    return result


def _finder_worst(figures: dict) -> float | None:
    values = [_get(figures, "browser", key) for key in ("municipality_ms", "topic_ms", "cluster_ms")]
    values = [v for v in values if v is not None]
    return max(values) if values else None


def _lighthouse_min(figures: dict) -> float | None:
    scores = figures.get("lighthouse") or {}
    values = [v[c] for v in scores.values() if isinstance(v, dict)
              for c in ("performance", "accessibility", "best-practices", "seo") if c in v]
    return min(values) if values else None


TARGETS = [
    # (name, limit, unit, how to read the value from a scale's figures)
    ("build wall time", 4.0, "s", lambda f: _get(f, "build", "build_s")),
    ("own code share of build", 0.10, "ratio", lambda f: _get(f, "build", "own_code_share")),
    ("validation", 0.5, "s", lambda f: _get(f, "validation", "median_s")),
    ("site total without the news item pages", 15 * MB, "bytes",
     lambda f: _get(f, "site", "total_without_news_items_bytes")),
    ("news item page (median)", 15 * KB, "bytes", lambda f: _get(f, "site", "news_item_median_bytes")),
    ("largest HTML page", 150 * KB, "bytes", lambda f: _get(f, "site", "largest_page_bytes")),
    ("result page per topic and municipality (median)", 25 * KB, "bytes",
     lambda f: _get(f, "site", "result_page_median_bytes")),
    ("finder page + data, gzip", 120 * KB, "bytes", lambda f: _get(f, "site", "finder_gzip_bytes")),
    ("preview after saving", 2.0, "s", lambda f: _get(f, "serve", "preview_s")),
    ("preview of a topic edit, to the end of the rebuild", 2.0, "s", lambda f: _get(f, "serve", "preview_topic_s")),
    ("finder choice to paint (worst)", 50.0, "ms", _finder_worst),
    ("first search answer after load", 1000.0, "ms", lambda f: _get(f, "browser", "first_search_ms")),
    ("first load of a page (worst)", 250 * KIB, "KiB", lambda f: _get(f, "browser", "first_load_max_bytes")),
]


def targets(scales: list[dict], linear: dict) -> list[dict]:
    """The issue's targets, checked at national scale (×1); None where not measured."""
    national = _by_scale(scales, 1)
    verdicts = []
    for name, limit, unit, read in TARGETS:
        value = read(national) if national else None
        verdicts.append({"target": name, "limit": limit, "unit": unit, "value": value,
                         "met": None if value is None else value <= limit})
    lighthouse = _lighthouse_min(national) if national else None
    verdicts.append({"target": "Lighthouse mobile, lowest category score (median of runs)", "limit": 100, "unit": "score",
                     "value": lighthouse, "met": None if lighthouse is None else lighthouse >= 100})
    ratio = linear.get("per_consultant_ratio_4x_1x")
    verdicts.append({"target": "build time per consultant, 4× over 1×", "limit": 1.3, "unit": "ratio",
                     "value": ratio, "met": None if ratio is None else ratio <= 1.3})
    return verdicts


def _fmt(value: Any, unit: str) -> str:
    if value is None:
        return "–"
    if unit == "bytes":
        return f"{value / KB:.0f} KB" if value < 10 * MB else f"{value / MB:.1f} MB"
    if unit == "KiB":
        return f"{value / KIB:.0f} KiB"
    if unit == "ratio":
        return f"{value:.2f}"
    if unit == "%":
        return f"{100 * value:.0f} %"
    if unit == "s":
        return f"{value:.2f} s"
    if unit == "ms":
        return f"{value:.0f} ms"
    return str(value)


ROWS = [
    ("consultants", "", ("validation", "consultants")),
    ("partners", "", ("validation", "partners")),
    ("validation (median)", "s", ("validation", "median_s")),
    ("validation, CPU", "s", ("validation", "median_cpu_s")),
    ("mkdocs build, wall (median)", "s", ("build", "build_s")),
    ("mkdocs build, CPU", "s", ("build", "build_cpu_s")),
    ("plain Material build, same pages, wall", "s", ("build", "plain_build_s")),
    ("plain Material build, CPU", "s", ("build", "plain_build_cpu_s")),
    ("own code share (A/B, wall)", "%", ("build", "own_code_share")),
    ("own code share (A/B, CPU)", "%", ("build", "own_code_share_cpu")),
    ("peak memory of build", "MiB", ("build", "peak_rss_mib")),
    ("hook handlers' share, timed inside", "%", ("hooks", "share")),
    ("  on_config: load and validate", "s", ("hooks", "on_config")),
    ("  on_files: pages, vCards, finder data, /api/", "s", ("hooks", "on_files")),
    ("  on_page_content: page bodies", "s", ("hooks", "on_page_content")),
    ("  on_page_context", "s", ("hooks", "on_page_context")),
    ("  search sections (called by Material's search)", "s", ("hooks", "search_sections")),
    ("  on_post_build", "s", ("hooks", "on_post_build")),
    ("site total", "bytes", ("site", "total_bytes")),
    ("  without the news item pages", "bytes", ("site", "total_without_news_items_bytes")),
    ("news item pages", "", ("site", "news_item_pages")),
    ("news item page, median", "bytes", ("site", "news_item_median_bytes")),
    ("web editor /admin/ (not in the total)", "bytes", ("site", "admin_bytes")),
    ("HTML pages", "", ("site", "html_pages")),
    ("largest HTML page", "bytes", ("site", "largest_page_bytes")),
    ("result pages (topic × municipality)", "", ("site", "result_pages")),
    ("result page, median", "bytes", ("site", "result_page_median_bytes")),
    ("result page, largest", "bytes", ("site", "result_page_largest_bytes")),
    ("guide step pages", "", ("site", "guide_step_pages")),
    ("pages over 150 KB", "list", ("site", "pages_over_limit")),
    ("finder + data, raw", "bytes", ("site", "finder_bytes")),
    ("finder + data, gzip", "bytes", ("site", "finder_gzip_bytes")),
    ("  of which finder data, gzip", "bytes", ("site", "finder_data_gzip_bytes")),
    ("search index, gzip", "bytes", ("site", "search_index_gzip_bytes")),
    ("serve start-up", "s", ("serve", "serve_startup_s")),
    ("preview: save to page on disk", "s", ("serve", "preview_s")),
    ("preview: topic edit to end of rebuild", "s", ("serve", "preview_topic_s")),
    ("finder: data fetched after focus", "ms", ("browser", "data_ms")),
    ("finder: municipality to paint", "ms", ("browser", "municipality_ms")),
    ("finder: topic to paint", "ms", ("browser", "topic_ms")),
    ("finder: cluster to paint", "ms", ("browser", "cluster_ms")),
    ("finder: municipality, all cards in", "ms", ("browser", "municipality_all_ms")),
    ("finder: cluster, all cards in", "ms", ("browser", "cluster_all_ms")),
    ("first search answer after load", "ms", ("browser", "first_search_ms")),
    ("first load, worst page", "KiB", ("browser", "first_load_max_bytes")),
]


def _cell(figures: dict, unit: str, path: tuple[str, ...]) -> str:
    value = _get(figures, *path)
    if unit == "MiB":
        return "–" if value is None else f"{value:.0f} MiB"
    if unit == "list":
        return "–" if value is None else str(len(value))
    return _fmt(value, unit) if unit else ("–" if value is None else str(value))


def _lighthouse_cell(figures: dict, page: str) -> str:
    scores = (figures.get("lighthouse") or {}).get(page)
    if not isinstance(scores, dict):
        return "–"
    cell = "/".join(f"{scores[c]:g}" for c in ("performance", "accessibility", "best-practices", "seo"))
    runs = scores.get("runs") or []
    return cell if len(runs) < 2 else f"{cell} (P {min(r['performance'] for r in runs)}-{max(r['performance'] for r in runs)})"


def hook_share(hooks: dict) -> float | None:
    """Seconds in the project's hook handlers over the wall time of that (capture) build."""
    handlers = sum(v for k, v in hooks.items() if k.startswith("on_") or k == "search_sections")
    return handlers / hooks["build_wall_s"] if hooks.get("build_wall_s") else None


def table(results: dict) -> str:
    scales = results["scales"]
    header = ["figure", *(s["label"] for s in scales)]
    rows = [[name, *(_cell(s, unit, path) for s in scales)] for name, unit, path in ROWS]
    for page in ("home", "topic", "municipality", "result", "finder"):
        rows.append([f"Lighthouse {page} (P/A/BP/SEO)", *(_lighthouse_cell(s, page) for s in scales)])
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    lines = [" | ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) for row in [header, *rows]]
    lines.insert(1, "-+-".join("-" * w for w in widths))
    lines.append("")
    lines.append(f"Targets at national scale ({results['machine']['cpu_count']} CPUs):")
    for verdict in results["targets"]:
        mark = {True: "met ", False: "MISS", None: "n/a "}[verdict["met"]]
        lines.append(f"  [{mark}] {verdict['target']}: {_fmt(verdict['value'], verdict['unit'])} "
                     f"(limit {_fmt(verdict['limit'], verdict['unit'])})")
    return "\n".join(lines)
