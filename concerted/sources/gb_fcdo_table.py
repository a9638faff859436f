"""The CSV and ODS forms of the UK Sanctions List read into (published, header, rows).

Both print one row per combination of a designation's names, addresses, phones… under a
header found within the first rows (a `Report Date: 13-Feb-2026` line comes first). Header
names map to canonical fields through `gb_fcdo_uksl.yml`; absent optional columns read as
empty. The ODS `content.xml` is streamed (the list's rows run to tens of thousands) with the
same refusals as `safe.parse_xml`. AWAITING VERIFICATION ON A REAL FILE.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from typing import IO

from lxml import etree

from concerted.sources.base import ParseError
from concerted.sources.dates import iso_date
from concerted.sources.gb_fcdo_read import UKSL
from concerted.sources.safe import check_zip, decode_text

__all__ = ["read_csv", "read_ods"]

Table = tuple[str | None, list[str], list[list[str]]]
_HEADERS = {" ".join(h.lower().split()): field for field, hs in UKSL.columns.items() for h in hs}
_REPORT = re.compile(r"Report Date:?\s*(.+)", re.IGNORECASE)
_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
_MAX_REPEAT = 256  # ODS pads rows with thousands of repeated empty cells


def read_csv(file: str, data: bytes) -> Table:
    text = decode_text(file, data, ("utf-8-sig", "cp1252"))
    if "\x00" in text:
        raise ParseError(file, "NUL characters in the text (UTF-16 or binary, not UTF-8 CSV)")
    try:
        rows = [[cell.strip() for cell in row] for row in csv.reader(io.StringIO(text, newline=""))]
    except csv.Error as exc:
        raise ParseError(file, f"not readable CSV: {exc}") from exc
    return _table(file, rows)


def _table(file: str, rows: list[list[str]]) -> Table:
    """Find the header (the row naming `Unique ID`), map it, and read the report date."""
    at = next((i for i, row in enumerate(rows[:10]) if "unique_id" in _fields(row)), None)
    if at is None:
        raise ParseError(
            file, "no `Unique ID` header in the first rows: not the UK Sanctions List?"
        )
    header = _fields(rows[at])
    if missing := sorted(set(UKSL.required) - set(header)):
        raise ParseError(file, f"missing columns {missing} (a different list or layout?)")
    header += [field for field in UKSL.columns if field not in header]
    return _report_date(rows[:at]), header, rows[at + 1 :]


def _fields(row: list[str]) -> list[str]:
    """Header cells as canonical field names (unknown ones kept, marked with `?`)."""
    return [_HEADERS.get(" ".join(cell.lower().split()), f"?{cell}") for cell in row]


def _report_date(rows: list[list[str]]) -> str | None:
    for cell in (cell for row in rows for cell in row):
        if match := _REPORT.search(cell):
            text = match[1].strip()
            try:
                return dt.datetime.strptime(text, "%d-%b-%Y").date().isoformat()
            except ValueError:
                return iso_date(text)
    return None


def read_ods(file: str, data: bytes) -> Table:
    with check_zip(file, data) as archive:
        if "content.xml" not in archive.namelist():
            raise ParseError(file, "no content.xml: not an OpenDocument spreadsheet")
        with archive.open("content.xml") as stream:
            if re.search(rb"<!DOCTYPE|<!ENTITY", stream.read(4096), re.IGNORECASE):
                raise ParseError(file, "content.xml declares a DTD or entities")
        with archive.open("content.xml") as stream:
            return _table(file, _ods_rows(file, stream))


def _ods_rows(file: str, stream: IO[bytes]) -> list[list[str]]:
    rows: list[list[str]] = []
    events = etree.iterparse(
        stream,
        events=("end",),
        tag=(f"{_TABLE}table-row", f"{_TABLE}table"),
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
    )
    try:
        for _, element in events:
            if element.tag == f"{_TABLE}table":
                break  # the first sheet only
            if row := _ods_row(element):
                rows.append(row)
            element.clear()
    except (etree.XMLSyntaxError, ValueError) as exc:
        raise ParseError(file, f"content.xml is not a readable sheet (truncated?): {exc}") from exc
    return rows


def _ods_row(row: etree._Element) -> list[str]:
    cells: list[str] = []
    for cell in row:
        value = cell.get(f"{_OFFICE}date-value") or "\n".join(
            "".join(str(text) for text in p.itertext()).strip() for p in cell
        )
        repeat = min(int(cell.get(f"{_TABLE}number-columns-repeated", "1")), _MAX_REPEAT)
        cells += [value.strip()] * repeat
    while cells and not cells[-1]:
        cells.pop()
    return cells
