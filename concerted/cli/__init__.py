"""The `concerted` command line: one module per command group, registered here."""

from __future__ import annotations

import click

from concerted import __version__
from concerted.cli import (
    alerts_cmd,
    analysis_cmd,
    dossiers_cmd,
    fetch_cmd,
    ingest_cmd,
    keys_cmd,
    lists_cmd,
    programs_cmd,
    resolve_cmd,
    serve_cmd,
    upgrade_cmd,
    users_cmd,
)
from concerted.cli.context import AppContext
from concerted.settings import Settings

__all__ = ["cli", "main"]


@click.group()
@click.version_option(__version__, prog_name="concerted")
@click.option("--db", envvar="CONCERTED_DB", default=None, metavar="URL",
              help="Store URL (default sqlite:///concerted.db; postgresql://... for a server).")
@click.pass_context
def cli(ctx: click.Context, db: str | None) -> None:
    """Concerted: official sanctions lists, who acted in concert, and who has not yet."""
    ctx.obj = AppContext(Settings.from_env(db))
    ctx.call_on_close(ctx.obj.close)


for module in (ingest_cmd, lists_cmd, programs_cmd, analysis_cmd, fetch_cmd, alerts_cmd,
               users_cmd, serve_cmd, dossiers_cmd, resolve_cmd, upgrade_cmd, keys_cmd):
    module.register(cli)


def main() -> None:
    cli()
