"""One OFSI Consolidated List group (all rows of a `Group ID`) built into a Listing."""

from __future__ import annotations

from dataclasses import replace

from concerted.model import Identifier, Listing, ProgramRef
from concerted.sources.dates import iso_date
from concerted.sources.gb_facets import (
    Facets,
    addresses,
    birth_places,
    dates,
    documents,
    unique,
    values,
)
from concerted.sources.gb_names import latin_names, original_names
from concerted.sources.gb_remarks import Remarks, read_remarks
from concerted.sources.gb_shared import CONLIST, program_ref

__all__ = ["FACETS", "KEY", "SOURCE_ID", "build"]

SOURCE_ID = "gb_hmt_conlist"
KEY = "Group ID"
NAME_PARTS = ("Name 6", "Name 1", "Name 2", "Name 3", "Name 4", "Name 5")
ADDRESS_LINES = ("Address 1", "Address 2", "Address 3", "Address 4", "Address 5", "Address 6")
FACETS: dict[str, tuple[str, ...]] = {
    "name": (*NAME_PARTS, "Alias Type", "Alias Quality"),
    "title": ("Title",),
    "original": ("Name Non-Latin Script", "Non-Latin Script Type", "Non-Latin Script Language"),
    "type": ("Group Type",),
    "dob": ("DOB",),
    "birth": ("Town of Birth", "Country of Birth"),
    "nationality": ("Nationality",),
    "passport": ("Passport Number", "Passport Details"),
    "national_id": ("National Identification Number", "National Identification Details"),
    "position": ("Position",),
    "address": (*ADDRESS_LINES, "Post/Zip Code", "Country"),
    "other": ("Other Information",),
    "regime": ("Regime", "Listed On", "UK Sanctions List Date Designated"),
    "updated": ("Last Updated",),
}


def build(key: str, facets: Facets) -> Listing:
    kinds = values(facets, "type")
    schema = CONLIST.group_types.get(kinds[0] if kinds else "", "LegalEntity")
    remarks = Remarks()
    for (text,) in facets["other"]:
        read_remarks(text, remarks)
    names = unique(latin_names(facets["name"], schema == "Person"))
    names += unique(original_names(facets["original"]))
    if not names:
        raise ValueError(f"Group ID {key} has no name")
    born, unread = dates(cell for (cell,) in facets["dob"])
    passports, passport_notes = documents("passport", facets["passport"])
    national_ids, id_notes = documents("national_id", facets["national_id"])
    programs, listed, regime_extra = _regimes(facets["regime"])
    refs = unique(remarks.refs)
    return Listing(
        source=SOURCE_ID,
        key=key,
        schema=schema,
        name=names[0].value,
        names=names,
        birth_dates=unique(born),
        birth_places=unique(birth_places(facets["birth"])),
        nationalities=unique(values(facets, "nationality", ".")),
        gender=remarks.genders[0] if remarks.genders else None,
        titles=unique(values(facets, "title")),
        positions=unique(values(facets, "position")),
        identifiers=unique(
            [Identifier(kind="uk_sanctions_list_ref", value=ref) for ref in refs]
            + [Identifier(kind="un_ref", value=ref) for ref in remarks.un_refs]
            + passports
            + national_ids
            + remarks.identifiers
        ),
        addresses=unique(addresses(facets["address"])),
        emails=unique(remarks.emails),
        websites=unique(remarks.websites),
        programs=programs,
        listed_on=min(listed) if listed else None,
        reasons="\n\n".join(unique(remarks.reasons)) or None,
        notes=unique(remarks.notes + passport_notes + id_notes),
        extra=unique(
            [("uk_sanctions_list_ref", ref) for ref in refs]
            + regime_extra
            + [("last_updated", iso_date(cell) or cell) for (cell,) in facets["updated"]]
            + [("dob", text) for text in unread]
            + ([("group_type", kinds[0])] if kinds and kinds[0] not in CONLIST.group_types else [])
            + remarks.extra
        ),
    )


def _regimes(
    rows: dict[tuple[str, ...], None],
) -> tuple[tuple[ProgramRef, ...], list[str], list[tuple[str, str]]]:
    """Programs, each with its own `Listed On` (a group under several regimes was listed
    under each on its own day), the listing dates, and the designation dates."""
    programs, listed, extra = [], [], []
    for regime, listed_on, designated in rows:
        day = iso_date(listed_on)
        if regime:
            programs.append(replace(program_ref(regime), listed_on=day))
        if day:
            listed.append(day)
        elif listed_on:
            extra.append(("listed_on", listed_on))  # unreadable: kept as printed
        if day := iso_date(designated):
            extra.append(("uk_sanctions_list_date_designated", day))
    return unique(programs), listed, extra
