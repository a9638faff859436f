"""`concerted fetch` and `concerted watch`: download the official lists, ingest them, raise
and deliver alerts; once, or on a schedule."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from concerted.cli.context import AppContext, pass_app
from concerted.cli.output import FORMAT_OPTION, emit, emit_json
from concerted.sources import SOURCES, Source

if TYPE_CHECKING:
    from concerted.updates.cycle import Cycle, CycleReport

__all__ = ["register"]

_COLUMNS = ["source", "outcome", "snapshot", "size", "status_code", "error", "url"]
SOURCE_OPTION = click.option(
    "--source", "source_ids", multiple=True, type=click.Choice(sorted(SOURCES)),
    help="A source to fetch (repeatable; default: every source).")


def _sources(source_ids: tuple[str, ...], url: str | None) -> tuple[Source, ...]:
    if url and len(source_ids) != 1:
        raise click.UsageError("--url is the address of one source: give exactly one --source")
    return tuple(SOURCES[s] for s in source_ids) or tuple(SOURCES[s] for s in sorted(SOURCES))


def _cycle(app: AppContext, sources: tuple[Source, ...], url: str | None,
           analyse: bool) -> Cycle:
    from concerted.alerts.settings import AlertSettings
    from concerted.fetch import make_client
    from concerted.updates.cycle import Cycle
    from concerted.updates.settings import FetchSettings

    settings = FetchSettings.from_settings(app.settings)
    client = make_client(settings.policy)
    return Cycle(app.engine, app.archive, client, sources, settings,
                 AlertSettings.from_settings(app.settings),
                 url, analyse, kept=app.settings.resolve_kept)


def _show(report: CycleReport, fmt: str) -> None:
    from rich.console import Console

    if fmt == "json":
        emit_json(report.to_dict())
        return
    emit([f.to_dict() for f in report.fetches], fmt, _COLUMNS, "fetch")
    console = Console(stderr=True)
    sent = sum(d["alerts"] for d in report.deliveries if d["outcome"] == "sent")
    console.print(f"{report.alerts} new alert(s); {sent} delivered")
    for row in report.deliveries:
        if row["outcome"] != "sent":
            console.print(f"[red]{row['channel']} {row['outcome']}[/red] for subscription "
                          f"{row['subscription']}: {row['error']}")
    for note in report.notes:
        console.print(note)
    for failed in (f for f in report.fetches if not f.ok):
        console.print(f"[red]{failed.source} failed[/red]: {failed.result.error} "
                      "(the last good snapshot stays current)")


@click.command("fetch")
@SOURCE_OPTION
@click.option("--url", default=None, metavar="URL",
              help="Download from here instead of the official address (one --source).")
@FORMAT_OPTION
@pass_app
def fetch_command(app: AppContext, source_ids: tuple[str, ...], url: str | None,
                  fmt: str) -> None:
    """Download the latest official lists, ingest them, raise and deliver alerts."""
    from concerted.updates.cycle import run_cycle

    cycle = _cycle(app, _sources(source_ids, url), url, analyse=False)
    with cycle.client:
        report = run_cycle(cycle)
    _show(report, fmt)
    if not all(f.ok for f in report.fetches):
        raise SystemExit(1)


@click.command("watch")
@click.option("--every", default="6h", show_default=True, help="Interval: 30m, 6h, 1d...")
@click.option("--once", is_flag=True, help="One pass, then exit (for cron).")
@SOURCE_OPTION
@click.option("--no-analyse", is_flag=True, help="Skip resolution and gap/round alerts.")
@FORMAT_OPTION
@pass_app
def watch_command(app: AppContext, every: str, once: bool, source_ids: tuple[str, ...],
                  no_analyse: bool, fmt: str) -> None:
    """Fetch → ingest → resolve → analyse → alert, every --every, until SIGINT/SIGTERM."""
    from rich.console import Console

    from concerted.updates.watch import parse_interval, watch, watch_once

    try:
        seconds = parse_interval(every)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--every") from exc
    cycle = _cycle(app, _sources(source_ids, None), None, analyse=not no_analyse)
    with cycle.client:
        if once:
            report = watch_once(cycle)
            _show(report, fmt)
            raise SystemExit(0 if report.outcome != "failed" else 1)
        passes = watch(cycle, seconds, lambda r: _show(r, fmt))
    Console(stderr=True).print(f"watch stopped after {passes} pass(es)")


def register(group: click.Group) -> None:
    for command in (fetch_command, watch_command):
        group.add_command(command)
