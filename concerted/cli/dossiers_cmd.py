"""`concerted dossiers ...`, and the registration of every dossier command group: orgs,
coalitions, dossiers, allegations, evidence, submissions, audit, keys, backup, restore."""

from __future__ import annotations

import click

from concerted.cli import dossier_items_cmd, dossier_orgs_cmd, dossier_security_cmd
from concerted.cli import dossier_submissions_cmd as submissions_cmd
from concerted.cli.context import AppContext, pass_app
from concerted.cli.dossier_common import AS_OPTION, acting, refusals
from concerted.cli.output import FORMAT_OPTION, emit, emit_json

__all__ = ["register"]


@click.group("dossiers")
def dossiers_group() -> None:
    """Dossiers on a subject: allegations, evidence, submissions to governments."""


@dossiers_group.command("create")
@click.option("--org", required=True, metavar="NAME")
@click.option("--subject", required=True, metavar="NAME")
@click.option("--target", "targets", multiple=True, metavar="TARGET_ID",
              help="A target (SOURCE:KEY or a resolved id) whose listings the subject is; "
                   "without it the lists are searched for the subject and you confirm one.")
@click.option("--no-target", is_flag=True, help="Open it linked to no listing.")
@click.option("--yes", "-y", "take_best", is_flag=True,
              help="Link the best-matching target without asking.")
@click.option("--schema", type=click.Choice(["Person", "Organization"]), default="Person")
@click.option("--alias", "aliases", multiple=True)
@AS_OPTION
@pass_app
@refusals
def create(app: AppContext, org: str, subject: str, targets: tuple[str, ...], no_target: bool,
           take_best: bool, schema: str, aliases: tuple[str, ...], as_email: str) -> None:
    """Open a dossier; prints its id."""
    from concerted.cli.dossier_targets import choose_target
    from concerted.dossiers import service
    from concerted.dossiers.model import Subject
    from concerted.dossiers.targets import listing_keys

    env, actor = acting(app, as_email)
    keys = [key for target in targets for key in listing_keys(env.engine, target)]
    if not targets and not no_target:
        keys = list(choose_target(env.engine, app.settings.data_dir / "cache", subject, schema,
                                  take_best))
    click.echo(service.create_dossier(env, actor, org, Subject(subject, schema, aliases), keys))


@dossiers_group.command("list")
@AS_OPTION
@FORMAT_OPTION
@pass_app
@refusals
def list_dossiers(app: AppContext, as_email: str, fmt: str) -> None:
    """The dossiers you may read."""
    from concerted.dossiers import service

    env, actor = acting(app, as_email)
    emit(service.list_dossiers(env, actor), fmt,
         ["id", "org", "subject", "status", "role", "shared_level"], "dossiers")


@dossiers_group.command("show")
@click.argument("dossier_id")
@AS_OPTION
@pass_app
@refusals
def show(app: AppContext, dossier_id: str, as_email: str) -> None:
    """The dossier as JSON, with which governments have acted and which could."""
    from concerted.dossiers import service
    from concerted.dossiers.gaps import jurisdiction_status

    env, actor = acting(app, as_email)
    view = service.get_dossier(env, actor, dossier_id)
    emit_json({**view.to_dict(),
               "jurisdictions": [s.to_dict() for s in jurisdiction_status(env.engine, view)]})


@dossiers_group.command("gaps")
@click.argument("dossier_id")
@AS_OPTION
@FORMAT_OPTION
@pass_app
@refusals
def gaps(app: AppContext, dossier_id: str, as_email: str, fmt: str) -> None:
    """Per government: acted or not, and the programs a packet could go to."""
    from concerted.dossiers import service
    from concerted.dossiers.gaps import jurisdiction_status

    env, actor = acting(app, as_email)
    rows = [s.to_dict() for s in jurisdiction_status(
        env.engine, service.get_dossier(env, actor, dossier_id))]
    emit(rows, fmt, ["jurisdiction", "name", "status", "list_as_of", "packets", "eligible"],
         "Governments")


@dossiers_group.command("link")
@click.argument("dossier_id")
@click.argument("listing", metavar="SOURCE:KEY")
@AS_OPTION
@pass_app
@refusals
def link(app: AppContext, dossier_id: str, listing: str, as_email: str) -> None:
    """Point the dossier at one more listing of its subject."""
    from concerted.dossiers import service
    from concerted.dossiers.targets import parse_listing_ref

    env, actor = acting(app, as_email)
    service.link_listing(env, actor, dossier_id, *parse_listing_ref(listing))


@dossiers_group.command("set")
@click.argument("dossier_id")
@click.option("--field", "fields", multiple=True, metavar="KEY=TEXT",
              help="A packet section or note, e.g. national_interest=..., summary=...")
@click.option("--alias", "aliases", multiple=True)
@click.option("--birth-date", "births", multiple=True)
@click.option("--nationality", "nationalities", multiple=True)
@click.option("--identifier", "identifiers", multiple=True, help='e.g. "passport: E123 (CN)"')
@click.option("--position", "positions", multiple=True)
@click.option("--affiliation", "affiliations", multiple=True)
@AS_OPTION
@pass_app
@refusals
def set_subject(app: AppContext, dossier_id: str, fields: tuple[str, ...], aliases: tuple[str, ...],
                births: tuple[str, ...], nationalities: tuple[str, ...],
                identifiers: tuple[str, ...], positions: tuple[str, ...],
                affiliations: tuple[str, ...], as_email: str) -> None:
    """Add to the subject's description (names, identifiers, positions, sections)."""
    from concerted.dossiers import service

    env, actor = acting(app, as_email)
    old = service.get_dossier(env, actor, dossier_id).subject
    sections = dict(f.split("=", 1) for f in fields if "=" in f)
    new = old.extended(sections, {
        "aliases": aliases, "birth_dates": births, "nationalities": nationalities,
        "identifiers": identifiers, "positions": positions, "affiliations": affiliations})
    service.update_subject(env, actor, dossier_id, new)


@dossiers_group.command("share")
@click.argument("dossier_id")
@click.option("--coalition", required=True, metavar="NAME")
@click.option("--level", type=click.Choice(["public", "governments", "internal"]),
              default="governments", show_default=True)
@click.option("--revoke", is_flag=True, help="Stop sharing instead.")
@AS_OPTION
@pass_app
@refusals
def share(app: AppContext, dossier_id: str, coalition: str, level: str, revoke: bool,
          as_email: str) -> None:
    """Share the dossier with a coalition, up to a level (or stop sharing it)."""
    from concerted.dossiers import orgs
    from concerted.dossiers.model import Level

    env, actor = acting(app, as_email)
    if revoke:
        orgs.unshare(env, actor, dossier_id, coalition)
    else:
        orgs.share(env, actor, dossier_id, coalition, Level(level))


@dossiers_group.command("alerts")
@AS_OPTION
@click.option("--mark-read", is_flag=True)
@FORMAT_OPTION
@pass_app
@refusals
def alerts(app: AppContext, as_email: str, mark_read: bool, fmt: str) -> None:
    """Alerts for you: submissions whose subject a government has since listed."""
    from concerted.dossiers import board

    env, actor = acting(app, as_email)
    emit(board.alerts_for(env, actor, mark_read), fmt,
         ["id", "kind", "dossier", "created_at", "read_at", "message"], "alerts")


def register(group: click.Group) -> None:
    for command in (dossier_orgs_cmd.orgs_group, dossier_orgs_cmd.coalitions_group,
                    dossiers_group, *dossier_items_cmd.GROUPS, *submissions_cmd.GROUPS,
                    *dossier_security_cmd.COMMANDS):
        group.add_command(command)
    dossier_security_cmd.add_bundle_commands(dossiers_group)
