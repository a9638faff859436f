"""`concerted upgrade`: bring a store to the schema revision this Concerted needs."""

from __future__ import annotations

import click
from sqlalchemy.exc import OperationalError

from concerted.cli.context import AppContext, pass_app
from concerted.store.db import connect
from concerted.store.migrate import SchemaError, upgrade

__all__ = ["register"]


@click.command("upgrade")
@pass_app
def upgrade_command(app: AppContext) -> None:
    """Migrate the store to the newest schema revision (back it up first).

    Safe to run at every start-up: a store already at the newest revision is left alone, a
    new one is created, one made by a newer Concerted is refused untouched."""
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


def register(cli: click.Group) -> None:
    cli.add_command(upgrade_command)
