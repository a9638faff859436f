"""After an ingest: mark open submissions designated when their government has listed the
subject, and alert the dossier's owners.

`mark_designated(engine, settings)` is the one call the ingest / alerts path makes. A government has
acted when any of its current lists shows the subject: a listing the dossier already points
at, or one whose names match the subject's (`matching.names_match`), which is then linked.
"""

from __future__ import annotations

from collections.abc import Iterator
from types import SimpleNamespace
from typing import Any

from sqlalchemy import Connection, Engine, insert, select, update

from concerted import clock
from concerted.dossiers import audit
from concerted.dossiers.binding import Binder
from concerted.dossiers.crypto import Sealer
from concerted.dossiers.env import field
from concerted.dossiers.keys import Keyring, load_keyring, passphrase
from concerted.dossiers.matching import names_match
from concerted.dossiers.model import Role, Status, Subject
from concerted.dossiers.reading import read_subject
from concerted.model import ListingRef
from concerted.programs import get_program
from concerted.settings import Settings
from concerted.sources import SOURCES
from concerted.store.reader import ListingRow, Reader
from concerted.store.tables import (
    dossier_alerts,
    dossier_listings,
    dossiers,
    org_members,
    submission_events,
    submissions,
)

__all__ = ["mark_designated"]

SYSTEM = "system"
_OPEN = (Status.DRAFT.value, Status.SUBMITTED.value, Status.ACKNOWLEDGED.value)


class _Lists:
    """Current listings per source, read once per run."""

    def __init__(self, engine: Engine) -> None:
        self.reader = Reader(engine)
        self.cache: dict[str, list[ListingRow]] = {}

    def current(self, source: str) -> list[ListingRow]:
        if source not in self.cache:
            self.cache[source] = self.reader.listings(source=source, current=True)
        return self.cache[source]


def _found(lists: _Lists, subject: Subject, linked: set[tuple[str, str]], jurisdiction: str
           ) -> ListingRow | None:
    for source in (s for s, meta in SOURCES.items() if meta.jurisdiction == jurisdiction):
        rows = lists.current(source)
        for row in rows:
            if (source, row.listing.key) in linked:
                return row
        for row in rows:
            if names_match(subject, row.listing):
                return row
    return None


def _open(conn: Connection) -> Iterator[Any]:
    yield from conn.execute(select(submissions, dossiers.c.org_id, dossiers.c.subject,
                                   dossiers.c.profile, dossiers.c.schema)
                            .join(dossiers, dossiers.c.id == submissions.c.dossier_id)
                            .where(submissions.c.status.in_(_OPEN)))


def mark_designated(engine: Engine, keys: Keyring | Settings) -> int:
    """How many open submissions were marked designated by this run. `keys`: the keyring,
    or the settings to open it with (only when some submission is open)."""
    with engine.connect() as conn:
        pending = list(_open(conn))
    if not pending:
        return 0
    sealer = Sealer(keys if isinstance(keys, Keyring)
                    else load_keyring(keys.keyring_path, passphrase(keys)))
    lists, marked = _Lists(engine), 0
    for row in pending:
        subject = read_subject(sealer, _subject_row(row))
        with engine.begin() as conn:
            linked = {(str(s), str(k)) for s, k in conn.execute(
                select(dossier_listings.c.source, dossier_listings.c.listing_key)
                .where(dossier_listings.c.dossier_id == row.dossier_id))}
            hit = _found(lists, subject, linked, get_program(row.program).jurisdiction)
            if hit is not None:
                _mark(conn, sealer, row, hit, (hit.listing.source, hit.listing.key) in linked)
                marked += 1
    return marked


def _subject_row(row: Any) -> Any:
    return SimpleNamespace(id=row.dossier_id, subject=row.subject, profile=row.profile,
                           schema=row.schema)


def _mark(conn: Connection, sealer: Sealer, row: Any, hit: ListingRow, linked: bool) -> None:
    listing, now = hit.listing, clock.stamp()
    ref = str(ListingRef.of(listing))
    note = (f"found on {ref} ({', '.join(listing.program_ids) or 'no program stated'}), "
            f"in the list since {hit.first_seen}; check the match")
    conn.execute(update(submissions).where(submissions.c.id == row.id)
                 .values(status=Status.DESIGNATED.value, updated_at=now))
    conn.execute(insert(submission_events).values(
        submission_id=row.id, status=Status.DESIGNATED.value, on_date=hit.first_seen, at=now,
        user_id=None, note=sealer.seal(note, field("submission_events", "note", row.id))))
    if not linked:
        conn.execute(insert(dossier_listings).values(
            dossier_id=row.dossier_id, source=listing.source, listing_key=listing.key,
            how="designated", linked_by=None, linked_at=now))
    binder = Binder(sealer.keyring)
    # Only memberships that authenticate: a forged owner row gets no alert (verify reports it).
    owners = [m.user_id for m in conn.execute(select(org_members).where(
        org_members.c.org_id == row.org_id, org_members.c.role == Role.OWNER.value))
        if binder.valid("org_members", [m.org_id, m.user_id, m.role], m.bound)]
    message = f"Submission {row.id} ({row.program}): the subject is now listed, {note}."
    for user_id in owners:
        alert = {"org_id": row.org_id, "user_id": user_id, "dossier_id": row.dossier_id}
        conn.execute(insert(dossier_alerts).values(
            **alert, submission_id=row.id, kind="designated", created_at=now,
            bound=binder.tag("dossier_alerts", alert),
            message=sealer.seal(message, field("dossier_alerts", "message", row.dossier_id))))
    audit.record(conn, binder, SYSTEM, "submission.designated", "submission", row.id, row.org_id,
                 {"program": row.program, "listing": ref})
