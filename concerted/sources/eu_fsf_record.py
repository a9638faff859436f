"""One FSF sanctionEntity as both formats print it, before it becomes a `Listing`.

The XML nests facts under <sanctionEntity>; the CSV flattens them into prefixed columns
(`NameAlias_WholeName`, `BirthDate_City`...). Both readers fill this record with the XML
attribute names, so one builder (eu_fsf_listing) serves both formats.
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["SECTIONS", "Fact", "Record"]

Fact = dict[str, str]
"""The attributes of one sub-element (XML names), e.g. {"wholeName": ..., "nameLanguage": ...}.
Remarks are joined under "remark"; XML <contactInfo> children become "contact.<KEY>"."""

SECTIONS = ("regulation", "nameAlias", "citizenship", "birthdate", "identification", "address")


@dataclass
class Record:
    key: str  # the entity logicalId
    entity: Fact = field(default_factory=dict)  # euReferenceNumber, designationDate...
    subject_codes: list[str] = field(default_factory=list)  # code and classificationCode
    remarks: list[str] = field(default_factory=list)
    facts: dict[str, list[Fact]] = field(default_factory=lambda: {s: [] for s in SECTIONS})
