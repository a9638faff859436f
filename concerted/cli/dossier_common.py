"""What the dossier commands share: the `--as EMAIL` option, the dossier environment, and
one translation of refusals into command-line errors."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, ParamSpec, TypeVar

import click

from concerted.cli.context import AppContext

if TYPE_CHECKING:
    from concerted.dossiers.env import DossierEnv
    from concerted.dossiers.policy import Actor

__all__ = ["AS_OPTION", "LEVELS", "acting", "dossier_env", "refusals"]

P = ParamSpec("P")
R = TypeVar("R")

LEVELS = click.Choice(["public", "governments", "internal", "protected"])
AS_OPTION = click.option("--as", "as_email", envvar="CONCERTED_AS", required=True,
                         metavar="EMAIL", help="The user acting (or CONCERTED_AS).")


def dossier_env(app: AppContext) -> DossierEnv:
    from concerted.dossiers.env import DossierEnv
    from concerted.dossiers.keys import KeyMissing, PassphraseError

    try:
        return DossierEnv.from_settings(app.settings, app.engine)
    except (KeyMissing, PassphraseError) as exc:  # no keyring or passphrase: say which
        raise click.ClickException(str(exc)) from None


def acting(app: AppContext, email: str) -> tuple[DossierEnv, Actor]:
    from concerted.dossiers.policy import NotFound

    env = dossier_env(app)
    try:
        return env, env.actor(email)
    except NotFound as exc:
        raise click.ClickException(str(exc)) from None


@functools.cache
def _refusals() -> tuple[type[Exception], ...]:
    # Imported when a dossier command runs: the dossier layer (database, cryptography) is not
    # loaded for `--help`.
    from concerted.dossiers.bundle import BundleError
    from concerted.dossiers.crypto import TamperedError
    from concerted.dossiers.files import RefusedFile
    from concerted.dossiers.keys import KeyMissing, PassphraseError
    from concerted.dossiers.policy import Forbidden, NotFound
    from concerted.programs import UnknownProgram

    return (NotFound, Forbidden, BundleError, RefusedFile, TamperedError, KeyMissing,
            PassphraseError, FileExistsError, UnknownProgram, ValueError)


def refusals(command: Callable[P, R]) -> Callable[P, R]:
    """Turn the dossier layer's refusals into a one-line error and a non-zero exit."""

    @functools.wraps(command)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return command(*args, **kwargs)
        except _refusals() as exc:
            message: Any = exc.args[0] if exc.args else exc
            raise click.ClickException(str(message)) from None

    return wrapper
