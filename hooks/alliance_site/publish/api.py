"""Open data: the alliance's municipalities, consultants, partners and topics as JSON under /api/.

Each document has a JSON Schema next to it (/api/schema/<name>.schema.json, the document
schemas; the IDE schemas of data/ are editor/ide_schemas.py) generated from the same pydantic
models that build the document, so the schema cannot drift from the data. The
models here describe the published shape, which is flatter than data/ (a consultant carries
its employer and the municipalities it serves). Addresses of pages and files are paths from the
site root, e.g. 'kommuner/faxe/', because the host is only known when the site is deployed.
"""

from __future__ import annotations

import datetime
import json
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from alliance_site.data.model import Partner, Topic
from alliance_site.data.site import ConsultantEntry, Site
from alliance_site.publish import urls

API_DIR = "api/"
API_SCHEMA_DIR = f"{API_DIR}schema/"
JSON_SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"
# The metadata (this index and the schemas' descriptions) is in Danish, as the data is; field
# names and file names are identifiers and stay as they are.
SITE_PATH = "Sti fra sidens rod, fx 'kommuner/faxe/'; sæt den efter sidens adresse."
INDEX_DESCRIPTION = ("Åbne data fra hjemmesiden: kommunerne, konsulenterne, partnerne og emnerne, "
                     "hver fil med sit JSON Schema. Adresser i filerne er stier fra sidens rod, fx "
                     "'kommuner/faxe/'; sæt dem efter sidens adresse.")
DOCUMENT_TITLES = {"municipalities": "Kommuner", "consultants": "Konsulenter", "partners": "Partnere",
                   "topics": "Emner"}


class Published(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class BusinessServiceOut(Published):
    name: str
    website: str
    phone: str | None = None
    email: str | None = None
    address: str | None = None
    opening_hours: str | None = Field(None, description="Telefontid, fx 'Man-tors 8-15, fre 8-13'.")
    response_time: str | None = Field(None, description="Hvor hurtigt e-mails besvares.")
    booking: str | None = Field(None, description="Adresse, hvor virksomheder kan booke et møde.")


class MunicipalityOut(Published):
    id: str
    name: str = Field(description="Kommunens navn uden 'Kommune', fx 'Næstved'.")
    cluster: str | None = Field(None, description="Id på den regionale klynge, hvis alliancen har klynger.")
    page: str = Field(description=SITE_PATH)
    business_service: BusinessServiceOut
    consultants: list[str] = Field(description="Id'er på konsulenterne, der betjener kommunen.")
    towns: list[str] = Field(description="Kommunens større byer.")
    postcodes: list[str] = Field(description="Postnumre i kommunen, fire cifre; et postnummer kan dække flere kommuner.")


class EmployerOut(Published):
    kind: Literal["kommune", "medlem"]
    id: str
    name: str
    website: str


class ConsultantOut(Published):
    id: str
    name: str
    title: str
    phone: str = Field(description="Arbejdstelefon, '+45 12 34 56 78' for danske numre.")
    email: str = Field(description="Arbejdsmail.")
    photo: str | None = Field(None, description=SITE_PATH)
    page: str = Field(description=SITE_PATH + " Konsulentens kort på arbejdsgiverens side.")
    vcard: str = Field(description=SITE_PATH)
    booking: str | None = Field(None, description="Adresse, hvor virksomheder kan booke et møde.")
    employer: EmployerOut
    municipalities: list[str] = Field(description="Id'er på kommunerne, som konsulenten betjener.")
    topics: list[str]
    languages: list[str]
    reviewed: datetime.date = Field(description="Dato for seneste kontrol af oplysningerne.")


class ContactOut(Published):
    name: str | None = None
    phone: str | None = None
    email: str | None = None
    website: str | None = None
    address: str | None = None
    opening_hours: str | None = None
    response_time: str | None = None


class PartnerOut(Published):
    id: str
    name: str
    type: str = Field(description="En af partnertyperne, fx 'jobcenter'.")
    type_label: str = Field(description="Typen, som siden viser den, fx 'Jobcentre'.")
    description: str
    website: str
    municipalities: Literal["all"] | list[str] = Field(description="'all' (hele alliancen) eller id'erne på kommunerne.")
    topics: list[str]
    contact: ContactOut | None = None
    reviewed: datetime.date


class TopicOut(Published):
    id: str
    title: str
    summary: str
    order: int
    page: str = Field(description=SITE_PATH)
    body: str = Field(description="Emnets tekst i Markdown.")
    need: str = Field(description="Behovet med virksomhedens ord, fx 'Vi mangler medarbejdere'.")
    words: list[str] = Field(description="Ord, virksomheder søger efter, fx 'sygemelding'.")


class MunicipalitiesDocument(Published):
    alliance: str
    municipalities: list[MunicipalityOut]


class ConsultantsDocument(Published):
    alliance: str
    consultants: list[ConsultantOut]


class PartnersDocument(Published):
    alliance: str
    partners: list[PartnerOut]


class TopicsDocument(Published):
    alliance: str
    topics: list[TopicOut]


DOCUMENTS: dict[str, type[Published]] = {
    "municipalities": MunicipalitiesDocument, "consultants": ConsultantsDocument,
    "partners": PartnersDocument, "topics": TopicsDocument,
}


def document_path(name: str) -> str:
    return f"{API_DIR}{name}.json"


def document_schema_path(name: str) -> str:
    return f"{API_SCHEMA_DIR}{name}.schema.json"


def _consultant(entry: ConsultantEntry, served: list[str]) -> ConsultantOut:
    consultant, employer = entry.consultant, entry.employer
    return ConsultantOut(
        id=consultant.id, name=consultant.name, title=consultant.title, phone=consultant.phone,
        email=consultant.email, page=entry.url, vcard=employer.vcard_url(consultant.id), booking=consultant.booking,
        photo=urls.photo(consultant.id, consultant.photo) if consultant.photo else None,
        employer=EmployerOut(kind="kommune" if employer.is_municipality else "medlem", id=employer.id,
                             name=employer.name, website=employer.website),
        municipalities=served, topics=list(consultant.topics), languages=list(consultant.languages),
        reviewed=consultant.reviewed)


def _partner(partner: Partner) -> PartnerOut:
    contact = ContactOut(**partner.contact.model_dump()) if partner.contact else None
    served = "all" if partner.serves_all else list(partner.municipalities)
    return PartnerOut(id=partner.id, name=partner.name, type=partner.type.value, type_label=partner.type.label,
                      description=partner.description, website=partner.website, municipalities=served,
                      topics=list(partner.topics), contact=contact, reviewed=partner.reviewed)


def _topic(topic: Topic) -> TopicOut:
    return TopicOut(id=topic.id, title=topic.title, summary=topic.summary, order=topic.order,
                    page=urls.topic(topic.id), body=topic.body, need=topic.need_text, words=list(topic.words))


def _municipalities(site: Site) -> MunicipalitiesDocument:
    items = [MunicipalityOut(id=m.id, name=m.name, cluster=m.cluster, page=urls.municipality(m.id),
                             business_service=BusinessServiceOut(**m.business_service.model_dump()),
                             consultants=[e.consultant.id for e in site.consultants_serving(m.id)],
                             towns=list(m.towns), postcodes=list(m.postcodes))
             for m in site.municipalities]
    return MunicipalitiesDocument(alliance=site.alliance.name, municipalities=items)


def documents(site: Site) -> dict[str, Published]:
    """The open-data documents by name, in the order the index lists them."""
    entries = site.all_consultants()
    served = site.municipalities_served()
    return {
        "municipalities": _municipalities(site),
        "consultants": ConsultantsDocument(alliance=site.alliance.name,
                                           consultants=[_consultant(e, served.get(e.url, [])) for e in entries]),
        "partners": PartnersDocument(alliance=site.alliance.name, partners=[_partner(p) for p in site.partners]),
        "topics": TopicsDocument(alliance=site.alliance.name, topics=[_topic(t) for t in site.topics]),
    }


def _without_generated_titles(schema: dict) -> dict:
    """pydantic titles every schema after its class or field name ('MunicipalityOut', 'Name'):
    English words in Danish metadata, which say nothing the property names do not."""
    schema.pop("title", None)
    for key in ("properties", "$defs"):
        for child in schema.get(key, {}).values():
            _without_generated_titles(child)
    for key in ("anyOf", "oneOf", "allOf", "prefixItems"):
        for child in schema.get(key, []):
            _without_generated_titles(child)
    for key in ("items", "additionalProperties"):
        if isinstance(schema.get(key), dict):
            _without_generated_titles(schema[key])
    return schema


def document_schema(name: str) -> dict:
    """JSON Schema (2020-12) of the document `name`, as pydantic serialises it, titled in Danish."""
    schema = _without_generated_titles(DOCUMENTS[name].model_json_schema(mode="serialization"))
    return {"$schema": JSON_SCHEMA_DIALECT, "title": f"{DOCUMENT_TITLES[name]} (api/{name}.json)", **schema}


def _index(site: Site) -> dict:
    files = [{"name": name, "title": DOCUMENT_TITLES[name], "data": document_path(name), "schema": document_schema_path(name)}
             for name in DOCUMENTS]
    return {"alliance": site.alliance.name, "language": "da", "description": INDEX_DESCRIPTION, "files": files}


def compact_json(value: object) -> str:
    """JSON as the site publishes it: compact, UTF-8 as is, one line ending."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")) + "\n"


def api_files(site: Site) -> dict[str, str]:
    """Every file under /api/ by its path from the site root: documents, schemas, an index."""
    files = {document_path(name): compact_json(doc.model_dump(mode="json")) for name, doc in documents(site).items()}
    files.update({document_schema_path(name): compact_json(document_schema(name)) for name in DOCUMENTS})
    files[f"{API_DIR}index.json"] = compact_json(_index(site))
    return files
