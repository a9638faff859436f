"""Listings as FollowTheMoney entities: the subject (Person, Organization, ...) plus a Sanction.

Pure. Entity ids are `<source>-<key>`, slugged, so they are stable across exports and cite
the list's own identifier; `Sanction.programId` uses OpenSanctions' program keys.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import yaml
from followthemoney import model
from followthemoney.util import make_entity_id
from normality import slugify

from concerted.model import Listing, ProgramRef

__all__ = ["listing_entities", "opensanctions_program"]

_DATA = Path(__file__).parent / "data" / "opensanctions_programs.yaml"
_NAME_PROPS = {
    "primary": "name",
    "variation": "alias",
    "alias": "alias",
    "original": "alias",
    "fka": "previousName",
    "nka": "alias",
}


@cache
def _table() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(_DATA.read_text(encoding="utf-8"))
    return data


def opensanctions_program(program: ProgramRef) -> str | None:
    table = _table()
    if program.id in table["themed"] and program.theme:
        themed: dict[str, str] = table["themed"][program.id]
        return themed.get(program.theme)
    if program.id in table["programs"]:
        return str(table["programs"][program.id])
    return program.id.upper() if program.id else None


def _subject(listing: Listing) -> Any:
    entity = model.make_entity(listing.schema)
    entity.id = slugify(f"{listing.source}-{listing.key}")
    for name in listing.names or ():
        prop = _NAME_PROPS.get(name.kind, "alias")
        if name.quality == "low" and prop == "alias":
            prop = "weakAlias"
        entity.add(prop, name.value, quiet=True)
    entity.add("name", listing.name)
    person = listing.schema == "Person"
    entity.add("birthDate" if person else "incorporationDate", listing.birth_dates, quiet=True)
    entity.add("birthPlace", listing.birth_places, quiet=True)
    entity.add("nationality", listing.nationalities, quiet=True, fuzzy=True)
    entity.add("citizenship", listing.citizenships, quiet=True, fuzzy=True)
    entity.add("gender", listing.gender, quiet=True)
    entity.add("position", listing.positions, quiet=True)
    entity.add("title", listing.titles, quiet=True)
    entity.add("email", listing.emails, quiet=True)
    entity.add("website", listing.websites, quiet=True)
    entity.add("address", [a.full for a in listing.addresses], quiet=True)
    entity.add("notes", listing.notes, quiet=True)
    for ident in listing.identifiers:
        prop = {"passport": "passportNumber", "imo": "imoNumber"}.get(ident.kind, "idNumber")
        entity.add(prop, ident.value, quiet=True)
    return entity


def _sanction(listing: Listing, subject: Any, program: ProgramRef, jurisdiction: str) -> Any:
    sanction = model.make_entity("Sanction")
    sanction.id = make_entity_id(subject.id, program.raw)
    sanction.add("entity", subject)
    sanction.add("program", program.raw)
    sanction.add("programId", opensanctions_program(program))
    sanction.add("authority", _table()["authorities"].get(jurisdiction))
    sanction.add("country", jurisdiction if len(jurisdiction) == 2 else None, quiet=True)
    sanction.add("listingDate", listing.listed_on, quiet=True)
    sanction.add("reason", listing.reasons, quiet=True)
    sanction.add("authorityId", listing.key)
    return sanction


def listing_entities(listing: Listing, jurisdiction: str) -> list[dict[str, Any]]:
    """The subject and one Sanction per program, as FtM entity dicts."""
    subject = _subject(listing)
    sanctions = [_sanction(listing, subject, p, jurisdiction) for p in listing.programs]
    return [subject.to_dict(), *(s.to_dict() for s in sanctions)]
