"""The guide as a company uses it: without JavaScript (plain links), with the keyboard only, the
place step's town and postcode field, the choice a shared postcode asks for, and the e-mail that
asks for a call."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from alliance_site.publish import urls
from alliance_site.publish.guide import CPR_NOTE
from playwright.sync_api import Locator, Page, expect
from sitebuild import build_site, copy_project

from browser.server import SiteServer


def _topic(site, topic_id: str):
    return next(t for t in site.topics if t.id == topic_id)


def _municipality(site, municipality_id: str):
    return next(m for m in site.municipalities if m.id == municipality_id)


def _follow_up(site):
    """A need with a follow-up question, and that question's first answer that settles on a topic."""
    topic = next(t for t in site.topics if t.question)
    question = next(q for q in site.questions if q.id == topic.question)
    answer = next(a for a in question.answers if a.topic)
    return topic, question, answer


def test_without_javascript_the_guide_is_plain_links_with_the_answers_so_far(new_context, site_url, default_site):
    page = new_context(java_script_enabled=False).new_page()
    need, question, answer = _follow_up(default_site)
    municipality = default_site.municipalities[1]
    page.goto(site_url)
    page.locator(".al-guide-start").get_by_role("link", name=need.need_text, exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(question.text)
    page.get_by_role("link", name=answer.text, exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Hvor ligger virksomheden?")
    expect(page.locator("form[data-place-form]")).to_be_hidden()
    answers = page.locator(".al-given__list")
    expect(answers).to_contain_text(need.need_text)
    expect(answers).to_contain_text(answer.text)
    page.locator("[data-places]").get_by_role("link", name=municipality.name, exact=True).click()
    result = _topic(default_site, answer.topic)
    expect(page.get_by_role("heading", level=1)).to_have_text(f"{result.title} i {municipality.full_name}")
    assert page.url == site_url + urls.help_page(result.id, municipality.id)
    # "Skift" goes back to the step that asked; Back works as it does between any pages.
    page.go_back()
    page.get_by_role("link", name=f"Skift svaret på „{question.text}“").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(question.text)


def _tab_to(page: Page, target: Locator, what: str) -> None:
    """Press Tab until `target` has the focus, as a keyboard user moves through the page."""
    for _ in range(60):
        page.keyboard.press("Tab")
        if target.evaluate("el => el === document.activeElement"):
            return
    pytest.fail(f"Tab never reached {what}")


def test_the_guide_with_the_keyboard_only(page, site_url, default_site):
    need = next(t for t in default_site.topics if not t.question)
    municipality = next(m for m in default_site.municipalities if m.towns)
    page.goto(site_url)
    _tab_to(page, page.locator(".al-guide-start").get_by_role("link", name=need.need_text, exact=True),
            "the need's link")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/{urls.guide_step((need.id,))}")
    _tab_to(page, page.get_by_label("By eller postnummer"), "the place field")
    page.keyboard.type(municipality.towns[-1].upper())
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/{urls.help_page(need.id, municipality.id)}")


def _place_step(page: Page, site_url: str, topic_id: str) -> None:
    page.goto(site_url + urls.guide_step((topic_id,)))
    expect(page.locator("form[data-place-form]")).to_be_visible()


def test_a_postcode_leads_to_its_municipality_and_an_unknown_place_says_so(page, site_url, default_site):
    topic = next(t for t in default_site.topics if not t.question)
    municipality = next(m for m in default_site.municipalities if m.postcodes)
    _place_step(page, site_url, topic.id)
    field = page.get_by_label("By eller postnummer")
    field.fill("Atlantis")
    field.press("Enter")
    expect(page.locator("#al-place-status")).to_have_text("Vi kender ikke „Atlantis“. Vælg jeres kommune på listen.")
    field.fill(f" {municipality.postcodes[0]} ")
    field.press("Enter")
    page.wait_for_url(f"**/{urls.help_page(topic.id, municipality.id)}")


@pytest.fixture(scope="module")
def shared_postcode_site(tmp_path_factory, default_site):
    """The default site with the first municipality's first postcode listed by the second too."""
    first, second = default_site.municipalities[:2]
    project = copy_project(tmp_path_factory.mktemp("shared-postcode"))
    data = project / "data" / "municipalities.yaml"
    municipalities = yaml.safe_load(data.read_text(encoding="utf-8"))
    code = first.postcodes[0]
    listed = next(m for m in municipalities["municipalities"] if m["id"] == second.id)
    listed["postcodes"] = [*listed["postcodes"], code]
    data.write_text(yaml.safe_dump(municipalities, allow_unicode=True, sort_keys=False), encoding="utf-8")
    out = Path(tmp_path_factory.mktemp("shared-postcode-site"))
    result = build_site(project, out)
    assert result.returncode == 0, result.stdout + result.stderr
    with SiteServer(out) as server:
        yield server.base_url, code, (first, second)


def test_a_shared_postcode_asks_which_municipality_and_never_guesses(page, shared_postcode_site, default_site):
    base_url, code, sharing = shared_postcode_site
    topic = next(t for t in default_site.topics if not t.question)
    _place_step(page, base_url, topic.id)
    # Without the script the choice is a link under the list (and every page is linked).
    expect(page.get_by_role("link", name=code, exact=True)).to_be_visible()
    field = page.get_by_label("By eller postnummer")
    field.fill(code)
    field.press("Enter")
    page.wait_for_url(f"**/{urls.guide_postcode(urls.guide_step((topic.id,)), code)}")
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Postnummer {code} ligger i flere kommuner")
    links = page.locator("[data-places] a")
    expect(links).to_have_text(sorted((m.name for m in sharing), key=[m.name for m in sharing].index))
    links.nth(1).click()
    page.wait_for_url(f"**/{urls.help_page(topic.id, sharing[1].id)}")


def test_the_call_me_link_opens_an_email_with_topic_and_municipality(page, site_url, default_site):
    topic, municipality = _topic(default_site, "rekruttering"), _municipality(default_site, "naestved")
    page.goto(site_url + urls.help_page(topic.id, municipality.id))
    link = page.get_by_role("link", name="Bliv ringet op")
    decoded = link.evaluate("""a => {
      const url = new URL(a.href);
      return {to: decodeURIComponent(url.pathname), subject: url.searchParams.get("subject"),
              body: url.searchParams.get("body")};
    }""")
    consultant = next(e.consultant for e in default_site.consultants_serving(municipality.id)
                      if topic.id in e.consultant.topics)
    assert decoded["to"] == consultant.email
    assert decoded["subject"] == f"Ring os op: {topic.title} i {municipality.full_name}"
    assert decoded["body"].startswith(f"Hej {consultant.name.split(' ')[0]},\r\n\r\nVi er en virksomhed i "
                                      f"{municipality.full_name} og vil gerne ringes op om {topic.title.lower()}.")
    assert CPR_NOTE in decoded["body"]
    expect(page.get_by_text(CPR_NOTE, exact=True)).to_be_visible()
