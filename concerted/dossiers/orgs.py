"""Organisations, their members' roles, coalitions, and dossiers shared with coalitions.

Creating organisations and coalitions is an operator's act (the command line); managing
members and sharing are an owner's, checked by the policy. Every change is audited.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, delete, insert, select

from concerted import clock
from concerted.accounts.users import find_user
from concerted.dossiers import audit
from concerted.dossiers.env import DossierEnv
from concerted.dossiers.model import ORG_KINDS, Level, Role
from concerted.dossiers.policy import Action, Actor, NotFound, require, require_org
from concerted.store.tables import (
    coalition_members,
    coalitions,
    dossier_shares,
    org_members,
    organisations,
    users,
)

__all__ = [
    "OPERATOR",
    "ORG_KINDS",
    "add_coalition",
    "add_member",
    "add_org",
    "members",
    "org_id",
    "share",
    "unshare",
]

OPERATOR = "operator"  # the audit name of whoever runs the command line on the server


def org_id(conn: Connection, name: str) -> int:
    found = conn.execute(select(organisations.c.id)
                         .where(organisations.c.name == name.strip())).scalar()
    if found is None:
        raise NotFound(f"organisation {name!r} not found")
    return int(found)


def add_org(env: DossierEnv, name: str, kind: str = "ngo") -> int:
    if kind not in ORG_KINDS or not name.strip():
        raise ValueError(f"an organisation needs a name and a kind among {ORG_KINDS}")
    with env.engine.begin() as conn:
        new = conn.execute(insert(organisations).values(
            name=name.strip(), kind=kind, created_at=clock.stamp())).inserted_primary_key
        assert new is not None
        audit.record(conn, env.binder, OPERATOR, "org.add", "organisation", str(new[0]),
                     int(new[0]))
    return int(new[0])


def add_member(env: DossierEnv, org: str, email: str, role: Role, by: Actor | None) -> None:
    """Give a user a role in an organisation (replacing any role they had there)."""
    user = find_user(env.engine, email)
    if user is None:
        raise NotFound(f"no user {email.strip().lower()}")
    with env.engine.begin() as conn:
        oid = org_id(conn, org)
        if by is not None:
            require_org(by, oid, Action.MANAGE)
        conn.execute(delete(org_members).where(org_members.c.org_id == oid,
                                               org_members.c.user_id == user.id))
        member = {"org_id": oid, "user_id": user.id, "role": role.value}
        conn.execute(insert(org_members).values(
            **member, added_at=clock.stamp(), bound=env.binder.tag("org_members", member)))
        audit.record(conn, env.binder, by.email if by else OPERATOR, "member.set", "user",
                     str(user.id),
                     oid, {"role": role.value})


def members(env: DossierEnv, actor: Actor, org: str) -> list[dict[str, Any]]:
    with env.engine.connect() as conn:
        oid = org_id(conn, org)
        require_org(actor, oid, Action.READ)
        rows = conn.execute(select(users.c.email, org_members.c.role)
                            .join(users, users.c.id == org_members.c.user_id)
                            .where(org_members.c.org_id == oid).order_by(users.c.email))
        return [{"email": e, "role": r} for e, r in rows]


def add_coalition(env: DossierEnv, name: str, orgs: list[str]) -> int:
    with env.engine.begin() as conn:
        ids = [org_id(conn, o) for o in orgs]
        new = conn.execute(insert(coalitions).values(
            name=name.strip(), created_at=clock.stamp())).inserted_primary_key
        assert new is not None
        for oid in ids:
            pair = {"coalition_id": int(new[0]), "org_id": oid}
            conn.execute(insert(coalition_members).values(
                **pair, bound=env.binder.tag("coalition_members", pair)))
        audit.record(conn, env.binder, OPERATOR, "coalition.add", "coalition", str(new[0]), None,
                     {"orgs": ids})
    return int(new[0])


def _coalition(conn: Connection, name: str, org: int) -> int:
    found = conn.execute(select(coalition_members.c.coalition_id)
                         .join(coalitions, coalitions.c.id == coalition_members.c.coalition_id)
                         .where(coalitions.c.name == name, coalition_members.c.org_id == org)
                         ).scalar()
    if found is None:
        raise NotFound(f"coalition {name!r} not found among the organisation's coalitions")
    return int(found)


def share(env: DossierEnv, actor: Actor, dossier_id: str, coalition: str, level: Level) -> None:
    """Let a coalition's members read the dossier, up to `level` (never `protected`)."""
    if level == Level.PROTECTED:
        raise ValueError("protected material is never shared outside the organisation")
    with env.engine.begin() as conn:
        grant = require(conn, actor, dossier_id, Action.MANAGE)
        cid = _coalition(conn, coalition, grant.org_id)
        conn.execute(delete(dossier_shares).where(dossier_shares.c.dossier_id == dossier_id,
                                                  dossier_shares.c.coalition_id == cid))
        shared = {"dossier_id": dossier_id, "coalition_id": cid, "level": level.value}
        conn.execute(insert(dossier_shares).values(
            **shared, shared_by=actor.user_id, shared_at=clock.stamp(),
            bound=env.binder.tag("dossier_shares", shared)))
        audit.record(conn, env.binder, actor.email, "dossier.share", "dossier", dossier_id,
                     grant.org_id,
                     {"coalition": cid, "level": level.value})


def unshare(env: DossierEnv, actor: Actor, dossier_id: str, coalition: str) -> None:
    with env.engine.begin() as conn:
        grant = require(conn, actor, dossier_id, Action.MANAGE)
        cid = _coalition(conn, coalition, grant.org_id)
        conn.execute(delete(dossier_shares).where(dossier_shares.c.dossier_id == dossier_id,
                                                  dossier_shares.c.coalition_id == cid))
        audit.record(conn, env.binder, actor.email, "dossier.unshare", "dossier", dossier_id,
                     grant.org_id,
                     {"coalition": cid})
