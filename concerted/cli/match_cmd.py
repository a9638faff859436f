"""`concerted match` (screen a name against every list) and `concerted export targets`."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from concerted.cli.context import AppContext, pass_app
from concerted.cli.lists_cmd import export_group
from concerted.cli.output import FORMAT_OPTION, emit
from concerted.cli.params import PARTIAL_DAY
from concerted.reports.load import load_inputs
from concerted.resolve.matching import match_targets, query_listing
from concerted.resolve.xref import load_records
from concerted.views.exports import targets_to

__all__ = ["register"]

_MATCH_COLUMNS = ["target_id", "score", "match", "name", "schema", "listings", "explanation"]


@click.command("match")
@click.option("--name", "names", multiple=True, required=True, help="A name (repeatable).")
@click.option("--birth-date", "birth_dates", multiple=True, type=PARTIAL_DAY)
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
    targets = list(load_inputs(app.engine).targets)
    hits = match_targets(query, load_records(app.engine), targets, limit)
    rows = [{"target_id": h.target.id, "score": round(h.best.score, 4),
             "match": h.best.score >= threshold, "name": h.target.name,
             "schema": h.target.schema,
             "listings": [f"{source}:{key}" for source, key in h.target.listings],
             "explanation": h.best.explanation()} for h in hits]
    emit(rows, fmt, _MATCH_COLUMNS, f"matches for {names[0]}")


@click.command("targets")
@click.option("--format", "fmt", type=click.Choice(["csv", "json", "ftm", "xlsx"]),
              default="csv", show_default=True, help="ftm: one FtM entity a line, targets merged.")
@click.option("--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="File to write (required for xlsx).")
@pass_app
def export_targets(app: AppContext, fmt: str, output: Path | None) -> None:
    """One row per (target, listing): the listings each target brings together, every
    listing the store has seen (the rows of the API's export)."""
    if fmt == "xlsx" and output is None:
        raise click.UsageError("--format xlsx needs --output FILE")
    inputs = load_inputs(app.engine)
    body = targets_to(fmt, inputs.targets, inputs.records)
    if output is not None:
        output.write_bytes(body)
    else:
        sys.stdout.buffer.write(body)
        sys.stdout.flush()


def register(group: click.Group) -> None:
    group.add_command(match_command)
    export_group.add_command(export_targets)
