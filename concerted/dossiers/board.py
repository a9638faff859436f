"""The status board (every visible dossier × the programs a packet exists for) and the
alerts addressed to the acting user."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select, update

from concerted import clock
from concerted.dossiers import audit
from concerted.dossiers.env import DossierEnv, field
from concerted.dossiers.model import PROGRAMS
from concerted.dossiers.policy import Actor, visible_dossiers
from concerted.dossiers.reading import read_subject
from concerted.store.tables import dossier_alerts, dossiers, submissions

__all__ = ["alerts_for", "board"]


def board(env: DossierEnv, actor: Actor) -> list[dict[str, Any]]:
    """Per visible dossier: its subject and each program's submission status (or None)."""
    with env.engine.begin() as conn:
        grants = visible_dossiers(conn, actor)
        ids = [g.dossier_id for g in grants]
        rows = {r.id: r for r in conn.execute(select(dossiers).where(dossiers.c.id.in_(ids)))}
        status: dict[str, dict[str, Any]] = {}
        for sub in conn.execute(select(submissions).where(submissions.c.dossier_id.in_(ids))):
            env.binder.check("submissions", sub)
            status.setdefault(sub.dossier_id, {})[sub.program] = {
                "id": sub.id, "status": sub.status, "updated_at": sub.updated_at}
        if ids:
            audit.record(conn, env.binder, actor.email, "board.read", "user", str(actor.user_id),
                         None,
                         {"dossiers": len(ids)})
    found = [{"dossier": d, "subject": read_subject(env.sealer, rows[d]).name,
              "programs": {p: status.get(d, {}).get(p) for p in PROGRAMS}} for d in ids]
    return sorted(found, key=lambda r: (r["subject"].lower(), r["dossier"]))


def alerts_for(env: DossierEnv, actor: Actor, mark_read: bool = False) -> list[dict[str, Any]]:
    with env.engine.begin() as conn:
        # Only organisations the user still belongs to: a removed owner hears no more.
        rows = list(conn.execute(select(dossier_alerts).where(
            dossier_alerts.c.user_id == actor.user_id,
            dossier_alerts.c.org_id.in_(sorted(actor.roles))).order_by(dossier_alerts.c.id)))
        for row in rows:
            env.binder.check("dossier_alerts", row)
        if mark_read and rows:
            conn.execute(update(dossier_alerts).where(
                dossier_alerts.c.user_id == actor.user_id,
                dossier_alerts.c.read_at.is_(None)).values(read_at=clock.stamp()))
    return [{"id": r.id, "dossier": r.dossier_id, "submission": r.submission_id,
             "kind": r.kind, "created_at": r.created_at, "read_at": r.read_at,
             "message": env.sealer.open(r.message, field("dossier_alerts", "message",
                                                         r.dossier_id))} for r in rows]
