"""What every command needs: settings, an engine and the archive, opened lazily."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import click

from concerted.archive import Archive

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from concerted.settings import Settings

__all__ = ["AppContext", "pass_app"]


@dataclass
class AppContext:
    settings: Settings
    _engine: Engine | None = field(default=None, repr=False)

    @property
    def engine(self) -> Engine:
        if self._engine is None:
            # The database libraries load when a command first needs the store, so that every
            # command's --help and the commands that never open it start without them.
            from sqlalchemy.exc import OperationalError

            from concerted.store.db import connect
            from concerted.store.migrate import SchemaError

            try:
                self._engine = connect(self.settings.db_url)
            except OperationalError as exc:
                raise click.ClickException(
                    f"cannot open the store at {self.settings.db_url}: {exc.orig}. "
                    "Check --db / CONCERTED_DB and that the database server is running."
                ) from exc
            except SchemaError as exc:
                raise click.ClickException(str(exc)) from exc
        return self._engine

    def close(self) -> None:
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None

    @property
    def archive(self) -> Archive:
        return Archive(self.settings.archive_dir)


pass_app = click.make_pass_decorator(AppContext)
