"""Dossiers: open one, describe its subject, link it to listings, list and read them.

Every function takes the acting user and asks the policy first; confidential fields are
sealed before they reach the store and every read or write of them is audited.
"""

from __future__ import annotations

import secrets
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, insert, select, update

from concerted import clock
from concerted.dossiers import audit
from concerted.dossiers.env import DossierEnv, field
from concerted.dossiers.model import Subject
from concerted.dossiers.orgs import org_id
from concerted.dossiers.policy import Action, Actor, require, require_org, visible_dossiers
from concerted.dossiers.reading import read_subject, read_view
from concerted.dossiers.records import DossierView
from concerted.dossiers.targets import check_listing
from concerted.store.tables import dossier_listings, dossiers, organisations

__all__ = ["create_dossier", "get_dossier", "link_listing", "list_dossiers", "new_id",
           "update_subject"]


def new_id() -> str:
    return secrets.token_hex(10)


def _sealed_subject(env: DossierEnv, dossier_id: str, subject: Subject) -> dict[str, str]:
    return {"subject": env.sealer.seal(subject.name, field("dossiers", "subject", dossier_id)),
            "schema": subject.schema,
            "profile": env.sealer.seal_json(subject.profile(),
                                            field("dossiers", "profile", dossier_id))}


def create_dossier(env: DossierEnv, actor: Actor, org: str, subject: Subject,
                   listings: Sequence[tuple[str, str]] = ()) -> str:
    if not subject.name.strip():
        raise ValueError("a dossier needs a subject")
    for source, key in listings:
        check_listing(env.engine, source, key)
    dossier_id, now = new_id(), clock.stamp()
    with env.engine.begin() as conn:
        oid = org_id(conn, org)
        require_org(actor, oid, Action.WRITE)
        conn.execute(insert(dossiers).values(
            id=dossier_id, org_id=oid, status="open",
            bound=env.binder.tag("dossiers", {"id": dossier_id, "org_id": oid}),
            created_by=actor.user_id, created_at=now,
            updated_at=now, **_sealed_subject(env, dossier_id, subject)))
        for source, key in listings:
            _link(conn, actor, dossier_id, source, key, "target")
        audit.record(conn, env.binder, actor.email, "dossier.create", "dossier", dossier_id, oid,
                     {"listings": len(listings)})
    return dossier_id


def _link(conn: Connection, actor: Actor | None, dossier_id: str, source: str, key: str,
          how: str) -> None:
    exists = conn.execute(select(dossier_listings.c.how).where(
        dossier_listings.c.dossier_id == dossier_id, dossier_listings.c.source == source,
        dossier_listings.c.listing_key == key)).first()
    if exists is None:
        conn.execute(insert(dossier_listings).values(
            dossier_id=dossier_id, source=source, listing_key=key, how=how,
            linked_by=actor.user_id if actor else None, linked_at=clock.stamp()))


def link_listing(env: DossierEnv, actor: Actor, dossier_id: str, source: str, key: str) -> None:
    check_listing(env.engine, source, key)
    with env.engine.begin() as conn:
        grant = require(conn, actor, dossier_id, Action.WRITE)
        _link(conn, actor, dossier_id, source, key, "manual")
        audit.record(conn, env.binder, actor.email, "dossier.link", "dossier", dossier_id,
                     grant.org_id,
                     {"source": source, "listing_key": key})


def update_subject(env: DossierEnv, actor: Actor, dossier_id: str, subject: Subject) -> None:
    with env.engine.begin() as conn:
        grant = require(conn, actor, dossier_id, Action.WRITE)
        conn.execute(update(dossiers).where(dossiers.c.id == dossier_id).values(
            updated_at=clock.stamp(), **_sealed_subject(env, dossier_id, subject)))
        audit.record(conn, env.binder, actor.email, "dossier.update", "dossier", dossier_id,
                     grant.org_id)


def get_dossier(env: DossierEnv, actor: Actor, dossier_id: str) -> DossierView:
    """The dossier as this actor may see it; the read is audited."""
    with env.engine.begin() as conn:
        grant = require(conn, actor, dossier_id, Action.READ)
        view = read_view(conn, env.sealer, grant)
        audit.record(conn, env.binder, actor.email, "dossier.read", "dossier", dossier_id,
                     grant.org_id,
                     {"ceiling": grant.ceiling.value, "evidence": len(view.evidence)})
    return view


def list_dossiers(env: DossierEnv, actor: Actor) -> list[dict[str, Any]]:
    """Every dossier the actor may read: id, organisation, subject, how they see it."""
    with env.engine.begin() as conn:
        grants = visible_dossiers(conn, actor)
        rows = {r.id: r for r in conn.execute(
            select(dossiers, organisations.c.name.label("org"))
            .join(organisations, organisations.c.id == dossiers.c.org_id)
            .where(dossiers.c.id.in_([g.dossier_id for g in grants])))}
        if grants:
            audit.record(conn, env.binder, actor.email, "dossier.list", "user", str(actor.user_id),
                         None,
                         {"dossiers": len(grants)})
    found = [{"id": g.dossier_id, "org": rows[g.dossier_id].org,
              "subject": read_subject(env.sealer, rows[g.dossier_id]).name,
              "status": rows[g.dossier_id].status, "created_at": rows[g.dossier_id].created_at,
              "role": g.access.role.value if g.access.role else None,
              "shared_level": g.access.shared.value if g.access.shared else None}
             for g in grants]
    return sorted(found, key=lambda d: (d["org"], d["subject"].lower(), d["id"]))
