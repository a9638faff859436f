"""`concerted ingest PATH...`: recognise, archive, parse, check and store official list files."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from concerted import clock
from concerted.cli.context import AppContext, pass_app
from concerted.cli.output import FORMAT_OPTION, emit
from concerted.cli.params import DAY
from concerted.sources import SOURCES

if TYPE_CHECKING:
    from rich.console import Console

__all__ = ["register"]


@click.command("ingest")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option(
    "--source",
    "source_id",
    type=click.Choice(sorted(SOURCES)),
    default=None,
    help="The list these files are (default: recognised from their content).",
)
@click.option(
    "--date",
    type=DAY,
    default=None,
    help="Snapshot date, for files that carry none and are not in a dated folder.",
)
@FORMAT_OPTION
@pass_app
def ingest_command(
    app: AppContext, paths: tuple[Path, ...], source_id: str | None, date: str | None, fmt: str
) -> None:
    """Ingest official list files or folders of them. Re-ingesting the same bytes is a no-op."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from concerted.alerts.service import after_ingest
    from concerted.ingest import IngestOptions, collect, ingest
    from concerted.store.lock import IngestBusy

    sets = collect(paths, source_id)
    console = Console(stderr=True)
    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
        transient=True,
    ) as bar:
        task = bar.add_task("ingesting", total=len(sets))

        def step(label: str) -> None:
            bar.update(task, description=label[-60:])
            if not label.startswith("deriving"):
                bar.advance(task)

        options = IngestOptions(source_id, date, step, lock_wait=app.settings.ingest_wait)
        try:
            results = ingest(app.engine, app.archive, sets, options)
        except IngestBusy as exc:
            raise click.ClickException(str(exc)) from exc
    if options.touched:
        raised = after_ingest(app.engine, options.touched, clock.stamp())
        if raised:
            console.print(f"{raised} new alert(s); see `concerted alerts`")
        _mark_submissions(app, console)
    rows = [vars(r) for r in results]
    emit(rows, fmt, ["status", "source", "published", "listings", "label", "message"], "ingest")
    rejected = [r for r in results if r.status == "rejected"]
    for result in rejected:
        console.print(f"[red]rejected[/red] {result.message}")
    if rejected:
        raise SystemExit(1)


def _mark_submissions(app: AppContext, console: Console) -> None:
    """Mark open dossier submissions whose subject a government has now listed."""
    from concerted.dossiers.designated import mark_designated
    from concerted.dossiers.keys import KeyMissing

    try:
        marked = mark_designated(app.engine, app.settings)
    except KeyMissing as exc:
        console.print(f"[yellow]dossier submissions not checked[/yellow]: {exc}")
        return
    if marked:
        console.print(f"{marked} dossier submission(s) marked designated; owners alerted")


def register(group: click.Group) -> None:
    group.add_command(ingest_command)
