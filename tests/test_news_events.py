"""News, feeds and calendars: the pages, and every feed and calendar of a real build read by
real parsers (feedparser, icalendar); ids and UIDs stable across builds; links that resolve."""

from __future__ import annotations

import datetime
import posixpath
import re
from pathlib import Path
from urllib.parse import urlsplit

import feedparser
import icalendar
import pytest
import yaml

from alliance_site.data.model import Event, NewsItem
from alliance_site.publish import ical, urls
from alliance_mkdocs.page_files import prune_nav
from alliance_site.data.site import Site
from alliance_site.publish.pages import NEWS_PER_PAGE, build_pages, events_count, news_pages
from htmlscan import elements, found, page
from sitebuild import ROOT, build_site, renderer

SITE_URL = "https://arbejdskraftalliancen.example/"


def _site_path(built: Path, address: str, site_url: str = SITE_URL) -> Path:
    """The built file an absolute address of the site points to."""
    assert address.startswith(site_url), address
    path = urlsplit(address).path[len(urlsplit(site_url).path):]
    return built / (path + "index.html" if path.endswith("/") or not path else path)


def _feeds(built: Path) -> list[Path]:
    return sorted(built.rglob("feed.xml"))


def _calendars(built: Path) -> list[Path]:
    return sorted(built.rglob("*.ics"))


# --- feeds ---------------------------------------------------------------------------------

def test_there_is_a_feed_of_all_news_and_one_per_topic(built_site, default_site):
    expected = {urls.NEWS_FEED, *(urls.topic_feed(t.id) for t in default_site.topics)}
    assert {p.relative_to(built_site).as_posix() for p in _feeds(built_site)} == expected


def test_every_feed_is_valid_atom_with_absolute_links_to_built_pages(built_site, default_site):
    for path in _feeds(built_site):
        feed = feedparser.parse(path.read_bytes())
        assert not feed.bozo, (path, feed.get("bozo_exception"))
        assert feed.version == "atom10", path
        assert feed.feed.updated_parsed and feed.feed.title and feed.feed.author
        self_link = next(link.href for link in feed.feed.links if link.rel == "self")
        assert self_link == urls.absolute(SITE_URL, path.relative_to(built_site).as_posix())
        for entry in feed.entries:
            assert entry.id.startswith("tag:arbejdskraftalliancen.example,"), entry.id
            assert entry.updated_parsed and entry.published_parsed and entry.summary
            assert _site_path(built_site, entry.link).is_file(), entry.link
            for href in re.findall(r'href="([^"]+)"', entry.content[0].value):
                assert href.startswith(("https://", "mailto:", "tel:")), href
                if href.startswith(SITE_URL):
                    assert _site_path(built_site, href.split("#")[0]).is_file(), href
    main = feedparser.parse((built_site / urls.NEWS_FEED).read_bytes())
    assert [e.link for e in main.entries] == [urls.absolute(SITE_URL, urls.news(n.id)) for n in default_site.news]


def test_a_topic_feed_holds_exactly_the_news_of_its_topic(built_site, default_site):
    for topic in default_site.topics:
        feed = feedparser.parse((built_site / urls.topic_feed(topic.id)).read_bytes())
        assert [e.link.rsplit("/", 2)[-2] for e in feed.entries] == [n.id for n in default_site.news_for_topic(topic.id)]


def test_every_page_announces_the_news_feed_and_a_topic_page_its_own(built_site, default_site):
    for path in sorted(built_site.rglob("*.html")):
        relative = path.relative_to(built_site).as_posix()
        if relative.startswith("admin/"):
            continue
        links = elements(path.read_text(encoding="utf-8"), "link", rel="alternate", type="application/atom+xml")
        assert links, relative
        for link in links:
            href = link["href"]
            target = href if href.startswith("/") else posixpath.normpath(posixpath.join(posixpath.dirname(relative), href))
            assert (built_site / target.lstrip("/")).is_file() or href.startswith("/"), (relative, href)
    topic = default_site.topics[0]
    hrefs = [e["href"] for e in elements(page(built_site, urls.topic(topic.id)), "link", rel="alternate")]
    assert "feed.xml" in hrefs and "../../nyheder/feed.xml" in hrefs


def test_feed_links_are_one_line_pointing_to_the_page_that_says_what_a_feed_is(built_site, default_site):
    """The explanation lives on one page; the news page and every topic page link their feed in
    one line, beside a link to that page."""
    for url, feed in ((urls.NEWS, "feed.xml"), (urls.topic(default_site.topics[0].id), "feed.xml")):
        html = page(built_site, url)
        hrefs = [a["href"] for a in elements(html, "a", href="*")]
        assert feed in hrefs and urls.relative(url, urls.FOLLOW) in hrefs, url
        assert "Et feed er en adresse" not in html, url
    follow = page(built_site, urls.FOLLOW)
    assert "Et feed er en adresse" in follow and "feedlæser" in follow
    hrefs = [a["href"] for a in elements(follow, "a", href="*")]
    assert "../nyheder/feed.xml" in hrefs
    assert {f"../emner/{t.id}/feed.xml" for t in default_site.topics} <= set(hrefs)


def test_topic_and_municipality_pages_show_only_the_news_tagged_with_them(built_site, default_site):
    """An alliance-wide item (no topics, no municipalities) is on the news pages only; a page
    with nothing tagged has no news heading at all."""
    pages = [*((urls.topic(t.id), default_site.news_for_topic(t.id)) for t in default_site.topics),
             *((urls.municipality(m.id), default_site.news_for_municipality(m.id)) for m in default_site.municipalities)]
    for url, tagged in pages:
        html = page(built_site, url)
        assert ('id="nyheder"' in html) == bool(tagged), url
        for item in default_site.news:
            assert (f"../../nyheder/{item.id}/" in html) == (item in tagged[:5]), (url, item.id)
    assert any(not n.topics and not n.municipalities for n in default_site.news), "an alliance-wide item"


# --- news pages ----------------------------------------------------------------------------

def test_news_list_is_newest_first_and_each_item_has_its_page(built_site, default_site):
    html = page(built_site, urls.NEWS)
    listed = [e["href"] for e in elements(html, "a", href="*") if re.fullmatch(r"[a-z0-9-]+/", e["href"])]
    assert listed[:len(default_site.news)] == [f"{n.id}/" for n in default_site.news]
    dates = [n.date for n in default_site.news]
    assert dates == sorted(dates, reverse=True)
    for item in default_site.news:
        assert item.title in page(built_site, urls.news(item.id))


def _news(n: int) -> list[NewsItem]:
    start = datetime.date(2026, 1, 1)
    return [NewsItem(id=f"nyhed-{i:03d}", title=f"Nyhed {i}", date=start + datetime.timedelta(days=i),
                     summary="x", body="x") for i in range(n)]


def test_news_pages_have_stable_addresses_of_twenty_items_each(default_site):
    items = tuple(sorted(_news(45), key=lambda n: n.date, reverse=True))
    pages = news_pages(items)
    assert [number for number, _ in pages] == [1, 2, 3]
    assert [len(chunk) for _, chunk in pages] == [NEWS_PER_PAGE, NEWS_PER_PAGE, 5]
    assert [urls.news_page(n) for n, _ in pages] == ["nyheder/", "nyheder/side/2/", "nyheder/side/3/"]
    site = Site.create(default_site.alliance, list(default_site.municipalities), list(default_site.partners),
                       list(default_site.topics), default_site.data_dir, news=list(items),
                       questions=list(default_site.questions))
    specs = {p.url: p for p in build_pages(site)}
    assert {"nyheder/", "nyheder/side/2/", "nyheder/side/3/"} <= set(specs)
    assert specs["nyheder/side/3/"].context["items"][-1].id == "nyhed-000"


def test_home_page_leads_with_the_latest_news_and_next_events(built_site, default_site):
    html = page(built_site, urls.HOME)
    news_links = [a["href"] for a in elements(html, "a", href="*") if a["href"].startswith("nyheder/")]
    assert [h for h in news_links if h != "nyheder/"][:3] == [f"nyheder/{n.id}/" for n in default_site.news[:3]]
    assert "nyheder/" in news_links and "arrangementer/" in [a["href"] for a in elements(html, "a", href="*")]
    for event in default_site.upcoming_events()[:3]:
        assert f'href="arrangementer/#{event.id}"' in html
    chooser = elements(html, "form", data_chooser="*")[0]
    assert chooser["action"] == "find-konsulent/" and chooser["method"] == "get" and "hidden" in chooser
    options = [o["value"] for o in elements(html, "option", value="*") if o["value"]]
    assert options == [m.id for m in default_site.municipalities]
    fallback = [a["href"] for a in elements(html, "a", href="*") if a["href"].endswith("/#konsulenter")]
    assert fallback == [f"kommuner/{m.id}/#konsulenter" for m in default_site.municipalities]


def test_topic_and_municipality_pages_list_their_news_and_events(built_site, default_site):
    for topic in default_site.topics:
        html = page(built_site, urls.topic(topic.id))
        for item in default_site.news_for_topic(topic.id)[:5]:
            assert f'href="../../nyheder/{item.id}/"' in html, (topic.id, item.id)
        for event in default_site.upcoming_events_for(topic_id=topic.id):
            assert f'href="../../arrangementer/#{event.id}"' in html
    holbaek = page(built_site, urls.municipality("holbaek"))
    assert 'href="../../arrangementer/#morgenmoede-rekruttering-2027"' in holbaek
    assert 'href="../../nyheder/hjaelp-til-laerepladser/"' in holbaek


# --- upcoming and past events --------------------------------------------------------------

def _event(event_id: str, date: datetime.date, end_date: datetime.date | None = None) -> Event:
    return Event(id=event_id, title=f"Arrangement {event_id}", date=date, end_date=end_date, description="x")


def _events_site(default_site, events: list[Event], today: datetime.date) -> Site:
    return Site.create(default_site.alliance, list(default_site.municipalities), list(default_site.partners),
                       list(default_site.topics), default_site.data_dir, events=events, today=today,
                       questions=list(default_site.questions))


def test_an_event_stays_upcoming_until_its_last_day_is_over(default_site):
    today = datetime.date(2026, 12, 2)
    events = [_event("i-gaar", datetime.date(2026, 12, 1)), _event("i-dag", today),
              _event("over-i-dag", datetime.date(2026, 11, 30), end_date=today),
              _event("sluttede-i-gaar", datetime.date(2026, 11, 28), end_date=datetime.date(2026, 12, 1))]
    site = _events_site(default_site, events, today)
    assert [e.id for e in site.upcoming_events()] == ["over-i-dag", "i-dag"]
    assert [e.id for e in site.past_events()] == ["i-gaar", "sluttede-i-gaar"]
    by_id = {e.id: e for e in events}
    assert site.event_url(by_id["over-i-dag"]) == "arrangementer/#over-i-dag"
    assert site.event_url(by_id["i-dag"]) == "arrangementer/#i-dag"
    assert site.event_url(by_id["sluttede-i-gaar"]) == "arrangementer/2026/#sluttede-i-gaar"
    tomorrow = _events_site(default_site, events, today + datetime.timedelta(days=1))
    assert tomorrow.event_url(by_id["over-i-dag"]) == "arrangementer/2026/#over-i-dag"
    assert tomorrow.upcoming_events() == []


def test_past_events_go_to_the_year_they_started_in_newest_year_first(default_site):
    new_year = datetime.date(2026, 1, 1)
    events = [_event("nytaarsaften", datetime.date(2025, 12, 31)), _event("nytaarsdag", new_year),
              _event("marts", datetime.date(2025, 3, 1)),
              _event("hen-over-nytaar", datetime.date(2024, 12, 31), end_date=datetime.date(2025, 1, 1))]
    later = _events_site(default_site, events, datetime.date(2026, 6, 1))
    assert [(year, [e.id for e in past]) for year, past in later.past_events_by_year()] == [
        (2026, ["nytaarsdag"]), (2025, ["nytaarsaften", "marts"]), (2024, ["hen-over-nytaar"])]
    by_id = {e.id: e for e in events}
    assert later.event_url(by_id["nytaarsaften"]) == "arrangementer/2025/#nytaarsaften"
    assert later.event_url(by_id["nytaarsdag"]) == "arrangementer/2026/#nytaarsdag"
    assert later.event_url(by_id["hen-over-nytaar"]) == "arrangementer/2024/#hen-over-nytaar"
    on_new_years_day = _events_site(default_site, events, new_year)
    assert [e.id for e in on_new_years_day.upcoming_events()] == ["nytaarsdag"]
    assert on_new_years_day.event_url(by_id["nytaarsdag"]) == "arrangementer/#nytaarsdag"
    assert [year for year, _ in on_new_years_day.past_events_by_year()] == [2025, 2024]


def test_the_events_page_links_one_archive_page_per_year_with_its_count(default_site):
    events = [_event("nytaarsaften", datetime.date(2025, 12, 31)), _event("marts", datetime.date(2025, 3, 1)),
              _event("nytaarsdag", datetime.date(2026, 1, 1)), _event("kommende", datetime.date(2026, 9, 1))]
    site = _events_site(default_site, events, datetime.date(2026, 6, 1))
    specs = {p.url: p for p in build_pages(site)}
    assert [url for url in specs if url.startswith(urls.EVENTS)] == \
        ["arrangementer/", "arrangementer/2026/", "arrangementer/2025/"]
    assert specs["arrangementer/2025/"].title == "Tidligere arrangementer i 2025"
    assert [e.id for e in specs["arrangementer/2025/"].context["events"]] == ["nytaarsaften", "marts"]
    render = renderer()
    main = render.render_page(specs[urls.EVENTS], "", urls.EVENTS)
    assert [(a["href"], text) for a, text in _links(main) if a["href"].endswith("/")] == [
        ("2026/", "2026 (1 arrangement)"), ("2025/", "2025 (2 arrangementer)")]
    assert [h["id"] for h in elements(main, "h3", id="*")] == ["kommende"], "past events stay off the events page"
    year = render.render_page(specs["arrangementer/2025/"], "", "arrangementer/2025/")
    assert [h["id"] for h in elements(year, "h2", id="*")] == ["nytaarsaften", "marts"]
    assert [(a["href"], text) for a, text in _links(year) if a["href"].endswith("/")] == [
        ("../", "Arrangementer"), ("../2026/", "2026"), ("./", "2025"), ("../", "Tilbage til arrangementerne")]
    assert '<a href="./" aria-current="page">2025</a>' in year


def _links(html: str) -> list[tuple[dict[str, str], str]]:
    """(attributes, text) of every link in a page body."""
    return [(elements(f"<a{attrs}>", "a")[0], re.sub(r"<[^>]+>", "", text).strip())
            for attrs, text in re.findall(r"<a(\s[^>]*)>(.*?)</a>", html, re.DOTALL)]


def test_without_past_events_there_is_no_archive(default_site):
    site = _events_site(default_site, [_event("kommende", datetime.date(2027, 1, 1))], datetime.date(2026, 6, 1))
    specs = {p.url: p for p in build_pages(site)}
    assert [url for url in specs if url.startswith(urls.EVENTS)] == [urls.EVENTS]
    main = renderer().render_page(specs[urls.EVENTS], "", urls.EVENTS)
    assert "Tidligere arrangementer" not in main and 'id="tidligere"' not in main


def test_with_only_past_events_the_home_page_leads_to_the_archive(default_site):
    site = _events_site(default_site, [_event("forbi", datetime.date(2014, 5, 1))], datetime.date(2026, 6, 1))
    specs = {p.url: p for p in build_pages(site)}
    render = renderer()
    home = render.render_page(specs[urls.HOME], "", urls.HOME)
    assert ("arrangementer/#tidligere", "Tidligere arrangementer") in [(a["href"], t) for a, t in _links(home)]
    events = render.render_page(specs[urls.EVENTS], "", urls.EVENTS)
    assert "ingen kommende arrangementer" in events and 'href="2014/"' in events


def test_a_calendar_links_an_event_where_the_build_of_its_day_lists_it():
    event = _event("moede", datetime.date(2026, 11, 30), end_date=datetime.date(2026, 12, 2))

    def page_of(today: datetime.date) -> tuple[str, str]:
        vevent = icalendar.Calendar.from_ical(ical.calendar([event], SITE_URL, today, "x")).walk("VEVENT")[0]
        return str(vevent["URL"]), str(vevent["DESCRIPTION"]).rsplit("\n", 1)[-1]
    assert page_of(datetime.date(2026, 12, 2)) == (SITE_URL + "arrangementer/#moede",) * 2
    assert page_of(datetime.date(2026, 12, 3)) == (SITE_URL + "arrangementer/2026/#moede",) * 2


def test_event_counts_are_singular_for_one():
    assert [events_count(n) for n in (1, 2, 12)] == ["1 arrangement", "2 arrangementer", "12 arrangementer"]


# --- calendars -----------------------------------------------------------------------------

def test_every_event_has_a_calendar_file_and_there_is_one_to_subscribe_to(built_site, default_site):
    expected = {urls.event_calendar(e.id) for e in default_site.events} | {urls.EVENTS_CALENDAR}
    assert {p.relative_to(built_site).as_posix() for p in _calendars(built_site)} == expected
    subscribe = icalendar.Calendar.from_ical((built_site / urls.EVENTS_CALENDAR).read_bytes())
    assert [str(e["UID"]) for e in subscribe.walk("VEVENT")] == \
        [f"{e.id}@arbejdskraftalliancen.example" for e in default_site.upcoming_events()]


def test_every_calendar_is_valid_icalendar_with_the_event_as_the_page_shows_it(built_site, default_site):
    events = {e.id: e for e in default_site.events}
    for path in _calendars(built_site):
        raw = path.read_bytes()
        assert b"\r\n" in raw and b"\n" not in raw.replace(b"\r\n", b"")
        assert all(len(line) <= 75 for line in raw.split(b"\r\n")), path
        calendar = icalendar.Calendar.from_ical(raw)
        assert calendar["VERSION"] == "2.0" and calendar["PRODID"]
        for vevent in calendar.walk("VEVENT"):
            event = events[str(vevent["UID"]).split("@")[0]]
            assert str(vevent["SUMMARY"]) == event.title
            assert vevent.decoded("DTSTAMP").tzinfo is not None
            assert str(vevent["URL"]) == urls.absolute(SITE_URL, default_site.event_url(event))
            address, _, anchor = str(vevent["URL"]).partition("#")
            listed = _site_path(built_site, address).read_text(encoding="utf-8")
            assert elements(listed, "article", aria_labelledby=anchor) and elements(listed, id=anchor), \
                f"{path.name}: {vevent['URL']} lists no such event"
            start = vevent.decoded("DTSTART")
            if event.time is None:
                assert start == event.date and vevent.decoded("DTEND") == event.last_day + datetime.timedelta(days=1)
            else:
                assert str(start.tzinfo) == "Europe/Copenhagen" and start.date() == event.date
                assert vevent.decoded("DTEND") > start
            if event.location:
                assert str(vevent["LOCATION"]) == event.location
            if event.address:
                assert event.address.one_line() in str(vevent["LOCATION"])
            if event.registration:
                assert event.registration.removeprefix("mailto:") in str(vevent["DESCRIPTION"])


def test_calendar_times_are_danish_time_summer_and_winter():
    winter = Event(id="vinter", title="x", date=datetime.date(2027, 1, 21), time="8.30-10.00", description="x")
    summer = Event(id="sommer", title="x", date=datetime.date(2027, 6, 1), time="9.00–15.00", description="x")
    text = ical.calendar([winter, summer], SITE_URL, datetime.date(2026, 12, 1), "x")
    parsed = {str(e["UID"]): e for e in icalendar.Calendar.from_ical(text).walk("VEVENT")}
    utc = datetime.UTC
    assert parsed["vinter@arbejdskraftalliancen.example"].decoded("DTSTART").astimezone(utc).hour == 7
    assert parsed["sommer@arbejdskraftalliancen.example"].decoded("DTSTART").astimezone(utc).hour == 7
    assert parsed["sommer@arbejdskraftalliancen.example"].decoded("DTEND").astimezone(utc).hour == 13


def test_a_changed_event_gets_a_higher_sequence_and_keeps_its_uid():
    before = Event(id="moede", title="x", date=datetime.date(2027, 1, 21), description="x")
    moved = before.model_copy(update={"date": datetime.date(2027, 1, 28), "updated": datetime.date(2026, 12, 1)})
    moved_again = moved.model_copy(update={"updated": datetime.date(2026, 12, 15)})
    assert ical.sequence(before) == 0 < ical.sequence(moved) < ical.sequence(moved_again)
    assert ical.uid(before, SITE_URL) == ical.uid(moved, SITE_URL) == "moede@arbejdskraftalliancen.example"


def test_texts_are_escaped_and_long_lines_folded_inside_no_character():
    event = Event(id="x", title="Møde; rekruttering, fastholdelse\\ og æøå " * 2, date=datetime.date(2027, 1, 1),
                  description="Linje 1\nLinje 2", place="Næstved, Rådhuset")
    text = ical.calendar([event], SITE_URL, datetime.date(2026, 12, 1), "x")
    assert all(len(line.encode("utf-8")) <= 75 for line in text.split("\r\n"))
    parsed = icalendar.Calendar.from_ical(text).walk("VEVENT")[0]
    assert str(parsed["SUMMARY"]) == event.title and str(parsed["LOCATION"]) == event.place
    assert str(parsed["DESCRIPTION"]).startswith("Linje 1\nLinje 2")


def test_a_calendar_event_carries_the_address_and_where_to_sign_up_by_when():
    event = Event(id="x", title="Morgenmøde", date=datetime.date(2027, 1, 21), description="Kom.",
                  place="Holbæk Bibliotek", registration="tilmelding@holbaek.example",
                  registration_deadline=datetime.date(2027, 1, 18),
                  address={"street": "Klostergade 15", "postcode": "4300", "town": "Holbæk"})
    parsed = icalendar.Calendar.from_ical(ical.calendar([event], SITE_URL, datetime.date(2026, 12, 1), "x"))
    vevent = parsed.walk("VEVENT")[0]
    assert str(vevent["LOCATION"]) == "Holbæk Bibliotek, Klostergade 15, 4300 Holbæk"
    assert "Tilmelding (senest 2027-01-18): tilmelding@holbaek.example" in str(vevent["DESCRIPTION"])
    assert str(vevent["URL"]) == urls.absolute(SITE_URL, "arrangementer/#x")


def test_the_events_page_offers_subscribe_and_download_and_links_each_year_of_past_events(built_site, default_site):
    html = page(built_site, urls.EVENTS)
    hrefs = [a["href"] for a in elements(html, "a", href="*")]
    assert "webcal://arbejdskraftalliancen.example/arrangementer/kalender.ics" in hrefs
    assert "https://arbejdskraftalliancen.example/arrangementer/kalender.ics" in html
    assert [e["id"] for e in elements(html, "h3", id="*")] == [e.id for e in default_site.upcoming_events()]
    for event in default_site.upcoming_events():
        assert f"{event.id}.ics" in hrefs
    years = default_site.past_events_by_year()
    assert years and 'id="tidligere"' in html
    archive = [h for h in hrefs if re.fullmatch(r"\d{4}/", h)]
    assert archive == [f"{year}/" for year, _events in years], "one link per year, newest first"
    assert "Abonnér" in html and "Føj til kalender" in html


def test_each_year_of_past_events_has_its_page_reached_from_the_events_page(built_site, default_site):
    for year, past in default_site.past_events_by_year():
        html = page(built_site, urls.events_year(year))
        assert f"<h1>Tidligere arrangementer i {year}</h1>" in html
        assert [a["aria-labelledby"] for a in elements(html, "article", aria_labelledby="*")] == [e.id for e in past]
        hrefs = [a["href"] for a in elements(html, "a", href="*")]
        assert "../" in hrefs and all(f"../{e.id}.ics" in hrefs for e in past)
        assert {f"../{other}/" for other, _ in default_site.past_events_by_year() if other != year} <= set(hrefs)
    listed = {urls.events_year(year) for year, _ in default_site.past_events_by_year()}
    built = {p.parent.relative_to(built_site).as_posix() + "/"
             for p in (built_site / urls.EVENTS).glob("*/index.html")}
    assert built == listed


# --- two builds, other hosts ---------------------------------------------------------------

@pytest.fixture(scope="module")
def second_build(tmp_path_factory) -> Path:
    """Another build of the default site, with the default address like `built_site` (a browser
    fixture of the same session may have set SITE_URL to its test server)."""
    out = tmp_path_factory.mktemp("second")
    with pytest.MonkeyPatch.context() as env:
        env.delenv("SITE_URL", raising=False)
        result = build_site(ROOT, out)
    assert result.returncode == 0, result.stderr[-3000:]
    return out


def test_entry_ids_and_uids_are_stable_across_builds(built_site, second_build):
    for feed in _feeds(built_site):
        first = [e.id for e in feedparser.parse(feed.read_bytes()).entries]
        again = [e.id for e in feedparser.parse((second_build / feed.relative_to(built_site)).read_bytes()).entries]
        assert first == again
    for path in _calendars(built_site):
        assert path.read_bytes() == (second_build / path.relative_to(built_site)).read_bytes()


def test_headers_give_feeds_and_calendars_their_content_types(built_site):
    headers = (built_site / "_headers").read_text(encoding="utf-8")
    rules = dict(re.findall(r"^(/\S+)\n  Content-Type: (.+)$", headers, re.MULTILINE))
    for feed in _feeds(built_site):
        assert rules["/" + feed.relative_to(built_site).as_posix()] == "application/atom+xml; charset=utf-8"
    for calendar in _calendars(built_site):
        assert rules["/" + calendar.relative_to(built_site).as_posix()] == "text/calendar; charset=utf-8"


def test_the_menu_leaves_out_sections_an_alliance_does_not_have():
    nav = [{"Forside": "index.md"}, {"Nyheder": "nyheder/index.md"}, {"Arrangementer": "arrangementer/index.md"},
           {"Mere": [{"Om": "om.md"}, {"Klynger": "klynger/index.md"}]}, {"Skrevet forkert": "nyhed/index.md"}]
    assert prune_nav(nav, {"index.md", "nyheder/index.md"}) == [
        {"Forside": "index.md"}, {"Nyheder": "nyheder/index.md"}, {"Mere": [{"Om": "om.md"}]},
        {"Skrevet forkert": "nyhed/index.md"}]


# --- the web editor -----------------------------------------------------------------------

def test_news_is_a_folder_collection_in_the_web_editor(built_site):
    config = yaml.safe_load((built_site / "admin" / "config.yml").read_text(encoding="utf-8"))
    news = next(c for c in config["collections"] if c["name"] == "news")
    assert news["folder"] == "data/nyheder" and news["extension"] == "yaml" and news["format"] == "yaml"
    assert news["create"] is True and news["slug"] == "{{fields.id}}"
    assert news["media_folder"] == "/data/nyheder/billeder" and news["public_folder"] == "nyheder/billeder"
    fields = {f["name"]: f for f in news["fields"]}
    assert set(fields) == set(NewsItem.model_fields)
    assert fields["topics"]["widget"] == "relation" and fields["topics"]["multiple"] is True
    image = {f["name"]: f for f in fields["image"]["fields"]}
    assert image["file"]["widget"] == "image" and image["alt"].get("required", True) is True
    assert fields["date"]["widget"] == "datetime" and fields["body"]["widget"] == "markdown"
    # The files' collections are what they were, each still a collection of one file.
    assert all("files" in c for c in config["collections"] if c["name"] != "news")


def test_every_news_file_is_stored_in_the_editors_style():
    import subprocess
    import sys
    folders = [ROOT / "data", *sorted((ROOT / "examples").glob("*/data"))]
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "format_data.py"), "--check", *map(str, folders)],
                            capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr


# --- structured data -----------------------------------------------------------------------

def _json_ld(html: str) -> dict:
    import json
    return json.loads(found(r'<script type="application/ld\+json">(.*?)</script>', html, re.DOTALL).group(1))


def test_news_items_and_events_carry_schema_org_data(built_site, default_site):
    item = default_site.news[0]
    article = _json_ld(page(built_site, urls.news(item.id)))
    assert article["@type"] == "NewsArticle" and article["headline"] == item.title
    assert article["datePublished"] == item.date.isoformat()
    listing = _json_ld(page(built_site, urls.EVENTS))
    events = [element["item"] for element in listing["itemListElement"]]
    assert [e["name"] for e in events] == [e.title for e in default_site.upcoming_events()]
    timed = next(e for e in default_site.upcoming_events() if e.time)
    assert next(e for e in events if e["name"] == timed.title)["startDate"].startswith(f"{timed.date.isoformat()}T")


def _png(width: int, height: int) -> bytes:
    """A small valid PNG of one colour, made here (no image files in the repository)."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    rows = b"".join(b"\x00" + b"\x0b\x5a\x6b" * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


def test_a_news_picture_is_copied_and_shown_with_its_alt_text(data_copy, tmp_path):
    item = data_copy / "data" / "nyheder" / "ny-faelles-hjemmeside.yaml"
    (data_copy / "data" / "nyheder" / "billeder").mkdir()
    (data_copy / "data" / "nyheder" / "billeder" / "forside.png").write_bytes(_png(32, 18))
    item.write_text(item.read_text(encoding="utf-8") + "image:\n  file: nyheder/billeder/forside.png\n"
                    "  alt: Forsiden af den fælles hjemmeside\n", encoding="utf-8")
    out = tmp_path / "out"
    result = build_site(data_copy, out)
    assert result.returncode == 0, result.stderr[-3000:]
    html = page(out, urls.news("ny-faelles-hjemmeside"))
    image = elements(html, "img", **{"class": "al-news__image"})[0]
    assert image["src"] == "billede.png" and image["alt"] == "Forsiden af den fælles hjemmeside"
    assert (out / "nyheder" / "ny-faelles-hjemmeside" / "billede.png").read_bytes() == _png(32, 18)
