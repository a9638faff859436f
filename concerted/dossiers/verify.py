"""`concerted audit verify`: the audit chain, every permission row's tag, every encrypted
evidence file and every sealed field, each checked; the faults found, first one first.
`concerted audit bind`: the one-off tagging of a store written before tags existed."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Sequence
from typing import Any

from sqlalchemy import func, select, update

from concerted.dossiers import audit
from concerted.dossiers.audit import Head, entry_mac, head_mac, verify_chain
from concerted.dossiers.binding import bind_missing, binding_faults
from concerted.dossiers.crypto import TamperedError
from concerted.dossiers.env import DossierEnv, field
from concerted.dossiers.evidence import file_context
from concerted.dossiers.keys import KeyMissing
from concerted.dossiers.orgs import OPERATOR
from concerted.dossiers.sealed import sealed_values
from concerted.store.tables import audit_head, audit_log, evidence

__all__ = ["AlreadyBound", "bind", "verify"]


def _file_fault(env: DossierEnv, row: Any) -> str | None:
    path = env.archive.path_for(row.blob)
    if not path.exists():
        return f"evidence {row.id}: its encrypted file {row.blob} is missing"
    stored = path.read_bytes()
    if hashlib.sha256(stored).hexdigest() != row.blob:
        return f"evidence {row.id}: its encrypted file {row.blob} was altered"
    try:
        data = env.sealer.open_bytes(row.key_id, stored, file_context(row.id))
        expected = env.sealer.open(row.sha256, field("evidence", "sha256", row.id))
    except (TamperedError, KeyMissing) as exc:
        return f"evidence {row.id}: {exc}"
    if hashlib.sha256(data).hexdigest() != expected:
        return f"evidence {row.id}: the decrypted file does not match its recorded SHA-256"
    return None


def _files(env: DossierEnv) -> Iterator[str]:
    with env.engine.connect() as conn:
        rows = list(conn.execute(select(evidence).where(evidence.c.blob.is_not(None))
                                 .order_by(evidence.c.created_at, evidence.c.id)))
    for row in rows:
        if (fault := _file_fault(env, row)) is not None:
            yield fault


def _fields(env: DossierEnv) -> Iterator[str]:
    with env.engine.connect() as conn:
        values = list(sealed_values(conn))
    for table, key, column, token, context in values:
        try:
            env.sealer.open(token, context)
        except (TamperedError, KeyMissing, UnicodeDecodeError) as exc:
            yield f"{table.name} {key}: sealed {column} does not open ({exc})"


def verify(env: DossierEnv, heads: Sequence[Head] = ()) -> list[str]:
    """Every fault found: the audit chain's first, then permission rows, files, fields."""
    with env.engine.connect() as conn:
        chain = verify_chain(conn, env.binder, heads)
        rows = list(binding_faults(conn, env.binder))
    return [*([chain] if chain else []), *rows, *_files(env), *_fields(env)]


class AlreadyBound(ValueError):
    """`audit bind` was asked to tag a store that is already keyed."""


def bind(env: DossierEnv) -> dict[str, int]:
    """Key a store written before keyed audit and permission tags: MAC every audit entry and
    tag every permission row that has none. Refused once any audit entry is keyed, so that
    it can never bless rows or entries an intruder wrote afterwards; refused too when the
    hash chain itself is broken."""
    with env.engine.begin() as conn:
        keyed = conn.execute(select(func.count()).select_from(audit_log)
                             .where(audit_log.c.mac.is_not(None))).scalar_one()
        if keyed:
            raise AlreadyBound("this store is already keyed (its audit log carries MACs): "
                               "untagged rows or entries now are faults, not an old store")
        entries = list(conn.execute(select(audit_log.c.seq, audit_log.c.hash)
                                    .order_by(audit_log.c.seq)))
        for seq, hash_ in entries:
            conn.execute(update(audit_log).where(audit_log.c.seq == seq)
                         .values(mac=entry_mac(env.binder, seq, hash_)))
        seq, last = audit.head(conn)
        conn.execute(update(audit_head).where(audit_head.c.id == 1)
                     .values(mac=head_mac(env.binder, seq, last)))
        fault = verify_chain(conn, env.binder)
        if fault is not None:
            raise ValueError(f"not binding a broken audit log: {fault}")
        rows = bind_missing(conn, env.binder)
        audit.record(conn, env.binder, OPERATOR, "audit.bind", "store", "audit",
                     detail={"entries": len(entries), "rows": rows})
    return {"entries": len(entries), "rows": rows}
