"""`concerted upgrade` (the store's schema) and `concerted rebuild` (its derived list data)."""

from __future__ import annotations

import click

from concerted.cli.context import AppContext, pass_app
from concerted.cli.output import FORMAT_OPTION, emit
from concerted.sources import SOURCES

__all__ = ["after_upgrade_steps", "register"]


@click.command("upgrade")
@pass_app
def upgrade_command(app: AppContext) -> None:
    """Migrate the store to the newest schema revision (back it up first).

    Safe to run at every start-up: a store already at the newest revision is left alone, a
    new one is created, one made by a newer Concerted is refused untouched."""
    from sqlalchemy.exc import OperationalError

    from concerted.store.db import connect
    from concerted.store.migrate import SchemaError, upgrade

    engine = connect(app.settings.db_url, create=False)
    try:
        before, after = upgrade(engine)
    except SchemaError as exc:
        raise click.ClickException(str(exc)) from exc
    except OperationalError as exc:
        raise click.ClickException(
            f"cannot open the store at {app.settings.db_url}: {exc.orig}") from exc
    finally:
        engine.dispose()
    if before is None:
        click.echo(f"created at schema revision {after}")
    elif before == after:
        click.echo(f"already at the newest schema revision {after}")
    else:
        click.echo(f"upgraded from schema revision {before} to {after}")
        after_upgrade_steps(app, before)


def after_upgrade_steps(app: AppContext, before: str) -> None:
    """The keyring-bound steps of the revisions crossed (after_upgrade); refused with what
    to do when the keyring cannot be opened."""
    from concerted.dossiers.after_upgrade import needs_steps, run_steps
    from concerted.dossiers.env import DossierEnv
    from concerted.dossiers.keys import KeyMissing, PassphraseError

    if not needs_steps(app.engine, before):
        return
    try:
        env = DossierEnv.from_settings(app.settings, app.engine)
    except (KeyMissing, PassphraseError) as exc:
        raise click.ClickException(
            f"the schema is upgraded, but keying the dossier data needs the keyring: {exc}. "
            "Then run `concerted audit bind`.") from None
    for message in run_steps(env, before):
        click.echo(message)


@click.command("rebuild")
@click.option("--source", "source_ids", multiple=True, type=click.Choice(sorted(SOURCES)),
              help="Rebuild this source (repeatable); default: every source with snapshots "
                   "read by an older parser version.")
@click.option("--all", "everything", is_flag=True, help="Rebuild every stored source.")
@FORMAT_OPTION
@pass_app
def rebuild_command(app: AppContext, source_ids: tuple[str, ...], everything: bool,
                    fmt: str) -> None:
    """Re-read the archived list files with today's parsers and re-derive listings, versions
    and changes. Judgements, users, subscriptions, alerts, dossiers and the audit log are
    kept; no alert is raised again. Restart a running server afterwards."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from concerted.rebuild import RebuildError, outdated_sources, rebuild, stored_sources

    if everything:
        chosen = stored_sources(app.engine)
    else:
        chosen = list(source_ids) or outdated_sources(app.engine)
    console = Console(stderr=True)
    if not chosen:
        console.print("every snapshot was read by today's parsers: nothing to rebuild")
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                  TimeElapsedColumn(), console=console, transient=True) as bar:
        task = bar.add_task("rebuilding", total=None)

        def step(source: str, done: int, total: int) -> None:
            bar.update(task, description=f"rebuilding {source}", completed=done, total=total)

        try:
            results = rebuild(app.engine, app.archive, chosen, step)
        except RebuildError as exc:
            raise click.ClickException(str(exc)) from exc
    rows = [vars(r) for r in results]
    emit(rows, fmt, ["source", "parser_version", "snapshots", "versions_before",
                     "versions_after"], "rebuild")


def register(cli: click.Group) -> None:
    cli.add_command(upgrade_command)
    cli.add_command(rebuild_command)
