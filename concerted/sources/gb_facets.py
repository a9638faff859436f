"""Rows of one UK designation folded into facets, and the facets read as Listing values.

The UK spreadsheets print one row per combination of a designation's names, birth dates,
addresses… (a cartesian product). A *facet* is a group of columns that belong together
(the six name parts with their type and grade; the address lines with postcode and country);
for each key the distinct tuples of every facet are kept in the order met. The FCDO XML is
read into the same facets, so one builder serves every format.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import TypeVar

from concerted.model import Address, Identifier
from concerted.sources.base import ParseError
from concerted.sources.dates import iso_date
from concerted.sources.gb_shared import clean, split_items

__all__ = [
    "Facets",
    "addresses",
    "birth_places",
    "collect",
    "dates",
    "documents",
    "unique",
    "values",
]

T = TypeVar("T")
Facets = dict[str, dict[tuple[str, ...], None]]  # facet -> its distinct tuples, ordered


def collect(
    file: str,
    header: Sequence[str],
    rows: Iterable[Sequence[str]],
    key: str,
    facets: Mapping[str, Sequence[str]],
) -> dict[str, Facets]:
    """Group rows (stripped strings) by `key` column into facets of named columns."""
    index = {name: i for i, name in enumerate(header)}
    wanted = {key} | {column for columns in facets.values() for column in columns}
    if missing := sorted(wanted - index.keys()):
        raise ParseError(file, f"missing columns {missing} (a different list or layout?)")
    at = index[key]
    plan = [(name, [index[column] for column in columns]) for name, columns in facets.items()]
    width = len(header)
    groups: dict[str, Facets] = {}
    for number, row in enumerate(rows, start=1):
        if len(row) < width:
            row = [*row, *[""] * (width - len(row))]
        if not row[at]:
            if any(row):
                raise ParseError(file, f"data row {number} has no {key}")
            continue
        group = groups.setdefault(row[at], {name: {} for name in facets})
        for name, columns in plan:
            group[name][tuple(row[i] for i in columns)] = None
    return groups


def values(facets: Facets, facet: str, strip: str = "") -> list[str]:
    """The items of a one-column facet, its cells split at `(1) … (2) …` and at `|`."""
    cells = (cell for (cell,) in facets[facet])
    parts = (part for cell in cells for part in cell.split("|"))
    return [clean(item) for part in parts for item in split_items(part, strip) if item]


def unique(items: Iterable[T | None]) -> tuple[T, ...]:
    """The distinct truthy items, in the order met."""
    return tuple(dict.fromkeys(item for item in items if item))


def dates(cells: Iterable[str]) -> tuple[list[str], list[str]]:
    """Partial ISO dates, and the strings that are no date at all (kept, never dropped)."""
    parsed, unread = [], []
    for cell in cells:
        for item in split_items(cell):
            if item:
                iso = iso_date(item)
                if iso:
                    parsed.append(iso)
                else:
                    unread.append(item)
    return parsed, unread


def addresses(rows: Iterable[Sequence[str]]) -> list[Address]:
    """Rows of (line 1…line 6, postcode, country)."""
    found = []
    for row in rows:
        *lines, country = (clean(cell) for cell in row)
        full = ", ".join(line for line in lines if line) or country
        if full:
            found.append(Address(full=full, country=country or None))
    return found


def documents(kind: str, rows: Iterable[Sequence[str]]) -> tuple[list[Identifier], list[str]]:
    """Rows of (numbers, details), each possibly enumerated `(1) … (2) …` in step."""
    found, notes = [], []
    for numbers_cell, details_cell in rows:
        numbers, details = split_items(numbers_cell), split_items(details_cell)
        paired = len(numbers) == len(details)
        for i, number in enumerate(numbers):
            note = details[i] if paired else clean(details_cell)
            if number:
                found.append(Identifier(kind=kind, value=clean(number), note=note or None))
            elif note:
                notes.append(f"{kind}: {note}")
    return found, notes


def birth_places(rows: Iterable[Sequence[str]]) -> list[str]:
    """Rows of (town, country), enumerated in step where the list numbers them: the n-th town
    goes with the n-th country (13074: two towns, three countries), a lone country with every
    town. Stray full stops (`Kandahar Province.`) and `- .` placeholders are dropped."""
    places = []
    for town_cell, country_cell in rows:
        towns, countries = split_items(town_cell, "."), split_items(country_cell, ".")
        if len(countries) == 1:  # one country of birth for every town the list numbers
            countries *= len(towns)
        for index in range(max(len(towns), len(countries))):
            town = towns[index] if index < len(towns) else ""
            country = countries[index] if index < len(countries) else ""
            places.append(", ".join(clean(part) for part in (town, country) if part))
    return [place for place in places if place]
