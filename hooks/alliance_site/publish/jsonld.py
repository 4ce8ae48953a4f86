"""schema.org structured data (JSON-LD) for the municipality, member, partner, news and events pages.

Search engines and assistants read these to show the right phone number for the right office.
Only work contact data that the page itself shows goes in; languages go in as BCP 47 codes
(languages.py), while the pages show their Danish names. The dicts are serialised by the
template (Jinja's `tojson`, which escapes <, >, & and ' so no value can end the <script>).
"""

from __future__ import annotations

from typing import Any

from alliance_site.data.fields import parse_time_span
from alliance_site.data.languages import schema_org_languages
from alliance_site.data.model import Event, Member, Municipality, NewsItem, Partner, PartnerType
from alliance_site.data.site import ConsultantEntry, Site, member_employer, municipality_employer
from alliance_site.publish import urls

CONTEXT = "https://schema.org"
_PARTNER_TYPES = {PartnerType.JOBCENTRE: "GovernmentOrganization",
                  PartnerType.PROGRAMME: "GovernmentOrganization",
                  PartnerType.EDUCATION: "EducationalOrganization"}

JsonLd = dict[str, Any]


def _compact(values: dict[str, Any]) -> JsonLd:
    """Leave out empty values: schema.org has no use for nulls or empty lists."""
    return {key: value for key, value in values.items() if value not in (None, "", [], {})}


def contact_point(contact_type: str, phone: str | None, email: str | None,
                  languages: list[str] | tuple[str, ...] = ()) -> JsonLd | None:
    if not phone and not email:
        return None
    return _compact({"@type": "ContactPoint", "contactType": contact_type, "telephone": phone,
                     "email": email, "availableLanguage": schema_org_languages(languages)})


def person(entry: ConsultantEntry) -> JsonLd:
    consultant = entry.consultant
    return _compact({"@type": "Person", "name": consultant.name, "jobTitle": consultant.title,
                     "telephone": consultant.phone, "email": consultant.email,
                     "knowsLanguage": schema_org_languages(consultant.languages)})


def _member_of(site: Site) -> JsonLd:
    return {"@type": "Organization", "name": site.alliance.name}


def municipality_page(site: Site, municipality: Municipality) -> JsonLd:
    """The municipality's business service: who runs it, how to reach it, its consultants."""
    service = municipality.business_service
    municipality_name = municipality.full_name
    entries = site.consultants_of(municipality_employer(municipality))
    return _compact({
        "@context": CONTEXT, "@type": "Organization", "name": service.name, "url": service.website,
        "address": service.address, "telephone": service.phone, "email": service.email,
        "areaServed": {"@type": "AdministrativeArea", "name": municipality_name},
        "parentOrganization": {"@type": "GovernmentOrganization", "name": municipality_name},
        "memberOf": _member_of(site),
        "contactPoint": [point for point in [contact_point("erhvervsservice", service.phone, service.email),
                                             *(contact_point(e.consultant.title, e.consultant.phone,
                                                             e.consultant.email, e.consultant.languages)
                                               for e in entries)] if point],
        "employee": [person(e) for e in entries],
    })


def member_page(site: Site, member: Member) -> JsonLd:
    """A member organisation (not a municipality) that employs consultants for the alliance."""
    entries = site.consultants_of(member_employer(member))
    return _compact({
        "@context": CONTEXT, "@type": "Organization", "name": member.name, "url": member.website,
        "description": member.description, "address": member.address, "telephone": member.phone,
        "email": member.email, "memberOf": _member_of(site),
        "contactPoint": [p for p in [contact_point("kundeservice", member.phone, member.email),
                                     *(contact_point(e.consultant.title, e.consultant.phone, e.consultant.email,
                                                     e.consultant.languages) for e in entries)] if p],
        "employee": [person(e) for e in entries],
    })


def partner_organisation(partner: Partner) -> JsonLd:
    """A partner by its name, website and contact; its description is on the page."""
    contact = partner.contact
    point = contact_point("kundeservice", contact.phone, contact.email) if contact else None
    return _compact({"@type": _PARTNER_TYPES.get(partner.type, "Organization"), "name": partner.name,
                     "url": partner.website,
                     "address": contact.address if contact else None, "contactPoint": point})


def partners_page(site: Site, kind: PartnerType, partners: list[Partner]) -> JsonLd:
    """A partner type's page as a list of organisations. Without their descriptions, which the
    page shows: repeated here they were a twelfth of the largest page at national scale, which
    must stay under 150 KB."""
    return {"@context": CONTEXT, "@type": "ItemList", "name": f"{kind.label} i {site.alliance.name}",
            "numberOfItems": len(partners),
            "itemListElement": [{"@type": "ListItem", "position": position, "item": partner_organisation(p)}
                                for position, p in enumerate(partners, start=1)]}


def news_page(site: Site, item: NewsItem) -> JsonLd:
    """A news item as a schema.org NewsArticle published by the alliance."""
    return _compact({"@context": CONTEXT, "@type": "NewsArticle", "headline": item.title,
                     "description": item.summary, "datePublished": item.date.isoformat(),
                     "dateModified": (item.updated or item.date).isoformat(), "inLanguage": "da",
                     "author": _member_of(site), "publisher": _member_of(site)})


def _start(event: Event) -> str:
    """schema.org wants ISO 8601; a timed event in local (Danish) time without an offset."""
    if event.time is None:
        return event.date.isoformat()
    (hour, minute), _end = parse_time_span(event.time)
    return f"{event.date.isoformat()}T{hour:02d}:{minute:02d}"


def event(site: Site, item: Event) -> JsonLd:
    end = None
    if item.time is not None and (span := parse_time_span(item.time)[1]) is not None:
        end = f"{item.last_day.isoformat()}T{span[0]:02d}:{span[1]:02d}"
    elif item.end_date is not None:
        end = item.end_date.isoformat()
    return _compact({"@type": "Event", "name": item.title, "startDate": _start(item), "endDate": end,
                     "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
                     "location": _place(item), "organizer": _member_of(site), "url": item.link})


def _place(item: Event) -> JsonLd | None:
    """Where an event is: its place's name and, when given, its postal address."""
    address = item.address
    if address is None:
        return {"@type": "Place", "name": item.place} if item.place else None
    return {"@type": "Place", "name": item.place or address.one_line(),
            "address": {"@type": "PostalAddress", "streetAddress": address.street, "postalCode": address.postcode,
                        "addressLocality": address.town, "addressCountry": "DK"}}


def events_page(site: Site) -> JsonLd:
    upcoming = site.upcoming_events()
    return {"@context": CONTEXT, "@type": "ItemList", "name": f"Arrangementer i {site.alliance.name}",
            "numberOfItems": len(upcoming),
            "itemListElement": [{"@type": "ListItem", "position": position, "item": event(site, e)}
                                for position, e in enumerate(upcoming, start=1)]}


def for_page(site: Site, url: str) -> JsonLd | None:
    """Structured data for the page at `url` (site-relative, e.g. 'kommuner/faxe/'), if any."""
    if url == urls.EVENTS and site.events:
        return events_page(site)
    if url.startswith(urls.NEWS):
        item = site.news_item(url.removeprefix(urls.NEWS).rstrip("/"))
        return news_page(site, item) if item is not None else None
    if url.startswith(urls.PARTNERS):
        return next((partners_page(site, kind, partners) for kind, partners in site.partners_by_type()
                     if url == urls.partner_type(kind.value)), None)
    municipality = site.municipality(urls.id_below(urls.MUNICIPALITIES, url) or "")
    if municipality is not None:
        return municipality_page(site, municipality)
    member = site.member(urls.id_below(urls.MEMBERS, url) or "")
    return member_page(site, member) if member is not None else None
