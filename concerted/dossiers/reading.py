"""Read one dossier from the store into a `DossierView`, decrypting only what the grant may
see. Called by the service after the policy has granted access; never on its own."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import Connection, select

from concerted.dossiers.binding import Binder
from concerted.dossiers.crypto import Sealer
from concerted.dossiers.env import field
from concerted.dossiers.model import Level, Subject, within
from concerted.dossiers.policy import Grant
from concerted.dossiers.records import (
    Allegation,
    DossierView,
    EvidenceItem,
    Provenance,
    SubmissionRecord,
)
from concerted.store.tables import (
    allegations,
    dossier_listings,
    dossiers,
    evidence,
    organisations,
    submission_events,
    submissions,
)

__all__ = ["read_evidence", "read_subject", "read_view"]


def read_subject(sealer: Sealer, row: Any) -> Subject:
    name = sealer.open(row.subject, field("dossiers", "subject", row.id))
    profile = sealer.open_json(row.profile, field("dossiers", "profile", row.id))
    return Subject.from_profile(name, row.schema, profile)


def _allegation(sealer: Sealer, row: Any) -> Allegation:
    def text(column: str) -> str:
        return sealer.open(getattr(row, column), field("allegations", column, row.id))

    return Allegation(row.id, tuple(json.loads(row.conduct)), text("summary"), text("places"),
                      text("victims"), row.date_from, row.date_to, Level(row.level))


def read_evidence(sealer: Sealer, row: Any) -> EvidenceItem:
    def text(column: str) -> str | None:
        value = getattr(row, column)
        return None if value is None else sealer.open(value, field("evidence", column, row.id))

    provenance = sealer.open_json(row.provenance, field("evidence", "provenance", row.id))
    return EvidenceItem(row.id, row.kind, Level(row.level), text("title") or "",
                        text("summary") or "", text("url"), Provenance.from_dict(provenance),
                        tuple(json.loads(row.supports)), text("sha256"), row.size,
                        row.content_type, row.created_at)


def _submissions(conn: Connection, sealer: Sealer, dossier_id: str) -> list[SubmissionRecord]:
    found = []
    query = select(submissions).where(submissions.c.dossier_id == dossier_id)
    for row in conn.execute(query.order_by(submissions.c.program)):
        Binder(sealer.keyring).check("submissions", row)
        events = conn.execute(select(submission_events).where(
            submission_events.c.submission_id == row.id).order_by(submission_events.c.id))
        found.append(SubmissionRecord(row.id, row.program, row.status, row.created_at,
                                      row.updated_at, tuple(_event(sealer, e) for e in events)))
    return found


def _event(sealer: Sealer, row: Any) -> dict[str, Any]:
    note = sealer.open(row.note, field("submission_events", "note", row.submission_id))
    return {"status": row.status, "on_date": row.on_date, "at": row.at, "note": note,
            "automatic": row.user_id is None}


def read_view(conn: Connection, sealer: Sealer, grant: Grant) -> DossierView:
    row = conn.execute(select(dossiers, organisations.c.name.label("org"))
                       .join(organisations, organisations.c.id == dossiers.c.org_id)
                       .where(dossiers.c.id == grant.dossier_id)).one()
    keys = conn.execute(select(dossier_listings.c.source, dossier_listings.c.listing_key)
                        .where(dossier_listings.c.dossier_id == row.id)
                        .order_by(dossier_listings.c.source, dossier_listings.c.listing_key))
    top = grant.ceiling
    claims = list(conn.execute(select(allegations).where(allegations.c.dossier_id == row.id)
                               .order_by(allegations.c.created_at, allegations.c.id)))
    items = list(conn.execute(select(evidence).where(evidence.c.dossier_id == row.id)
                              .order_by(evidence.c.created_at, evidence.c.id)))
    # A level or dossier changed outside Concerted must not widen what this grant shows.
    binder = Binder(sealer.keyring)
    for name, rows in (("allegations", claims), ("evidence", items)):
        for checked in rows:
            binder.check(name, checked)
    view = DossierView(
        row.id, row.org, read_subject(sealer, row), row.status, row.created_at,
        tuple((s, k) for s, k in keys),
        tuple(_allegation(sealer, a) for a in claims if within(Level(a.level), top)),
        tuple(read_evidence(sealer, e) for e in items if within(Level(e.level), top)),
        tuple(_submissions(conn, sealer, row.id)), top)
    # A partner (no role in the owning organisation) never gets submission notes or the
    # people in provenance, whatever the level shared.
    return view if grant.access.role is not None else view.outside()
