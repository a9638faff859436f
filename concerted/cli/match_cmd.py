"""`concerted match` (screen a name against every list) and `concerted export targets`."""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

import click

from concerted.cells import csv_row
from concerted.cli.context import AppContext, pass_app
from concerted.cli.lists_cmd import export_group
from concerted.cli.output import FORMAT_OPTION, emit
from concerted.resolve.export import TARGET_COLUMNS, target_entities, target_rows
from concerted.resolve.matching import match_targets, query_listing
from concerted.resolve.targets import load_targets
from concerted.resolve.xref import load_records
from concerted.sources import SOURCES

__all__ = ["register"]

_MATCH_COLUMNS = ["target_id", "score", "match", "name", "schema", "listings", "explanation"]


def _jurisdiction(source: str) -> str:
    return SOURCES[source].jurisdiction if source in SOURCES else source


@click.command("match")
@click.option("--name", "names", multiple=True, required=True, help="A name (repeatable).")
@click.option("--birth-date", "birth_dates", multiple=True, metavar="YYYY[-MM[-DD]]")
@click.option("--nationality", "nationalities", multiple=True, help="A country name or code.")
@click.option("--schema", type=click.Choice(["Person", "Organization", "Vessel", "Airplane"]),
              default="Person", show_default=True)
@click.option("--limit", type=click.IntRange(1), default=10, show_default=True)
@click.option("--threshold", type=click.FloatRange(0, 1), default=0.9, show_default=True,
              help="A hit at or above this is reported as a match.")
@FORMAT_OPTION
@pass_app
def match_command(app: AppContext, names: tuple[str, ...], birth_dates: tuple[str, ...],
                  nationalities: tuple[str, ...], schema: str, limit: int, threshold: float,
                  fmt: str) -> None:
    """Scored targets for a name, with the explanation of each score."""
    query = query_listing(names, birth_dates, nationalities, schema)
    hits = match_targets(query, load_records(app.engine), load_targets(app.engine), limit)
    rows = [{"target_id": h.target.id, "score": round(h.best.score, 4),
             "match": h.best.score >= threshold, "name": h.target.name,
             "schema": h.target.schema,
             "listings": [f"{r.listing.source}:{r.listing.key}" for r in h.target.listings],
             "explanation": h.best.explanation()} for h in hits]
    emit(rows, fmt, _MATCH_COLUMNS, f"matches for {names[0]}")


def _write_xlsx(rows: list[dict[str, object]], output: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "targets"
    sheet.append(TARGET_COLUMNS)
    for row in rows:
        sheet.append([";".join(v) if isinstance(v, list) else v for v in row.values()])
    book.save(output)


@click.command("targets")
@click.option("--format", "fmt", type=click.Choice(["csv", "json", "ftm", "xlsx"]),
              default="csv", show_default=True, help="ftm: one FtM entity a line, targets merged.")
@click.option("--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="File to write (required for xlsx).")
@pass_app
def export_targets(app: AppContext, fmt: str, output: Path | None) -> None:
    """One row per (target, listing): the listings each target brings together."""
    targets = load_targets(app.engine)
    rows = list(target_rows(targets, _jurisdiction))
    if fmt == "xlsx":
        if output is None:
            raise click.UsageError("--format xlsx needs --output FILE")
        _write_xlsx(rows, output)
        return
    stream = output.open("w", encoding="utf-8", newline="") if output else sys.stdout
    try:
        if fmt == "json":
            json.dump(rows, stream, ensure_ascii=False, indent=2)
            stream.write("\n")
        elif fmt == "ftm":
            for target in targets:
                for entity in target_entities(target, _jurisdiction):
                    stream.write(json.dumps(entity, ensure_ascii=False, sort_keys=True) + "\n")
        else:
            writer = csv.DictWriter(stream, fieldnames=TARGET_COLUMNS)
            writer.writeheader()
            writer.writerows(csv_row({**r, "programs": ";".join(r["programs"])})
                             for r in rows)
    finally:
        if output:
            stream.close()


def register(group: click.Group) -> None:
    group.add_command(match_command)
    export_group.add_command(export_targets)
