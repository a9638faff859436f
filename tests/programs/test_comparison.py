"""The comparison matrix, its CSV and XLSX forms (re-read cell for cell)."""

from __future__ import annotations

import csv
import io

from openpyxl import load_workbook

from concerted.programs import all_programs, conduct_vocabulary, get_program
from concerted.programs.comparison import (
    COVERED,
    PARTLY,
    compare_rows,
    coverage,
    criteria_columns,
    criteria_rows,
    matrix,
    matrix_columns,
    matrix_csv,
    select,
)
from concerted.programs.workbook import CRITERIA_SHEET, MATRIX_SHEET, to_xlsx


def test_coverage_marks() -> None:
    assert coverage(get_program("gb-gac"), "bribery") == COVERED
    assert coverage(get_program("eu-ghr"), "torture") == COVERED
    assert coverage(get_program("eu-ghr"), "sexual_violence") == PARTLY  # if widespread...
    assert coverage(get_program("eu-ghr"), "bribery") == ""


def test_one_column_per_conduct_category() -> None:
    columns = matrix_columns()
    assert all(c.id in columns for c in conduct_vocabulary())
    assert {"measures", "evidentiary_standard"} <= set(columns)


def test_rows_follow_the_data_file() -> None:
    rows = {r["id"]: r for r in compare_rows()}
    assert len(rows) == len(all_programs())
    assert rows["gb-ghr"]["measures"] == ["asset_freeze", "travel_ban"]
    assert "reasonable grounds to suspect" in rows["gb-ghr"]["evidentiary_standard"]
    assert rows["us-glomag"]["coverage"]["corruption_proceeds"] == COVERED


def test_select_filters() -> None:
    assert {p.id for p in select("gb", "cyber")} == {"gb-cyber"}
    assert all(p.jurisdiction == "eu" for p in select("EU"))


def test_csv_round_trip() -> None:
    parsed = list(csv.DictReader(io.StringIO(matrix_csv())))
    assert parsed == matrix()


def test_xlsx_matches_the_data_file_cell_for_cell() -> None:
    book = load_workbook(io.BytesIO(to_xlsx()))
    assert book.sheetnames == [MATRIX_SHEET, CRITERIA_SHEET]
    for sheet, columns, rows in ((book[MATRIX_SHEET], matrix_columns(), matrix()),
                                 (book[CRITERIA_SHEET], criteria_columns(), criteria_rows())):
        assert sheet.freeze_panes == "B2"
        cells = [["" if c is None else c for c in row] for row in sheet.iter_rows(values_only=True)]
        assert cells[0] == columns
        assert cells[1:] == [[row[c] for c in columns] for row in rows]


def test_xlsx_coverage_cells_come_from_the_criteria() -> None:
    sheet = load_workbook(io.BytesIO(to_xlsx()))[MATRIX_SHEET]
    header = [c.value for c in sheet[1]]
    for row in sheet.iter_rows(min_row=2, values_only=True):
        program = get_program(str(row[0]))
        for conduct in conduct_vocabulary():
            assert (row[header.index(conduct.id)] or "") == coverage(program, conduct.id)


def test_xlsx_columns_are_readable_and_labelled() -> None:
    sheet = load_workbook(io.BytesIO(to_xlsx()))[MATRIX_SHEET]
    widths = [d.width for d in sheet.column_dimensions.values()]
    assert widths and all(4 <= w <= 62 for w in widths)
    torture = next(c for c in sheet[1] if c.value == "torture")
    assert torture.comment is not None and "Torture" in torture.comment.text
