"""Deployment: netlify.toml, the GitHub Pages workflow, site_url from the environment, make site.

The host-specific shell snippets (the workflow's build step, Netlify's build commands) are run
here with `make` replaced by a stub that prints the environment it would build with, so what is
tested is the exact text the hosts will run.
"""

from __future__ import annotations

import os
import re
import subprocess
import tomllib
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml

from alliance_site.publish import security
from htmlscan import elements, found, page
from sitebuild import ROOT, build_site, make_site, renderer

NETLIFY = tomllib.loads((ROOT / "netlify.toml").read_text(encoding="utf-8"))
WORKFLOW = yaml.safe_load((ROOT / ".github" / "workflows" / "deploy.yml").read_text(encoding="utf-8"))
NETLIFY_DAILY = yaml.safe_load((ROOT / ".github" / "workflows" / "netlify-daily.yml").read_text(encoding="utf-8"))
PINNED = re.compile(r"^[\w.-]+/[\w.-]+@[0-9a-f]{40}$")


def run_with_stub_make(script: str, env: dict[str, str], tmp_path: Path) -> dict[str, str]:
    """Run a host's shell snippet with a `make` that only reports SITE_URL and friends."""
    stub = tmp_path / "bin" / "make"
    stub.parent.mkdir(exist_ok=True)
    stub.write_text('#!/bin/sh\necho "args=$*"\necho "SITE_URL=${SITE_URL-<unset>}"\n'
                    'echo "ACCESSIBILITY_STATEMENT_URL=${ACCESSIBILITY_STATEMENT_URL-<unset>}"\n'
                    'echo "SITE_NOINDEX=${SITE_NOINDEX-<unset>}"\n'
                    'echo "CMS_REPO=${CMS_REPO-<unset>}"\necho "CMS_AUTH_URL=${CMS_AUTH_URL-<unset>}"\n',
                    encoding="utf-8")
    stub.chmod(0o755)
    clean = {"PATH": f"{stub.parent}:{os.environ['PATH']}", **env}
    result = subprocess.run(["bash", "-eo", "pipefail", "-c", script], env=clean, capture_output=True,
                            text=True, timeout=30, check=True)
    return dict(line.split("=", 1) for line in result.stdout.splitlines() if "=" in line)


# --- Netlify -----------------------------------------------------------------------------

def test_netlify_publishes_what_make_site_builds():
    mkdocs = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert NETLIFY["build"]["publish"] == found(r"^site_dir: (\S+)", mkdocs, re.M).group(1) == "site"
    assert NETLIFY["build"]["command"].endswith("make site")
    version = NETLIFY["build"]["environment"]["PYTHON_VERSION"]
    required = found(r'requires-python = ">=(\d+)\.(\d+)"', (ROOT / "pyproject.toml").read_text()).groups()
    assert tuple(map(int, version.split("."))) >= tuple(map(int, required))


def test_netlify_production_build_uses_the_site_address(tmp_path):
    env = run_with_stub_make(NETLIFY["build"]["command"], {"URL": "https://alliance.netlify.app"}, tmp_path)
    assert env["args"] == "site" and env["SITE_URL"] == "https://alliance.netlify.app/"
    assert env["SITE_NOINDEX"] == "<unset>"
    custom = run_with_stub_make(NETLIFY["build"]["command"],
                                {"URL": "https://alliance.netlify.app", "SITE_URL": "https://www.alliance.dk/"},
                                tmp_path)
    assert custom["SITE_URL"] == "https://www.alliance.dk/"


@pytest.mark.parametrize("command", [NETLIFY["build"]["command"], NETLIFY["context"]["deploy-preview"]["command"]])
def test_netlify_builds_tell_the_web_editor_its_repository(command, tmp_path):
    env = {"URL": "https://a.netlify.app", "DEPLOY_PRIME_URL": "https://p--a.netlify.app",
           "REPOSITORY_URL": "https://github.com/kommune/alliance"}
    assert run_with_stub_make(command, env, tmp_path)["CMS_REPO"] == "kommune/alliance"
    chosen = run_with_stub_make(command, {**env, "CMS_REPO": "andet/repo"}, tmp_path)
    assert chosen["CMS_REPO"] == "andet/repo"


@pytest.mark.parametrize("context", ["deploy-preview", "branch-deploy"])
def test_netlify_previews_link_to_themselves_and_are_not_indexed(context, tmp_path):
    settings = NETLIFY["context"][context]
    env = {"URL": "https://alliance.netlify.app", "DEPLOY_PRIME_URL": "https://deploy-preview-7--alliance.netlify.app",
           **settings["environment"]}
    reported = run_with_stub_make(settings["command"], env, tmp_path)
    assert reported["SITE_URL"] == "https://deploy-preview-7--alliance.netlify.app/"
    assert reported["SITE_NOINDEX"] == "true"


def test_netlify_headers_are_the_static_security_headers_without_a_csp():
    rules = {rule["for"]: rule["values"] for rule in NETLIFY["headers"]}
    assert rules["/*"] == dict(security.STATIC_HEADERS)
    assert rules[security.API_PATH] == dict(security.API_HEADERS)
    assert rules[security.VCARD_PATH] == dict(security.VCARD_HEADERS)
    assert rules[security.ADMIN_PATH] == dict(security.ADMIN_STATIC_HEADERS)
    assert list(rules).index(security.ADMIN_PATH) > list(rules).index("/*"), "later rules win on Netlify"
    assert not any("Content-Security-Policy" in values for values in rules.values()), \
        "a CSP in netlify.toml would override the one with this build's script hashes"


# --- GitHub Pages --------------------------------------------------------------------------

def _steps(job: str) -> list[dict]:
    return WORKFLOW["jobs"][job]["steps"]


def _step(job: str, action: str) -> dict:
    return next(step for step in _steps(job) if step.get("uses", "").startswith(action + "@"))


def _triggers(workflow: dict) -> dict:
    return workflow["on"] if "on" in workflow else workflow[True]  # YAML 1.1 reads a bare `on` as true


def _daily_early_morning_utc(triggers: dict) -> bool:
    """One schedule, every day, before 07:00 UTC (08:00 in Danish winter time)."""
    (entry,) = triggers["schedule"]
    minute, hour, *every_day = entry["cron"].split()
    return every_day == ["*", "*", "*"] and 0 <= int(hour) < 7 and 0 <= int(minute) < 60


def test_workflow_builds_every_push_to_main_and_every_morning():
    """The daily build moves events that are over to their year's page without a data change."""
    triggers = _triggers(WORKFLOW)
    assert triggers["push"]["branches"] == ["main"]
    assert _daily_early_morning_utc(triggers)


def test_workflow_has_least_privilege_permissions():
    assert WORKFLOW["permissions"] == {}
    assert WORKFLOW["jobs"]["build"]["permissions"] == {"contents": "read"}
    assert WORKFLOW["jobs"]["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    assert _step("build", "actions/checkout")["with"]["persist-credentials"] is False


def test_workflow_pins_every_action_to_a_commit_sha():
    uses = [step["uses"] for job in WORKFLOW["jobs"].values() for step in job["steps"] if "uses" in step]
    assert len(uses) == 5
    assert all(PINNED.match(action) for action in uses), uses
    official = {action.split("@")[0] for action in uses}
    assert {"actions/configure-pages", "actions/upload-pages-artifact", "actions/deploy-pages"} <= official


def test_workflow_caches_pip_and_deploys_only_after_a_successful_build():
    python = _step("build", "actions/setup-python")["with"]
    assert python["cache"] == "pip" and python["cache-dependency-path"] == "requirements.txt"
    assert WORKFLOW["jobs"]["deploy"]["needs"] == "build"
    assert "if" not in WORKFLOW["jobs"]["deploy"], "the deploy must not run when the build failed"
    assert _step("build", "actions/upload-pages-artifact")["with"]["path"] == "site"
    assert WORKFLOW["jobs"]["deploy"]["environment"]["name"] == "github-pages"


def test_workflow_build_step_sets_site_url_from_the_pages_address(tmp_path):
    step = next(s for s in _steps("build") if "make site" in s.get("run", ""))
    assert step["env"]["PAGES_URL"] == "${{ steps.pages.outputs.base_url }}"
    project = run_with_stub_make(step["run"], {"PAGES_URL": "https://org.github.io/alliance",
                                               "SITE_URL_OVERRIDE": "", "ACCESSIBILITY_STATEMENT_URL": ""}, tmp_path)
    assert project["SITE_URL"] == "https://org.github.io/alliance/"
    assert project["ACCESSIBILITY_STATEMENT_URL"] == "<unset>", "empty variables must fall back to mkdocs.yml"
    custom = run_with_stub_make(step["run"], {"PAGES_URL": "https://org.github.io/alliance",
                                              "SITE_URL_OVERRIDE": "https://www.alliance.dk/",
                                              "ACCESSIBILITY_STATEMENT_URL": "https://www.was.digst.dk/x"}, tmp_path)
    assert custom["SITE_URL"] == "https://www.alliance.dk/"
    assert custom["ACCESSIBILITY_STATEMENT_URL"] == "https://www.was.digst.dk/x"
    assert step["env"]["CMS_REPO"] == "${{ vars.CMS_REPO || github.repository }}"
    assert project["CMS_AUTH_URL"] == "<unset>", "no sign-in service: mkdocs.yml's empty default"
    auth = run_with_stub_make(step["run"], {"PAGES_URL": "https://org.github.io/alliance", "SITE_URL_OVERRIDE": "",
                                            "ACCESSIBILITY_STATEMENT_URL": "", "CMS_AUTH_URL": "https://login.example"},
                              tmp_path)
    assert auth["CMS_AUTH_URL"] == "https://login.example"


# --- the daily Netlify build ---------------------------------------------------------------

def _run_hook_step(env: dict[str, str], tmp_path: Path) -> tuple[str, list[str]]:
    """The workflow's step as GitHub runs it, with a `curl` that records its arguments."""
    (step,) = NETLIFY_DAILY["jobs"]["trigger"]["steps"]
    assert step["env"] == {"NETLIFY_BUILD_HOOK": "${{ secrets.NETLIFY_BUILD_HOOK }}"}
    calls = tmp_path / "curl-calls"
    stub = tmp_path / "bin" / "curl"
    stub.parent.mkdir(exist_ok=True)
    stub.write_text(f'#!/bin/sh\nfor a in "$@"; do printf "%s\\n" "$a"; done >> {calls}\necho ---- >> {calls}\n',
                    encoding="utf-8")
    stub.chmod(0o755)
    result = subprocess.run(["bash", "-eo", "pipefail", "-c", step["run"]], capture_output=True, text=True,
                            env={"PATH": f"{stub.parent}:{os.environ['PATH']}", **env}, timeout=30, check=True)
    return result.stdout, calls.read_text(encoding="utf-8").splitlines() if calls.exists() else []


def test_netlify_daily_build_posts_to_the_hook_from_the_secret(tmp_path):
    hook = "https://api.netlify.com/build_hooks/0123456789abcdef"
    _output, args = _run_hook_step({"NETLIFY_BUILD_HOOK": hook}, tmp_path)
    assert args.count("----") == 1, "one request"
    assert args[-2] == hook and "POST" in args and "--fail" in args


def test_netlify_daily_build_does_nothing_without_the_secret(tmp_path):
    output, args = _run_hook_step({"NETLIFY_BUILD_HOOK": ""}, tmp_path)
    assert args == [] and "NETLIFY_BUILD_HOOK" in output


def test_netlify_daily_build_runs_every_morning_with_no_token():
    assert _daily_early_morning_utc(_triggers(NETLIFY_DAILY))
    assert NETLIFY_DAILY["permissions"] == {}
    job = NETLIFY_DAILY["jobs"]["trigger"]
    assert "permissions" not in job and job["timeout-minutes"] <= 10
    assert not any("uses" in step for step in job["steps"]), "no third-party action sees the hook's address"


# --- site_url and the accessibility statement from the environment ------------------------

@pytest.fixture(scope="module")
def project_site(tmp_path_factory) -> Path:
    """The default site as a preview of a project site (under /alliance/), built with env vars."""
    out = tmp_path_factory.mktemp("project-site")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SITE_URL", "https://org.github.io/alliance/")
        patch.setenv("ACCESSIBILITY_STATEMENT_URL", "https://www.was.digst.dk/alliance")
        patch.setenv("SITE_NOINDEX", "true")
        result = build_site(ROOT, out)
    assert result.returncode == 0, result.stderr[-3000:]
    return out


def test_site_url_sets_canonical_links_sitemap_and_robots(project_site):
    html = page(project_site, "kommuner/")
    assert elements(html, "link", rel="canonical")[0]["href"] == "https://org.github.io/alliance/kommuner/"
    assert elements(html, "meta", property="og:url")[0]["content"] == "https://org.github.io/alliance/kommuner/"
    locations = re.findall(r"<loc>([^<]+)</loc>", (project_site / "sitemap.xml").read_text(encoding="utf-8"))
    assert locations and all(loc.startswith("https://org.github.io/alliance/") for loc in locations)
    robots = (project_site / "robots.txt").read_text(encoding="utf-8")
    assert "Sitemap: https://org.github.io/alliance/sitemap.xml\n" in robots


def test_noindex_builds_tell_search_engines_to_stay_out(project_site, built_site):
    assert "  X-Robots-Tag: noindex\n" in (project_site / "_headers").read_text(encoding="utf-8")
    assert elements(page(project_site, "kommuner/"), "meta", name="robots", content="noindex")
    public, admin = (built_site / "_headers").read_text(encoding="utf-8").split("\n/admin/*\n")
    assert "X-Robots-Tag" not in public, "only the web editor at /admin/ is kept out of search engines"
    assert "  X-Robots-Tag: noindex\n" in admin
    assert not elements(page(built_site, "kommuner/"), "meta", name="robots")


def _footer_links(site: Path) -> dict[str, str]:
    """Footer link text -> address on the home page."""
    footer = page(site, "").split('class="md-copyright al-footer"', 1)[1]
    return {text: href for href, text in re.findall(r'<a href="([^"]+)">([^<]+)</a>', footer)}


def test_footer_links_to_the_configured_accessibility_statement(project_site):
    links = _footer_links(project_site)
    assert links["Tilgængelighedserklæring"] == "https://www.was.digst.dk/alliance"
    assert links["Tilgængelighed"] == "tilgaengelighed/", "the site's own page must stay reachable"


def test_without_a_was_address_the_footer_links_the_sites_own_statement(built_site):
    """No ACCESSIBILITY_STATEMENT_URL: the footer goes to the site's own page, not to was.digst.dk."""
    links = _footer_links(built_site)
    assert links["Tilgængelighedserklæring"] == "tilgaengelighed/"
    assert "Tilgængelighed" not in links and not any("was.digst.dk" in href for href in links.values())


def test_404_page_works_at_any_depth_under_a_project_path(project_site):
    """Hosts serve 404.html for /alliance/a/b/c/: every local URL in it must be absolute."""
    html = (project_site / "404.html").read_text(encoding="utf-8")
    linked = [attrs.get("href") or attrs.get("src") or "" for attrs in elements(html)]
    local = [url for url in linked if url.strip() and not re.match(r"^([a-z]+:|#)", url)]
    assert local, "the 404 page links nowhere"
    for url in local:
        assert url.startswith("/alliance/"), url
        path = urlsplit(url).path.removeprefix("/alliance/")
        target = project_site / path
        assert target.is_file() or (target / "index.html").is_file(), url
    assert "<h1>Siden findes ikke</h1>" in html and '<html lang="da"' in html


def test_sitemap_lists_every_generated_page(built_site):
    from alliance_site.publish.build import SiteBuild

    build = SiteBuild.load(ROOT / "data", renderer())
    listed = {urlsplit(loc).path.lstrip("/") for loc in
              re.findall(r"<loc>([^<]+)</loc>", (built_site / "sitemap.xml").read_text(encoding="utf-8"))}
    assert {spec.url for spec in build.pages.values() if spec.listed} <= listed
    assert {"privatlivspolitik/", "tilgaengelighed/"} <= listed


# --- make site ----------------------------------------------------------------------------

def test_make_site_swaps_in_a_successful_build(data_copy, tmp_path):
    previous = data_copy / "site" / "marker.txt"
    previous.parent.mkdir()
    previous.write_text("old site", encoding="utf-8")
    result = make_site(data_copy, tmp_path / "scratch")
    assert result.returncode == 0, result.stdout + result.stderr
    assert not previous.exists(), "the old site must be replaced, not merged"
    assert (data_copy / "site" / "index.html").is_file() and (data_copy / "site" / "_headers").is_file()


def test_feeds_calendars_and_their_headers_follow_a_project_path(project_site):
    """Feeds and calendars are read elsewhere, so their links are full addresses under
    SITE_URL; the Content-Type rules in _headers name the files under the project path."""
    feed = (project_site / "nyheder" / "feed.xml").read_text(encoding="utf-8")
    assert '<link rel="self" type="application/atom+xml" href="https://org.github.io/alliance/nyheder/feed.xml"/>' in feed
    assert "<id>tag:org.github.io,2026-12-01:/alliance/nyheder/ny-faelles-hjemmeside/</id>" in feed
    events = page(project_site, "arrangementer/")
    assert 'href="webcal://org.github.io/alliance/arrangementer/kalender.ics"' in events
    calendar = (project_site / "arrangementer" / "kalender.ics").read_text(encoding="utf-8")
    assert "URL:https://org.github.io/alliance/arrangementer/#" in calendar.replace("\r\n ", "")
    headers = (project_site / "_headers").read_text(encoding="utf-8")
    assert "/alliance/nyheder/feed.xml\n  Content-Type: application/atom+xml; charset=utf-8\n" in headers
    assert "/alliance/arrangementer/kalender.ics\n  Content-Type: text/calendar; charset=utf-8\n" in headers
    assert "UID:morgenmoede-rekruttering-2027@org.github.io/alliance\n" in calendar
