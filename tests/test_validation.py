"""Validation of whole data folders: the default data is clean, fields normalise, problems are
complete and located, freshness never breaks an unchanged site, and a national data set is fast."""

from __future__ import annotations

import datetime
import shutil

import pytest

from alliance_site.data.fields import normalise_phone
from alliance_site.data.loading import check_data, load_site
from alliance_site.data.problems import DataError, Problem
from sitebuild import ROOT, national_generator
from test_validation_corpus import CORPUS, TODAY


def test_default_data_has_no_error_and_no_warning(data_dir):
    _site, problems = load_site(data_dir)
    assert [p.format() for p in problems if p.severity != "notice"] == []


def test_base_of_the_corpus_is_clean():
    assert check_data(CORPUS / "_base", TODAY) == []


@pytest.mark.parametrize("typed, shown", [
    ("12345678", "+45 12 34 56 78"), ("+4512345678", "+45 12 34 56 78"), ("0045 12 34 56 78", "+45 12 34 56 78"),
    ("12 34 56 78", "+45 12 34 56 78"), ("+45 1234-5678", "+45 12 34 56 78"), ("(+45) 12.34.56.78", "+45 12 34 56 78"),
    ("+46 8 123 456 78", "+46812345678"),
])
def test_phone_numbers_are_shown_one_way(typed, shown):
    assert normalise_phone(typed) == shown


@pytest.mark.parametrize("typed", ["1234567", "123456789", "+45 1234567", "tlf. 12345678", "+4"])
def test_phone_numbers_that_are_not_numbers_are_refused(typed):
    with pytest.raises(ValueError, match="i anførselstegn"):
        normalise_phone(typed)


def _copy(tmp_path):
    target = tmp_path / "data"
    shutil.copytree(CORPUS / "_base", target)
    return target


def test_yaml_11_traps_are_read_as_the_text_meant(tmp_path):
    data = _copy(tmp_path)
    text = (data / "municipalities.yaml").read_text(encoding="utf-8")
    text = text.replace('phone: "+45 11 22 33 44"', "phone: 11223344").replace(
        "languages: [dansk, engelsk]", "languages: [dansk, no, on]").replace("name: Bo Lund", "name: Yes")
    (data / "municipalities.yaml").write_text(text, encoding="utf-8")
    site, _ = load_site(data, TODAY)
    anne, bo = _people(site)
    assert anne.phone == "+45 11 22 33 44" and bo.languages == ["dansk", "no", "on"] and bo.name == "Yes"


def _people(site):
    by_id = {c.id: c for m in site.municipalities for c in m.consultants}
    return by_id["anne-holm"], by_id["bo-lund"]


def test_cross_file_problems_are_reported_although_records_are_invalid(tmp_path):
    """A broken e-mail in one file does not hide an unknown topic in another record or file."""
    data = _copy(tmp_path)
    mun = (data / "municipalities.yaml").read_text(encoding="utf-8")
    (data / "municipalities.yaml").write_text(mun.replace("email: bo.lund@faxe.example", "email: bo"), encoding="utf-8")
    par = (data / "partners.yaml").read_text(encoding="utf-8")
    (data / "partners.yaml").write_text(par.replace("topics: [rekruttering]", "topics: [rekrutering]"), encoding="utf-8")
    messages = [p.message for p in check_data(data, TODAY)]
    assert any("'bo' er ikke en gyldig e-mailadresse" in m for m in messages)
    assert any("ukendt emne 'rekrutering'; mente du 'rekruttering'?" in m for m in messages)


def test_problems_are_sorted_and_located(tmp_path):
    data = _copy(tmp_path)
    for name in ("topics.yaml", "partners.yaml"):
        path = data / name
        path.write_text(path.read_text(encoding="utf-8").replace("order: 2", "order: to").replace(
            "type: jobcenter", "type: job"), encoding="utf-8")
    with pytest.raises(DataError) as raised:
        load_site(data, TODAY)
    problems = raised.value.problems
    assert problems == sorted(problems) and len(problems) == 2
    assert all(p.line > 1 and p.column > 1 for p in problems)
    assert str(raised.value).endswith("2 fejl i datafilerne; siden blev ikke bygget.")


@pytest.mark.parametrize("severities, summary", [
    (["error"], "1 fejl i datafilerne"),
    (["error", "warning"], "1 fejl og 1 advarsel i datafilerne"),
    (["error", "error", "warning", "warning", "notice"], "2 fejl og 2 advarsler i datafilerne"),
])
def test_the_summary_counts_in_danish(severities, summary):
    problems = [Problem("data/topics.yaml", n + 1, 1, "x", severity) for n, severity in enumerate(severities)]
    assert DataError(problems).format().splitlines()[-1] == f"{summary}; siden blev ikke bygget."


def test_warnings_and_notices_are_marked_in_danish():
    assert Problem("data/a.yaml", 2, 3, "x", "warning").format() == "data/a.yaml:2:3: advarsel: x"
    assert Problem("data/a.yaml", 2, 3, "x", "notice").format() == "data/a.yaml:2:3: bemærk: x"
    assert Problem("data/a.yaml", 2, 3, "x").format() == "data/a.yaml:2:3: x"


def test_entries_grow_stale_without_failing(data_dir):
    """Unchanged data two years on: notices for every entry, but no error and no warning."""
    later = datetime.date.today() + datetime.timedelta(days=800)
    _site, problems = load_site(data_dir, later)
    assert problems and {p.severity for p in problems} == {"notice"}
    assert all("for mere end 12 måneder siden" in p.message for p in problems)


def test_today_in_denmark_is_not_in_the_future_on_a_server_still_on_yesterday(tmp_path):
    data = _copy(tmp_path)
    path = data / "partners.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("reviewed: 2026-05-02", "reviewed: 2026-06-16"),
                    encoding="utf-8")
    assert check_data(data, TODAY) == []


def test_every_data_file_of_the_examples_validates():
    for data in sorted(ROOT.glob("examples/*/data")):
        if (data / "alliance.yaml").is_file():
            assert [p.format() for p in check_data(data) if p.severity == "error"] == []


def test_a_national_data_set_validates(tmp_path):
    """Its time is the bench's to measure (`make bench`: validation, against the 0.5 s target)."""
    project = national_generator().write_project(tmp_path / "national", reviewed_by=datetime.date.today())
    site, problems = load_site(project / "data")
    assert len(site.municipalities) == 98 and site.consultant_count >= 1900
    assert [p for p in problems if p.severity != "notice"] == []


def test_the_editors_guide_examples_are_valid():
    """Every copy-paste example in the editors' guide (docs/redaktoerer.md) passes the model it is meant for."""
    from alliance_site.data.model import Consultant, Municipality, Partner, Question, Topic
    from alliance_site.data.problems import ProblemList
    from alliance_site.data.sources import parse_yaml

    guide = (ROOT / "docs" / "redaktoerer.md").read_text("utf-8")
    assert guide.startswith("# Redigering af data")
    blocks = [b.split("```", 1)[0] for b in guide.split("```yaml\n")[1:]]
    checked = set()
    for block in blocks:
        doc = parse_yaml(block, "docs/redaktoerer.md", ProblemList())
        assert doc is not None, block
        data = doc.data
        key = next((k for k in ("consultants", "questions") if isinstance(data, dict) and k in data), None)
        entries = data[key] if key else data
        if not isinstance(entries, list):
            continue  # a fragment, e.g. the two lines of a changed phone number
        for entry in entries:
            model = (Question if key == "questions" else Municipality if "business_service" in entry
                     else Consultant if "title" in entry and "phone" in entry else Partner if "type" in entry
                     else Topic)
            model.model_validate(entry)
            checked.add(model.__name__)
    assert checked == {"Consultant", "Partner", "Topic", "Municipality", "Question"}
