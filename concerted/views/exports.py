"""Exports: one row per (target, listing) as CSV, JSON, FollowTheMoney or XLSX, and any
flat rows (gaps) as CSV or XLSX. Returns bytes; the caller decides where they go."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator, Sequence
from typing import Any

from openpyxl import Workbook

from concerted.cells import csv_cell, xlsx_append
from concerted.ftm import listing_entities
from concerted.state.model import State

__all__ = ["EXPORT_FORMATS", "MEDIA_TYPES", "TARGET_COLUMNS", "export_targets", "rows_to"]

TARGET_COLUMNS = ["target_id", "source", "listing_key", "jurisdiction", "schema", "name",
                  "programs", "listed_on"]
EXPORT_FORMATS = ("csv", "json", "ftm", "xlsx")
MEDIA_TYPES = {"csv": "text/csv; charset=utf-8", "json": "application/json",
               "ftm": "application/x-ndjson",
               "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}


def target_rows(state: State) -> Iterator[dict[str, Any]]:
    for target_id in sorted(state.targets):
        for record in state.target_records(target_id):
            listing = record.listing
            yield {"target_id": target_id, "source": listing.source, "listing_key": listing.key,
                   "jurisdiction": record.jurisdiction, "schema": listing.schema,
                   "name": listing.name, "programs": list(listing.program_ids),
                   "listed_on": listing.listed_on}


def _cell(value: Any) -> Any:
    if isinstance(value, list | tuple):
        return ";".join(str(v) for v in value)
    return "" if value is None else value


def rows_to(fmt: str, rows: Sequence[dict[str, Any]], columns: Sequence[str]) -> bytes:
    """Flat rows as csv, json or xlsx."""
    if fmt == "json":
        return json.dumps(list(rows), ensure_ascii=False).encode("utf-8")
    if fmt == "xlsx":
        book = Workbook(write_only=True)
        sheet = book.create_sheet("data")
        sheet.append(list(columns))
        for row in rows:
            xlsx_append(sheet, [_cell(row.get(c)) for c in columns])
        out = io.BytesIO()
        book.save(out)
        return out.getvalue()
    text = io.StringIO()
    writer = csv.DictWriter(text, fieldnames=list(columns), extrasaction="ignore",
                            lineterminator="\n")
    writer.writeheader()
    writer.writerows({c: csv_cell(_cell(row.get(c))) for c in columns} for row in rows)
    return text.getvalue().encode("utf-8")


def export_targets(state: State, fmt: str) -> bytes:
    if fmt == "ftm":
        lines = []
        for target_id in sorted(state.targets):
            for record in state.target_records(target_id):
                for entity in listing_entities(record.listing, record.jurisdiction):
                    lines.append(json.dumps(entity, ensure_ascii=False, sort_keys=True))
        return ("\n".join(lines) + "\n").encode("utf-8")
    return state.remember(("export", fmt), lambda: rows_to(fmt, list(target_rows(state)),
                                                              TARGET_COLUMNS))
