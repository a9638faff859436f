"""`concerted orgs add | member | members` and `concerted coalitions add`: organisations,
roles and coalitions. Adding organisations and coalitions is the operator's act."""

from __future__ import annotations

import click

from concerted.cli.context import AppContext, pass_app
from concerted.cli.dossier_common import AS_OPTION, acting, dossier_env, refusals
from concerted.cli.output import FORMAT_OPTION, emit
from concerted.dossiers.model import ORG_KINDS, Role

__all__ = ["coalitions_group", "orgs_group"]

ROLES = click.Choice([r.value for r in Role])


@click.group("orgs")
def orgs_group() -> None:
    """Organisations (NGOs, coalitions, government teams) and their members' roles."""


@orgs_group.command("add")
@click.argument("name")
@click.option("--kind", type=click.Choice(list(ORG_KINDS)), default="ngo",
              show_default=True)
@pass_app
@refusals
def add_org(app: AppContext, name: str, kind: str) -> None:
    """Add an organisation."""
    from sqlalchemy.exc import IntegrityError

    from concerted.dossiers import orgs

    try:
        new = orgs.add_org(dossier_env(app), name, kind)
    except IntegrityError:
        raise click.ClickException(f"an organisation {name!r} already exists") from None
    click.echo(f"added organisation {name} ({new})", err=True)


@orgs_group.command("member")
@click.argument("org")
@click.argument("email")
@click.option("--role", type=ROLES, required=True)
@click.option("--as", "as_email", envvar="CONCERTED_AS", default=None, metavar="EMAIL",
              help="An owner of ORG acting; without it, the operator.")
@pass_app
@refusals
def set_member(app: AppContext, org: str, email: str, role: str, as_email: str | None) -> None:
    """Give an existing user a role in an organisation."""
    from concerted.dossiers import orgs

    env, actor = acting(app, as_email) if as_email else (dossier_env(app), None)
    orgs.add_member(env, org, email, Role(role), actor)


@orgs_group.command("members")
@click.argument("org")
@AS_OPTION
@FORMAT_OPTION
@pass_app
@refusals
def list_members(app: AppContext, org: str, as_email: str, fmt: str) -> None:
    """The members of an organisation and their roles."""
    from concerted.dossiers import orgs

    env, actor = acting(app, as_email)
    emit(orgs.members(env, actor, org), fmt, ["email", "role"], org)


@click.group("coalitions")
def coalitions_group() -> None:
    """Coalitions: organisations that share chosen dossiers with each other."""


@coalitions_group.command("add")
@click.argument("name")
@click.option("--org", "members", multiple=True, required=True, metavar="NAME")
@pass_app
@refusals
def add_coalition(app: AppContext, name: str, members: tuple[str, ...]) -> None:
    """Add a coalition of organisations."""
    from concerted.dossiers import orgs

    new = orgs.add_coalition(dossier_env(app), name, list(members))
    click.echo(f"added coalition {name} ({new})", err=True)
