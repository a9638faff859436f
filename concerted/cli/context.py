"""What every command needs: settings, an engine and the archive, opened lazily."""

from __future__ import annotations

from dataclasses import dataclass, field

import click
from sqlalchemy import Engine
from sqlalchemy.exc import OperationalError

from concerted.archive import Archive
from concerted.settings import Settings
from concerted.store.db import connect
from concerted.store.migrate import SchemaError

__all__ = ["AppContext", "pass_app"]


@dataclass
class AppContext:
    settings: Settings
    _engine: Engine | None = field(default=None, repr=False)

    @property
    def engine(self) -> Engine:
        if self._engine is None:
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
