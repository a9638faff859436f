"""The audit log: every read and write of confidential material, append-only, hash-chained.

Each entry's hash covers its own fields and the hash before it, so that altering, removing
or inserting an entry breaks the chain at that point; `audit_head` holds the last hash, so
cutting entries off the end is caught too (and `verify --head` checks it against a copy kept
elsewhere). Appending takes the head row's lock first, which serialises writers on SQLite
and PostgreSQL alike. Details name objects and levels, never confidential content.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from typing import Any

from sqlalchemy import Connection, insert, select, update

from concerted.dossiers.clock import now_iso
from concerted.store.tables import audit_head, audit_log

__all__ = ["GENESIS", "entry_hash", "head", "record", "verify_chain"]

GENESIS = "0" * 64


def entry_hash(entry: Mapping[str, Any]) -> str:
    fields = [entry["seq"], entry["at"], entry["actor"], entry["action"], entry["object_type"],
              entry["object_id"], entry["org_id"], entry["detail"], entry["prev_hash"]]
    return hashlib.sha256(json.dumps(fields, ensure_ascii=False).encode("utf-8")).hexdigest()


def _lock_head(conn: Connection) -> tuple[int, str]:
    locked = conn.execute(update(audit_head).where(audit_head.c.id == 1)
                          .values(seq=audit_head.c.seq))
    if locked.rowcount == 0:
        conn.execute(insert(audit_head).values(id=1, seq=0, hash=GENESIS))
        return 0, GENESIS
    row = conn.execute(select(audit_head.c.seq, audit_head.c.hash)
                       .where(audit_head.c.id == 1)).one()
    return int(row.seq), str(row.hash)


def record(conn: Connection, actor: str, action: str, object_type: str, object_id: str,
           org_id: int | None = None, detail: Mapping[str, Any] | None = None) -> int:
    """Append one entry in the caller's transaction (it commits with the change it records)."""
    seq, prev = _lock_head(conn)
    entry: dict[str, Any] = {
        "seq": seq + 1, "at": now_iso(), "actor": actor, "action": action,
        "object_type": object_type, "object_id": str(object_id), "org_id": org_id,
        "detail": json.dumps(dict(detail or {}), sort_keys=True, ensure_ascii=False),
        "prev_hash": prev,
    }
    entry["hash"] = entry_hash(entry)
    conn.execute(insert(audit_log).values(**entry))
    conn.execute(update(audit_head).where(audit_head.c.id == 1)
                 .values(seq=entry["seq"], hash=entry["hash"]))
    return int(entry["seq"])


def head(conn: Connection) -> tuple[int, str]:
    row = conn.execute(select(audit_head.c.seq, audit_head.c.hash)
                       .where(audit_head.c.id == 1)).first()
    return (0, GENESIS) if row is None else (int(row.seq), str(row.hash))


def verify_chain(conn: Connection, expected_head: str | None = None) -> str | None:
    """The first fault in the chain, as a sentence, or None when it is intact."""
    previous, seq = GENESIS, 0
    for row in conn.execute(select(audit_log).order_by(audit_log.c.seq)):
        entry = dict(row._mapping)
        if entry["seq"] != seq + 1:
            return f"audit log: entries {seq + 1}..{entry['seq'] - 1} are missing"
        if entry["prev_hash"] != previous:
            return f"audit log: entry {entry['seq']} does not follow entry {seq} (chain broken)"
        if entry_hash(entry) != entry["hash"]:
            return f"audit log: entry {entry['seq']} was altered (its hash does not match)"
        previous, seq = entry["hash"], entry["seq"]
    stored = head(conn)
    if stored != (seq, previous):
        return f"audit log: the head says entry {stored[0]} but the log ends at entry {seq}"
    if expected_head is not None and expected_head != previous:
        return f"audit log: the last hash is {previous}, not the expected {expected_head}"
    return None
