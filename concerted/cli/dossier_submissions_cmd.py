"""`concerted submissions build | preview | status | board | mark-designated`."""

from __future__ import annotations

from pathlib import Path

import click

from concerted.cli.context import AppContext, pass_app
from concerted.cli.dossier_common import AS_OPTION, acting, dossier_env, refusals
from concerted.cli.output import FORMAT_OPTION, emit, emit_json
from concerted.cli.params import DAY
from concerted.dossiers.model import PROGRAMS, Status

__all__ = ["GROUPS"]

PROGRAM_OPTION = click.option("--program", required=True, type=click.Choice(list(PROGRAMS)))


@click.group("submissions")
def submissions_group() -> None:
    """Packets to governments, one per dossier and program, and their status."""


@submissions_group.command("build")
@click.argument("dossier_id")
@PROGRAM_OPTION
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="FILE.pdf or FILE.docx")
@AS_OPTION
@pass_app
@refusals
def build(app: AppContext, dossier_id: str, program: str, out: Path, as_email: str) -> None:
    """Build the packet for one program; prints the submission id."""
    from concerted.dossiers import submissions

    fmt = out.suffix.lower().lstrip(".")
    if fmt not in submissions.FORMATS:
        raise click.UsageError("--out must end in .pdf or .docx")
    env, actor = acting(app, as_email)
    submission_id, packet, data = submissions.build(env, actor, dossier_id, program, fmt)
    out.write_bytes(data)
    for warning in packet.warnings:
        click.echo(f"warning: {warning}", err=True)
    click.echo(submission_id)


@submissions_group.command("preview")
@click.argument("dossier_id")
@PROGRAM_OPTION
@AS_OPTION
@pass_app
@refusals
def preview(app: AppContext, dossier_id: str, program: str, as_email: str) -> None:
    """The packet's content and warnings as JSON, without recording a submission."""
    from concerted.dossiers import submissions

    env, actor = acting(app, as_email)
    emit_json(submissions.preview(env, actor, dossier_id, program).to_dict())


@submissions_group.command("status")
@click.argument("submission_id")
@click.argument("status", type=click.Choice([s.value for s in Status if s != Status.DRAFT]),
                metavar="STATUS")
@click.option("--date", "on_date", type=DAY, default=None, help="Default: today.")
@click.option("--note", default="")
@AS_OPTION
@pass_app
@refusals
def status(app: AppContext, submission_id: str, status: str, on_date: str | None, note: str,
           as_email: str) -> None:
    """Record what happened to a submission (submitted, acknowledged, designated...)."""
    from concerted.dossiers import submissions

    env, actor = acting(app, as_email)
    submissions.set_status(env, actor, submission_id, Status(status), on_date, note)


@submissions_group.command("board")
@AS_OPTION
@FORMAT_OPTION
@pass_app
@refusals
def status_board(app: AppContext, as_email: str, fmt: str) -> None:
    """Every dossier you may read × each program: the submission's status."""
    from concerted.dossiers import board

    env, actor = acting(app, as_email)
    rows = board.board(env, actor)
    if fmt == "json":
        emit_json(rows)
        return
    flat = [{"dossier": r["dossier"], "subject": r["subject"],
             **{p: (s or {}).get("status", "-") for p, s in r["programs"].items()}}
            for r in rows]
    emit(flat, fmt, ["dossier", "subject", *PROGRAMS], "submissions")


@submissions_group.command("mark-designated")
@pass_app
@refusals
def run_mark_designated(app: AppContext) -> None:
    """Mark open submissions designated where the lists now show the subject (the ingest
    path runs this after each ingest)."""
    from concerted.dossiers.designated import mark_designated

    env = dossier_env(app)
    click.echo(f"{mark_designated(env.engine, env.keyring)} submission(s) marked designated",
               err=True)


GROUPS = (submissions_group,)
