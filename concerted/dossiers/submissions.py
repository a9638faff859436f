"""Submissions: one per dossier and program, its packet, and its status over time
(draft → submitted → acknowledged → designated / declined / withdrawn)."""

from __future__ import annotations

import hashlib
from typing import Any

from sqlalchemy import Connection, insert, select, update

from concerted import clock
from concerted.dossiers import audit
from concerted.dossiers.allegations import check_date
from concerted.dossiers.env import DossierEnv, field
from concerted.dossiers.gaps import jurisdiction_status
from concerted.dossiers.model import PROGRAMS, Status, can_move
from concerted.dossiers.packet import Packet, build_packet
from concerted.dossiers.policy import Action, Actor, Grant, require, require_item
from concerted.dossiers.reading import read_view
from concerted.dossiers.service import new_id
from concerted.programs import get_program
from concerted.state.model import State
from concerted.store.tables import submission_events, submissions

__all__ = ["FORMATS", "add_event", "build", "preview", "render", "set_status"]

FORMATS = ("pdf", "docx")


def render(fmt: str, packet: Packet) -> bytes:
    """The packet laid out as `fmt`. Each renderer is imported when asked for: fpdf2 with its
    fonts takes about half a second to load, which every dossier command would otherwise pay."""
    if fmt == "pdf":
        from concerted.dossiers.render_pdf import render_pdf

        return render_pdf(packet)
    if fmt == "docx":
        from concerted.dossiers.render_docx import render_docx

        return render_docx(packet)
    raise ValueError(f"unknown packet format {fmt!r}; choose among {', '.join(FORMATS)}")


def _program(program: str) -> str:
    found = get_program(program).id
    if found not in PROGRAMS:
        raise ValueError(f"no packet template for {program}; choose among {', '.join(PROGRAMS)}")
    return found


def add_event(conn: Connection, env: DossierEnv, submission_id: str, status: Status,
              user_id: int | None, note: str, on_date: str | None = None) -> None:
    conn.execute(insert(submission_events).values(
        submission_id=submission_id, status=status.value,
        on_date=on_date or clock.today().isoformat(),
        at=clock.stamp(), user_id=user_id,
        note=env.sealer.seal(note, field("submission_events", "note", submission_id))))


def _ensure(conn: Connection, env: DossierEnv, actor: Actor, grant: Grant, program: str) -> str:
    found = conn.execute(select(submissions.c.id).where(
        submissions.c.dossier_id == grant.dossier_id, submissions.c.program == program)).scalar()
    if found is not None:
        return str(found)
    submission_id, now = new_id(), clock.stamp()
    bound = env.binder.tag("submissions", {"id": submission_id, "dossier_id": grant.dossier_id})
    conn.execute(insert(submissions).values(
        id=submission_id, dossier_id=grant.dossier_id, program=program, status="draft",
        created_by=actor.user_id, created_at=now, updated_at=now, bound=bound))
    add_event(conn, env, submission_id, Status.DRAFT, actor.user_id, "packet first built")
    return submission_id


def _packet(conn: Connection, env: DossierEnv, grant: Grant, program: str,
            state: State | None) -> Packet:
    view = read_view(conn, env.sealer, grant)
    acted = [{"jurisdiction": s.jurisdiction, **d}
             for s in jurisdiction_status(env.engine, view, state)
             if s.acted and s.jurisdiction != get_program(program).jurisdiction
             for d in s.designations]
    return build_packet(view, program, acted, clock.today())


def preview(env: DossierEnv, actor: Actor, dossier_id: str, program: str,
            state: State | None = None) -> Packet:
    """The packet as it would be built now, with its warnings; nothing is recorded but the
    read. With the served `state`, other governments' listings found by resolution count."""
    program = _program(program)
    with env.engine.begin() as conn:
        grant = require(conn, actor, dossier_id, Action.READ)
        packet = _packet(conn, env, grant, program, state)
        audit.record(conn, env.binder, actor.email, "submission.preview", "dossier", dossier_id,
                     grant.org_id, {"program": program, "evidence": list(packet.evidence)})
    return packet


def build(env: DossierEnv, actor: Actor, dossier_id: str, program: str, fmt: str,
          state: State | None = None) -> tuple[str, Packet, bytes]:
    """(submission id, packet, rendered bytes); opens the submission as a draft if new."""
    program = _program(program)
    if fmt not in FORMATS:
        raise ValueError(f"unknown packet format {fmt!r}; choose among {', '.join(FORMATS)}")
    with env.engine.begin() as conn:
        grant = require(conn, actor, dossier_id, Action.WRITE)
        submission_id = _ensure(conn, env, actor, grant, program)
        packet = _packet(conn, env, grant, program, state)
        data = render(fmt, packet)
        digest = hashlib.sha256(data).hexdigest()
        conn.execute(update(submissions).where(submissions.c.id == submission_id)
                     .values(packet_sha256=digest, updated_at=clock.stamp()))
        audit.record(conn, env.binder, actor.email, "submission.build", "submission", submission_id,
                     grant.org_id, {"dossier": dossier_id, "program": program, "format": fmt,
                                    "sha256": digest, "evidence": list(packet.evidence)})
    return submission_id, packet, data


def set_status(env: DossierEnv, actor: Actor, submission_id: str, status: Status,
               on_date: str | None = None, note: str = "") -> dict[str, Any]:
    check_date(on_date)
    with env.engine.begin() as conn:
        row, grant = require_item(conn, actor, submissions, "submission", submission_id,
                                  Action.WRITE)
        if not can_move(Status(row.status), status):
            raise ValueError(f"a {row.status} submission cannot become {status.value}")
        conn.execute(update(submissions).where(submissions.c.id == submission_id)
                     .values(status=status.value, updated_at=clock.stamp()))
        add_event(conn, env, submission_id, status, actor.user_id, note, on_date)
        audit.record(conn, env.binder, actor.email, "submission.status", "submission",
                     submission_id,
                     grant.org_id, {"from": row.status, "to": status.value})
    return {"id": submission_id, "program": row.program, "status": status.value}
