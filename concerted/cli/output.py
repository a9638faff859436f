"""Rendering command output: a table for people, CSV or JSON for programs."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Sequence
from typing import Any

import click
from rich.console import Console
from rich.table import Table

from concerted.cells import csv_cell

__all__ = ["FORMAT_OPTION", "emit", "emit_json"]

FORMAT_OPTION = click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "csv", "json"]),
    default="table",
    show_default=True,
    help="table for people; csv or json for programs.",
)


def emit_json(data: Any) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2, default=str))


def emit(rows: Sequence[dict[str, Any]], fmt: str, columns: Sequence[str], title: str = "") -> None:
    if fmt == "json":
        emit_json(list(rows))
    elif fmt == "csv":
        writer = csv.DictWriter(sys.stdout, fieldnames=list(columns), extrasaction="ignore")
        writer.writeheader()
        for row in rows:
            writer.writerow({c: csv_cell(_flat(row.get(c))) for c in columns})
    else:
        table = Table(title=title or None)
        for column in columns:
            table.add_column(column)
        for row in rows:
            table.add_row(*(_flat(row.get(c)) for c in columns))
        Console().print(table)


def _flat(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dict):
        return "; ".join(f"{k}: {v}" for k, v in value.items())
    if isinstance(value, list | tuple):
        return "; ".join(_flat(v) for v in value)
    return str(value)
