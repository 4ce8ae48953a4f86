"""The live preview's incremental rebuilds (alliance_site/preview.py and `mkdocs serve --dirty`).

Unit tests pin down the change tracking and the search-index repair; an integration test runs
real --dirty builds in one interpreter, as `mkdocs serve` does, and checks that an edit reaches
every page that shows it, that untouched pages are left alone, and that search stays exact.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys

from alliance_site import preview
from alliance_site.preview import ChangeTracker, affected_pages, latest_search_entries
from sitebuild import ROOT

PAGES = {"": "h", "emner/": "t", "emner/a/": "a", "emner/b/": "b", "kommuner/x/": "x"}
FILES = [("kommuner/x/anne.vcf", "BEGIN:VCARD"), ("api/index.json", b"{}")]


def test_first_build_and_a_changed_context_rebuild_everything():
    tracker = ChangeTracker()
    assert tracker.plan("c1", PAGES, FILES) == (None, FILES)
    tracker.commit()
    assert tracker.plan("c2", PAGES, FILES) == (None, FILES)


def test_nothing_changed_means_nothing_to_rebuild_or_write():
    tracker = ChangeTracker()
    tracker.plan("c", PAGES, FILES)
    tracker.commit()
    assert tracker.plan("c", PAGES, FILES) == (set(), [])


def test_a_changed_page_and_file_are_all_that_is_redone():
    tracker = ChangeTracker()
    tracker.plan("c", PAGES, FILES)
    tracker.commit()
    changed_files = [FILES[0], ("api/index.json", b'{"a":1}')]
    rebuilt, written = tracker.plan("c", {**PAGES, "emner/b/": "b2"}, changed_files)
    assert rebuilt == {"emner/b/"}
    assert written == [("api/index.json", b'{"a":1}')]


def test_an_uncommitted_build_is_planned_again():
    """A failed build wrote nothing for sure: the next one compares with the last success."""
    tracker = ChangeTracker()
    tracker.plan("c", PAGES, FILES)
    tracker.commit()
    tracker.plan("c", {**PAGES, "emner/a/": "a2"}, FILES)  # fails: no commit
    assert tracker.plan("c", {**PAGES, "emner/a/": "a2"}, FILES)[0] == {"emner/a/"}
    tracker.forget()
    assert tracker.plan("c", PAGES, FILES)[0] is None


def test_a_section_index_takes_the_pages_below_it_along():
    """Material clears the old search entries of a rebuilt page by URL prefix."""
    assert affected_pages({"emner/"}, PAGES) == {"emner/", "emner/a/", "emner/b/"}
    assert affected_pages({""}, PAGES) == set(PAGES)
    assert affected_pages({"kommuner/x/"}, PAGES) == {"kommuner/x/"}


def _entry(location: str, text: str = "") -> dict:
    return {"location": location, "title": location, "text": text}


def test_search_keeps_only_the_newest_entries_of_rebuilt_pages():
    merged = [_entry("a/"), _entry("a/#s"), _entry("b/", "old"), _entry("b/#s", "old"), _entry("c/"),
              _entry("a/", "new"), _entry("a/#s", "new"), _entry("b/", "new")]
    kept = latest_search_entries(merged, {"a/", "b/"})
    assert [(e["location"], e["text"]) for e in kept] == [("c/", ""), ("a/", "new"), ("a/#s", "new"), ("b/", "new")]


def test_search_entries_of_an_older_run_right_before_the_new_ones_give_way():
    merged = [_entry("c/"), _entry("a/", "old"), _entry("a/", "new")]
    assert [(e["location"], e["text"]) for e in latest_search_entries(merged, {"a/"})] == \
        [("c/", ""), ("a/", "new")]


def test_fingerprint_separates_its_parts():
    assert preview.fingerprint("ab", "c") != preview.fingerprint("a", "bc")
    assert preview.fingerprint("x") == preview.fingerprint(b"x")


DIRTY_BUILDS = r"""
import json, os, sys
from pathlib import Path
from mkdocs.commands.build import build
from mkdocs.config import load_config

project, site = Path(sys.argv[1]), Path(sys.argv[2])
data = project / "data" / "municipalities.yaml"
report = []
for edit in (None, ("title: Virksomhedskonsulent", "title: Virksomhedskonsulent og mentor"),
             ("name: Louise Kjær", "name: Louise Kjær-Holm")):
    if edit:
        data.write_text(data.read_text(encoding="utf-8").replace(*edit, 1), encoding="utf-8")
    config = load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(site), strict=False)
    config.plugins.on_startup(command="serve", dirty=True)
    mtimes = {p.relative_to(site).as_posix(): p.stat().st_mtime_ns for p in site.rglob("*.html")}
    build(config, serve_url="http://127.0.0.1:8000/", dirty=True)
    rebuilt = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html")
                     if mtimes.get(p.relative_to(site).as_posix()) != p.stat().st_mtime_ns)
    report.append(rebuilt)
print(json.dumps(report))
"""


def test_dirty_rebuilds_carry_an_edit_everywhere_and_touch_nothing_else(data_copy, tmp_path):
    site = tmp_path / "preview-site"
    result = subprocess.run([sys.executable, "-c", DIRTY_BUILDS, str(data_copy), str(site)],
                            capture_output=True, text=True, timeout=300, cwd=ROOT,
                            env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"})
    assert result.returncode == 0, result.stderr
    first, title_edit, name_edit = json.loads(result.stdout.strip().splitlines()[-1])
    assert len(first) > 20
    # A title shows on the municipality page only (topic pages list names), and in the finder's data.
    assert "kommuner/faxe/index.html" in title_edit
    assert "kommuner/ringsted/index.html" not in title_edit and "index.html" not in title_edit
    assert len(title_edit) < len(first) / 3
    municipality = (site / "kommuner" / "faxe" / "index.html").read_text(encoding="utf-8")
    assert "Virksomhedskonsulent og mentor" in municipality
    assert "Virksomhedskonsulent og mentor" in (site / "find-konsulent" / "konsulenter.json").read_text("utf-8")
    # A name also shows on the topic pages of the consultant.
    assert any(page.startswith("emner/") for page in name_edit)
    for page in name_edit:
        assert "Louise Kjær-Holm" in (site / page).read_text(encoding="utf-8") or page.endswith("404.html"), page
    assert "Louise Kjær-Holm" in (site / "kommuner" / "faxe" / "louise-kjaer-faxe.vcf").read_text(encoding="utf-8")
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    locations = [entry["location"] for entry in index["docs"]]
    assert len(locations) == len(set(locations)), "an entry is in the preview's search index twice"
    texts = " ".join(entry["title"] + " " + entry["text"] for entry in index["docs"])
    assert "Kjær-Holm" in texts and not re.search(r"Louise Kjær(?!-Holm)", texts)
    assert {"", "emner/", "kommuner/", "partnere/"} <= {loc.split("#")[0] for loc in locations}
    assert not (site / "_headers").exists(), "the preview server sends no headers"
