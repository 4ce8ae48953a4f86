"""The web editor at /admin/, used as an editor would: change a phone number, a partner serving
every municipality, a new topic; each saved to a local repository and read back.

The site is served under the headers of its own `_headers` file (the /admin/ policy included),
so a blocked script, style or request would show here. Every test also checks that the only
host the editor spoke to is the test server, and that nothing violated the policy.
"""

from __future__ import annotations

import difflib
import functools
import struct
import threading
import zlib
from http.server import ThreadingHTTPServer
from pathlib import Path

import pytest
import yaml
from axe_playwright_python.base import AXE_SCRIPT
from playwright.sync_api import Page, expect

from alliance_site.data.loading import check_data, load_site
from alliance_site.publish import urls
from browser.admin import (ANSWER_FOLDER_PICKER, data_files, expand, field, named, open_file, open_local_repository,
                           read_bytes, read_file, save)
from browser.pages import seen
from browser.test_csp import HeadersRequestHandler, RECORD_VIOLATIONS, parse_headers_file
from sitebuild import ROOT, build_site, copy_project

DATA = ROOT / "data"


@pytest.fixture(scope="module")
def admin_url(built_site):
    rules = parse_headers_file((built_site / "_headers").read_text(encoding="utf-8"))
    types = {**HeadersRequestHandler.extensions_map, ".yml": "application/yaml", ".wasm": "application/wasm"}
    handler = type("AdminHandler", (HeadersRequestHandler,), {"rules": rules, "extensions_map": types})
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(built_site)))
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/admin/"
    httpd.shutdown()
    httpd.server_close()


def open_editor(new_context, admin_url: str, files: dict[str, str], screenshot: Path | None = None) -> Page:
    """A page on /admin/ with a local repository holding `files`; it records every request to
    another host, every policy violation and every script error, for `assert_clean`."""
    context = new_context(viewport={"width": 1280, "height": 900})
    context.add_init_script(ANSWER_FOLDER_PICKER)
    context.add_init_script(RECORD_VIOLATIONS)
    page = context.new_page()
    record = seen(page)
    page.on("request", lambda request: None if request.url.startswith(("http://127.0.0.1:", "blob:", "data:"))
            else record.foreign_requests.append(request.url))
    page.on("console", lambda message: record.csp_messages.append(message.text)
            if "Content Security Policy" in message.text else None)
    page.on("pageerror", lambda error: record.errors.append(str(error)))
    open_local_repository(page, admin_url, files, screenshot)
    return page


def assert_clean(page: Page) -> None:
    assert seen(page).errors == [], "the editor failed"
    assert seen(page).foreign_requests == [], "the editor contacted another host"
    assert [*seen(page).csp_messages, *page.evaluate("() => window.__cspViolations")] == []


@pytest.fixture
def editor(new_context, admin_url, screenshot_dir):
    """The editor on a local repository filled from data/."""
    page = open_editor(new_context, admin_url, data_files(DATA), screenshot_dir / "admin-start.png")
    yield page
    assert_clean(page)


def changed_lines(before: str, after: str) -> list[str]:
    """The lines a diff would show, with their +/- sign."""
    return [line for line in difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
            if line[:1] in "+-" and not line.startswith(("+++", "---"))]


def build_with(tmp_path: Path, name: str, text: str) -> Path:
    """The site built from data/ (or the project already in tmp_path) with `name` replaced by
    what the editor saved; the data must validate without a warning."""
    project = tmp_path / "project"
    if not project.exists():
        copy_project(project)
    (project / "data" / name).write_text(text, encoding="utf-8")
    assert [p.format() for p in check_data(project / "data") if p.severity != "notice"] == []
    out = tmp_path / "out"
    result = build_site(project, out)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return out


def test_a_phone_number_changed_in_the_form_is_a_one_line_change(editor: Page, tmp_path, screenshot_dir):
    form = open_file(editor, "Kommuner og konsulenter")
    expand(form, "municipalities", 0)
    expand(form, "municipalities.0.consultants", 0)
    phone = field(form, "municipalities.0.consultants.0.phone").get_by_role("textbox")
    expect(phone).to_have_value("+45 11 20 31 01")
    phone.fill("+45 11 20 31 99")
    editor.screenshot(path=screenshot_dir / "admin-telefon.png")
    save(editor)

    before = (DATA / "municipalities.yaml").read_text(encoding="utf-8")
    after = read_file(editor, "data/municipalities.yaml", unlike=before)
    assert changed_lines(before, after) == ["-        phone: +45 11 20 31 01", "+        phone: +45 11 20 31 99"]
    site = build_with(tmp_path, "municipalities.yaml", after)
    page = (site / "kommuner" / "faxe" / "index.html").read_text(encoding="utf-8")
    assert "+45 11 20 31 99" in page and "+45 11 20 31 01" not in page


def _index(name: str, key: str, entry_id: str) -> int:
    return [entry["id"] for entry in yaml.safe_load((DATA / name).read_text(encoding="utf-8"))[key]].index(entry_id)


def test_a_partner_serving_every_municipality_keeps_its_meaning(editor: Page, tmp_path):
    index = _index("partners.yaml", "partners", "zbc")
    form = open_file(editor, "Partnere")
    expand(form, "partners", index)
    serves_all = field(form, f"partners.{index}.all_municipalities").get_by_role("switch")
    expect(serves_all).to_be_checked()
    description = field(form, f"partners.{index}.description").get_by_role("textbox")
    description.fill("Erhvervsskole på Sjælland med erhvervsuddannelser og AMU-kurser.")
    save(editor)

    before = (DATA / "partners.yaml").read_text(encoding="utf-8")
    after = read_file(editor, "data/partners.yaml", unlike=before)
    assert [line[:1] for line in changed_lines(before, after)] == ["-", "+"]
    assert changed_lines(before, after)[1] == ("+    description: Erhvervsskole på Sjælland med erhvervsuddannelser "
                                               "og AMU-kurser.")
    site = build_with(tmp_path, "partners.yaml", after)
    saved, _warnings = load_site(tmp_path / "project" / "data")
    assert all("zbc" in [p.id for p in saved.partners_serving(m.id)] for m in saved.municipalities)
    assert len(saved.partners_serving(saved.municipalities[0].id)) == len(
        load_site(DATA)[0].partners_serving(saved.municipalities[0].id)), "no other partner changed coverage"
    card = (site / "partnere" / "uddannelsesinstitution" / "index.html").read_text(encoding="utf-8")
    assert "Erhvervsskole på Sjælland med erhvervsuddannelser og AMU-kurser." in card


NEW_TOPIC = {"id": "groen-omstilling", "title": "Grøn omstilling",
             "summary": "Kompetencer til en grønnere produktion.", "order": "12",
             "body": "Konsulenterne hjælper med at finde kurser i energi, cirkulær produktion og nye materialer."}


def test_a_topic_added_in_the_form_gets_its_page(editor: Page, tmp_path, screenshot_dir):
    count = len(yaml.safe_load((DATA / "topics.yaml").read_text(encoding="utf-8"))["topics"])
    form = open_file(editor, "Emner")
    field(form, "topics").get_by_role("button", name=named("Tilføj emne")).click()
    for key, value in NEW_TOPIC.items():
        field(form, f"topics.{count}.{key}").get_by_role("textbox").or_(
            field(form, f"topics.{count}.{key}").get_by_role("spinbutton")).first.fill(value)
    editor.screenshot(path=screenshot_dir / "admin-nyt-emne.png")
    save(editor)

    before = (DATA / "topics.yaml").read_text(encoding="utf-8")
    after = read_file(editor, "data/topics.yaml", unlike=before)
    assert changed_lines(before, after) == [
        "+  - id: groen-omstilling", "+    title: Grøn omstilling",
        "+    summary: Kompetencer til en grønnere produktion.", "+    order: 12",
        "+    body: Konsulenterne hjælper med at finde kurser i energi, cirkulær produktion og nye materialer."]

    form = open_file(editor, "Kommuner og konsulenter")  # a consultant takes it, chosen by its title
    expand(form, "municipalities", 0)
    expand(form, "municipalities.0.consultants", 0)
    topics = field(form, "municipalities.0.consultants.0.topics")
    topics.get_by_role("combobox").click()
    editor.get_by_role("option", name=named("Grøn omstilling")).click()
    expect(topics.get_by_role("gridcell", name="Grøn omstilling", exact=True)).to_be_visible()
    save(editor)
    municipalities = read_file(editor, "data/municipalities.yaml",
                               unlike=(DATA / "municipalities.yaml").read_text(encoding="utf-8"))
    assert changed_lines((DATA / "municipalities.yaml").read_text(encoding="utf-8"), municipalities) == [
        "+          - groen-omstilling"]
    project = copy_project(tmp_path / "project")
    (project / "data" / "municipalities.yaml").write_text(municipalities, encoding="utf-8")
    site = build_with(tmp_path, "topics.yaml", after)
    page = (site / "emner" / "groen-omstilling" / "index.html").read_text(encoding="utf-8")
    assert "Grøn omstilling" in page and "Louise Kjær" in page


def png(width: int = 8, height: int = 8) -> bytes:
    """A small grey PNG, made here so the test needs no image library."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    rows = b"".join(b"\x00" + b"\x80" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


def test_a_photo_uploaded_in_the_form_lands_in_data_fotos(editor: Page, tmp_path):
    form = open_file(editor, "Kommuner og konsulenter")
    expand(form, "municipalities", 0)
    expand(form, "municipalities.0.consultants", 0)
    photo = field(form, "municipalities.0.consultants.0.photo")
    photo.locator("input[type=file]").first.set_input_files(
        {"name": "louise-kjaer.png", "mimeType": "image/png", "buffer": png()})
    save(editor)

    before = (DATA / "municipalities.yaml").read_text(encoding="utf-8")
    after = read_file(editor, "data/municipalities.yaml", unlike=before)
    assert changed_lines(before, after) == ["+        photo: /fotos/louise-kjaer.png"]  # from the site root
    assert read_bytes(editor, "data/fotos/louise-kjaer.png") == png()
    project = copy_project(tmp_path / "project")
    (project / "data" / "fotos").mkdir()
    (project / "data" / "fotos" / "louise-kjaer.png").write_bytes(png())
    site = build_with(tmp_path, "municipalities.yaml", after)
    page = (site / "kommuner" / "faxe" / "index.html").read_text(encoding="utf-8")
    shown = urls.photo("louise-kjaer-faxe", "fotos/louise-kjaer.png")
    assert f'src="../../{shown}"' in page and (site / shown).read_bytes() == png()


def test_the_editor_speaks_danish_to_a_browser_set_to_english(browser, admin_url):
    context = browser.new_context(locale="en-US")
    try:
        page = context.new_page()
        page.goto(admin_url)
        assert page.evaluate("navigator.language") == "en-US"
        expect(page.get_by_role("button", name="Arbejd med lokalt repository")).to_be_visible()
        expect(page.get_by_role("button", name=named("Log ind med GitHub"))).to_be_visible()
    finally:
        context.close()


NEWS = {"id": "nyt-netvaerksmoede", "title": "Nyt netværksmøde for virksomheder",
        "summary": "Konsulenterne inviterer til møde om rekruttering.",
        "body": "Mødet er gratis og holdes i Ringsted."}


def test_a_news_item_written_in_the_form_is_a_new_file_that_builds(editor: Page, tmp_path):
    """News are one file each: the form's save makes data/nyheder/<id>.yaml and touches nothing else."""
    editor.get_by_role("navigation", name="Indhold").get_by_text("Nyheder", exact=True).click()
    editor.get_by_role("main", name=named("Samlingen Nyheder")).get_by_role("button", name="Opret nyt dokument").click()
    form = editor.get_by_role("group", name=named("Rediger indhold på _default"))
    for key, value in NEWS.items():
        field(form, key).get_by_role("textbox").first.fill(value)
    date = field(form, "date").locator("input").first
    date.fill("2026-11-30")
    save(editor)

    text = read_file(editor, f"data/nyheder/{NEWS['id']}.yaml")
    assert text.startswith(f"id: {NEWS['id']}\ntitle: {NEWS['title']}\ndate: 2026-11-30\n"), text
    assert read_file(editor, "data/municipalities.yaml") == (DATA / "municipalities.yaml").read_text(encoding="utf-8")
    project = copy_project(tmp_path / "project")
    (project / "data" / "nyheder" / f"{NEWS['id']}.yaml").write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    result = build_site(project, out)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert NEWS["title"] in (out / "nyheder" / NEWS["id"] / "index.html").read_text(encoding="utf-8")


def test_the_first_screen_shows_the_alliance_allows_zoom_and_says_who_signs_in_how(new_context, admin_url,
                                                                                    default_site, screenshot_dir):
    """Sveltia adds a viewport tag with maximum-scale=1 once it starts; admin/zoom-and-help.js
    rewrites it so a phone can zoom, and shows the page's Danish note under the sign-in buttons.
    The screen names the alliance and shows its mark, not Sveltia's."""
    page = new_context(viewport={"width": 360, "height": 740}).new_page()
    page.goto(admin_url)
    expect(page.get_by_role("button", name=named("Log ind med GitHub"))).to_be_visible()
    expect(page.get_by_text(f"Redigér {default_site.alliance.name}").first).to_be_visible()
    help_note = page.locator(".al-sign-in-help")
    expect(help_note).to_be_visible()
    expect(help_note).to_contain_text("Log ind med GitHub")
    expect(help_note.get_by_role("link", name=default_site.alliance.contact.email)).to_be_visible()
    page.wait_for_function("() => document.querySelectorAll('meta[name=viewport]').length > 1")  # Sveltia's own
    contents = page.evaluate("() => [...document.querySelectorAll('meta[name=viewport]')].map(m => m.content)")
    assert all("maximum-scale" not in c and "user-scalable" not in c for c in contents), contents
    logo = page.locator("img[src$='alliance-logo.svg']")
    expect(logo.first).to_be_visible()
    assert page.evaluate(AXE_SCRIPT + "; axe.run(document, {runOnly: ['meta-viewport']}).then(r => r.violations)") == []
    page.screenshot(path=str(screenshot_dir / "admin-sign-in-phone.png"))
