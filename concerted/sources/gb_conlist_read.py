"""The three published forms of the OFSI Consolidated List read into one table shape.

- XLSX (`ConList.xlsx`, verified on the 2025-04-14 file): sheet `Data`, row 1
  `Last Updated | dd/mm/yyyy`, row 2 the 36-column header, then one row per name variation.
- CSV (`ConList.csv`): the same rows, first line `Last Updated,dd/mm/yyyy`, header on line 2.
- XML (`ConList.xml`, "2022 format"): `ArrayOfFinancialSanctionsTarget/FinancialSanctionsTarget`
  with one element per field; the elements map to the spreadsheet columns through
  `gb_hmt_conlist.yml` (the XML has no snapshot date of its own).

Each reader returns (published, header, rows) with every cell as stripped text.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from itertools import islice

import openpyxl
from lxml import etree

from concerted.sources.base import ParseError
from concerted.sources.dates import iso_date
from concerted.sources.gb_shared import CONLIST
from concerted.sources.safe import check_zip, decode_text, parse_xml

__all__ = ["Table", "read_table"]

Table = tuple[str | None, list[str], list[list[str]]]
ENCODINGS = ("utf-8-sig", "cp1252")
XML_HEADER = list(dict.fromkeys(CONLIST.xml_columns.values()))


def read_table(file: str, data: bytes) -> Table:
    if not data.strip():
        raise ParseError(file, "the file is empty")
    if data.startswith(b"PK"):
        return _banner(file, _xlsx_rows(file, data))
    if data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<"):
        return _xml_table(file, data)
    return _banner(file, _csv_rows(file, data))


def _banner(file: str, rows: list[list[str]]) -> Table:
    """Row 1 `Last Updated | date`, row 2 the header: anything else is another file."""
    if len(rows) < 2 or rows[0][:1] != ["Last Updated"] or "Group ID" not in rows[1]:
        raise ParseError(
            file,
            "expected `Last Updated` then the column header in rows 1-2: "
            "not the OFSI Consolidated List?",
        )
    return iso_date(rows[0][1]) if len(rows[0]) > 1 else None, rows[1], rows[2:]


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()[:10]
    return str(value).strip()


def _xlsx_rows(file: str, data: bytes) -> list[list[str]]:
    check_zip(file, data).close()
    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        sheet = book["Data"] if "Data" in book.sheetnames else book.worksheets[0]
        cells = sheet.iter_rows(values_only=True)
        rows = [[_cell(v) for v in row] for row in islice(cells, 2)]
        _banner(file, rows)  # refuse another list's workbook before reading all of it
        rows += [[_cell(v) for v in row] for row in cells]
        book.close()
    except ParseError:
        raise
    # openpyxl raises whatever its zip/XML layers raise on a damaged workbook.
    except Exception as exc:
        cause = exc.__cause__ or exc.__context__ or exc  # openpyxl re-wraps the real fault
        raise ParseError(file, f"not a readable XLSX workbook: {cause!r}") from exc
    return rows


def _csv_rows(file: str, data: bytes) -> list[list[str]]:
    text = decode_text(file, data, ENCODINGS)
    if "\x00" in text:
        raise ParseError(file, "NUL characters in the text (UTF-16 or binary, not UTF-8 CSV)")
    try:
        return [[cell.strip() for cell in row] for row in csv.reader(io.StringIO(text, newline=""))]
    except csv.Error as exc:
        raise ParseError(file, f"not readable CSV: {exc}") from exc


def _xml_table(file: str, data: bytes) -> Table:
    root = parse_xml(file, data)
    if etree.QName(root).localname != "ArrayOfFinancialSanctionsTarget":
        raise ParseError(file, f"root element <{root.tag}> is not the OFSI Consolidated List")
    rows = [_xml_row(target) for target in root if _local(target) == "FinancialSanctionsTarget"]
    return None, XML_HEADER, rows


def _local(element: etree._Element) -> str:
    return etree.QName(element).localname if isinstance(element.tag, str) else ""


def _xml_row(target: etree._Element) -> list[str]:
    """One target as a spreadsheet row; facts the spreadsheet keeps inside `Other
    Information` are written there as `(Label):value`, so one reader serves both."""
    values: dict[str, str] = {}
    remarks: list[str] = []
    for child in target:
        name, text = _local(child), (child.text or "").strip()
        if name in CONLIST.xml_columns and text:
            values[CONLIST.xml_columns[name]] = text
        elif name in CONLIST.xml_remarks and text:
            remarks.append(f"({CONLIST.xml_remarks[name]}):{text}")
    # The free text leads, as in the spreadsheet, so it stays apart from the labelled facts.
    values["Other Information"] = " ".join([values.get("Other Information", ""), *remarks])
    return [values.get(column, "") for column in XML_HEADER]
