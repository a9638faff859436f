"""Command-line parameter types over `concerted.choices`: a bad date, id or enumerated value
is a usage error naming the option and the problem (exit 2), never an empty answer."""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from concerted.choices import (
    JURISDICTIONS,
    THEMES,
    BadValue,
    check_country,
    check_day,
    check_partial_day,
    check_program,
)
from concerted.cli.context import AppContext
from concerted.sources import SOURCES

__all__ = ["COUNTRY", "DATE", "DAY", "JURISDICTION", "PARTIAL_DAY", "PROGRAM",
           "PROGRAM_JURISDICTION", "SOURCE", "THEME", "known_programs"]

JURISDICTION = click.Choice(JURISDICTIONS, case_sensitive=False)
THEME = click.Choice(THEMES)


class _ProgramJurisdictions(click.Choice[str]):
    """The governments the program data covers, more than the lists held (Estonia, Jersey…),
    read when an option of this type is first used: loading and checking the program data
    takes a fifth of a second, which a command that names no government need not pay."""

    def __init__(self) -> None:  # no choices to give Choice yet
        self.case_sensitive = False

    @functools.cached_property
    def choices(self) -> tuple[str, ...]:  # type: ignore[override]
        from concerted.programs import all_programs

        return tuple(sorted({p.jurisdiction for p in all_programs()}))


PROGRAM_JURISDICTION = _ProgramJurisdictions()
SOURCE = click.Choice(sorted(SOURCES))


class _Checked(click.ParamType[Any]):
    def __init__(self, name: str, check: Callable[[str, str], Any]) -> None:
        self.name = name
        self._check = check

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None
                ) -> Any:
        if not isinstance(value, str):
            return value
        try:
            return self._check(param.name if param and param.name else "value", value)
        except BadValue as exc:
            self.fail(exc.message, param, ctx)


DAY = _Checked("YYYY-MM-DD", lambda p, v: check_day(p, v).isoformat())
DATE = _Checked("YYYY-MM-DD", check_day)  # the same, as a `date`
PARTIAL_DAY = _Checked("YYYY[-MM[-DD]]", check_partial_day)
COUNTRY = _Checked("CC", check_country)


def known_programs(ctx: click.Context | None) -> set[str]:
    """The registry's programs, and the country regimes the lists held carry (from the store
    given by --db; a store that does not exist yet is not created for this)."""
    from concerted.programs import all_programs  # on use: see _ProgramJurisdictions

    known = {p.id for p in all_programs()}
    app = ctx.find_object(AppContext) if ctx else None
    if app is not None and _exists(app.settings.db_url):
        from concerted.store.reader import Reader  # with the store: --help needs neither

        known |= Reader(app.engine).program_ids()
    return known


def _exists(url: str) -> bool:
    if not url.startswith("sqlite"):
        return True
    path = url.split(":///", 1)[-1]
    return path in ("", ":memory:") or Path(path).exists()


class _Program(click.ParamType[str]):
    name = "PROGRAM"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None
                ) -> Any:
        try:
            return check_program("program", value, known_programs(ctx))
        except BadValue as exc:
            self.fail(exc.message, param, ctx)


PROGRAM = _Program()
