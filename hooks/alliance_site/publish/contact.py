"""Who a company can reach when no consultant covers its need: never nobody.

A municipality's business service when it has a phone or an e-mail, else the alliance's shared
contact (crossref checks that one of them has a way in). Pages render a ContactPoint with the
`contact_block` macro (overrides/partials/alliance/contact.html), GOV.UK's contact pattern: the
phone with its opening hours, then the e-mail with how soon it is answered.
"""

from __future__ import annotations

from dataclasses import dataclass

from alliance_site.data.model import Municipality
from alliance_site.data.site import Site


@dataclass(frozen=True)
class ContactPoint:
    """One place to call or write to, with what a caller needs to know before reaching out."""

    name: str
    phone: str | None = None
    email: str | None = None
    opening_hours: str | None = None
    response_time: str | None = None
    booking: str | None = None
    url: str | None = None  # a page about them (their website), when there is one


def business_service_point(municipality: Municipality) -> ContactPoint:
    service = municipality.business_service
    return ContactPoint(service.name, service.phone, service.email, service.opening_hours,
                        service.response_time, service.booking, service.website)


def alliance_point(site: Site) -> ContactPoint:
    contact = site.alliance.contact
    return ContactPoint(contact.name or site.alliance.name, contact.phone, contact.email, contact.opening_hours,
                        contact.response_time, None, contact.website)


def reachable(municipality: Municipality) -> bool:
    """Whether a company can call or write to the municipality's business service itself."""
    return bool(municipality.business_service.phone or municipality.business_service.email)


def reach(site: Site, municipality: Municipality) -> ContactPoint:
    """The municipality's business service if a company can call or write to it, else the alliance."""
    return business_service_point(municipality) if reachable(municipality) else alliance_point(site)


def finder_contact(point: ContactPoint) -> dict[str, str]:
    """A contact point as the finder's data file carries it: only the fields it has."""
    return {key: value for key, value in vars(point).items() if value}
