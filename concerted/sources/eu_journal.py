"""The EU Global Human Rights sanctions regime as the Official Journal prints it: the
consolidated Annex I of Council Regulation (EU) 2020/1998, in OpenSanctions' transcription
(`datasets/eu/journal_sanctions/data/consolidated/32020R1998.csv`, columns per that folder's
FORMAT.md).

One row per annex entry: I.A natural persons, I.B legal persons, entities and bodies. Key:
the annex and the entry number it prints, joined by `#` (`I.A#5`); the one entry printed
without a number (`recordId` empty: "never invent one") is keyed by its name instead
(`I.B#The Zindashti Network`). `startDate` is the listing date as the Official Journal
prints it (`2.3.2021` or `2 March 2021`), so every designation here is exactly dated.
Every entity column is multi-valued, `; `-separated with CSV quoting inside the cell.

This is the human-rights regime only, not the EU's whole list: the Commission's Financial
Sanctions Files (`eu_fsf`) hold every regime. The file carries no date of its own; the
consolidated version it was cut from (02020R1998-YYYYMMDD) names its folder.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from pydantic import BaseModel

from concerted.model import Address, Identifier, Listing, Name, ProgramRef
from concerted.names.scripts import non_latin_script
from concerted.sources import catalog, refdata
from concerted.sources.au_dfat_dates import birth_dates
from concerted.sources.base import Files, Parsed, ParseError
from concerted.sources.safe import decode_text

__all__ = ["SOURCE", "detect", "parse"]

SOURCE_ID = "eu_journal"
_HEADER = (
    "celex,recordId,programKey,annex,measure,startDate,reason,schema,name,alias,weakAlias,"
    "previousName,country,nationality,jurisdiction,birthDate,birthPlace,position,passportNumber,"
    "gender,appearance,ethnicity,fatherName,motherName,incorporationDate,legalForm,sector,"
    "registrationNumber,taxNumber,idNumber,innCode,ogrnCode,kppCode,okpoCode,leiCode,swiftBic,"
    "ticker,imoNumber,mmsi,flag,address,phone,email,website,notes"
)
_COLUMNS = tuple(_HEADER.split(","))


class _Reference(BaseModel):
    celex: list[str]
    programs: dict[str, refdata.Program]
    schemas: dict[str, str]
    identifiers: dict[str, str]


REFERENCE = refdata.load(__file__, _Reference)
# Columns kept as (label, value) facts: no Listing field of their own.
_EXTRA = (
    ("measure", "measure"), ("country", "country"), ("jurisdiction", "jurisdiction"),
    ("incorporation_date", "incorporationDate"), ("legal_form", "legalForm"),
    ("sector", "sector"), ("phone", "phone"), ("flag", "flag"), ("ticker", "ticker"),
    ("appearance", "appearance"), ("ethnicity", "ethnicity"), ("father_name", "fatherName"),
    ("mother_name", "motherName"),
)  # fmt: skip


def _values(cell: str | None) -> tuple[str, ...]:
    """The values of a multi-valued cell (`Foo; "Bar; Baz"`), trimmed, without repeats."""
    if not cell or not cell.strip():
        return ()
    row = next(csv.reader([cell], delimiter=";", skipinitialspace=True), [])
    return tuple(dict.fromkeys(value.strip() for value in row if value.strip()))


def _names(row: dict[str, str]) -> tuple[Name, ...]:
    kinds = (("alias", "alias", None), ("weakAlias", "alias", "low"), ("previousName", "fka", None))
    names = [Name(row["name"], "primary", script=non_latin_script(row["name"]))]
    for column, kind, quality in kinds:
        names += [Name(v, kind, quality, non_latin_script(v)) for v in _values(row[column])]
    return tuple(dict.fromkeys(names))


def _dates(label: str, cells: Iterable[str]) -> tuple[tuple[str, ...], list[str]]:
    """ISO dates of free-text date cells, and a note keeping any value not wholly read."""
    found: list[str] = []
    notes: list[str] = []
    for value in cells:
        dates, complete = birth_dates(value)
        found += dates if complete else []
        notes += [] if complete else [f"{label}: {value}"]
    return tuple(dict.fromkeys(found)), notes


def _listed_on(row: dict[str, str]) -> tuple[str | None, list[str]]:
    """The printed listing date as an ISO day; anything else is kept as a note, undated."""
    printed = row["startDate"].strip()
    dates, complete = birth_dates(printed) if printed else ([], True)
    if complete and len(dates) == 1 and len(dates[0]) == 10:
        return dates[0], []
    return None, [f"Listed on: {printed}"] if printed else []


def _program(file: str, line: int, key: str) -> ProgramRef:
    program = REFERENCE.programs.get(key)
    if program is None:
        known = ", ".join(sorted(REFERENCE.programs))
        raise ParseError(file, f"line {line}: programKey {key!r} is not one of {known}")
    return ProgramRef(raw=key, id=program.id, theme=program.theme)


def _listing(file: str, line: int, row: dict[str, str]) -> Listing:
    schema = REFERENCE.schemas.get(row["schema"])
    if schema is None or not row["name"].strip() or not row["annex"].strip():
        raise ParseError(file, f"line {line}: needs a known schema, a name and an annex "
                               f"(schema {row['schema']!r}, name {row['name']!r})")
    listed_on, listed_notes = _listed_on(row)
    born, born_notes = _dates("Date of birth", _values(row["birthDate"]))
    person = schema == "Person"
    identifiers = [
        Identifier(kind, value)
        for column, kind in REFERENCE.identifiers.items()
        for value in _values(row[column])
    ]
    return Listing(
        source=SOURCE_ID,
        key=f"{row['annex'].strip()}#{row['recordId'].strip() or row['name'].strip()}",
        schema=schema,
        name=row["name"].strip(),
        names=_names(row),
        birth_dates=born,
        birth_places=_values(row["birthPlace"]),
        nationalities=_values(row["nationality"]),
        gender=row["gender"].strip() or None,
        positions=_values(row["position"]) if person else (),
        identifiers=tuple(identifiers),
        addresses=tuple(Address(a) for a in _values(row["address"])),
        emails=_values(row["email"]),
        websites=_values(row["website"]),
        programs=(_program(file, line, row["programKey"]),),
        listed_on=listed_on,
        reasons=row["reason"].strip() or None,
        notes=(
            *(() if person else _values(row["position"])),
            *_values(row["notes"]), *listed_notes, *born_notes,
        ),
        extra=tuple(
            (label, value) for label, column in _EXTRA for value in _values(row[column])
        ),
    )


def _rows(file: str, data: bytes) -> list[tuple[int, dict[str, str]]]:
    text = decode_text(file, data.removeprefix(b"\xef\xbb\xbf"))
    reader = csv.reader(io.StringIO(text, newline=""))
    header = next(reader, None)
    if header is None or tuple(header) != _COLUMNS:
        raise ParseError(file, "not the consolidated Official Journal annex CSV: its header "
                               f"is not {_HEADER[:40]}…")
    rows = []
    for cells in reader:
        if not any(cell.strip() for cell in cells):
            continue  # a trailing blank line
        if len(cells) != len(_COLUMNS):
            raise ParseError(file, f"line {reader.line_num}: {len(cells)} cells where the "
                                   f"header has {len(_COLUMNS)} (a truncated file?)")
        rows.append((reader.line_num, dict(zip(_COLUMNS, cells, strict=True))))
    if not rows:
        raise ParseError(file, "no annex entries under the header")
    return rows


def _parse_file(file: str, data: bytes) -> list[Listing]:
    try:
        rows = _rows(file, data)
    except csv.Error as exc:
        raise ParseError(file, f"not readable as CSV (truncated?): {exc}") from exc
    celex = {row["celex"] for _, row in rows}
    if not celex <= set(REFERENCE.celex):
        raise ParseError(file, f"the annex of {', '.join(sorted(celex - set(REFERENCE.celex)))}"
                               f"; this source reads only {', '.join(REFERENCE.celex)} "
                               "(Regulation (EU) 2020/1998, the human-rights regime)")
    listings = [_listing(file, line, row) for line, row in rows]
    keys = [listing.key for listing in listings]
    if len(set(keys)) != len(keys):  # a key must name one entry, or diffs go wrong
        duplicate = next(key for key in keys if keys.count(key) > 1)
        raise ParseError(file, f"two entries share the key {duplicate!r}")
    return listings


def parse(files: Files) -> Parsed:
    if len(files) != 1:
        names = ", ".join(sorted(files)) or "(no file)"
        raise ParseError(names, "the Official Journal annex is a single CSV file")
    ((file, data),) = files.items()
    return Parsed(listings=_parse_file(file, data), published=None)


def detect(name: str, data: bytes) -> bool:
    """A consolidated annex CSV: its exact header (amendment files start differently)."""
    return data.removeprefix(b"\xef\xbb\xbf").startswith(_HEADER.encode())


SOURCE = catalog.EU_JOURNAL
