"""DFAT's Australian Sanctions Consolidated List (`regulation8_consolidated.xlsx`).

One row per name: the primary name row has the bare number as `Reference` (`6854`), its
aliases and original-script names suffixed ones (`6854a`, `34c1`); the listing key is the
number. Identity facts and `Date of Birth` are free text, repeated on (or varying across) a
listing's rows, so every row's values are kept, de-duplicated. `Committees` names the regime;
its normalised form maps to a program in `au_dfat.yml`. The sheet carries no date of its own:
the workbook's `dcterms:modified` is its publication date.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, datetime

from pydantic import BaseModel

from concerted.model import Address, Listing, Name, ProgramRef
from concerted.names.scripts import names_by_script
from concerted.sources import catalog, refdata
from concerted.sources.au_dfat_dates import birth_dates, listed_by, listed_on
from concerted.sources.au_dfat_sheet import Row, read_sheet, text_head
from concerted.sources.base import Files, Parsed, ParseError

__all__ = ["SOURCE", "detect", "parse"]


class _Reference(BaseModel):
    columns: list[str]
    name_types: dict[str, str]
    types: dict[str, str]
    committees: dict[str, refdata.Program]


REFERENCE = refdata.load(__file__, _Reference)
_NUMBER = re.compile(r"\s*(\d+)")
_ENUMERATED = re.compile(r"(?:^|[\s;,])\s*[a-z]\)\s*")  # "a) Afghanistan b) Pakistan"
_SECOND = re.compile(r"(?:^|[\s;,])b\)\s")  # a list, whether or not it opens with `a)`
_COMMITTEE = re.compile(r"[^()]+\((?:[^()]|\([^()]*\))*\)")  # "1970 (Libya) 1973 (Libya)"
_NOT_AVAILABLE = {"na", "n/a", "-"}


def _text(value: object) -> str:
    if isinstance(value, datetime | date):
        return value.strftime("%Y-%m-%d")
    return " ".join(str(value or "").split())


def _label(value: object) -> str:
    """The normalised form of a label: stripped, dashes unified, lower-case."""
    return re.sub(r"[–—]", "-", _text(value)).lower()


def _items(rows: Iterable[Row], column: str, split: bool = False) -> tuple[str, ...]:
    """The distinct values of a column over a listing's rows, lists split into items."""
    found: list[str] = []
    for value in (_text(row[column]) for row in rows):
        lettered = value.startswith("a)") or _SECOND.search(value)
        parts = _ENUMERATED.split(value) if split and lettered else [value]
        found += [part.strip(" ;,") for part in parts]
    return tuple(dict.fromkeys(v for v in found if v and v.lower() not in _NOT_AVAILABLE))


def _programs(committees: object, listed: str | None = None) -> tuple[ProgramRef, ...]:
    text = _text(committees)
    refs = []
    for raw in (part.strip() for part in _COMMITTEE.findall(text) or [text]):
        program = REFERENCE.committees.get(_label(raw))
        slug = re.sub(r"[^a-z0-9]+", "-", _label(raw)).strip("-")
        refs.append(
            ProgramRef(raw, program.id, program.theme, listed)
            if program else ProgramRef(raw, f"au-{slug}", listed_on=listed)
        )
    return tuple(refs)


def _names(rows: list[Row]) -> tuple[Name, ...]:
    names = []
    for row in rows:
        value, kind = _text(row["Name of Individual or Entity"]), _label(row["Name Type"])
        if value:
            kind = REFERENCE.name_types.get(kind, "alias")
            names += names_by_script(value, kind)
    return tuple(dict.fromkeys(sorted(names, key=lambda name: name.kind != "primary")))


def _births(rows: list[Row]) -> tuple[tuple[str, ...], list[str]]:
    dates, notes = [], []
    for value in dict.fromkeys(row["Date of Birth"] for row in rows):
        found, complete = birth_dates(value)
        dates += found
        notes += [] if complete else [f"Date of birth: {_text(value)}"]
    return tuple(dict.fromkeys(dates)), notes


def _primary(file: str, key: str, rows: list[Row]) -> Row:
    named = [row for row in rows if _text(row["Name of Individual or Entity"])]
    primary = next((row for row in named if _label(row["Name Type"]) == "primary name"), None)
    primary = primary or next((row for row in named if _text(row["Reference"]) == key), None)
    if primary is None:
        raise ParseError(file, f"listing {key} has no primary name row")
    return primary


def _listing(file: str, key: str, rows: list[Row]) -> Listing:
    primary = _primary(file, key, rows)
    born, born_notes = _births(rows)
    control = _text(primary["Control Date"])
    listing_info = [f"Listing information: {t}" for t in _items(rows, "Listing Information")]
    printed = listed_on(primary["Listing Information"])
    # Where no listing date is printed, the programs carry its bounds (see `listed_by`).
    bounds = None if printed else listed_by(primary["Control Date"], primary["Listing Information"])
    return Listing(
        source="au_dfat",
        key=key,
        schema=REFERENCE.types.get(_label(primary["Type"]), "LegalEntity"),
        name=_text(primary["Name of Individual or Entity"]),
        names=_names(rows),
        birth_dates=born,
        birth_places=_items(rows, "Place of Birth", split=True),
        citizenships=_items(rows, "Citizenship", split=True),
        addresses=tuple(Address(a) for a in _items(rows, "Address", split=True)),
        programs=_programs(primary["Committees"], bounds),
        listed_on=printed,
        notes=(*_items(rows, "Additional Information"), *listing_info, *born_notes),
        extra=(("control_date", control),) if control else (),
    )


def _grouped(file: str, rows: list[Row]) -> dict[str, list[Row]]:
    groups: dict[str, list[Row]] = {}
    for line, row in enumerate(rows, start=2):
        number = _NUMBER.match(_text(row["Reference"]))
        if number is None:
            raise ParseError(file, f"row {line}: Reference {row['Reference']!r} has no number")
        groups.setdefault(number.group(1), []).append(row)
    return groups


def parse(files: Files) -> Parsed:
    listings: list[Listing] = []
    published: str | None = None
    for file, data in files.items():
        rows, published = read_sheet(file, data, REFERENCE.columns)
        if not rows:
            raise ParseError(file, "no rows under the header")
        listings += [_listing(file, k, group) for k, group in _grouped(file, rows).items()]
    return Parsed(listings=listings, published=published)


def detect(name: str, data: bytes) -> bool:
    if data[:4] != b"PK\x03\x04":  # every XLSX is a ZIP archive
        return False
    head = text_head(data)
    return b"Name of Individual or Entity" in head and b"Committees" in head


SOURCE = catalog.AU_DFAT
