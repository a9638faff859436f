"""The audit log: every read and write of confidential material, append-only, hash-chained
and keyed.

Each entry's hash covers its own fields and the hash before it, so that altering, removing
or inserting an entry breaks the chain at that point. The chain alone can be recomputed by
whoever can write the database, so each entry also carries `mac`, an HMAC of its number and
hash under the keyring's MAC key, and the head row (`audit_head`, the last number and hash)
carries its own, differently labelled HMAC: an intruder without the keyring can neither
re-chain after deleting or editing entries nor roll the head back to an earlier entry.

What a MAC cannot catch is a whole earlier state of the store put back (an old copy of the
log and its head). For that, `concerted audit head` prints `SEQ:HASH` to keep somewhere the
server cannot write; `verify --head SEQ:HASH` then checks that entry SEQ still has that
hash, which stays true however many entries are appended after it.

Appending takes the head row's lock first, which serialises writers on SQLite and
PostgreSQL alike. Details name objects and levels, never confidential content.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import Connection, insert, select, update

from concerted import clock
from concerted.dossiers.binding import Binder
from concerted.store.tables import audit_head, audit_log

__all__ = ["GENESIS", "Head", "entry_hash", "head", "parse_head", "record", "verify_chain"]

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


def entry_mac(binder: Binder, seq: int, hash_: str) -> str:
    return binder.mac("audit_log", [seq, hash_])


def head_mac(binder: Binder, seq: int, hash_: str) -> str:
    # Labelled apart from the entries' MACs, so that an entry's MAC is no head's.
    return binder.mac("audit_head", [seq, hash_])


def record(conn: Connection, binder: Binder, actor: str, action: str, object_type: str,
           object_id: str, org_id: int | None = None,
           detail: Mapping[str, Any] | None = None) -> int:
    """Append one entry in the caller's transaction (it commits with the change it records)."""
    seq, prev = _lock_head(conn)
    entry: dict[str, Any] = {
        "seq": seq + 1, "at": clock.stamp(), "actor": actor, "action": action,
        "object_type": object_type, "object_id": str(object_id), "org_id": org_id,
        "detail": json.dumps(dict(detail or {}), sort_keys=True, ensure_ascii=False),
        "prev_hash": prev,
    }
    entry["hash"] = entry_hash(entry)
    entry["mac"] = entry_mac(binder, entry["seq"], entry["hash"])
    conn.execute(insert(audit_log).values(**entry))
    conn.execute(update(audit_head).where(audit_head.c.id == 1)
                 .values(seq=entry["seq"], hash=entry["hash"],
                         mac=head_mac(binder, entry["seq"], entry["hash"])))
    return int(entry["seq"])


def head(conn: Connection) -> tuple[int, str]:
    row = conn.execute(select(audit_head.c.seq, audit_head.c.hash)
                       .where(audit_head.c.id == 1)).first()
    return (0, GENESIS) if row is None else (int(row.seq), str(row.hash))


Head = tuple[int, str]  # an entry's number and hash, as recorded elsewhere


def parse_head(text: str) -> Head:
    """`SEQ:HASH` (what `concerted audit head` prints), or ValueError saying what is wrong."""
    seq, sep, hash_ = text.strip().partition(":")
    if not sep or not seq.isdigit() or len(hash_) != 64 or not all(
            c in "0123456789abcdef" for c in hash_):
        raise ValueError(f"--head {text.strip()!r}: expected SEQ:HASH, as printed by "
                         "`concerted audit head` (an entry number, a colon, 64 hex digits)")
    return int(seq), hash_


def verify_chain(conn: Connection, binder: Binder,
                 expected: Sequence[Head] = ()) -> str | None:
    """The first fault in the chain, as a sentence, or None when it is intact. `expected`:
    heads recorded elsewhere; each entry named must still have the hash recorded for it."""
    wanted = dict(expected)
    previous, seq = GENESIS, 0
    for line in conn.execute(select(audit_log).order_by(audit_log.c.seq)):
        entry = dict(line._mapping)
        if entry["seq"] != seq + 1:
            return f"audit log: entries {seq + 1}..{entry['seq'] - 1} are missing"
        if entry["prev_hash"] != previous:
            return f"audit log: entry {entry['seq']} does not follow entry {seq} (chain broken)"
        if entry_hash(entry) != entry["hash"]:
            return f"audit log: entry {entry['seq']} was altered (its hash does not match)"
        if entry["mac"] is None:
            return (f"audit log: entry {entry['seq']} has no MAC (a store from before keyed "
                    "audit needs `concerted audit bind` once; otherwise it was rewritten)")
        if not binder.valid("audit_log", [entry["seq"], entry["hash"]], entry["mac"]):
            return (f"audit log: entry {entry['seq']} does not authenticate under the "
                    "keyring's MAC key (the log was rewritten)")
        if wanted.get(entry["seq"], entry["hash"]) != entry["hash"]:
            return (f"audit log: entry {entry['seq']} has hash {entry['hash']}, not the "
                    f"{wanted[entry['seq']]} recorded for it (the log was rewritten)")
        previous, seq = entry["hash"], entry["seq"]
    row = conn.execute(select(audit_head).where(audit_head.c.id == 1)).first()
    stored = (0, GENESIS) if row is None else (int(row.seq), str(row.hash))
    if stored != (seq, previous):
        return f"audit log: the head says entry {stored[0]} but the log ends at entry {seq}"
    if row is not None and not binder.valid("audit_head", [seq, previous], row.mac):
        return ("audit log: the head does not authenticate under the keyring's MAC key "
                f"(entries after {seq} were cut off and the head rolled back)")
    beyond = sorted(s for s in wanted if s > seq)
    if beyond:
        return (f"audit log: entry {beyond[0]} was recorded elsewhere but the log ends at "
                f"entry {seq} (entries were cut off)")
    return None
