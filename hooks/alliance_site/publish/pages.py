"""Map a Site to the pages and files of the website: pure functions, no MkDocs, no HTML.

Each page is a PageSpec: its URL, its title, which body template renders it and the data that
template gets. Editor-written Markdown (topic bodies, the alliance description) travels as
`markdown` so the site engine renders it with the site's Markdown settings before the template
wraps it (hooks/alliance_mkdocs/page_files.py makes the Markdown file MkDocs reads).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from alliance_site.data.model import Member, Municipality, NewsItem, Topic
from alliance_site.data.site import Site, member_employer
from alliance_site.data.text import counted
from alliance_site.publish import urls
from alliance_site.publish.contact import reach, reachable
from alliance_site.publish.feeds import calendar_assets, feed_assets
from alliance_site.publish.guide import needs
from alliance_site.publish.guide_pages import guide_pages, help_pages
from alliance_site.publish.specs import AssetSpec, PageSpec

# Feeds and calendars are read by other programs, so their links are full addresses; pages
# use this when the build is not told its address (tests, `python -m alliance_site`).
DEFAULT_SITE_URL = "https://arbejdskraftalliancen.example/"
# What a topic or municipality page shows of the news and events that concern it.
RELATED_NEWS = 5
RELATED_EVENTS = 5


_SITE_LINK = re.compile(r"(\]\(\s*<?)/(?!/)([^)\s>]*)")


def site_links_relative(markdown: str, page_url: str) -> str:
    """Editors link to pages by their address on the site ('/emner/delejob/'); make such links
    relative to the page so the site works under any base path."""
    return _SITE_LINK.sub(lambda m: m.group(1) + urls.relative(page_url, m.group(2)), markdown)


def site_links_absolute(markdown: str, site_url: str) -> str:
    """Links to pages of the site ('/emner/delejob/') as full addresses, for text read away from
    the site (a feed)."""
    base = site_url.rstrip("/")
    return _SITE_LINK.sub(lambda m: f"{m.group(1)}{base}/{m.group(2)}", markdown)


def _home(site: Site) -> PageSpec:
    return PageSpec(urls.HOME, site.alliance.name, site.alliance.tagline, "alliance/home.html",
                    {"site": site, "news": site.news[:3], "events": site.upcoming_events()[:3],
                     "needs": needs(site)},
                    markdown=site.alliance.description)


def _topic_index(site: Site) -> PageSpec:
    return PageSpec(urls.TOPICS, "Emner", f"Det kan {site.alliance.name} hjælpe virksomheder med.",
                    "alliance/topics.html", {"site": site})


def _employer_labels(site: Site) -> dict[str, str]:
    labels = {m.id: municipality_title(m) for m in site.municipalities}
    labels.update({m.id: m.name for m in site.members})
    return labels


# More consultants than this on a topic page, and it lists municipalities with how many
# consultants each has for the topic, linked to the finder, instead of every name: a national
# topic has ~600, which made a 128 KB page that kept a phone busy for a third of a second. The
# templates use the same limit (as LONG_LIST) for the partner lists of municipality and topic pages.
LONG_LIST = 24


def _topic(site: Site, topic: Topic) -> PageSpec:
    groups = site.consultants_for_topic_by_employer(topic.id)
    long_list = sum(len(entries) for _employer, entries in groups) > LONG_LIST
    context = {"site": site, "topic": topic,
               "groups": [] if long_list else groups,
               "municipality_counts": [(m.id, m.name, count) for m, count in site.topic_counts_by_municipality(topic.id)]
               if long_list else [],
               "employer_labels": _employer_labels(site),
               "efforts": site.efforts_for_topic(topic.id),
               "partners": site.partners_for_topic(topic.id),
               "news": site.news_for_topic(topic.id)[:RELATED_NEWS],
               "events": site.upcoming_events_for(topic_id=topic.id)[:RELATED_EVENTS],
               "feed": urls.topic_feed(topic.id) if site.news else None}
    return PageSpec(urls.topic(topic.id), topic.title, topic.summary, "alliance/topic.html", context,
                    markdown=topic.body, search_words=tuple(topic.words))


def _municipality_index(site: Site) -> PageSpec:
    return PageSpec(urls.MUNICIPALITIES, "Kommuner",
                    f"Kommunerne i {site.alliance.name} og deres erhvervsservice.",
                    "alliance/municipalities.html", {"site": site})


def municipality_title(municipality: Municipality) -> str:
    return municipality.full_name


def _municipality(site: Site, municipality: Municipality) -> PageSpec:
    entries = site.consultants_serving(municipality.id)
    context = {"site": site, "municipality": municipality, "entries": entries,
               "cluster": site.cluster_of(municipality), "contact": reach(site, municipality),
               "contact_is_service": reachable(municipality),
               "partner_groups": site.partners_by_type(site.partners_serving(municipality.id)),
               "news": site.news_for_municipality(municipality.id)[:RELATED_NEWS],
               "events": site.upcoming_events_for(municipality_id=municipality.id)[:RELATED_EVENTS]}
    description = (f"Kontakt {municipality.business_service.name} og "
                   f"{len(entries)} konsulenter i {municipality_title(municipality)}.")
    return PageSpec(urls.municipality(municipality.id), municipality_title(municipality), description,
                    "alliance/municipality.html", context,
                    search_words=(*municipality.towns, *municipality.postcodes))


def _member(site: Site, member: Member) -> PageSpec:
    entries = site.consultants_of(member_employer(member))
    return PageSpec(urls.member(member.id), member.name, member.description, "alliance/member.html",
                    {"site": site, "member": member, "entries": entries})


# Up to this many partners, the overview also shows each one's description: a regional
# alliance's 50 partners read well on one page; a national 500 would make it heavy on a phone.
DESCRIBED_PARTNERS_LIMIT = 100


def _partners(site: Site) -> list[PageSpec]:
    """An overview of every partner by name, grouped and filterable, and one page of cards per
    type: one page of 500 cards weighed 690 KB, too much for a phone."""
    groups = site.partners_by_type()
    overview = PageSpec(urls.PARTNERS, "Partnere",
                        f"{len(site.partners)} offentlige og private aktører i netværket omkring {site.alliance.name}.",
                        "alliance/partners.html",
                        {"site": site, "groups": groups,
                         "described": len(site.partners) <= DESCRIBED_PARTNERS_LIMIT})
    return [overview, *(PageSpec(urls.partner_type(kind.value), kind.label,
                                 f"{kind.label} i netværket omkring {site.alliance.name}.",
                                 "alliance/partner-type.html", {"site": site, "kind": kind, "partners": partners})
                        for kind, partners in groups)]


def _finder(site: Site) -> PageSpec:
    return PageSpec(urls.FINDER, "Find en konsulent",
                    "Vælg din kommune og dit emne, og se hvem du kan ringe til.",
                    "alliance/finder.html", {"site": site})


def _efforts(site: Site) -> list[PageSpec]:
    if not site.efforts:
        return []
    index = PageSpec(urls.EFFORTS, "Indsatser", f"Indsatserne i {site.alliance.name}: mål, parter og status.",
                     "alliance/efforts.html", {"site": site})
    return [index, *(PageSpec(urls.effort(e.id), e.title, e.summary, "alliance/effort.html",
                              {"site": site, "effort": e}, markdown=e.body or "") for e in site.efforts)]


def _clusters(site: Site) -> list[PageSpec]:
    clusters = site.alliance.clusters
    if not clusters:
        return []
    index = PageSpec(urls.CLUSTERS, "Klynger", f"De regionale klynger i {site.alliance.name}.",
                     "alliance/clusters.html", {"site": site})
    return [index, *(PageSpec(urls.cluster(c.id), c.name, c.description or f"Kommunerne i klyngen {c.name}.",
                              "alliance/cluster.html", {"site": site, "cluster": c,
                                                        "municipalities": site.municipalities_in(c)})
                     for c in clusters)]


@dataclass(frozen=True)
class ArchiveYear:
    """A link to one year's page of past events, as the events pages list them."""

    year: int
    url: str
    count: str  # '12 arrangementer'


def events_count(n: int) -> str:
    return counted(n, "arrangement", "arrangementer")


def _events(site: Site, site_url: str) -> list[PageSpec]:
    """The upcoming events, with links to one archive page per year of past events: the past
    events on the events page itself grew it without end (about 1 KB each)."""
    if not site.events:
        return []
    calendar = urls.absolute(site_url, urls.EVENTS_CALENDAR)
    years = site.past_events_by_year()
    archive = [ArchiveYear(year, urls.events_year(year), events_count(len(events))) for year, events in years]
    events = PageSpec(urls.EVENTS, "Arrangementer", f"Arrangementer i {site.alliance.name}.",
                      "alliance/events.html", {"site": site, "upcoming": site.upcoming_events(),
                                               "archive": archive, "calendar_url": calendar,
                                               "webcal_url": urls.webcal(calendar)})
    return [events, *(PageSpec(urls.events_year(year), f"Tidligere arrangementer i {year}",
                               f"Arrangementer i {site.alliance.name} i {year}, som er forbi.",
                               "alliance/events-year.html",
                               {"site": site, "year": year, "events": past,
                                "year_pages": [(a.year, a.url) for a in archive]})
                      for year, past in years)]


NEWS_PER_PAGE = 20


def news_pages(items: tuple[NewsItem, ...]) -> list[tuple[int, tuple[NewsItem, ...]]]:
    """(page number, its items), newest first, NEWS_PER_PAGE to a page."""
    return [(1 + start // NEWS_PER_PAGE, items[start:start + NEWS_PER_PAGE])
            for start in range(0, len(items), NEWS_PER_PAGE)]


def _news(site: Site) -> list[PageSpec]:
    if not site.news:
        return []
    pages = news_pages(site.news)
    lists = [PageSpec(urls.news_page(number), "Nyheder" if number == 1 else f"Nyheder, side {number}",
                      f"Nyt fra {site.alliance.name}" + ("." if number == 1 else f", side {number} af {len(pages)}."),
                      "alliance/news.html", {"site": site, "items": items, "number": number,
                                             "pages": [(n, urls.news_page(n)) for n, _ in pages]})
             for number, items in pages]
    follow = PageSpec(urls.FOLLOW, "Følg med i nyhederne",
                      f"Få nyheder fra {site.alliance.name} i din feedlæser.", "alliance/follow.html",
                      {"site": site, "topics": site.topics})
    return [*lists, follow, *(PageSpec(urls.news(item.id), item.title, item.summary, "alliance/news-item.html",
                                       {"site": site, "item": item}, markdown=item.body)
                              for item in site.news)]


def build_pages(site: Site, site_url: str = DEFAULT_SITE_URL) -> list[PageSpec]:
    """Every generated page, in a stable order; optional sections only when their data exists."""
    return [_home(site), _topic_index(site), *(_topic(site, t) for t in site.topics),
            _municipality_index(site), *(_municipality(site, m) for m in site.municipalities),
            *(_member(site, m) for m in site.members), *_partners(site), _finder(site),
            *_efforts(site), *_clusters(site), *_events(site, site_url), *_news(site),
            *guide_pages(site), *help_pages(site)]


# Sections whose pages exist only when their data does; the shared mkdocs.yml lists news and
# events, and an alliance without them simply does not get those menu entries.
# Sections an alliance may lack (no news, no events, ...): their menu entries go when they have no page.
OPTIONAL_SECTIONS = (urls.NEWS, urls.EVENTS, urls.EFFORTS, urls.CLUSTERS)


def logo_assets(site: Site) -> list[AssetSpec]:
    """The logo, copied from data/. (The stylesheet of the brand colour is the theme's:
    hooks/alliance_mkdocs/palette.py.)"""
    logo = site.alliance.logo
    return [AssetSpec(urls.logo(logo.file), source_path=site.data_dir / logo.file)] if logo else []


def build_assets(site: Site, site_url: str = DEFAULT_SITE_URL) -> list[AssetSpec]:
    """vCards and photos, then news pictures, feeds, calendars and the logo."""
    assets: list[AssetSpec] = []
    for employer in site.employers():
        for entry in site.consultants_of(employer):
            consultant = entry.consultant
            assets.append(AssetSpec(employer.vcard_url(consultant.id), "vcard.vcf",
                                    {"site": site, "entry": entry, "consultant": consultant}))
            if consultant.photo:
                assets.append(AssetSpec(urls.photo(consultant.id, consultant.photo),
                                        source_path=site.data_dir / consultant.photo))
    for item in site.news:
        if item.image:
            assets.append(AssetSpec(urls.news_image(item.id, item.image.file),
                                    source_path=site.data_dir / item.image.file))
    return [*assets, *feed_assets(site, site_url), *calendar_assets(site, site_url), *logo_assets(site)]
