"""What other programs read: the Atom feeds of the news and the iCalendar files of the events,
as AssetSpecs for the build, and the feeds a page names in its <head>. Pure, like pages.py.

Their links are full addresses under `site_url` (a feed reader or a calendar is not on the
site); ical.py writes the calendars, the template hooks/alliance_site/publish/templates/feed.xml the feeds.
"""

from __future__ import annotations

from alliance_site.data.model import NewsItem
from alliance_site.data.site import Site
from alliance_site.publish import ical, urls
from alliance_site.publish.specs import AssetSpec

FEED_TEMPLATE = "feed.xml"
# A feed holds the latest items: feed readers fetch it again and again, and keep what they saw.
FEED_ENTRIES = 50


def page_feeds(site: Site, page_url: str) -> list[dict[str, str]]:
    """The feeds a page announces in its <head>: all news, and a topic page's own."""
    if not site.has_news:
        return []
    feeds = [{"title": f"Nyheder fra {site.alliance.name}", "url": urls.NEWS_FEED}]
    topic_id = urls.id_below(urls.TOPICS, page_url)
    topic = site.topic(topic_id) if topic_id else None
    if topic is not None:
        feeds.append({"title": f"{topic.title}: nyheder fra {site.alliance.name}", "url": urls.topic_feed(topic.id)})
    return feeds


def feed_assets(site: Site, site_url: str) -> list[AssetSpec]:
    """Atom feeds: every news item, and one per topic (also for a topic with no news yet, so
    a company can follow it before the first item)."""
    if not site.news:
        return []
    newest = max(n.updated or n.date for n in site.news)

    def feed(path: str, title: str, page: str, items: tuple[NewsItem, ...] | list[NewsItem]) -> AssetSpec:
        return AssetSpec(path, FEED_TEMPLATE, {
            "site": site, "site_url": site_url, "title": title, "self_url": urls.absolute(site_url, path),
            "page_url": urls.absolute(site_url, page), "host": urls.host(site_url),
            "base_path": "/" + site_url.split("://", 1)[-1].partition("/")[2], "items": items,
            "updated": max((n.updated or n.date for n in items), default=newest)})
    return [feed(urls.NEWS_FEED, f"Nyheder fra {site.alliance.name}", urls.NEWS, site.news[:FEED_ENTRIES]),
            *(feed(urls.topic_feed(t.id), f"{t.title}: nyheder fra {site.alliance.name}", urls.topic(t.id),
                   site.news_for_topic(t.id)[:FEED_ENTRIES]) for t in site.topics)]


def calendar_assets(site: Site, site_url: str) -> list[AssetSpec]:
    """One .ics per event, and the subscription calendar of every upcoming event."""
    if not site.events:
        return []
    name = f"Arrangementer i {site.alliance.name}"
    return [*(AssetSpec(urls.event_calendar(e.id), content=ical.calendar([e], site_url, site.today, e.title))
              for e in site.events),
            AssetSpec(urls.EVENTS_CALENDAR,
                      content=ical.calendar(site.upcoming_events(), site_url, site.today, name, subscribe=True))]
