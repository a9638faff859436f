"""`concerted audit verify`: the audit chain, every encrypted evidence file and every sealed
field, each checked; the faults found, first one first."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from typing import Any

from sqlalchemy import select

from concerted.dossiers.audit import verify_chain
from concerted.dossiers.crypto import TamperedError
from concerted.dossiers.env import DossierEnv, field
from concerted.dossiers.evidence import file_context
from concerted.dossiers.keys import KeyMissing
from concerted.dossiers.sealed import sealed_values
from concerted.store.tables import evidence

__all__ = ["verify"]


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


def verify(env: DossierEnv, expected_head: str | None = None) -> list[str]:
    """Every fault found: the audit chain's first, then files, then fields."""
    with env.engine.connect() as conn:
        chain = verify_chain(conn, expected_head)
    return [*([chain] if chain else []), *_files(env), *_fields(env)]
