"""The consultant finder's data: every consultant once, in the compact shape its script renders.

The finder page fetches this one file when a visitor first reaches for the form (focus, touch or
click), so every later choice of cluster, municipality or topic is answered in the browser
without another request. About 80 KB gzip for 2,000 consultants, against one request per
municipality chosen before. Addresses are paths from the site root; the script joins them to
the page's relative link to the root, so the cards link exactly as the server-rendered ones do.
"""

from __future__ import annotations

from alliance_site.data.site import ConsultantEntry, Site
from alliance_site.publish import urls
from alliance_site.publish.api import compact_json
from alliance_site.publish.contact import alliance_point, finder_contact, reach


def finder_data(site: Site) -> dict:
    """Topics, employers and consultants, and whom to contact when none fits (per municipality,
    and the alliance for a cluster); a consultant names its employer by index. The `tel:`
    link and the vCard's address are left for the script to derive (tel_uri and
    Employer.vcard_url): they were a quarter of the file's gzip size at national scale."""
    employers = site.employers()
    employer_index = {employer.page_url: index for index, employer in enumerate(employers)}
    served = site.municipalities_served()
    return {
        "topics": {t.id: {"title": t.title, "page": urls.topic(t.id)} for t in site.topics},
        "employers": [{"name": e.name, "page": e.page_url} for e in employers],
        "consultants": [_consultant(entry, employer_index[entry.employer.page_url], served.get(entry.url, []))
                        for entry in site.all_consultants()],
        # Whom to contact where the finder finds no consultant: no dead end (contact.reach).
        "contacts": {m.id: finder_contact(reach(site, m)) for m in site.municipalities},
        # How the status line names the municipality chosen ('Næstved Kommune'): Municipality.full_name.
        "municipalities": {m.id: m.full_name for m in site.municipalities},
        "alliance": finder_contact(alliance_point(site)),
    }


def _consultant(entry: ConsultantEntry, employer: int, municipalities: list[str]) -> dict:
    consultant = entry.consultant
    item = {"id": consultant.id, "name": consultant.name, "title": consultant.title, "employer": employer,
            "phone": consultant.phone, "email": consultant.email, "municipalities": municipalities,
            "topics": list(consultant.topics)}
    if consultant.photo:
        item["photo"] = urls.photo(consultant.id, consultant.photo)
    if consultant.languages:
        item["languages"] = list(consultant.languages)
    return item


def finder_file(site: Site) -> tuple[str, str]:
    """The data file's path from the site root, and its compact JSON."""
    return urls.FINDER_DATA, compact_json(finder_data(site))
