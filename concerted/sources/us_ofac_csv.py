"""OFAC's legacy CSV set: sdn.csv, with alt.csv, add.csv and sdn_comments.csv when present.

Layout per OFAC's data specification (dat_spec.txt): no header, CRLF, fields quoted, `-0- `
for null, `\\x1A` after the last record, ASCII/Windows-1252.
- sdn.csv: ent_num, SDN_Name, SDN_Type, Program, Title, Call_Sign, Vess_type, Tonnage, GRT,
  Vess_flag, Vess_owner, Remarks
- alt.csv: ent_num, alt_num, alt_type (aka/fka/nka), alt_name, alt_remarks
- add.csv: ent_num, add_num, address, city/state/postal code, country, add_remarks
- sdn_comments.csv: ent_num, remarks continuation (the Remarks past 1,000 characters)
"""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from functools import lru_cache

from concerted.model import Address, Listing, Name
from concerted.sources.base import ParseError
from concerted.sources.safe import decode_text
from concerted.sources.us_ofac_facts import Facts, natural_order
from concerted.sources.us_ofac_remarks import REMARKS_LIMIT, parse_remarks
from concerted.sources.us_ofac_vocab import HONORIFICS, program_ref

__all__ = ["SCHEMAS", "Companions", "parse_csv_set", "read_rows"]

SCHEMAS = {"individual": "Person", "vessel": "Vessel", "aircraft": "Airplane", "": "Organization"}
_VESSEL = (
    "call_sign",
    "vessel_type",
    "tonnage",
    "gross_registered_tonnage",
    "vessel_flag",
    "vessel_owner",
)
_ALT_KINDS = {"aka": "alias", "fka": "fka", "nka": "nka"}
Companions = dict[str, list[list[str]]]  # file role -> rows
_More = tuple[tuple[str, tuple[str, ...]], ...]  # one entry's companion rows: (role, row)


def read_rows(file: str, data: bytes, width: int, *, required: bool = True) -> list[list[str]]:
    """The records of one legacy CSV file, each exactly `width` fields, `-0-` as "".

    Only sdn.csv is `required` to have records: a companion may be empty (no remark
    overflowed, say).
    """
    if b"\x00" in data[:4096]:
        raise ParseError(file, "NUL bytes: UTF-16 or binary, not OFAC's ASCII CSV")
    nul = data.find(b"\x00")
    if nul >= 0:  # one stray NUL further in: a damaged file, which PostgreSQL cannot store
        line = data.count(b"\n", 0, nul) + 1
        raise ParseError(file, f"a NUL byte on line {line}: the file is damaged")
    text = decode_text(file, data, ("utf-8", "cp1252")).rstrip("\x1a")
    if not text.strip():
        if required:
            raise ParseError(file, "the file is empty")
        return []
    if not text.endswith("\n"):
        raise ParseError(file, "the last record has no line end: the file is truncated")
    # Blank lines before the end marker are padding, not records (the 2021-01-14 copy has one
    # after its last record); a blank line between records is still refused below.
    text = text.rstrip("\r\n") + "\n"
    # OFAC's null `-0- ` is never quoted; blank it before csv, in C (a per-field check in
    # Python costs a third of the parse). Two passes: "-0- ,-0- " share a comma.
    for null, blank in (
        (",-0- ,", ",,"),
        (",-0- ,", ",,"),
        (",-0- \r\n", ",\r\n"),
        (",-0- \n", ",\n"),
    ):
        text = text.replace(null, blank)
    try:
        rows = list(csv.reader(io.StringIO(text), strict=True))
    except csv.Error as exc:
        raise ParseError(file, f"not a readable CSV (truncated?): {exc}") from exc
    for number, row in enumerate(rows, 1):
        if len(row) != width or not row[0].isdigit():
            problem = f"record {number} is not an OFAC row of {width} fields: {row[:3]}"
            raise ParseError(file, problem)
    if ",-0-" in text:  # a null spelt otherwise (no space, at the end of the file)
        rows = [["" if field.strip() == "-0-" else field for field in row] for row in rows]
    return rows


def parse_csv_set(sdn: list[list[str]], companions: Companions) -> list[Listing]:
    by_key: dict[str, list[tuple[str, tuple[str, ...]]]] = defaultdict(list)
    for role, rows in sorted(companions.items()):
        for row in rows:
            by_key[row[0]].append((role, tuple(row)))
    has_comments = "sdn_comments" in companions
    return [_listing(tuple(row), tuple(by_key.get(row[0], ())), has_comments) for row in sdn]


# Memoised on the raw record: consecutive snapshots repeat ~95% of their rows unchanged, so
# re-parsing the archive or a daily update costs little more than reading the CSV. Listings
# are immutable; 32,768 entries hold two full snapshots (about 30 MB).
@lru_cache(maxsize=1 << 15)
def _listing(row: tuple[str, ...], more: _More, has_comments: bool) -> Listing:
    key, name, sdn_type, program, title = row[:5]
    facts = Facts()
    facts.extend("names", _names(name, sdn_type))
    parts = [part.strip() for part in title.split(";") if part.strip()] if title else []
    for part in parts:
        facts.append("titles" if part in HONORIFICS else "positions", part)
    if any(row[5:11]):
        vessel = zip(_VESSEL, row[5:11], strict=True)
        facts.extend("extra", ((label, value) for label, value in vessel if value))
    remarks = row[11]
    if more:
        remarks += "".join(line[1] for role, line in more if role == "sdn_comments")
    truncated = not has_comments and len(row[11]) >= REMARKS_LIMIT
    parse_remarks(remarks, facts, truncated=truncated, known=frozenset(parts))
    if more:
        _companions(facts, more)
    programs = [program_ref(p) for p in program.split("] [") if p.strip("[] ")]
    schema = SCHEMAS.get(sdn_type.lower(), "Organization")
    return facts.listing(key, schema, name, programs)


def _names(name: str, sdn_type: str) -> list[Name]:
    names = [Name(name, "primary")]
    natural = natural_order(name) if sdn_type.lower() == "individual" else None
    if natural:
        names.append(Name(natural, "variation"))
    return names


def _companions(facts: Facts, more: _More) -> None:
    # The Remarks quote OFAC's weak a.k.a.s; a name there that alt.csv also gives stays weak.
    weak = {(name.value, name.kind) for name in facts.get("names")}
    for _, _, alt_type, alt_name, alt_remarks in (row for role, row in more if role == "alt"):
        kind = _ALT_KINDS.get(alt_type.lower().replace(".", ""), "alias")
        if (alt_name, kind) not in weak:
            facts.append("names", Name(alt_name, kind, quality="good"))
        if alt_remarks:
            facts.append("extra", ("alias_remarks", f"{alt_name}: {alt_remarks}"))
    for _, _, street, city, country, add_remarks in (row for role, row in more if role == "add"):
        full = ", ".join(part for part in (street, city, country) if part)
        if full:
            facts.append("addresses", Address(full, country or None))
        if add_remarks:
            facts.append("extra", ("address_remarks", add_remarks))
