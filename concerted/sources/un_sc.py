"""UN Security Council Consolidated List (`consolidated.xml`).

`<CONSOLIDATED_LIST dateGenerated=…>` holds `INDIVIDUALS/INDIVIDUAL` and `ENTITIES/ENTITY`;
each entry has its sanctions list (`UN_LIST_TYPE`), its permanent reference number (the key,
e.g. `HTi.001`), its listing date and a narrative summary (`COMMENTS1`), beside structured
names, dates and places of birth, nationalities, documents and addresses (un_sc_fields.py,
un_sc_names.py). Program ids and document kinds are in `un_sc.yml`.
"""

from __future__ import annotations

import re

from lxml import etree
from pydantic import BaseModel

from concerted.model import Listing, ProgramRef
from concerted.sources import catalog, refdata
from concerted.sources.base import Files, Parsed, ParseError
from concerted.sources.safe import parse_xml
from concerted.sources.un_sc_fields import (
    addresses,
    birth_dates,
    birth_places,
    documents,
    text,
    values,
)
from concerted.sources.un_sc_names import AliasQuality, names_of

__all__ = ["SOURCE", "detect", "parse"]


class _Reference(BaseModel):
    programs: dict[str, str]
    alias_qualities: dict[str, AliasQuality]
    fka_notes: list[str]
    documents: list[tuple[str, str]]


REFERENCE = refdata.load(__file__, _Reference)
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _program(list_type: str) -> ProgramRef:
    slug = re.sub(r"(?<=[a-z])(?=[A-Z])|[^A-Za-z0-9]+", "-", list_type).strip("-").lower()
    return ProgramRef(list_type, REFERENCE.programs.get(list_type, f"un-{slug}"), "other")


def _listing(entry: etree._Element) -> Listing:
    name, names, alias_notes = names_of(entry, REFERENCE.alias_qualities, REFERENCE.fka_notes)
    born, born_notes = birth_dates(entry)
    identifiers, document_notes = documents(entry, REFERENCE.documents)
    listed_on = text(entry, "LISTED_ON")[:10]  # a few carry a zone: 2015-03-27-04:00
    return Listing(
        source="un_sc",
        key=text(entry, "REFERENCE_NUMBER"),
        schema="Person" if entry.tag == "INDIVIDUAL" else "Organization",
        name=name,
        names=names,
        birth_dates=born,
        birth_places=birth_places(entry),
        nationalities=values(entry, "NATIONALITY/VALUE"),
        gender=text(entry, "GENDER") or None,
        titles=values(entry, "TITLE/VALUE"),
        positions=values(entry, "DESIGNATION/VALUE"),
        identifiers=identifiers,
        addresses=addresses(entry),
        programs=(_program(text(entry, "UN_LIST_TYPE")),),
        listed_on=listed_on if _DATE.fullmatch(listed_on) else None,
        reasons=text(entry, "COMMENTS1") or None,
        notes=tuple(alias_notes + born_notes + document_notes),
        extra=(
            ("dataid", text(entry, "DATAID")),
            *(("last_day_updated", day) for day in values(entry, "LAST_DAY_UPDATED/VALUE")),
        ),
    )


def _entries(file: str, root: etree._Element) -> list[etree._Element]:
    if root.tag != "CONSOLIDATED_LIST":
        raise ParseError(file, f"root element <{root.tag}>, expected <CONSOLIDATED_LIST>")
    entries = root.findall("INDIVIDUALS/INDIVIDUAL") + root.findall("ENTITIES/ENTITY")
    if not entries:
        raise ParseError(file, "no INDIVIDUAL or ENTITY in the file")
    for index, entry in enumerate(entries, start=1):
        for required in ("REFERENCE_NUMBER", "FIRST_NAME", "UN_LIST_TYPE"):
            if not text(entry, required):
                raise ParseError(file, f"{entry.tag.lower()} {index} has no {required}")
    return entries


def _parse_file(file: str, data: bytes) -> tuple[list[Listing], str | None]:
    root = parse_xml(file, data)
    listings = [_listing(entry) for entry in _entries(file, root)]
    keys = [listing.key for listing in listings]
    if len(set(keys)) != len(keys):  # a key must name one listing, or diffs go wrong
        duplicate = next(key for key in keys if keys.count(key) > 1)
        raise ParseError(file, f"two entries share the reference number {duplicate!r}")
    generated = root.get("dateGenerated", "")[:10]
    return listings, generated if _DATE.fullmatch(generated) else None


def parse(files: Files) -> Parsed:
    listings: list[Listing] = []
    published: str | None = None
    for file, data in files.items():
        found, published = _parse_file(file, data)
        listings += found
    return Parsed(listings=listings, published=published)


def detect(name: str, data: bytes) -> bool:
    return b"<CONSOLIDATED_LIST" in data[:2048]


SOURCE = catalog.UN_SC
