"""`concerted users add | list | remove | disable | token`: local accounts for the write
paths of the web app and API (judgements, review decisions)."""

from __future__ import annotations

import sys

import click

from concerted.accounts.tokens import DEFAULT_DAYS, MAX_DAYS, SCOPES
from concerted.cli.context import AppContext, pass_app
from concerted.cli.output import FORMAT_OPTION, emit

__all__ = ["register"]

ROLES = click.Choice(["owner", "editor", "viewer"])


def _password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    value: str = click.prompt("Password", hide_input=True, confirmation_prompt=True)
    return value


@click.group("users")
def users_group() -> None:
    """Local user accounts (passwords hashed with argon2id)."""


@users_group.command("add")
@click.argument("email")
@click.option("--password-stdin", is_flag=True, help="Read the password from standard input.")
@click.option("--org", default=None, metavar="NAME", help="Also give a role in this organisation.")
@click.option("--role", type=ROLES, default=None, help="The role in --org.")
@click.option("--reviewer", is_flag=True,
              help="May record judgements (which listings are one target).")
@pass_app
def add_command(app: AppContext, email: str, password_stdin: bool, org: str | None,
                role: str | None, reviewer: bool) -> None:
    """Add a user; with --org and --role, also a member of that organisation."""
    from concerted.accounts import UserExists, add_user

    if (org is None) != (role is None):
        raise click.UsageError("--org and --role go together")
    try:
        user = add_user(app.engine, email, _password(password_stdin), reviewer)
    except (UserExists, ValueError) as exc:
        raise click.ClickException(str(exc)) from None
    if org is not None and role is not None:
        _add_member(app, org, user.email, role)
    click.echo(f"added {user.email}", err=True)


def _add_member(app: AppContext, org: str, email: str, role: str) -> None:
    # Roles are the dossiers package's: its audited add_member sets them. Imported only with
    # --org, so the other `users` commands start without the dossier modules (start-up time).
    from concerted.dossiers.env import DossierEnv
    from concerted.dossiers.model import Role
    from concerted.dossiers.orgs import add_member

    try:
        add_member(DossierEnv.from_settings(app.settings, app.engine), org, email, Role(role),
                   None)
    except LookupError as exc:
        raise click.ClickException(str(exc)) from None


@users_group.command("list")
@FORMAT_OPTION
@pass_app
def list_command(app: AppContext, fmt: str) -> None:
    """Every user: e-mail, created, disabled."""
    from concerted.accounts import list_users

    emit([u.to_dict() for u in list_users(app.engine)], fmt,
         ["email", "created_at", "disabled", "reviewer"], "users")


@users_group.command("reviewer")
@click.argument("email")
@click.option("--off", is_flag=True, help="Take the role away instead.")
@pass_app
def reviewer_command(app: AppContext, email: str, off: bool) -> None:
    """Let EMAIL record judgements in the review queue and the API (or no longer). Judging
    changes which listings are one target, and so what packets tell governments."""
    from concerted.accounts import set_reviewer

    if not set_reviewer(app.engine, email, not off):
        raise click.ClickException(f"no user {email}")


@users_group.command("remove")
@click.argument("email")
@pass_app
def remove_command(app: AppContext, email: str) -> None:
    """Remove a user, their sessions and tokens (their judgements keep their e-mail)."""
    from concerted.accounts import remove_user as delete_user

    if not delete_user(app.engine, email):
        raise click.ClickException(f"no user {email}")
    click.echo(f"removed {email.strip().lower()}", err=True)


@users_group.command("disable")
@click.argument("email")
@click.option("--enable", is_flag=True, help="Re-enable instead.")
@pass_app
def disable_command(app: AppContext, email: str, enable: bool) -> None:
    """Disable a user (ends their sessions; tokens stop working) or re-enable them."""
    from concerted.accounts import set_disabled

    if not set_disabled(app.engine, email, not enable):
        raise click.ClickException(f"no user {email}")


@users_group.command("token")
@click.argument("email")
@click.option("--label", default="", help="What the token is for.")
@click.option("--scope", type=click.Choice(SCOPES), default="write", show_default=True,
              help="read: reads only; write: also the write paths.")
@click.option("--days", type=click.IntRange(1, MAX_DAYS), default=DEFAULT_DAYS,
              show_default=True, help="Days until the token expires.")
@pass_app
def token_command(app: AppContext, email: str, label: str, scope: str, days: int) -> None:
    """Issue an API token for EMAIL; it is printed once and stored only as a digest."""
    from concerted.accounts import create_token, find_user

    user = find_user(app.engine, email)
    if user is None or user.disabled:
        raise click.ClickException(f"no active user {email}")
    issued = create_token(app.engine, user, label, scope, days)
    click.echo(issued.token)
    click.echo(f"token {issued.id} ({scope}) expires {issued.expires_at}", err=True)


@users_group.command("tokens")
@click.argument("email")
@click.option("--revoke", "revoke_id", type=int, default=None, metavar="ID",
              help="Revoke this one token (its id from the list).")
@FORMAT_OPTION
@pass_app
def tokens_command(app: AppContext, email: str, revoke_id: int | None, fmt: str) -> None:
    """EMAIL's API tokens (never the secrets), or revoke one of them."""
    from concerted.accounts import find_user
    from concerted.accounts.tokens import list_tokens, revoke_token_id

    user = find_user(app.engine, email)
    if user is None:
        raise click.ClickException(f"no user {email}")
    if revoke_id is not None:
        if not revoke_token_id(app.engine, user, revoke_id):
            raise click.ClickException(f"no live token {revoke_id} of {user.email}")
        click.echo(f"revoked token {revoke_id}", err=True)
        return
    emit(list_tokens(app.engine, user), fmt,
         ["id", "prefix", "label", "scope", "created_at", "expires_at", "revoked_at"], "tokens")


def register(group: click.Group) -> None:
    group.add_command(users_group)
