"""Programs side by side: which conduct each covers, its measures and evidentiary standard.

`compare_rows` gives one structured row per program (for JSON, web pages and the API);
`matrix` flattens them into one column per conduct category (for CSV, XLSX and tables);
`criteria_rows` lists every criterion's text, one row per (program, criterion).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from concerted.cells import csv_text
from concerted.programs.registry import all_programs, conduct_vocabulary
from concerted.programs.schema import Program
from concerted.programs.views import program_heading

__all__ = [
    "COVERED",
    "PARTLY",
    "compare_rows",
    "coverage",
    "criteria_columns",
    "criteria_rows",
    "matrix",
    "matrix_columns",
    "matrix_csv",
    "select",
]

COVERED = "yes"
PARTLY = "conditional"
_HEAD = ["id", "jurisdiction", "name", "status", "type", "themes"]
_TAIL = ["measures", "evidentiary_standard", "designated_by", "renewal", "submission",
         "list_markers", "opensanctions"]


def select(jurisdiction: str | None = None, theme: str | None = None) -> list[Program]:
    """The registry's programs, optionally of one jurisdiction and/or one theme."""
    return [p for p in all_programs()
            if (jurisdiction is None or p.jurisdiction == jurisdiction.lower())
            and (theme is None or theme in p.themes)]


def coverage(program: Program, conduct_id: str) -> str:
    """COVERED if some criterion covers the conduct outright, PARTLY if only with a
    condition, "" if none does."""
    conditions = [c.condition for c in program.criteria if conduct_id in c.conduct]
    if not conditions:
        return ""
    return COVERED if None in conditions else PARTLY


def compare_rows(programs: Iterable[Program] | None = None) -> list[dict[str, Any]]:
    return [_row(p) for p in (all_programs() if programs is None else programs)]


def matrix_columns() -> list[str]:
    return [*_HEAD, *(c.id for c in conduct_vocabulary()), *_TAIL]


def matrix(programs: Iterable[Program] | None = None) -> list[dict[str, str]]:
    """One flat row of text cells per program, in `matrix_columns()` order."""
    return [_flatten(row) for row in compare_rows(programs)]


def criteria_columns() -> list[str]:
    return ["id", "conduct", "text", "condition", "sources"]


def criteria_rows(programs: Iterable[Program] | None = None) -> list[dict[str, str]]:
    return [{"id": p.id, "conduct": "; ".join(c.conduct), "text": c.text,
             "condition": c.condition or "", "sources": "; ".join(c.sources)}
            for p in (all_programs() if programs is None else programs) for c in p.criteria]


def matrix_csv(programs: Iterable[Program] | None = None) -> str:
    return csv_text(matrix(programs), matrix_columns())


def _row(program: Program) -> dict[str, Any]:
    statement = program.evidentiary_standard
    return {
        **program_heading(program),
        "themes": list(program.themes),
        "coverage": {c.id: coverage(program, c.id) for c in conduct_vocabulary()
                     if coverage(program, c.id)},
        "measures": list(program.measures),
        "evidentiary_standard": statement.text if statement else None,
        "designated_by": program.designated_by.text if program.designated_by else None,
        "renewal": program.renewal.text if program.renewal else None,
        "submission": program.submission.channel if program.submission else None,
        "list_markers": list(program.list.markers) if program.list else [],
        "opensanctions": list(program.opensanctions),
    }


def _flatten(row: dict[str, Any]) -> dict[str, str]:
    flat = {key: _text(row[key]) for key in (*_HEAD, *_TAIL)}
    flat.update({c.id: row["coverage"].get(c.id, "") for c in conduct_vocabulary()})
    return {column: flat[column] for column in matrix_columns()}


def _text(value: Any) -> str:
    if value is None:
        return ""
    return "; ".join(value) if isinstance(value, list) else str(value)
