"""Response models of the dossier API (the request bodies are in `dossier_models`)."""

from __future__ import annotations

from pydantic import Field

from concerted.api.models import Out

FILE = {"schema": {"type": "string", "format": "binary"}}  # a download, for OpenAPI

__all__ = ["FILE", "AlertRow", "BoardRow", "Created", "DossierOut", "DossierRow", "PacketPreview",
           "StatusSet"]


class Created(Out):
    id: str


class LinkedListing(Created):
    listing: str = Field(examples=["gb_hmt_conlist:14074"])


class LevelSet(Created):
    level: str = Field(examples=["governments"])


class Shared(Created):
    coalition: str
    level: str


class DossierRow(Out):
    id: str
    org: str
    subject: str
    status: str
    created_at: str
    role: str | None = Field(examples=["owner"], description="In the owning organisation")
    shared_level: str | None = Field(description="Shared with a coalition up to this level")


class SubjectOut(Out):
    name: str
    schema_: str = Field(alias="schema", examples=["Person"])
    aliases: list[str]
    birth_dates: list[str]
    nationalities: list[str]
    identifiers: list[str]
    positions: list[str]
    affiliations: list[str]
    extra: dict[str, str]


class ListingRefOut(Out):
    source: str
    listing_key: str


class AllegationOut(Out):
    id: str
    conduct: list[str]
    summary: str
    places: str
    victims: str
    date_from: str | None
    date_to: str | None
    level: str


class CustodyStep(Out):
    at: str
    by: str
    action: str


class ProvenanceOut(Out):
    source: str
    obtained_on: str | None
    collected_by: str = Field(description="Withheld (\"\") outside the owning organisation")
    filename: str | None
    custody: list[CustodyStep]


class EvidenceOut(Out):
    id: str
    kind: str
    level: str
    title: str
    summary: str
    url: str | None
    provenance: ProvenanceOut
    supports: list[str] = Field(description="Ids of the allegations it supports")
    sha256: str | None
    size: int | None
    content_type: str | None
    created_at: str


class SubmissionEvent(Out):
    status: str
    on_date: str | None
    at: str
    note: str | None = Field(None, description="Withheld outside the owning organisation")
    automatic: bool


class SubmissionOut(Out):
    id: str
    program: str
    status: str
    created_at: str
    updated_at: str
    events: list[SubmissionEvent]


class ActedDesignation(Out):
    program: str
    program_name: str
    listed_on: str
    listed: str
    delisted_on: str | None
    listings: list[str]
    linked: str = Field(description="dossier, judgement or resolution: how the listing "
                                    "reached this dossier")
    listing_names: list[str]


class JurisdictionOut(Out):
    jurisdiction: str
    name: str
    acted: bool
    status: str = Field(examples=["not yet"])
    linked: bool
    possibly_stale: str | None
    lists_held: str | None
    designations: list[ActedDesignation]
    list_as_of: str | None
    packets: list[str]
    packet_names: list[str]
    eligible: list[str]


class DossierOut(Out):
    """The dossier as the user may see it, with which governments have acted."""

    id: str
    org: str
    status: str
    created_at: str
    ceiling: str = Field(description="The widest level shown")
    subject: SubjectOut
    listings: list[ListingRefOut]
    allegations: list[AllegationOut]
    evidence: list[EvidenceOut]
    submissions: list[SubmissionOut]
    jurisdictions: list[JurisdictionOut]


class Block(Out):
    kind: str
    text: str
    rows: list[list[str]]


class PacketPreview(Out):
    program: str
    title: str
    warnings: list[str]
    evidence: list[str]
    allegations: list[str]
    blocks: list[Block]


class StatusSet(Out):
    id: str
    program: str
    status: str


class BoardRow(Out):
    dossier: str
    subject: str
    programs: dict[str, str | None] = Field(description="Program: the submission's status")


class AlertRow(Out):
    id: int
    dossier: str
    submission: str | None
    kind: str
    created_at: str
    read_at: str | None
    message: str
