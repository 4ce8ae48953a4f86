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

from alliance_site import ical, urls
from alliance_site.model import Event, NewsItem
from alliance_mkdocs.page_files import prune_nav
from alliance_site.pages import NEWS_PER_PAGE, build_pages, news_pages
from alliance_site.site import Site
from htmlscan import elements, page
from sitebuild import ROOT, build_site

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


def test_the_news_page_says_what_a_feed_is_and_links_it_visibly(built_site):
    html = page(built_site, urls.NEWS)
    assert "Følg med" in html and "feedlæser" in html
    assert any(a["href"] == "feed.xml" for a in elements(html, "a", href="*"))


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
                       list(default_site.topics), default_site.data_dir, news=list(items))
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
    assert 'href="../../nyheder/region-sjaelland-stoetter-udvidelsen/"' in holbaek


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
            assert vevent["DTSTAMP"].dt.tzinfo is not None
            assert str(vevent["URL"]) == urls.absolute(SITE_URL, urls.event(event.id))
            assert _site_path(built_site, str(vevent["URL"]).split("#")[0]).is_file()
            start = vevent["DTSTART"].dt
            if event.time is None:
                assert start == event.date and vevent["DTEND"].dt == event.last_day + datetime.timedelta(days=1)
            else:
                assert str(start.tzinfo) == "Europe/Copenhagen" and start.date() == event.date
                assert vevent["DTEND"].dt > start
            if event.place:
                assert str(vevent["LOCATION"]) == event.place


def test_calendar_times_are_danish_time_summer_and_winter():
    winter = Event(id="vinter", title="x", date=datetime.date(2027, 1, 21), time="8.30-10.00", description="x")
    summer = Event(id="sommer", title="x", date=datetime.date(2027, 6, 1), time="9.00–15.00", description="x")
    text = ical.calendar([winter, summer], SITE_URL, datetime.date(2026, 12, 1), "x")
    parsed = {str(e["UID"]): e for e in icalendar.Calendar.from_ical(text).walk("VEVENT")}
    utc = datetime.timezone.utc
    assert parsed["vinter@arbejdskraftalliancen.example"]["DTSTART"].dt.astimezone(utc).hour == 7
    assert parsed["sommer@arbejdskraftalliancen.example"]["DTSTART"].dt.astimezone(utc).hour == 7
    assert parsed["sommer@arbejdskraftalliancen.example"]["DTEND"].dt.astimezone(utc).hour == 13


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


def test_the_events_page_offers_subscribe_and_download_and_keeps_past_events(built_site, default_site):
    html = page(built_site, urls.EVENTS)
    hrefs = [a["href"] for a in elements(html, "a", href="*")]
    assert "webcal://arbejdskraftalliancen.example/arrangementer/kalender.ics" in hrefs
    assert "https://arbejdskraftalliancen.example/arrangementer/kalender.ics" in html
    for event in default_site.events:
        assert f"{event.id}.ics" in hrefs
    assert default_site.past_events() and 'id="tidligere"' in html
    assert "Abonnér" in html and "Føj til kalender" in html


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
    return json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.DOTALL).group(1))


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
