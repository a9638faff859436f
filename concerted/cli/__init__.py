"""The `concerted` command line: one module per command group, loaded when its command runs.

`concerted --help` and every command start without importing the others' dependencies
(FastAPI, rich, the parsers...): `commands.COMMANDS` says which module registers each command
and gives its one-line help. Within a module, each command imports what it runs on (the
store, the analyses, the dossier layer) in its body, so its `--help` loads none of it
(ARCHITECTURE.md, "Import direction").
"""

from __future__ import annotations

import importlib
from typing import Any

import click

from concerted import __version__
from concerted.cli.commands import COMMANDS, MODULES

__all__ = ["LazyGroup", "cli", "main"]


class LazyGroup(click.Group):
    """A group whose commands are registered by their modules on first use."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._loaded: set[str] = set()

    def _load(self, module: str) -> None:
        if module not in self._loaded:
            self._loaded.add(module)
            importlib.import_module(f"concerted.cli.{module}").register(self)

    def load_all(self) -> None:
        for module in MODULES:
            self._load(module)

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(set(COMMANDS) | set(self.commands))

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        for module in COMMANDS.get(cmd_name, ((),))[0]:
            self._load(module)
        return self.commands.get(cmd_name)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """The command list from the table: no module is imported to print it."""
        limit = formatter.width - 6 - max(len(name) for name in COMMANDS)
        rows = [(name, click.Command(name, help=text).get_short_help_str(limit))
                for name, (_, text) in sorted(COMMANDS.items())]
        with formatter.section("Commands"):
            formatter.write_dl(rows)


@click.group(cls=LazyGroup)
@click.version_option(__version__, prog_name="concerted")
@click.option("--db", envvar="CONCERTED_DB", default=None, metavar="URL",
              help="Store URL (default sqlite:///concerted.db; postgresql://... for a server).")
@click.pass_context
def cli(ctx: click.Context, db: str | None) -> None:
    """Concerted: official sanctions lists, who acted in concert, and who has not yet."""
    # Imported when a command runs, not at import: `concerted --help` stays fast
    # (tests/test_cli_startup.py: no pydantic, no sqlalchemy).
    from concerted.cli.context import AppContext
    from concerted.settings import Settings, SettingsError

    try:
        settings = Settings.from_env(db)
    except SettingsError as exc:
        raise click.ClickException(str(exc)) from None
    ctx.obj = AppContext(settings)
    ctx.call_on_close(ctx.obj.close)


def main() -> None:
    cli()
