"""One UK Sanctions List designation (the facets of a `UniqueID`) built into a Listing."""

from __future__ import annotations

import re
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
from concerted.sources.gb_fcdo_read import UKSL
from concerted.sources.gb_names import latin_names, original_names
from concerted.sources.gb_shared import CONLIST, clean, program_ref, prose

__all__ = ["SOURCE_ID", "build", "regime_short_name"]

SOURCE_ID = "gb_fcdo_uksl"
_ALIASES = {name.lower(): short for name, short in UKSL.regime_aliases.items()}
_INSTRUMENT = [
    (re.compile(r"\((?:EU Exit|Sanctions|United Nations Sanctions)\)", re.I), " "),
    (re.compile(r"^\s*The\s+|\s+Regulations\s+\d{4}\s*$", re.I), " "),
    (re.compile(r"\bSanctions\b", re.I), " "),
    (re.compile(r"\s+\)"), ")"),
]
_IMO = re.compile(r"(?:IMO\s*)?(\d{7})", re.I)


def regime_short_name(instrument: str) -> str:
    """`The Russia (Sanctions) (EU Exit) Regulations 2019` -> `Russia` (the OFSI name)."""
    short = instrument
    for pattern, replacement in _INSTRUMENT:
        short = clean(pattern.sub(replacement, short))
    return _ALIASES.get(short.lower(), short)


def build(key: str, facets: Facets) -> Listing:
    kinds = values(facets, "type")
    schema = CONLIST.group_types.get(kinds[0].title() if kinds else "", "LegalEntity")
    names = unique(latin_names(facets["name"], schema == "Person"))
    names += unique(original_names(facets["original"]))
    if not names:
        raise ValueError(f"UniqueID {key} has no name")
    born, unread = dates(cell for (cell,) in facets["dob"])
    passports, passport_notes = documents("passport", facets["passport"])
    national_ids, id_notes = documents("national_id", facets["national_id"])
    programs, listed = _regimes(facets["regime"])
    genders = values(facets, "gender")
    return Listing(
        source=SOURCE_ID,
        key=key,
        schema=schema,
        name=names[0].value,
        names=names,
        birth_dates=unique(born),
        birth_places=unique(birth_places(facets["birth"])),
        nationalities=unique(values(facets, "nationality", ".")),
        gender=genders[0] if genders else None,
        titles=unique(values(facets, "title")),
        positions=unique(values(facets, "position")),
        identifiers=unique(
            [Identifier(kind="un_ref", value=ref) for ref in values(facets, "un_ref")]
            + [Identifier(kind="ofsi_group_id", value=g) for g in values(facets, "ofsi_group_id")]
            + passports
            + national_ids
            + _registrations(facets)
        ),
        addresses=unique(addresses(facets["address"])),
        emails=unique(values(facets, "email")),
        websites=unique(values(facets, "website")),
        programs=programs,
        listed_on=min(listed) if listed else None,
        reasons="\n\n".join(unique(prose(cell) for (cell,) in facets["reasons"])) or None,
        notes=unique([prose(cell) for (cell,) in facets["other"]] + passport_notes + id_notes),
        extra=unique(
            [("last_updated", iso_date(cell) or cell) for cell in values(facets, "updated")]
            + [("dob", text) for text in unread]
            + [(facet, item) for facet in UKSL.extra_facets for item in values(facets, facet)]
        ),
    )


def _regimes(rows: dict[tuple[str, ...], None]) -> tuple[tuple[ProgramRef, ...], list[str]]:
    programs, listed = [], []
    for regime, designated in rows:
        day = iso_date(designated)
        if regime:
            ref = program_ref(regime, regime_short_name(regime))
            programs.append(replace(ref, listed_on=day))
        if day:
            listed.append(day)
    return unique(programs), listed


def _registrations(facets: Facets) -> list[Identifier]:
    # One cell may hold several labelled numbers, a line each (`OGRN: …\nINN: …`).
    lines = (line for (cell,) in facets["registration"] for line in re.split(r"[\n|]", cell))
    found = [Identifier(kind="registration", value=clean(line)) for line in lines if clean(line)]
    for raw in values(facets, "imo"):
        match = _IMO.fullmatch(raw)
        number = match[1] if match else raw
        found.append(Identifier(kind="imo", value=number, note=raw if raw != number else None))
    return found
