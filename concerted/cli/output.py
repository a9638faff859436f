"""Rendering command output: a table for people, CSV or JSON for programs."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import click

from concerted.cells import csv_cell

if TYPE_CHECKING:  # rich is imported for a table only: CSV and JSON answers start faster
    from rich.console import Console

__all__ = ["FORMAT_OPTION", "emit", "emit_json", "render_table"]

FORMAT_OPTION = click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "csv", "json"]),
    default="table",
    show_default=True,
    help="table for people; csv or json for programs.",
)


def emit_json(data: Any) -> None:
    click.echo(json_text(data))


def json_text(data: Any) -> str:
    """What `emit_json` prints."""
    return _json(data)


def _json(value: Any, level: int = 0) -> str:
    """Indented JSON down to the second level, each deeper value on one line: as readable,
    and the C encoder writes the many small values (indenting them all is pure Python, seconds
    on 18,000 coverage rows)."""
    pad, inner = "  " * level, "  " * (level + 1)
    if level < 2 and isinstance(value, list | tuple) and value:
        items = ",\n".join(inner + _json(item, level + 1) for item in value)
        return f"[\n{items}\n{pad}]"
    if level < 2 and isinstance(value, dict) and value:
        items = ",\n".join(f"{inner}{_ENCODE(str(key))}: "
                           f"{_json(item, level + 1)}" for key, item in value.items())
        return f"{{\n{items}\n{pad}}}"
    return _ENCODE(value)


# One encoder for every value: `json.dumps` with options builds a new one per call, which on
# tens of thousands of small values cost more than encoding them.
_ENCODE = json.JSONEncoder(ensure_ascii=False, default=str).encode


def emit(rows: Sequence[dict[str, Any]], fmt: str, columns: Sequence[str], title: str = "") -> None:
    if fmt == "json":
        emit_json(list(rows))
    elif fmt == "csv":
        writer = csv.DictWriter(sys.stdout, fieldnames=list(columns), extrasaction="ignore")
        writer.writeheader()
        for row in rows:
            writer.writerow({c: csv_cell(_flat(row.get(c))) for c in columns})
    else:
        cells = [[_flat(row.get(c)) for c in columns] for row in rows]
        render_table(list(columns), cells, title)


def render_table(columns: list[str], cells: list[list[str]], title: str = "",
                 console: Console | None = None) -> None:
    """Plain aligned text when the output is not a terminal; at a terminal a table wrapped at
    spaces but never through a word (an id, a date, a code), or, when even the longest words
    do not fit the width, one record per block."""
    from rich.console import Console
    from rich.table import Table

    console = console or Console()
    if not console.is_terminal:
        click.echo(_plain(columns, cells))
        return
    widths = _widths(columns, cells, console.width - 3 * len(columns) - 1)
    if widths is None:
        console.file.write(_blocks(columns, cells) + "\n")
        return
    table = Table(title=title or None)
    for column, width in zip(columns, widths, strict=True):
        table.add_column(column, width=width, overflow="fold")
    for row in cells:
        table.add_row(*row)
    console.print(table)


def _widths(columns: list[str], cells: list[list[str]], room: int) -> list[int] | None:
    """Each column's width: its widest cell if all fit `room`, else at least its longest word
    with the rest shared by how much text each column holds; None when words do not fit."""
    natural = [max([len(c), *(len(row[i]) for row in cells)]) for i, c in enumerate(columns)]
    if sum(natural) <= room:
        return natural
    words = [max([len(c), *(len(w) for row in cells for w in row[i].split())])
             for i, c in enumerate(columns)]
    spare = room - sum(words)
    if spare < 0:
        return None
    extra = [n - w for n, w in zip(natural, words, strict=True)]
    total = sum(extra) or 1
    return [w + spare * e // total for w, e in zip(words, extra, strict=True)]


def _plain(columns: list[str], cells: list[list[str]]) -> str:
    """Columns padded to their widest cell, two spaces apart; nothing cut."""
    widths = [max([len(column), *(len(row[i]) for row in cells)]) for i, column in
              enumerate(columns)]
    lines = [columns, *cells]
    return "\n".join("  ".join(cell.ljust(w) for cell, w in zip(line, widths, strict=True))
                     .rstrip() for line in lines)


def _blocks(columns: list[str], cells: list[list[str]]) -> str:
    """One record per block, `field: value` a line."""
    width = max(len(c) for c in columns)
    return "\n\n".join("\n".join(f"{c.rjust(width)}: {v}" for c, v in
                                  zip(columns, row, strict=True)) for row in cells)


def _flat(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dict):
        return "; ".join(f"{k}: {v}" for k, v in value.items())
    if isinstance(value, list | tuple):
        return "; ".join(_flat(v) for v in value)
    return str(value)
