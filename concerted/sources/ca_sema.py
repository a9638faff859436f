"""Consolidated Canadian Autonomous Sanctions List (Global Affairs Canada, `sema-lmes.xml`).

A flat `<data-set>` of `<record>`s, one per listing: the regime (`Country`, bilingual
"English / French"), a person's `LastName`/`GivenName` or an entity's or ship's name,
comma-separated aliases, a date of birth (or a ship's build year), and the schedule and item
of the regulation that lists it. GAC renamed the elements twice (2021: `EntityOrShip`,
`DateOfListing`...; 2026: bilingual names such as `Country-Pays`); `ca_sema.yml` maps every
known name, keyed by its English part, to one field. Values are trimmed and their whitespace
runs collapsed (the file has double spaces and no-break spaces inside names).
"""

from __future__ import annotations

import re
from typing import Literal

from lxml import etree
from pydantic import BaseModel

from concerted.model import Identifier, Listing, ProgramRef
from concerted.sources import catalog, refdata
from concerted.sources.base import Files, Parsed, ParseError
from concerted.sources.ca_sema_names import names_of
from concerted.sources.safe import parse_xml

__all__ = ["SOURCE", "detect", "parse"]

Field = Literal[
    "regime", "last_name", "given_name", "entity", "aliases", "born", "title", "imo",
    "schedule", "item", "listed_on",
]  # fmt: skip


class _Reference(BaseModel):
    fields: dict[str, Field]
    programs: dict[str, refdata.Program]
    default_program: refdata.Program


REFERENCE = refdata.load(__file__, _Reference)
_ISO_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
_IMO = re.compile(r"(?:IMO\s*)?(\d{7})")


def _clean(text: str | None) -> str:
    return " ".join((text or "").split())


_Pairs = list[tuple[str, str]]


def _read(file: str, index: int, record: etree._Element) -> tuple[dict[str, str], _Pairs]:
    """The record's values by field, and (tag, value) for elements we do not know."""
    values: dict[str, str] = {}
    unknown: _Pairs = []
    for child in record:
        if not isinstance(child.tag, str) or not _clean(child.text):
            continue
        field = REFERENCE.fields.get(child.tag.split("-", 1)[0])
        if field is None:
            unknown.append((child.tag, _clean(child.text)))
        else:
            values[field] = _clean(child.text)
    for required in ("regime", "item"):
        if required not in values:
            raise ParseError(file, f"record {index} has no {required} element")
    if not {"last_name", "given_name", "entity"} & values.keys():
        raise ParseError(file, f"record {index} has no name")
    return values, unknown


def _program(regime: str) -> tuple[str, ProgramRef]:
    english = regime.split(" / ", 1)[0].strip()
    program = REFERENCE.programs.get(english, REFERENCE.default_program)
    return english, ProgramRef(raw=regime, id=program.id, theme=program.theme)


def _born(values: dict[str, str]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Birth dates as ISO strings, and a note keeping any the parser could not read."""
    dates = [d.strip() for d in values.get("born", "").split(" or ") if d.strip()]
    iso = tuple(d for d in dates if _ISO_DATE.fullmatch(d))
    return iso, (f"Date of birth: {values['born']}",) if len(iso) < len(dates) else ()


def _ship(values: dict[str, str]) -> tuple[tuple[Identifier, ...], _Pairs]:
    """A ship's IMO number, and its type, build date and any unreadable IMO as extras."""
    imo = _IMO.fullmatch(values.get("imo", ""))
    labels = {"title": "ship_type", "born": "build_date"} | ({} if imo else {"imo": "imo_text"})
    extra = [(label, values[field]) for field, label in labels.items() if field in values]
    return ((Identifier("imo", imo.group(1)),) if imo else ()), extra


def _listing(values: dict[str, str], unknown: _Pairs) -> Listing:
    regime, program = _program(values["regime"])
    name, names = names_of(values)
    vessel = "entity" in values and ("imo" in values or "title" in values)
    identifiers, ship_extra = _ship(values) if vessel else ((), [])
    born, notes = ((), ()) if vessel else _born(values)
    listed_on = values.get("listed_on", "")
    if listed_on and not _ISO_DATE.fullmatch(listed_on):
        notes, listed_on = (*notes, f"Date of listing: {listed_on}"), ""
    return Listing(
        source="ca_sema",
        key=f"{regime}#{values.get('schedule', '')}#{values['item']}",
        schema="Vessel" if vessel else "Organization" if "entity" in values else "Person",
        name=name,
        names=names,
        birth_dates=born,
        titles=(values["title"],) if "title" in values and "entity" not in values else (),
        identifiers=identifiers,
        programs=(program,),
        listed_on=listed_on or None,
        notes=notes,
        extra=(
            ("schedule", values.get("schedule", "")),
            ("item", values["item"]),
            *ship_extra,
            *unknown,
        ),
    )


def _parse_file(file: str, data: bytes) -> list[Listing]:
    root = parse_xml(file, data)
    if root.tag != "data-set":
        raise ParseError(file, f"root element <{root.tag}>, expected <data-set>: not sema-lmes")
    listings = [
        _listing(*_read(file, index, record))
        for index, record in enumerate(root.iterchildren("record"), start=1)
    ]
    if not listings:
        raise ParseError(file, "no <record> in the file")
    keys = [listing.key for listing in listings]
    if len(set(keys)) != len(keys):  # a key must name one listing, or diffs go wrong
        duplicate = next(key for key in keys if keys.count(key) > 1)
        raise ParseError(file, f"two records share the key {duplicate!r}")
    return listings


def parse(files: Files) -> Parsed:
    listings = [listing for file, data in files.items() for listing in _parse_file(file, data)]
    return Parsed(listings=listings, published=None)  # the file carries no date of its own


def detect(name: str, data: bytes) -> bool:
    head = data[:4096]
    return b"<data-set" in head and (b"<Country>" in head or b"<Country-Pays>" in head)


SOURCE = catalog.CA_SEMA
