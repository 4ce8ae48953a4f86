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
from unittest import mock

import pytest
from alliance_mkdocs.markdown import field_renderer
from alliance_mkdocs.search import pages_to_rebuild
from alliance_site import preview
from alliance_site.pages import build_assets, build_pages
from alliance_site.preview import ChangeTracker, PreviewRenderer, PreviewSession
from alliance_site.render import Renderer
from sitebuild import ROOT, build_site, copy_project, site_config

PAGES = {"": "h", "emner/": "t", "emner/a/": "a", "emner/b/": "b", "kommuner/x/": "x"}
FILES: list[tuple[str, str | bytes]] = [("kommuner/x/anne.vcf", "BEGIN:VCARD"), ("api/index.json", b"{}")]


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
    assert pages_to_rebuild({"emner/"}, PAGES) == {"emner/", "emner/a/", "emner/b/"}
    assert pages_to_rebuild({""}, PAGES) == set(PAGES)
    assert pages_to_rebuild({"kommuner/x/"}, PAGES) == {"kommuner/x/"}


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
    if not edit:  # once per session, as `mkdocs serve` does; later configs share its plugins
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
    # The edited data built in full (its own process, as `mkdocs build`): the preview's merged
    # search index must hold exactly the entries of the full build's.
    assert build_site(data_copy, tmp_path / "full").returncode == 0
    full = json.loads((tmp_path / "full" / "search" / "search_index.json").read_text(encoding="utf-8"))
    by_location = sorted(index["docs"], key=lambda e: e["location"])
    assert by_location == sorted(full["docs"], key=lambda e: e["location"]), \
        "Material's --dirty merge plus ours must give the index a full build gives"
    assert not (site / "_headers").exists(), "the preview server sends no headers"


# --- the session's caches -----------------------------------------------------------------

def _preview_renderer():
    return PreviewRenderer([ROOT / "overrides"], field_renderer(site_config()))


def _municipality_page(site):
    return next(s for s in build_pages(site) if "municipality" in s.context and s.context["municipality"].consultants)


def _site_with(site, municipalities=None, topics=None):
    return type(site).create(site.alliance, municipalities or list(site.municipalities), list(site.partners),
                             topics or list(site.topics), site.data_dir, questions=list(site.questions))


def test_cached_cards_follow_every_change_they_show(default_site):
    """One Renderer across rebuilds, as in the preview: a card is reused only while nothing it
    shows has changed: the consultant, the topic titles, the page it is on."""
    renderer = _preview_renderer()
    spec = _municipality_page(default_site)
    municipality = spec.context["municipality"]
    consultant = municipality.consultants[0]
    first = renderer.render_page(spec, "", spec.url)
    renderer.start_build()
    assert renderer.render_page(spec, "", spec.url) == first

    renamed = municipality.model_copy(update={"consultants": [
        consultant.model_copy(update={"title": "Ny titel"}), *municipality.consultants[1:]]})
    site = _site_with(default_site, [renamed if m.id == municipality.id else m for m in default_site.municipalities])
    renderer.start_build()
    assert "Ny titel" in renderer.render_page(_municipality_page(site), "", spec.url)

    topic = next(t for t in default_site.topics if t.id == consultant.topics[0])
    site = _site_with(default_site, topics=[t.model_copy(update={"title": "Nyt emne"}) if t is topic else t
                                            for t in default_site.topics])
    renderer.start_build()
    assert "Nyt emne" in renderer.render_page(_municipality_page(site), "", spec.url)
    renderer.start_build()
    assert renderer.render_page(spec, "", "kommuner/andet/") != first, "links are relative to the page"


@pytest.fixture
def rendered_cards(monkeypatch):
    """Counts the consultant cards actually rendered (not taken from a cache)."""
    count = {"cards": 0, "files": 0}
    card, asset = Renderer.consultant_card, Renderer.render_asset

    def counted_card(self, *args):
        count["cards"] += 1
        return card(self, *args)

    def counted_asset(self, spec):
        count["files"] += 1
        return asset(self, spec)
    monkeypatch.setattr(Renderer, "consultant_card", counted_card)
    monkeypatch.setattr(Renderer, "render_asset", counted_asset)
    return count


def test_cards_are_reused_by_the_next_build_and_forgotten_after_two(default_site, rendered_cards):
    renderer = _preview_renderer()
    spec = _municipality_page(default_site)
    renderer.render_page(spec, "", spec.url)
    cards = rendered_cards["cards"]
    assert cards == len(spec.context["municipality"].consultants)
    renderer.start_build()
    renderer.render_page(spec, "", spec.url)
    assert rendered_cards["cards"] == cards, "the build after reuses every card"
    renderer.start_build()
    renderer.start_build()
    renderer.render_page(spec, "", spec.url)
    assert rendered_cards["cards"] == 2 * cards, "cards no build used for two builds are forgotten"


def test_a_full_build_renders_every_card_and_caches_none(default_site, rendered_cards):
    renderer = Renderer([ROOT / "overrides"], str)
    spec = _municipality_page(default_site)
    renderer.render_page(spec, "", spec.url)
    renderer.render_page(spec, "", spec.url)
    assert rendered_cards["cards"] == 2 * len(spec.context["municipality"].consultants)


def test_theme_bytecode_is_reused_by_mkdocs_next_environment_and_an_edit_compiled_again(tmp_path):
    """As on_env does it: each rebuild's environment from MkDocs' own theme gets the session's
    cache. Nothing is compiled again until a template changes."""
    from mkdocs.config import load_config

    project = copy_project(tmp_path / "project")
    session = PreviewSession()

    def compiled(name: str) -> list[str]:
        env = load_config(config_file=str(project / "mkdocs.yml")).theme.get_env()
        env.bytecode_cache = session.theme_bytecode
        with mock.patch.object(env, "compile", wraps=env.compile) as compile_:  # Jinja: compile(source, name, ...)
            env.get_template(name)
        return [call.args[1] for call in compile_.call_args_list]

    assert compiled("main.html") == ["main.html"]
    assert compiled("main.html") == []
    main = project / "overrides" / "main.html"
    main.write_text(main.read_text(encoding="utf-8") + "{# edited #}\n", encoding="utf-8")
    assert compiled("main.html") == ["main.html"]


def test_cached_vcards_follow_the_consultant_and_the_alliance(default_site, rendered_cards):
    renderer = _preview_renderer()
    spec = build_assets(default_site)[0]
    first = renderer.render_asset(spec)
    renderer.start_build()
    assert renderer.render_asset(spec) == first and rendered_cards["files"] == 1, "the next build reuses it"
    entry = spec.context["entry"]
    renamed = entry.consultant.model_copy(update={"name": "Ny Navnesen"})
    municipality = next(m for m in default_site.municipalities if entry.consultant in m.consultants)
    changed = municipality.model_copy(update={"consultants": [renamed if c is entry.consultant else c
                                                              for c in municipality.consultants]})
    site = _site_with(default_site, [changed if m is municipality else m for m in default_site.municipalities])
    same_file = next(a for a in build_assets(site) if a.src_uri == spec.src_uri)
    assert "FN;CHARSET=UTF-8:Ny Navnesen" in renderer.render_asset(same_file)
    site = type(default_site).create(default_site.alliance.model_copy(update={"name": "Ny alliance"}),
                                     list(default_site.municipalities), list(default_site.partners),
                                     list(default_site.topics), default_site.data_dir)
    assert "NOTE;CHARSET=UTF-8:Ny alliance" in renderer.render_asset(build_assets(site)[0])


FULL_BUILD = r"""
import json, sys
from mkdocs.commands.build import build
from mkdocs.config import load_config
from alliance_site.render import Renderer

config = load_config(config_file=sys.argv[1], site_dir=sys.argv[2])
config.plugins.on_startup(command="build", dirty=False)
build(config)
config.plugins.on_shutdown()
[hook] = config.hooks.values()
print(json.dumps({"preview": hook.state.preview is not None,
                  "renderer": type(hook.state.build.renderer) is Renderer}))
"""


def test_a_full_build_has_no_preview_session_and_a_plain_renderer(tmp_path):
    result = subprocess.run([sys.executable, "-c", FULL_BUILD, str(ROOT / "mkdocs.yml"), str(tmp_path / "site")],
                            capture_output=True, text=True, timeout=300, cwd=ROOT,
                            env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT / "hooks")})
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.strip().splitlines()[-1]) == {"preview": False, "renderer": True}
