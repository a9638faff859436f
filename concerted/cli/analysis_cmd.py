"""`concerted coverage | rounds | lags | gaps | stats | report`: acting in concert, and not."""

from __future__ import annotations

from typing import Any

import click
from rich.console import Console

from concerted.analysis.designations import THEMATIC
from concerted.analysis.holdings import holding_notes
from concerted.analysis.lags import summarise_lags
from concerted.analysis.round_un import driven_by_un, un_listed
from concerted.analysis.suite import Analysis
from concerted.cli.analysis_options import analysis_options, build_analysis
from concerted.cli.context import AppContext, pass_app
from concerted.cli.output import FORMAT_OPTION, emit, emit_json, json_text
from concerted.cli.params import JURISDICTION
from concerted.cli.report_cmd import report_command
from concerted.reports import rows

__all__ = ["register"]


@click.command("coverage")
@analysis_options
@click.option("--min-jurisdictions", type=click.IntRange(1), default=1, show_default=True,
              help="Only targets designated by at least this many jurisdictions.")
@FORMAT_OPTION
@pass_app
def coverage_command(app: AppContext, /, fmt: str, min_jurisdictions: int, **options: Any) -> None:
    """Who designated whom: targets × jurisdictions, with program and date in each cell."""
    analysis = build_analysis(app, options, min_jurisdictions=min_jurisdictions)
    if fmt == "json":
        click.echo(analysis.kept_text("coverage", lambda: json_text(analysis.coverage.to_dict())))
        return
    coverage = analysis.coverage
    emit(rows.coverage_rows(coverage), fmt, rows.coverage_columns(coverage), "coverage")
    if fmt == "table":
        Console().print(coverage.totals)


@click.command("rounds")
@analysis_options
@click.option("--all-themes", is_flag=True,
              help="Every round, also those of country programs and UN transpositions "
                   "(default: rounds with a human-rights, corruption or cyber designation).")
@FORMAT_OPTION
@pass_app
def rounds_command(app: AppContext, /, fmt: str, all_themes: bool, **options: Any) -> None:
    """Coordinated rounds: the same targets designated by 2+ jurisdictions within --window."""
    if not options["themes"] and not all_themes:
        options["themes"] = THEMATIC
    jurisdictions = [j.lower() for j in options["jurisdictions"]]
    analysis = build_analysis(app, options)
    notes = _held(analysis, jurisdictions)

    def rounds() -> list[dict[str, Any]]:
        listed = un_listed(analysis.designations)
        return [{**r.to_dict(), "un_listing": driven_by_un(r, listed),
                 **({"lists_held": notes} if jurisdictions else {})} for r in analysis.rounds]

    if fmt == "json" and not jurisdictions:  # (the notes on what is held are not kept)
        click.echo(analysis.kept_text("rounds", lambda: json_text(rounds())))
    elif fmt == "json":
        emit_json(rounds())
    else:
        found = rounds()
        table = [{**row, "un_listing": r["un_listing"]} for row, r in
                 zip(rows.round_rows(analysis.rounds), found, strict=True)]
        emit(table, fmt, [*rows.ROUND_COLUMNS, "un_listing", "members"], "rounds")


def _held(analysis: Analysis, jurisdictions: list[str]) -> list[str]:
    """Say on stderr, whatever the format, what is held of the chosen governments' lists
    where it is part of them, stale or nothing: an empty answer is then not silence."""
    if not jurisdictions:
        return []  # nothing chosen: the inputs need not be loaded for this
    notes = holding_notes(analysis.holdings, jurisdictions)
    for note in notes:
        Console(stderr=True).print(f"[yellow]what we hold[/yellow] {note}")
    return notes


@click.command("lags")
@analysis_options
@click.option("--summary", type=click.Choice(["none", "pair", "year"]), default="none",
              show_default=True, help="Per target, or distributions per pair or per year.")
@FORMAT_OPTION
@pass_app
def lags_command(app: AppContext, /, fmt: str, summary: str, **options: Any) -> None:
    """Follow-on lags: days from the first designation to each other jurisdiction's."""
    lags = build_analysis(app, options).lags
    if summary == "none":
        data = rows.lag_rows(lags)
        emit([lag.to_dict() for lag in lags] if fmt == "json" else data, fmt, rows.LAG_COLUMNS,
             "lags (days; an unknown order has no upper bound)")
        return
    key = (lambda lag: (lag.first, lag.follower)) if summary == "pair" else (
        lambda lag: lag.year or "unknown")
    summaries = summarise_lags(lags, key)
    emit(summaries, fmt, list(summaries[0]) if summaries else ["group"], f"lags by {summary}")


@click.command("gaps")
@analysis_options
@click.option("--partner", "partners", multiple=True, type=JURISDICTION,
              help="Only gaps where this jurisdiction is missing (repeatable).")
@click.option("--limit", type=click.IntRange(1), default=None, help="The top N gaps.")
@FORMAT_OPTION
@pass_app
def gaps_command(app: AppContext, /, fmt: str, partners: tuple[str, ...], limit: int | None,
                 **options: Any) -> None:
    """Targets designated by some, that partners with an eligible program have not designated."""
    analysis = build_analysis(app, options, partners=tuple(p.lower() for p in partners))
    _held(analysis, [p.lower() for p in partners])
    if fmt == "json":
        click.echo(analysis.kept_text(f"gaps|{limit}", lambda: json_text(
            [g.to_dict() for g in analysis.gaps[:limit or None]])))
    else:
        gaps = analysis.gaps[:limit] if limit else analysis.gaps
        emit(rows.gap_rows(gaps), fmt, rows.GAP_COLUMNS, "gaps (highest score first)")


@click.command("stats")
@analysis_options
@click.option("--top", type=click.IntRange(1), default=20, show_default=True,
              help="How many target countries to list.")
@FORMAT_OPTION
@pass_app
def stats_command(app: AppContext, /, fmt: str, top: int, **options: Any) -> None:
    """Designations per jurisdiction and year and per program; joint share; top countries."""
    tables = build_analysis(app, options, top=top).statistics
    if fmt == "json":
        emit_json(tables)
        return
    for title, table in tables.items():
        if fmt == "csv":
            click.echo(f"# {title}")
        emit(table, fmt, list(table[0]) if table else [], title)


def register(group: click.Group) -> None:
    for command in (coverage_command, rounds_command, lags_command, gaps_command,
                    stats_command, report_command):
        group.add_command(command)
