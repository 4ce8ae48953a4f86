"""Real `mkdocs build --strict` runs of the default site and of broken or hostile data."""

from __future__ import annotations

import json
import posixpath
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

from alliance_site.publish import urls
from htmlscan import elements, found, page, scan
from sitebuild import build_site, make_site


def test_each_municipality_page_lists_exactly_its_consultants(built_site, default_site):
    for municipality in default_site.municipalities:
        html = page(built_site, urls.municipality(municipality.id))
        cards = elements(html, "article", data_municipality="*")
        assert {c["data-municipality"] for c in cards} == {municipality.id}
        anchors = {e["id"] for e in elements(html, "h3", **{"class": "al-card__title"})}
        assert anchors == {c.id for c in municipality.consultants}


def test_each_topic_page_lists_exactly_the_consultants_with_that_topic(built_site, default_site):
    for topic in default_site.topics:
        html = page(built_site, urls.topic(topic.id))
        listed = {e["data-consultant"] for e in elements(html, "li", data_consultant="*")}
        expected = {c.id for m in default_site.municipalities for c in m.consultants if topic.id in c.topics}
        assert listed == expected, topic.id


def test_finder_data_lists_every_consultant_once_with_what_its_card_shows(built_site, default_site):
    data = json.loads((built_site / urls.FINDER_DATA).read_text(encoding="utf-8"))
    expected = default_site.all_consultants()
    assert [c["id"] for c in data["consultants"]] == [e.consultant.id for e in expected]
    for item, entry in zip(data["consultants"], expected, strict=True):
        assert data["employers"][item["employer"]]["name"] == entry.employer.name
        assert item["topics"] == list(entry.consultant.topics)
        assert item["municipalities"] == [m.id for m in default_site.municipalities
                                          if entry in default_site.consultants_serving(m.id)]
    pages = [e["page"] for e in data["employers"]] + [t["page"] for t in data["topics"].values()]
    assert all((built_site / page / "index.html").is_file() for page in pages)
    # The script derives each vCard's address from the employer's page, as Employer.vcard_url does.
    vcards = [data["employers"][c["employer"]]["page"] + c["id"] + ".vcf" for c in data["consultants"]]
    assert all((built_site / vcard).is_file() for vcard in vcards)


def test_finder_page_carries_its_blank_card_outside_the_search_index(built_site):
    html = page(built_site, urls.FINDER)
    finder = elements(html, "div", data_finder="*")[0]
    assert finder["data-finder-data"] == posixpath.relpath(urls.FINDER_DATA, urls.FINDER)
    assert finder["data-site-root"] == "../"
    assert elements(html, "template", data_finder_card="*", data_search_exclude="*")
    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    finder_text = " ".join(d["text"] for d in index["docs"] if d["location"].startswith(urls.FINDER))
    assert "Gem kontakt" not in finder_text and "Hjælper med" not in finder_text


def test_finder_page_works_without_javascript(built_site, default_site):
    html = page(built_site, urls.FINDER)
    assert elements(html, "form", data_finder_form="*", hidden="*"), "form must start hidden"
    links = {e["href"] for e in elements(html, "a", href="*")}
    for municipality in default_site.municipalities:
        assert f"../{urls.municipality(municipality.id)}#konsulenter" in links


def test_scripts_never_hold_up_the_first_paint(built_site):
    """Every page's scripts are deferred (Lighthouse counted Material's bundle as
    render-blocking), and the inline marker the forms' CSS waits for is in the <head>."""
    for path in ("index.html", "find-konsulent/index.html", "partnere/index.html", "404.html"):
        html = (built_site / path).read_text(encoding="utf-8")
        scripts = elements(html, "script", src="*")
        assert len(scripts) >= 2, path
        assert all("defer" in script for script in scripts), (path, scripts)
        head = html[:html.index("</head>")]
        assert 'document.documentElement.classList.add("al-js")' in head, path


def test_vcard_is_valid_and_escaped(built_site, default_site):
    municipality = default_site.municipalities[0]
    consultant = municipality.consultants[0]
    raw = (built_site / urls.vcard(urls.municipality(municipality.id), consultant.id)).read_bytes()
    assert raw.startswith(b"BEGIN:VCARD\r\nVERSION:3.0\r\n") and raw.endswith(b"END:VCARD\r\n")
    text = raw.decode("utf-8")
    assert f"FN;CHARSET=UTF-8:{consultant.name}\r\n" in text
    assert "TEL;TYPE=WORK,VOICE:" + consultant.phone.replace(" ", "") in text
    assert f"EMAIL;TYPE=INTERNET,WORK:{consultant.email}" in text


def test_contact_links_use_tel_and_mailto(built_site, default_site):
    municipality = default_site.municipalities[0]
    html = page(built_site, urls.municipality(municipality.id))
    hrefs = {e["href"] for e in elements(html, "a", href="*")}
    for consultant in municipality.consultants:
        assert "tel:" + consultant.phone.replace(" ", "") in hrefs
        assert "mailto:" + consultant.email in hrefs
        assert f"{consultant.id}.vcf" in hrefs


def _internal_targets(site: Path):
    for html_file in site.rglob("*.html"):
        if html_file.name == "404.html":
            continue
        base = html_file.relative_to(site).parent.as_posix()
        for attrs in elements(html_file.read_text(encoding="utf-8")):
            for name in ("href", "src"):
                target = attrs.get(name, "")
                parts = urlsplit(target)
                if not target or parts.scheme or target.startswith(("#", "//")):
                    continue
                yield html_file, posixpath.normpath(posixpath.join(base, unquote(parts.path))), parts.fragment


def test_every_internal_link_resolves(built_site):
    broken = []
    for html_file, target, _fragment in _internal_targets(built_site):
        path = built_site / target
        if not (path.is_file() or (path / "index.html").is_file()):
            broken.append(f"{html_file.relative_to(built_site)} -> {target}")
    assert not broken, broken[:20]


def test_every_link_to_a_place_on_another_page_finds_it(built_site):
    """Cards are linked by anchor (a partner's card on its type's page, a consultant's on the
    municipality page): the id must exist where the link points."""
    ids: dict[Path, set[str]] = {}
    broken, checked = [], 0
    for html_file, target, fragment in _internal_targets(built_site):
        path = built_site / target
        path = path if path.is_file() else path / "index.html"
        if not fragment or path == html_file or path.suffix != ".html":
            continue
        if path not in ids:
            ids[path] = {e["id"] for e in elements(path.read_text(encoding="utf-8"), id="*")}
        checked += 1
        if fragment not in ids[path]:
            broken.append(f"{html_file.relative_to(built_site)} -> {target}#{fragment}")
    assert checked > 50 and not broken, broken[:20]


def test_no_resource_from_another_host(built_site):
    offenders = []
    for html_file in built_site.rglob("*.html"):
        for attrs in elements(html_file.read_text(encoding="utf-8")):
            for name in ("src", "srcset", "data"):
                if re.match(r"^(https?:)?//", attrs.get(name, "")):
                    offenders.append((html_file.name, attrs[name]))
            if attrs.get("rel") in ("stylesheet", "preconnect", "preload", "icon") and \
                    re.match(r"^(https?:)?//", attrs.get("href", "")):
                offenders.append((html_file.name, attrs["href"]))
    assert not offenders, offenders[:10]


def test_html_language_is_danish(built_site):
    assert '<html lang="da"' in page(built_site, "")


def test_text_from_yaml_is_escaped_everywhere(data_copy, tmp_path):
    municipalities = data_copy / "data" / "municipalities.yaml"
    text = municipalities.read_text(encoding="utf-8")
    first_name = found(r"^\s+name: (.+)$", text.split("consultants:", 1)[1], re.MULTILINE).group(1)
    hostile = "\"<script>alert('navn')</script> Hansen\""
    municipalities.write_text(text.replace(f"name: {first_name}", f"name: {hostile}", 1), encoding="utf-8")
    topics = data_copy / "data" / "topics.yaml"
    hostile_title = 'title: "Rekruttering <img src=x onerror=alert(1)>"'
    topics.write_text(re.sub(r"title: .+", hostile_title, topics.read_text(encoding="utf-8"), count=1), encoding="utf-8")
    out = tmp_path / "out"
    result = build_site(data_copy, out)
    assert result.returncode == 0, result.stderr
    for html_file in out.rglob("*.html"):
        html = html_file.read_text(encoding="utf-8")
        assert "<script>alert(" not in html, html_file
        assert "<img src=x" not in html, html_file
    rendered = "".join(scan(page(out, "emner/")).text)
    assert "Rekruttering <img src=x onerror=alert(1)>" in rendered  # shown as text, not markup


def test_bad_data_fails_with_located_errors_and_no_traceback(data_copy, tmp_path):
    municipalities = data_copy / "data" / "municipalities.yaml"
    lines = municipalities.read_text(encoding="utf-8").splitlines(keepends=True)
    topic_line = next(i for i, line in enumerate(lines) if line.strip() == "topics:") + 1
    lines[topic_line] = lines[topic_line].replace("- ", "- rekrutering\n" + lines[topic_line].split("-")[0] + "- ", 1)
    municipalities.write_text("".join(lines), encoding="utf-8")
    out = tmp_path / "out"
    result = build_site(data_copy, out)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "Traceback" not in output
    column = lines[topic_line].index("rekrutering") + 1
    located = re.escape(f"data/municipalities.yaml:{topic_line + 1}:{column}: ")
    assert re.search(located + r"[^\n]*ukendt emne 'rekrutering'; mente du 'rekruttering'\?", output), output
    assert not out.exists() or not any(out.iterdir())


def test_failed_make_site_keeps_the_previous_site(data_copy, tmp_path):
    previous = data_copy / "site" / "marker.txt"
    previous.parent.mkdir()
    previous.write_text("old site", encoding="utf-8")
    (data_copy / "data" / "topics.yaml").write_text("topics: []\n", encoding="utf-8")
    result = make_site(data_copy, tmp_path / "scratch")
    assert result.returncode != 0
    assert "topics: listen skal have mindst 1 punkt" in result.stdout + result.stderr
    assert previous.read_text(encoding="utf-8") == "old site"


def test_templates_are_not_published_as_files(built_site):
    assert not (built_site / "alliance").exists()
    assert not list(built_site.rglob("*.j2"))


def test_only_the_danish_search_language_and_no_source_maps_are_published(built_site):
    lunr = {p.name for p in (built_site / "assets/javascripts/lunr/min").iterdir()}
    assert {"lunr.da.min.js", "lunr.stemmer.support.min.js"} <= lunr
    assert "lunr.de.min.js" not in lunr and "lunr.ja.min.js" not in lunr
    assert not list(built_site.rglob("*.map"))


def test_content_file_in_the_place_of_a_generated_file_fails_the_build(data_copy, tmp_path):
    """vCards, fragments and /api/ are written by the hooks, not MkDocs: a hand-made file at the
    same path must stop the build instead of one silently replacing the other."""
    clash = data_copy / "content" / "api" / "index.json"
    clash.parent.mkdir(parents=True)
    clash.write_text("{}", encoding="utf-8")
    result = build_site(data_copy, tmp_path / "out")
    assert result.returncode != 0
    assert "content/api/index.json har samme navn som en fil, siden laver ud fra data/" in result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr


def test_every_generated_file_is_written(built_site, default_site):
    from alliance_site.publish.pages import build_assets
    expected = {asset.src_uri for asset in build_assets(default_site)}
    assert expected and all((built_site / src_uri).is_file() for src_uri in expected)
    assert (built_site / "api" / "index.json").is_file()


def _filter_form(html: str) -> str:
    return found(r'<form class="al-filter".*?</form>', html, re.S).group(0)


def test_filter_forms_have_a_vis_button_and_a_preselected_choice_in_every_select(built_site, default_site):
    """GOV.UK's filter pattern: an explicit action besides the live filtering, and selects that
    start on a choice the page shows ("Alle ...", "Vælg kommune")."""
    pages = [urls.FINDER, urls.PARTNERS, *(urls.partner_type(kind.value) for kind, _ in default_site.partners_by_type())]
    assert len(pages) == 2 + len(default_site.partners_by_type())
    for url in pages:
        form = _filter_form(page(built_site, url))
        assert re.findall(r'<button type="submit"[^>]*>([^<]*)</button>', form) == ["Vis"], url
        selects = re.findall(r"<select\b.*?</select>", form, re.S)
        assert selects and all(len(elements(s, "option", selected="*")) == 1 for s in selects), url
        assert all(elements(s, "option")[0].get("value") == "" for s in selects), url


def test_finder_cards_come_under_a_results_heading(built_site):
    html = page(built_site, urls.FINDER)
    levels = [int(level) for level in re.findall(r"<h([1-6])\b", html[html.index('<article class="md-content'):])]
    assert levels[:3] == [1, 2, 3], levels
    assert elements(html, "h2", id="resultater", data_finder_heading="*", hidden="*")


def test_runs_of_links_are_lists(built_site, default_site):
    municipality = next(m for m in default_site.municipalities if m.consultants)
    html = page(built_site, urls.municipality(municipality.id))
    lists = re.findall(r'<div class="al-card__topics">.*?<ul class="al-inline-list">(.*?)</ul>', html, re.S)
    assert len(lists) == len(municipality.consultants)
    assert [len(re.findall(r"<li><a href=", items)) for items in lists] == [len(c.topics) for c in municipality.consultants]
    assert '<p class="al-card__topics">' not in html and ", <a href" not in html
    footer = found(r'<ul class="al-footer__links">(.*?)</ul>', html, re.S).group(1)
    assert len(re.findall(r"<li><a href=", footer)) == 3
