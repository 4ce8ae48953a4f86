"""`make check` and the real build: exit codes, GitHub annotations, no tracebacks, nothing
written on errors, and which warnings fail `mkdocs build --strict`."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from alliance_site.__main__ import emit, main
from alliance_site.data.problems import Problem
from sitebuild import ROOT, build_site
from test_validation_corpus import CORPUS, TODAY


def _base(tmp_path):
    target = tmp_path / "data"
    shutil.copytree(CORPUS / "_base", target)
    return target


def _edit(path, old, new):
    text = path.read_text("utf-8")
    assert text.count(old) == 1
    path.write_text(text.replace(old, new), encoding="utf-8")


def check(*args: str, cwd=ROOT) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "hooks")}
    return subprocess.run([sys.executable, "-m", "alliance_site", "check", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=120)


def test_default_data_passes(data_dir):
    result = check(str(data_dir))
    assert result.returncode == 0 and result.stdout == ""
    assert result.stderr.startswith("OK: ") and "0 advarsler, 0 påmindelser" in result.stderr


def test_errors_are_printed_sorted_with_exit_status_1_and_no_traceback(tmp_path):
    data = _base(tmp_path)
    _edit(data / "municipalities.yaml", "email: anne.holm@naestved.example", "email: anne@naestved")
    _edit(data / "alliance.yaml", "run_by: Sekretariatet", "run_by:")
    result = check("data", "--today", TODAY.isoformat(), cwd=tmp_path)
    assert result.returncode == 1 and "Traceback" not in result.stdout + result.stderr
    assert result.stdout.splitlines() == [
        "data/alliance.yaml:6:8: run_by: har ingen værdi; skriv en værdi efter kolonet, eller slet linjen, "
        "hvis feltet er valgfrit",
        "data/municipalities.yaml:13:16: municipalities[0].consultants[0].email: 'anne@naestved' er ikke en "
        "gyldig e-mailadresse; skriv fx 'navn@kommune.dk'",
    ]
    assert result.stderr.startswith("2 fejl i datafilerne; siden blev ikke bygget. Ret dem, og kør tjekket igen")


def test_github_format_annotates_the_line(tmp_path):
    data = _base(tmp_path)
    _edit(data / "municipalities.yaml", "email: anne.holm@naestved.example", "email: anne@naestved")
    result = check("data", "--format", "github", "--today", TODAY.isoformat(), cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout == ("::error file=data/municipalities.yaml,line=13,col=16,title=Fejl i data::"
                             "municipalities[0].consultants[0].email: 'anne@naestved' er ikke en gyldig "
                             "e-mailadresse; skriv fx 'navn@kommune.dk'\n")


def test_github_format_escapes_what_workflow_commands_reserve():
    problem = Problem("data/a,b:c.yaml", 3, 4, "50% done\nnext line", "warning")
    assert emit(problem, "github") == ("::warning file=data/a%2Cb%3Ac.yaml,line=3,col=4,title=Advarsel om data::"
                                       "50%25 done%0Anext line")


def test_warnings_fail_the_check_like_a_strict_build(tmp_path):
    data = _base(tmp_path)
    _edit(data / "alliance.yaml", "  - id: syd\n", "  - id: nord\n    name: Nord\n  - id: syd\n")
    result = check("data", "--today", TODAY.isoformat(), cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout.startswith("data/alliance.yaml:12:9: advarsel: clusters[0].id: klyngen 'nord'")
    assert result.stderr.startswith("IKKE OK: 2 kommuner, 2 konsulenter, 2 partnere, 2 emner; 1 advarsel, "
                                    "0 påmindelser (se `make report`)")
    assert "Advarsler stopper bygningen af siden" in result.stderr


def test_notices_never_fail_the_check(tmp_path):
    result = check(str(_base(tmp_path)), "--today", "2030-01-01")
    assert result.returncode == 0 and result.stdout == "" and "4 påmindelser" in result.stderr


def test_main_returns_the_exit_status(tmp_path, capsys):
    assert main(["check", str(_base(tmp_path)), "--today", TODAY.isoformat()]) == 0
    assert "OK: 2 kommuner, 2 konsulenter, 2 partnere, 2 emner; 0 advarsler" in capsys.readouterr().err


def test_schema_check_reports_stale_files(tmp_path, capsys):
    assert main(["schema", str(tmp_path), "--check"]) == 1
    assert "out of date" in capsys.readouterr().out
    assert main(["schema", str(tmp_path)]) == 0 and main(["schema", str(tmp_path), "--check"]) == 0


@pytest.fixture
def project(data_copy):
    """A copy of the project whose data/ is the corpus's small valid data set."""
    shutil.rmtree(data_copy / "data")
    shutil.copytree(CORPUS / "_base", data_copy / "data")
    for page in (data_copy / "content").glob("*.md"):  # content may link to pages of the default data
        page.write_text(f"# {page.stem}\n", encoding="utf-8")
    return data_copy


def test_a_build_with_an_error_fails_without_traceback_and_writes_nothing(project, tmp_path):
    _edit(project / "data" / "partners.yaml", "type: jobcenter", "type: jobcentre")
    out = tmp_path / "site"
    result = build_site(project, out)
    log = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in log and not out.exists()
    assert "data/partners.yaml:4:11: partners[0].type: 'jobcentre' er ikke tilladt; mente du 'jobcenter'?" in log


def test_a_warning_fails_the_strict_build(project, tmp_path):
    _edit(project / "data" / "partners.yaml", "municipalities: [naestved]", "municipalities: []")
    result = build_site(project, tmp_path / "site")
    assert result.returncode != 0
    assert "advarsel: partners[0].municipalities: betjener ingen kommune" in result.stdout + result.stderr


def test_stale_entries_do_not_fail_the_strict_build(project, tmp_path):
    for name in ("municipalities.yaml", "partners.yaml"):
        path = project / "data" / name
        text = path.read_text("utf-8")
        for date in ("2026-05-01", "2026-04-15", "2026-05-02", "2026-03-01"):
            text = text.replace(f"reviewed: {date}", "reviewed: 2020-01-01")
        path.write_text(text, encoding="utf-8")
    result = build_site(project, tmp_path / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "for mere end 12 måneder siden" in result.stdout + result.stderr  # logged at info level


def test_pull_request_workflow_is_least_privilege_and_pinned():
    import yaml

    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "pull-request.yml").read_text("utf-8"))
    assert workflow[True] == {"pull_request": None}  # PyYAML reads the key `on` as True
    assert workflow["permissions"] == {"contents": "read"}
    steps = workflow["jobs"]["check"]["steps"]
    for step in steps:
        if "uses" in step:
            action, _, ref = step["uses"].partition("@")
            assert len(ref) == 40 and all(c in "0123456789abcdef" for c in ref), step["uses"]
    runs = [step.get("run", "") for step in steps]
    for command in ("make check FORMAT=github", "make site", "make test"):
        assert any(command in run for run in runs), command
    upload = next(s for s in steps if s.get("uses", "").startswith("actions/upload-artifact@"))
    assert upload["with"]["path"] == "site/"
