"""`concerted match` (screen a name against every list) and `concerted export targets`."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from concerted.cli.context import AppContext, pass_app
from concerted.cli.lists_cmd import export_group
from concerted.cli.output import FORMAT_OPTION, emit
from concerted.cli.params import PARTIAL_DAY
from concerted.matching.kept import kept_matcher
from concerted.matching.query import (
    DEFAULT_LIMIT,
    DEFAULT_THRESHOLD,
    QueryError,
    check_request,
    query_from_options,
)
from concerted.reports.load import load_inputs
from concerted.views.exports import targets_to

__all__ = ["register"]

_MATCH_COLUMNS = ["id", "score", "match", "caption", "schema", "datasets", "explanation"]


@click.command("match")
@click.option("--name", "names", multiple=True, required=True, help="A name (repeatable).")
@click.option("--birth-date", "birth_dates", multiple=True, type=PARTIAL_DAY)
@click.option("--nationality", "nationalities", multiple=True, help="A country name or code.")
@click.option("--schema", type=click.Choice(["Person", "Organization", "Vessel", "Airplane"]),
              default="Person", show_default=True)
@click.option("--dataset", default="default", show_default=True,
              help="default (every list), a source id or a jurisdiction code.")
@click.option("--limit", type=click.IntRange(1, 100), default=DEFAULT_LIMIT, show_default=True)
@click.option("--threshold", type=click.FloatRange(0, 1), default=DEFAULT_THRESHOLD,
              show_default=True, help="A hit at or above this is reported as a match.")
@FORMAT_OPTION
@pass_app
def match_command(app: AppContext, names: tuple[str, ...], birth_dates: tuple[str, ...],
                  nationalities: tuple[str, ...], schema: str, dataset: str, limit: int,
                  threshold: float, fmt: str) -> None:
    """Scored targets for a name, with the explanation of each score: the same matcher and
    results as `POST /match/{dataset}` (kept on disk per store state, so warm runs are fast)."""
    query = query_from_options(names, birth_dates, nationalities, schema)
    try:
        check_request({"query": query})
    except QueryError as exc:
        raise click.UsageError(str(exc)) from None
    matcher = kept_matcher(app.engine, app.settings.data_dir / "cache")
    sources = matcher.sources(dataset)
    if sources is None:
        raise click.BadParameter(f"no dataset {dataset!r}: use default, a source id or a "
                                 "jurisdiction code", param_hint="--dataset")
    rows = matcher.match(query, sources, limit, threshold)["results"]
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
