"""`make bench`: build the site at several scales, measure it, print a table, write JSON.

    python bench/run.py [--scales default,1,2,4] [--repeat 3] [--skip serve,browser,lighthouse]

Scales: `default` is data/ as it is; a number is the synthetic national data set of
scripts/national.py at that scale (1 = 98 municipalities, ~2,000 consultants, 500 partners).
Figures and targets are described in bench/README.md; results go to bench/results.json.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import shutil
import subprocess
import sys
from importlib import metadata
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import build_figures  # noqa: E402
import chromium_figures  # noqa: E402
import projects  # noqa: E402
import report  # noqa: E402
import serve_figures  # noqa: E402

PACKAGES = ("mkdocs", "mkdocs-material", "Markdown", "pymdown-extensions", "Jinja2", "pydantic",
            "PyYAML", "playwright")
STEPS = ("serve", "browser", "lighthouse")


def _version(command: list[str]) -> str | None:
    try:
        return subprocess.run(command, capture_output=True, text=True, timeout=30).stdout.strip() or None
    except (OSError, subprocess.TimeoutExpired):
        return None


def machine() -> dict:
    """What the figures were measured on; absolute times only compare on the same machine."""
    return {
        "cpu_count": os.cpu_count(), "platform": platform.platform(), "python": platform.python_version(),
        "load_average_at_start": os.getloadavg(), "date": datetime.datetime.now().isoformat(timespec="seconds"),
        "packages": {name: metadata.version(name) for name in PACKAGES},
        "chromium": _version([chromium_figures.CHROMIUM, "--version"]), "node": _version(["node", "--version"]),
        "lighthouse": (_version([str(chromium_figures.LIGHTHOUSE), "--version"])
                       if chromium_figures.LIGHTHOUSE.exists() else None),
    }


def measure_scale(project: projects.Project, work: Path, args) -> dict:
    out = work / f"{project.folder.name}-out"
    shutil.rmtree(out, ignore_errors=True)
    figures: dict = {"label": project.label, "scale": project.scale}
    log(f"{project.label}: validation")
    figures["validation"] = build_figures.validation(project, args.repeat)
    log(f"{project.label}: plain-Material twin")
    plain, hook_seconds = projects.prepare_plain(project, work)
    figures["hooks"] = {**hook_seconds, "share": report.hook_share(hook_seconds)}
    log(f"{project.label}: {args.repeat} × (build, plain build)")
    figures["build"] = build_figures.build_ab(project, plain, out, args.repeat)
    figures["site"] = build_figures.site_metrics(out / "site")
    if args.profile:
        report_file = args.out.parent / f"profile-{project.folder.name}.txt"
        log(f"{project.label}: profiling one build into {report_file}")
        figures["profile"] = str(build_figures.profile(project, out, report_file))
    if "serve" not in args.skip:
        log(f"{project.label}: mkdocs serve")
        figures["serve"] = serve_figures.serve_latency(project, work, args.repeat)
    if "browser" not in args.skip:
        log(f"{project.label}: Chromium")
        figures["browser"] = chromium_figures.browser_metrics(out / "site", args.repeat)
    if "lighthouse" not in args.skip:
        reason = chromium_figures.lighthouse_available()
        if reason:
            figures["lighthouse"] = {"skipped": reason}
        else:
            log(f"{project.label}: Lighthouse")
            site = out / "site"
            figures["lighthouse"] = chromium_figures.lighthouse(site, chromium_figures.pick_pages(site),
                                                                out / "lighthouse", args.repeat)
    return figures


def log(message: str) -> None:
    print(f"bench: {message}", file=sys.stderr, flush=True)


def parse_args(argv: list[str] | None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scales", default="default,1,2,4", help="comma-separated: default and/or numbers")
    parser.add_argument("--repeat", type=int, default=3, help="runs per timing; medians are reported")
    parser.add_argument("--skip", default="", help=f"comma-separated steps to leave out: {', '.join(STEPS)}")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--profile", action="store_true", help="also profile one build per scale (pyinstrument)")
    parser.add_argument("--work", type=Path, default=projects.ROOT / ".bench-work")
    parser.add_argument("--out", type=Path, default=projects.BENCH / "results.json")
    args = parser.parse_args(argv)
    args.skip = {s for s in args.skip.split(",") if s}
    if args.skip - set(STEPS):
        parser.error(f"unknown step(s): {', '.join(sorted(args.skip - set(STEPS)))}")
    args.scales = [projects.parse_scale(s.strip()) for s in args.scales.split(",") if s.strip()]
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    args.work.mkdir(parents=True, exist_ok=True)
    results = {"machine": machine(), "skipped": sorted(args.skip), "repeat": args.repeat, "scales": []}
    for scale in args.scales:
        project = projects.prepare(scale, args.work, args.seed)
        results["scales"].append(measure_scale(project, args.work, args))
    results["linearity"] = report.linearity(results["scales"])
    results["targets"] = report.targets(results["scales"], results["linearity"])
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(report.table(results))
    log(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
