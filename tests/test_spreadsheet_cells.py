"""Spreadsheet formula injection (issue 15, Low): a list name such as
`=HYPERLINK("https://evil.example/?x","Click")` must reach a CSV or XLSX export as text."""

from __future__ import annotations

import csv
import io

from click.testing import CliRunner
from openpyxl import load_workbook

from concerted.cells import csv_cell
from concerted.cli.output import emit
from concerted.views.exports import rows_to

HOSTILE = '=HYPERLINK("https://evil.example/?x","Click")'
ROWS = [{"name": HOSTILE, "listing_key": "29219", "score": -0.5},
        {"name": "+cmd|' /C calc'!A0", "listing_key": "@SUM(1+1)", "score": 3}]
COLUMNS = ["name", "listing_key", "score"]


def test_xlsx_export_keeps_formulas_as_text() -> None:
    book = load_workbook(io.BytesIO(rows_to("xlsx", ROWS, COLUMNS)))
    sheet = book.active
    assert sheet is not None
    cell = sheet.cell(row=2, column=1)
    assert cell.value == HOSTILE and cell.data_type == "s"
    assert sheet.cell(row=2, column=3).value == -0.5  # numbers stay numbers


def test_csv_export_neutralises_formula_starts() -> None:
    rows = list(csv.DictReader(io.StringIO(rows_to("csv", ROWS, COLUMNS).decode())))
    assert rows[0]["name"] == "'" + HOSTILE
    assert rows[1]["name"].startswith("'+") and rows[1]["listing_key"] == "'@SUM(1+1)"
    assert rows[1]["score"] == "3"


def test_command_line_csv_neutralises_formula_starts() -> None:
    import click

    @click.command()
    def show() -> None:
        emit(ROWS, "csv", COLUMNS)

    out = CliRunner().invoke(show).output
    assert next(csv.DictReader(io.StringIO(out)))["name"] == "'" + HOSTILE
    assert csv_cell("ZHU Hailun") == "ZHU Hailun" and csv_cell(5) == 5
