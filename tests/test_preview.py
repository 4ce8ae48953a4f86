"""The live preview's incremental rebuilds (alliance_site/publish/preview.py and `mkdocs serve --dirty`).

Tests of the plan compare it with what rendering shows: after an editor's edit, every page whose
rendering changed must be planned, and few others. Unit tests pin down how reads are noted; an
integration test runs real --dirty builds in one interpreter, as `mkdocs serve` does, and checks
that an edit reaches every page that shows it, that untouched pages are left alone, and that
search stays exact.
"""

from __future__ import annotations

import gc
import json
import re
import subprocess
import sys
import time
from unittest import mock

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from alliance_mkdocs.markdown import field_renderer
from alliance_mkdocs.files import keep_theme_pages
from alliance_mkdocs.state import HookState
from alliance_mkdocs.theme_cache import ThemeListing
from pathlib import Path

from alliance_site.data import loading, sources
from alliance_site.data.problems import DataError
from alliance_site.data.sources import ParseCache
from alliance_site.publish import jsonld, preview
from alliance_site.publish.build import SiteBuild
from alliance_site.publish.feeds import page_feeds
from alliance_site.publish.pages import build_assets, build_pages
from alliance_site.publish.preview import ChangeTracker, CollectorPause, PreviewRenderer, PreviewSession
from alliance_site.publish.render import Renderer
from alliance_site.publish.render_inputs import Inputs, Prints, Reads, digest, noting, unwrap
from sitebuild import ROOT, build_site, copy_project, site_config

EXAMPLES = sorted(path.parent for path in (ROOT / "examples").glob("*/data/alliance.yaml"))
MARKDOWN = "<p>Brødtekst</p>"


def _renderer() -> PreviewRenderer:
    return PreviewRenderer([ROOT / "overrides"], field_renderer(site_config()))


def _bodies(build: SiteBuild) -> dict[str, str]:
    """Every generated page as the preview renders it: its body, and what its head reads."""
    bodies = {}
    for url in build.pages:
        site = build.site_for(url)
        bodies[url] = str(build.page_body(url, MARKDOWN)) + repr((jsonld.for_page(site, url), page_feeds(site, url)))
    return bodies


def _session_after_full_build(data: Path) -> tuple[PreviewSession, SiteBuild, dict[str, str]]:
    """A preview session whose first (full) build rendered every page of `data`."""
    session = PreviewSession()
    renderer = session.renderer([ROOT / "overrides"], field_renderer(site_config()), [])
    build = SiteBuild.load(data, renderer)
    assert session.plan(build, [], [])[0] is None, "a session's first build renders every page"
    bodies = _bodies(build)
    session.commit(build)
    return session, build, bodies


def _edit(data: Path, file: str, old: str, new: str) -> None:
    path = data / file
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} is not in {file}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


# Edits an editor makes, each with a page that must show it. A title is in every page's
# navigation, and the alliance in every page's header and footer: those rebuild every page.
EVERY_PAGE = ("title: Rekruttering\n", "tagline:")
EDITS = [
    ("topics.yaml", "summary: Hjælp til at finde", "summary: Hjælp til hurtigt at finde", "emner/rekruttering/"),
    ("topics.yaml", "title: Rekruttering\n", "title: Rekruttering og ansættelse\n", "kommuner/faxe/"),
    ("municipalities.yaml", "title: Virksomhedskonsulent", "title: Virksomhedskonsulent og mentor", "kommuner/faxe/"),
    ("municipalities.yaml", "name: Louise Kjær", "name: Louise Kjær-Holm", "emner/rekruttering/"),
    ("municipalities.yaml", "- Haslev", "- Haslev by", "kommuner/faxe/"),
    ("partners.yaml", "name: Jobcenter Faxe", "name: Jobcentret i Faxe", "partnere/"),
    ("alliance.yaml", "tagline: Gratis og", "tagline: Helt gratis og", ""),
]


@pytest.mark.parametrize("file,old,new,shown_on", EDITS, ids=[f"{e[0]}:{e[1][:24]}" for e in EDITS])
def test_every_page_an_edit_changes_is_rebuilt_and_few_others(tmp_path, file, old, new, shown_on):
    """The plan, made from inputs without rendering, must name every page whose rendering the
    edit changes (else the preview is stale); a local edit must leave most pages alone."""
    data = copy_project(tmp_path / "project") / "data"
    session, before, bodies = _session_after_full_build(data)
    _edit(data, file, old, new)
    build = SiteBuild.load(data, session.renderer([ROOT / "overrides"], field_renderer(site_config()), []))
    planned, _files = session.plan(build, [], [])
    after = _bodies(build)
    changed = {url for url, body in after.items() if bodies.get(url) != body}
    assert shown_on in changed, "the edit must show somewhere"
    if planned is None:
        assert old.startswith(EVERY_PAGE), "only what every page shows rebuilds every page"
        return
    assert changed <= planned, f"stale in the preview: {sorted(changed - planned)}"
    assert len(planned) < len(after) / 2
    assert len(planned) <= 2 * len(changed) + 3, f"rebuilt without a change: {sorted(planned - changed)}"


def test_an_unchanged_build_plans_nothing_and_a_failed_build_is_planned_again(tmp_path):
    data = copy_project(tmp_path / "project") / "data"
    assert not PreviewSession().changes.has_built, "a session's first build runs with the collector (CollectorPause)"
    session, _build, _bodies_ = _session_after_full_build(data)
    assert session.changes.has_built
    renderer = session.renderer([ROOT / "overrides"], field_renderer(site_config()), [])
    assert session.plan(SiteBuild.load(data, renderer), [], [])[0] == set()
    session.changes.forget()  # what a failed build does
    assert not session.changes.has_built
    assert session.plan(SiteBuild.load(data, renderer), [], [])[0] is None


def test_files_are_written_when_their_bytes_change(default_site):
    tracker = ChangeTracker()
    prints = Prints(default_site)
    files: list[tuple[str, str | bytes]] = [("kommuner/x/anne.vcf", "BEGIN:VCARD"), ("api/index.json", b"{}")]
    assert tracker.plan("c", {}, prints, files) == (None, files)
    tracker.commit({}, [])
    changed = [files[0], ("api/index.json", b'{"a":1}')]
    assert tracker.plan("c", {}, prints, changed) == (set(), [("api/index.json", b'{"a":1}')])


@pytest.mark.parametrize("data", [ROOT / "data", *EXAMPLES], ids=lambda p: p.parent.name)
def test_noting_what_templates_read_changes_no_byte(data):
    """Every page and file rendered through the noting proxies is the plain renderer's."""
    markdown = field_renderer(site_config())
    plain, noting_build = (SiteBuild.load(data, r) for r in (Renderer([ROOT / "overrides"], markdown), _renderer()))
    for url in plain.pages:
        assert noting_build.page_body(url, MARKDOWN) == plain.page_body(url, MARKDOWN), url
    assert noting_build.data_files() == plain.data_files()


def test_prints_know_every_value_a_page_gets_and_refuse_the_rest(default_site):
    prints = Prints(default_site)
    for spec in build_pages(default_site):
        prints.own(spec.context)  # raises on a type it cannot print
    with pytest.raises(TypeError, match="Site"):
        prints.of({"site": default_site})
    with pytest.raises(TypeError, match="object"):
        prints.of(object())
    assert prints.of(["ab", "c"]) != prints.of(["a", "bc"])
    assert prints.of("1") != prints.of(1)
    assert digest("ab", "c") != digest("a", "bc") and digest("x") == digest(b"x")


def test_reads_are_noted_by_field_and_item(default_site):
    prints, reads = Prints(default_site), Reads()
    faxe = default_site.municipality("faxe")
    context = noting({"site": default_site, "municipality": faxe}, prints, reads)
    assert context["municipality"].name == "Faxe"
    names = [m.name for m in context["site"].municipalities[:2]]
    assert names == [m.name for m in default_site.municipalities[:2]]
    assert context["site"].topic_titles()["rekruttering"] == "Rekruttering"
    root = ("site", "municipalities", None)
    assert set(reads) == {("field", "municipality", "name"), ("len", root, None),
                          ("field", ("item", root, 0), "name"), ("field", ("item", root, 1), "name"),
                          ("site", "topic_titles", ())}
    inputs = Inputs.of("own", reads, prints, {"municipality": faxe})
    assert inputs.same_in("own", prints, {"municipality": faxe})
    renamed = faxe.model_copy(update={"consultants": []})
    assert inputs.same_in("own", Prints(default_site), {"municipality": renamed}), "consultants were not read"
    assert not inputs.same_in("own", Prints(default_site), {"municipality": renamed.model_copy(update={"name": "X"})})


def test_a_model_handed_to_python_counts_whole(default_site):
    prints, reads = Prints(default_site), Reads()
    cluster_site = noting({"site": default_site, "municipality": default_site.municipalities[0]}, prints, reads)
    cluster_site["site"].consultants_serving(cluster_site["municipality"].id)
    assert ("field", "municipality", "id") in reads
    assert unwrap(cluster_site["municipality"]) is default_site.municipalities[0]
    assert ("field", "municipality", None) in reads


@pytest.fixture
def rendered_files(monkeypatch):
    """Counts the generated files actually rendered (not reused)."""
    count = {"files": 0}
    asset = Renderer.render_asset

    def counted_asset(self, spec):
        count["files"] += 1
        return asset(self, spec)
    monkeypatch.setattr(Renderer, "render_asset", counted_asset)
    return count


def test_files_are_reused_while_their_inputs_are_the_same(default_site, rendered_files):
    renderer = _renderer()
    spec = next(a for a in build_assets(default_site) if a.src_uri.endswith(".vcf"))
    first = renderer.render_asset(spec)
    renderer.start_build()
    assert renderer.render_asset(spec) == first and rendered_files["files"] == 1, "the next build reuses it"
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


def _site_with(site, municipalities=None, topics=None):
    return type(site).create(site.alliance, municipalities or list(site.municipalities), list(site.partners),
                             topics or list(site.topics), site.data_dir, questions=list(site.questions))


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
    pages = lambda: [*site.rglob("*.html"), *site.glob("sitemap.xml*"), *site.glob("robots.txt")]
    mtimes = {p.relative_to(site).as_posix(): p.stat().st_mtime_ns for p in pages()}
    build(config, serve_url="http://127.0.0.1:8000/", dirty=True)
    rebuilt = sorted(p.relative_to(site).as_posix() for p in pages()
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
    # The theme's own pages show the list of pages, which neither edit changes.
    assert {"404.html", "sitemap.xml", "sitemap.xml.gz", "robots.txt"} <= set(first)
    assert not {"404.html", "sitemap.xml", "robots.txt"} & {*title_edit, *name_edit}
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
        assert "Louise Kjær-Holm" in (site / page).read_text(encoding="utf-8"), page
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

def test_theme_bytecode_is_reused_by_mkdocs_next_environment_and_an_edit_compiled_again(tmp_path):
    """As on_env does it: each rebuild's environment from MkDocs' own theme gets the cache the
    hooks' state keeps for `mkdocs serve`. Nothing is compiled again until a template changes."""
    from mkdocs.config import load_config

    project = copy_project(tmp_path / "project")
    state = HookState()
    state.start("serve", dirty=True)
    assert state.theme_bytecode is not None

    def compiled(name: str) -> list[str]:
        env = load_config(config_file=str(project / "mkdocs.yml")).theme.get_env()
        env.bytecode_cache = state.theme_bytecode
        with mock.patch.object(env, "compile", wraps=env.compile) as compile_:  # Jinja: compile(source, name, ...)
            env.get_template(name)
        return [call.args[1] for call in compile_.call_args_list]

    assert compiled("main.html") == ["main.html"]
    assert compiled("main.html") == []
    main = project / "overrides" / "main.html"
    main.write_text(main.read_text(encoding="utf-8") + "{# edited #}\n", encoding="utf-8")
    assert compiled("main.html") == ["main.html"]


def test_the_theme_is_listed_once_while_its_folders_are_the_same(tmp_path):
    """As MkDocs does it on each rebuild: the theme's static files from a new environment.
    The theme's folders are walked again only when a file of overrides/ comes or goes."""
    import jinja2
    from mkdocs.config import load_config
    from mkdocs.structure.files import Files

    project = copy_project(tmp_path / "project")
    listing = ThemeListing()

    def theme_files() -> tuple[list[str], int]:
        config = load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
        listing.attach(config.theme)
        files = Files([])
        with mock.patch.object(jinja2.FileSystemLoader, "list_templates", autospec=True,
                               side_effect=jinja2.FileSystemLoader.list_templates) as walk:
            files.add_files_from_theme(config.theme.get_env(), config)
        return sorted(file.src_uri for file in files), walk.call_count

    first, walks = theme_files()
    assert "assets/stylesheets/alliance.css" in first and walks == 1
    assert theme_files() == (first, 0)
    (project / "overrides" / "assets" / "stylesheets" / "extra.css").write_text("p {}\n", encoding="utf-8")
    assert theme_files() == (sorted([*first, "assets/stylesheets/extra.css"]), 1)


def test_a_partial_rebuild_keeps_the_theme_pages_only_while_the_pages_are_the_same():
    state, config = HookState(dirty=True), mock.Mock()

    def rendered(rebuilt: set[str] | None, pages: list[str]) -> set[str]:
        state.rebuilt = rebuilt
        config.theme.static_templates = {"404.html", "sitemap.xml"}
        files = mock.Mock(documentation_pages=lambda: [mock.Mock(src_uri=uri) for uri in pages])
        keep_theme_pages(state, files, config)
        return config.theme.static_templates

    assert rendered(None, ["index.md", "a.md"]) == {"404.html", "sitemap.xml"}
    assert rendered({"/a/"}, ["index.md", "a.md"]) == set()
    assert rendered({"/a/"}, ["index.md", "a.md", "b.md"]) == {"404.html", "sitemap.xml"}
    assert rendered(None, ["index.md", "a.md", "b.md"]) == {"404.html", "sitemap.xml"}


FULL_BUILD = r"""
import json, sys
from mkdocs.commands.build import build
from mkdocs.config import load_config
from alliance_site.publish.render import Renderer

config = load_config(config_file=sys.argv[1], site_dir=sys.argv[2])
config.plugins.on_startup(command="build", dirty=False)
build(config)
config.plugins.on_shutdown()
[hook] = config.hooks.values()
print(json.dumps({"preview": hook.state.preview is not None, "theme_cache": hook.state.theme_bytecode is not None,
                  "renderer": type(hook.state.build.renderer) is Renderer}))
"""


def test_a_full_build_has_no_preview_session_and_a_plain_renderer(tmp_path):
    result = subprocess.run([sys.executable, "-c", FULL_BUILD, str(ROOT / "mkdocs.yml"), str(tmp_path / "site")],
                            capture_output=True, text=True, timeout=300, cwd=ROOT,
                            env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT / "hooks")})
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.strip().splitlines()[-1]) == {"preview": False, "theme_cache": False, "renderer": True}


# --- what the session keeps besides renderings -----------------------------------------------

def test_parsed_files_are_kept_by_their_text_and_a_file_with_a_problem_is_not(tmp_path, monkeypatch):
    data = copy_project(tmp_path / "project") / "data"
    cache = ParseCache()
    parsed: list[str] = []
    parse = sources.parse_yaml

    def counted(text, display, problems):
        parsed.append(Path(display).name)
        return parse(text, display, problems)
    monkeypatch.setattr(sources, "parse_yaml", counted)
    cache.start_load()
    first = loading.load(data, cache=cache)
    every_file = len(parsed)
    cache.start_load()
    _edit(data, "topics.yaml", "summary: Hjælp til at finde", "summary: Hjælp til hurtigt at finde")
    second = loading.load(data, cache=cache)
    assert parsed[every_file:] == ["topics.yaml"], "only the edited file is parsed again"
    assert second.site.topics[0].summary.startswith("Hjælp til hurtigt")
    assert second.site.municipalities == first.site.municipalities
    assert all(not doc.invalid for doc in second.docs)
    _edit(data, "alliance.yaml", "tagline: Gratis og", "tagline: Gratis: og")  # a YAML error
    for _ in range(2):
        cache.start_load()
        with pytest.raises(DataError, match="alliance.yaml:2"):
            loading.load(data, cache=cache)
    assert parsed.count("alliance.yaml") == 3, "a file with a problem is parsed, and reported, every time"


def test_the_collector_is_paused_while_rebuilding_and_runs_again_after(monkeypatch):
    monkeypatch.setattr(preview, "COLLECT_AFTER_S", 0.01)
    was_enabled = gc.isenabled()
    pause = CollectorPause()
    try:
        pause.pause()
        assert not gc.isenabled()
        pause.resume()
        assert not gc.isenabled(), "not at once: a full collection would keep the page waiting"
        deadline = time.monotonic() + 5
        while not gc.isenabled() and time.monotonic() < deadline:
            time.sleep(0.01)
        assert gc.isenabled()
        pause.pause()
        pause.pause()  # a rebuild that starts before the collection cancels it
        assert not gc.isenabled()
    finally:
        gc.enable() if was_enabled else None


def test_mkdocs_serve_polls_the_data_folder_often_and_the_rest_at_its_own_pace_and_rebuilds_at_once():
    from alliance_mkdocs import serve
    from mkdocs.livereload import LiveReloadServer

    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(ROOT))
    try:
        server.watch(str(ROOT / "content"))  # as MkDocs does before on_serve
        assert serve.poll_data_often(server, ROOT / "data") is server
        for folder in ("data", "hooks"):  # mkdocs.yml's `watch:`, after on_serve
            server.watch(str(ROOT / folder))
        emitters = {emitter.watch.path: emitter.timeout for emitter in server.observer.emitters}
        assert emitters[str(ROOT / "data")] == serve.POLL_S
        assert emitters[str(ROOT / "hooks")] == emitters[str(ROOT / "content")] > serve.POLL_S
        assert server.build_delay == serve.BUILD_DELAY_S < serve.POLL_S
    finally:
        server.server_close()


TEXT_LINE = re.compile(r"^(\s*(?:- )?(?:name|title|summary|description|need|text|tagline|opening_hours|response_time"
                       r"|question|steps|prepare|towns): )([^\s|>][^\n]*)$", re.M)  # not a block scalar (|, >)


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(choice=st.integers(min_value=0), word=st.sampled_from(["Ny", "ændret", "Ø-tekst", "2027"]))
def test_any_text_an_editor_changes_reaches_every_page_that_shows_it(tmp_path_factory, choice, word):
    """Hypothesis picks a text line in any data file and changes it; the plan must name every
    page whose rendering changed (else the preview is stale)."""
    data = copy_project(tmp_path_factory.mktemp("project")) / "data"
    lines = [(path, match) for path in sorted(data.glob("*.yaml")) for match in TEXT_LINE.finditer(path.read_text("utf-8"))]
    path, match = lines[choice % len(lines)]
    session, _before, bodies = _session_after_full_build(data)
    text = path.read_text(encoding="utf-8")
    value = match.group(2)
    edited = f"{value[:-1]} {word}{value[-1]}" if value[-1] in "'\"]" else f"{value} {word}"
    path.write_text(text[: match.start(2)] + edited + text[match.end(2):], encoding="utf-8")
    build = SiteBuild.load(data, session.renderer([ROOT / "overrides"], field_renderer(site_config()), []))
    planned, _files = session.plan(build, [], [])
    changed = {url for url, body in _bodies(build).items() if bodies.get(url) != body}
    assert planned is None or changed <= planned, f"{path.name}: {match.group(0)!r}: stale {sorted(changed - planned)}"
