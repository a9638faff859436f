"""The comparison as an XLSX workbook: the matrix on one sheet, the criteria text on another.

Returns bytes rather than writing a file, so the CLI, a download endpoint and the tests
share one function and only the caller decides where the bytes go.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from concerted.cells import xlsx_append
from concerted.programs.comparison import criteria_columns, criteria_rows, matrix, matrix_columns
from concerted.programs.registry import conduct_vocabulary
from concerted.programs.schema import Program

__all__ = ["CRITERIA_SHEET", "MATRIX_SHEET", "to_xlsx"]

MATRIX_SHEET = "Programs"
CRITERIA_SHEET = "Criteria"
_MAX_WIDTH = 60  # wider columns make the sheet unreadable on a laptop screen


def to_xlsx(programs: Iterable[Program] | None = None) -> bytes:
    chosen = None if programs is None else list(programs)
    book = Workbook()
    sheet = book.active
    assert sheet is not None  # a new Workbook always has one sheet
    sheet.title = MATRIX_SHEET
    _fill(sheet, matrix_columns(), matrix(chosen), _labels())
    _fill(book.create_sheet(CRITERIA_SHEET), criteria_columns(), criteria_rows(chosen), {})
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _labels() -> dict[str, str]:
    # Conduct headers keep their ids (machine-friendly); the label goes in a cell comment.
    return {c.id: c.label for c in conduct_vocabulary()}


def _fill(sheet: Worksheet, columns: Sequence[str], rows: Sequence[dict[str, str]],
          labels: dict[str, str]) -> None:
    sheet.append(list(columns))
    for row in rows:
        xlsx_append(sheet, [row[c] for c in columns])
    for line in sheet.iter_rows():
        for cell in line:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        if str(cell.value) in labels:
            cell.comment = Comment(labels[str(cell.value)], "Concerted")
    sheet.freeze_panes = "B2"  # keep the header row and the program id in view
    for index, column in enumerate(columns, start=1):
        width = max([len(column), *(len(r[column]) for r in rows)])
        sheet.column_dimensions[get_column_letter(index)].width = min(width + 2, _MAX_WIDTH)
