"""Exports: one row per (target, listing) as CSV, JSON or XLSX, the targets merged as
FollowTheMoney entities, and any flat rows (gaps) as CSV or XLSX. Returns bytes; the caller
(the API, or `concerted export targets`) decides where they go, so both write the same."""

from __future__ import annotations

import io
import json
from collections.abc import Iterable, Sequence
from typing import Any

from concerted.analysis.designations import Designation
from concerted.analysis.filters import Filter, select
from concerted.analysis.inputs import Target
from concerted.cells import csv_text, xlsx_append
from concerted.resolve.export import TARGET_COLUMNS, Records, target_rows
from concerted.state.model import State

__all__ = ["EXPORT_FORMATS", "MEDIA_TYPES", "chosen_targets", "export_targets", "targets_to"]

EXPORT_FORMATS = ("csv", "json", "ftm", "xlsx")
MEDIA_TYPES = {"csv": "text/csv; charset=utf-8", "json": "application/json",
               "ftm": "application/x-ndjson",
               "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}


def _cell(value: Any) -> Any:
    if isinstance(value, list | tuple):
        return ";".join(str(v) for v in value)
    return "" if value is None else value


def rows_to(fmt: str, rows: Sequence[dict[str, Any]], columns: Sequence[str]) -> bytes:
    """Flat rows as csv, json or xlsx."""
    if fmt == "json":
        return json.dumps(list(rows), ensure_ascii=False).encode("utf-8")
    if fmt == "xlsx":
        # Imported for this format only: every command and the app start without it.
        from openpyxl import Workbook

        book = Workbook(write_only=True)
        sheet = book.create_sheet("data")
        sheet.append(list(columns))
        for row in rows:
            xlsx_append(sheet, [_cell(row.get(c)) for c in columns])
        out = io.BytesIO()
        book.save(out)
        return out.getvalue()
    return csv_text(({c: _cell(row.get(c)) for c in columns} for row in rows),
                    columns).encode("utf-8")


def targets_to(fmt: str, targets: Iterable[Target], records: Records) -> bytes:
    """The targets (by id) with their listings, in `fmt` (csv, json, xlsx or ftm)."""
    ordered = sorted(targets, key=lambda t: t.id)
    if fmt == "ftm":
        # FollowTheMoney's model takes about a second to import: only this format pays it.
        from concerted.resolve.export_ftm import target_entities

        lines = [json.dumps(entity, ensure_ascii=False, sort_keys=True)
                 for target in ordered for entity in target_entities(target, records)]
        return ("\n".join(lines) + "\n").encode("utf-8")
    return rows_to(fmt, list(target_rows(ordered, records)), TARGET_COLUMNS)


def chosen_targets(targets: Iterable[Target], designations: Iterable[Designation],
                   flt: Filter | None = None) -> list[Target]:
    """Every target, or those designated under one of the filter's programs (and themes):
    `export targets --program us-glomag`. A chosen target keeps all its listings, its other
    governments' too: the export stays one row per (target, listing) (DESIGN.md)."""
    if flt is None or flt == Filter():
        return list(targets)
    wanted = {d.target_id for d in select(designations, flt)}
    return [t for t in targets if t.id in wanted]


def export_targets(state: State, fmt: str, flt: Filter | None = None) -> bytes:
    return state.remember(("export", fmt, flt), lambda: targets_to(
        fmt, chosen_targets(state.targets.values(), state.designations, flt),
        state.inputs.records))
