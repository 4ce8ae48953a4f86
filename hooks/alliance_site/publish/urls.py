"""The site's URL scheme in one place, and relative links between pages.

Links are relative so the site works under any base path (GitHub Pages project sites, Netlify
previews, a file opened from disk) without knowing where it will be hosted.
"""

from __future__ import annotations

import posixpath
from urllib.parse import urlencode

HOME = ""
TOPICS = "emner/"
MUNICIPALITIES = "kommuner/"
PARTNERS = "partnere/"
FINDER = "find-konsulent/"
MEMBERS = "medlemmer/"
EFFORTS = "indsatser/"
CLUSTERS = "klynger/"
EVENTS = "arrangementer/"
FINDER_DATA = "find-konsulent/konsulenter.json"
NEWS = "nyheder/"
NEWS_FEED = "nyheder/feed.xml"
# What a feed is and every feed of the site, on one page the feed links point to. Not under
# nyheder/, where a news item could take the same address.
FOLLOW = "foelg-med/"
EVENTS_CALENDAR = "arrangementer/kalender.ics"
# The guide: its first question, then one page per path through the follow-up questions
# (guide/<need>/<answer>/.../), which ends in the place step of a topic; the result of the guide
# is one page per topic and municipality (hjaelp/<topic>/<municipality>/).
GUIDE = "guide/"
HELP = "hjaelp/"
# Pages written by hand in the alliance's docs/ that every page's footer or the 404 page links.
PRIVACY = "privatlivspolitik/"
ACCESSIBILITY = "tilgaengelighed/"
ABOUT = "om-alliancen/"


def id_below(section: str, url: str) -> str | None:
    """The id in a page URL one level below `section`: ('kommuner/', 'kommuner/faxe/') -> 'faxe'."""
    rest = url.removeprefix(section) if url.startswith(section) else ""
    return rest[:-1] if rest.endswith("/") and "/" not in rest[:-1] and len(rest) > 1 else None


def topic(topic_id: str) -> str:
    return f"{TOPICS}{topic_id}/"


def municipality(municipality_id: str) -> str:
    return f"{MUNICIPALITIES}{municipality_id}/"


def member(member_id: str) -> str:
    return f"{MEMBERS}{member_id}/"


def effort(effort_id: str) -> str:
    return f"{EFFORTS}{effort_id}/"


def cluster(cluster_id: str) -> str:
    return f"{CLUSTERS}{cluster_id}/"


def consultant(municipality_id: str, consultant_id: str) -> str:
    return f"{municipality(municipality_id)}#{consultant_id}"


def vcard(employer_page: str, consultant_id: str) -> str:
    """A consultant's vCard, beside their employer's page (the finder's script does the same)."""
    return f"{employer_page}{consultant_id}.vcf"


def photo(consultant_id: str, photo_path: str) -> str:
    return f"fotos/{consultant_id}{posixpath.splitext(photo_path)[1].lower()}"


def partner_type(type_value: str) -> str:
    """The page with the cards of one partner type; /partnere/ itself is the overview."""
    return f"{PARTNERS}{type_value}/"


def partner(partner_id: str, type_value: str) -> str:
    return f"{partner_type(type_value)}#{partner_id}"


def news(news_id: str) -> str:
    return f"{NEWS}{news_id}/"


def news_page(number: int) -> str:
    """Page `number` of the news list: /nyheder/, then /nyheder/side/2/, ... (stable as items
    are added: page n always holds the items n*20-19 to n*20, newest first)."""
    return NEWS if number == 1 else f"{NEWS}side/{number}/"


def news_image(news_id: str, image_path: str) -> str:
    return f"{news(news_id)}billede{posixpath.splitext(image_path)[1].lower()}"


def topic_feed(topic_id: str) -> str:
    return f"{topic(topic_id)}feed.xml"


def events_year(year: int) -> str:
    """The archive page of one year's past events: /arrangementer/2025/."""
    return f"{EVENTS}{year}/"


def event(event_id: str, past_year: int | None = None) -> str:
    """Where an event is listed: the events page while it is upcoming, the archive page of the
    year it started in once it is over (Site.event_url decides which, by the build's date)."""
    return f"{EVENTS if past_year is None else events_year(past_year)}#{event_id}"


def event_calendar(event_id: str) -> str:
    return f"{EVENTS}{event_id}.ics"


def map_search(address: str) -> str:
    """A plain link that opens an address in OpenStreetMap's search: nothing is loaded from it
    on the site's own pages."""
    return "https://www.openstreetmap.org/search?" + urlencode({"query": address})


def logo(logo_path: str) -> str:
    return f"assets/images/alliance-logo{posixpath.splitext(logo_path)[1].lower()}"


BRAND_STYLESHEET = "assets/stylesheets/alliance-brand.css"
# The site's own stylesheet and scripts (overrides/assets/), which the page frame (main.html) links.
STYLESHEET = "assets/stylesheets/alliance.css"
SCRIPT = "assets/javascripts/alliance.js"
MATERIAL_REQUESTS_SCRIPT = "assets/javascripts/material-requests.js"
PALETTE_TOGGLE_SCRIPT = "assets/javascripts/palette-toggle.js"


def absolute(site_url: str, url: str) -> str:
    """A site path as a full address under `site_url` (feeds and calendars are read elsewhere)."""
    return site_url.rstrip("/") + "/" + url


def site_path(site_url: str, url: str) -> str:
    """A site path as an absolute path on the host ('/alliance/assets/...' for a project site),
    for what must name a file the same way from every page (the web editor's logo)."""
    base = site_url.split("://", 1)[-1].partition("/")[2].strip("/")
    return "/" + (f"{base}/" if base else "") + url


def webcal(address: str) -> str:
    """The subscribe form of a calendar's https address: calendar programs open webcal:// links."""
    return "webcal://" + address.split("://", 1)[1]


def host(site_url: str) -> str:
    return site_url.split("://", 1)[-1].split("/", 1)[0].split(":", 1)[0]


def finder(municipality_id: str | None = None, topic_id: str | None = None, cluster_id: str | None = None) -> str:
    query = {k: v for k, v in (("klynge", cluster_id), ("kommune", municipality_id), ("emne", topic_id)) if v}
    return FINDER + (f"?{urlencode(query)}" if query else "")


def guide_step(path: tuple[str, ...]) -> str:
    """The guide's step after the answers in `path` (the need's topic id, then answer slugs):
    a follow-up question or the place step."""
    return GUIDE + "".join(f"{segment}/" for segment in path)


def guide_postcode(place_step: str, postcode: str) -> str:
    """The place step's choice between the municipalities that share `postcode`."""
    return f"{place_step}postnummer/{postcode}/"


def help_page(topic_id: str, municipality_id: str) -> str:
    """What a company in the municipality gets for the topic, and who to call first."""
    return f"{HELP}{topic_id}/{municipality_id}/"


def _relpath(target: str, start_dir: str) -> str:
    """posixpath.relpath for site paths, without its os.getcwd() call per link (a national
    build makes ~50,000 links)."""
    target_parts = [p for p in target.split("/") if p and p != "."]
    start_parts = [p for p in start_dir.split("/") if p and p != "."]
    common = 0
    while common < min(len(target_parts), len(start_parts)) and target_parts[common] == start_parts[common]:
        common += 1
    return "/".join([".."] * (len(start_parts) - common) + target_parts[common:]) or "."


def relative(from_url: str, to_url: str) -> str:
    """Link from the page at `from_url` to `to_url`, both site-relative ('kommuner/faxe/')."""
    path, hash_sep, fragment_id = to_url.partition("#")
    path, query_sep, query = path.partition("?")
    from_dir = from_url if from_url.endswith("/") or not from_url else posixpath.dirname(from_url) + "/"
    rel = _relpath(path, from_dir)
    if rel == ".":
        rel = "./"
    elif path.endswith("/") or not path:
        rel += "/"
    return rel + query_sep + query + hash_sep + fragment_id
