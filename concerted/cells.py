"""Spreadsheet cells that cannot run: list names and other text we did not write go into
CSV and XLSX exports, and a name like `=HYPERLINK("https://…","Click")` must stay text.

CSV: a text cell starting with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading
apostrophe (the convention spreadsheet programs show as "this is text"). XLSX: openpyxl
writes a string starting with `=` as a formula, so such a cell is typed as a string instead;
the value is kept exactly. Numbers and dates are left alone.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # openpyxl costs a CSV or JSON answer half a second to import
    from openpyxl.worksheet._write_only import WriteOnlyWorksheet
    from openpyxl.worksheet.worksheet import Worksheet

__all__ = ["FORMULA_START", "csv_cell", "csv_row", "csv_text", "xlsx_append"]

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: Any) -> Any:
    return "'" + value if isinstance(value, str) and value.startswith(FORMULA_START) else value


def csv_row(row: dict[str, Any]) -> dict[str, Any]:
    return {key: csv_cell(value) for key, value in row.items()}


def csv_text(rows: Iterable[Mapping[str, Any]], columns: Sequence[str]) -> str:
    """Rows as one CSV text: a header, then `columns` of each row (others left out), every
    cell formula-safe, `\n` line ends. The one CSV writer of the exports."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(columns), extrasaction="ignore",
                            lineterminator="\n")
    writer.writeheader()
    writer.writerows({c: csv_cell(row.get(c)) for c in columns} for row in rows)
    return out.getvalue()


def _formula(value: Any) -> bool:
    return isinstance(value, str) and value.startswith("=")


def xlsx_append(sheet: Worksheet | WriteOnlyWorksheet, values: Iterable[Any]) -> None:
    """Append one row; text that would be read as a formula is stored as text."""
    # Imported here for start-up time only: CSV and JSON answers never load openpyxl.
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.worksheet._write_only import WriteOnlyWorksheet

    row = list(values)
    if isinstance(sheet, WriteOnlyWorksheet):
        cells: list[Any] = []
        for value in row:
            if _formula(value):
                cell = WriteOnlyCell(sheet, value)
                cell.data_type = "s"
                cells.append(cell)
            else:
                cells.append(value)
        sheet.append(cells)
        return
    sheet.append(row)
    for cell in sheet[sheet.max_row]:
        if _formula(cell.value):
            cell.data_type = "s"
