"""The report as an XLSX workbook, one sheet per table (openpyxl, write-only for speed)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from concerted.analysis.lags import summarise_lags
from concerted.analysis.suite import Analysis
from concerted.cells import xlsx_append
from concerted.reports import rows

__all__ = ["sheets", "write_xlsx"]

Sheet = tuple[str, list[str], list[dict[str, Any]]]


def sheets(analysis: Analysis) -> list[Sheet]:
    lags = analysis.lags
    by_pair = summarise_lags(lags, lambda lag: (lag.first, lag.follower))
    by_year = summarise_lags(lags, lambda lag: lag.year or "unknown")
    stats = analysis.statistics
    coverage = analysis.coverage
    tables: list[Sheet] = [
        ("Designations", rows.DESIGNATION_COLUMNS, rows.designation_rows(analysis.selected)),
        ("Coverage", rows.coverage_columns(coverage), rows.coverage_rows(coverage)),
        ("Rounds", [*rows.ROUND_COLUMNS, "members"], rows.round_rows(analysis.rounds)),
        ("Lags", rows.LAG_COLUMNS, rows.lag_rows(lags)),
        ("Lags by pair", _columns(by_pair), by_pair),
        ("Lags by year", _columns(by_year), by_year),
        ("Gaps", rows.GAP_COLUMNS, rows.gap_rows(analysis.gaps)),
    ]
    titles = {"by_jurisdiction_year": "By jurisdiction and year", "by_program": "By program",
              "joint_share": "Joint share", "top_countries": "Top countries"}
    tables.extend((titles[k], _columns(v), v) for k, v in stats.items())
    return tables


def _columns(table: Sequence[dict[str, Any]]) -> list[str]:
    return list(table[0]) if table else ["(empty)"]


def _cell(value: Any) -> Any:
    if isinstance(value, list | tuple):
        return "; ".join(str(_cell(v)) for v in value)
    if isinstance(value, dict):
        return "; ".join(f"{k}: {v}" for k, v in value.items())
    return value


def write_xlsx(analysis: Analysis, path: Path) -> None:
    # Imported when a workbook is written: `concerted report` and the analysis commands start
    # without openpyxl (a tenth of a second).
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    for title, columns, table in sheets(analysis):
        sheet = workbook.create_sheet(title[:31])
        sheet.append(columns)
        for row in table:
            xlsx_append(sheet, [_cell(row.get(c)) for c in columns])
    workbook.save(path)
