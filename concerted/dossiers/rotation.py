"""`concerted keys rotate`: a new data key, and everything sealed re-encrypted under it.

The new key is saved to the keyring before any data uses it, so a crash half-way leaves
data under keys the keyring still holds. Old keys stay (older backups need them) unless
`drop_old` is set, once the re-encryption has committed; old encrypted files are removed.
"""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy import Connection, select, update

from concerted.dossiers import audit
from concerted.dossiers.crypto import Sealer
from concerted.dossiers.env import DossierEnv
from concerted.dossiers.evidence import file_context
from concerted.dossiers.keys import Keyring, new_data_key, save_keyring
from concerted.dossiers.orgs import OPERATOR
from concerted.dossiers.sealed import sealed_values
from concerted.store.tables import evidence

__all__ = ["rotate"]


def _fields(conn: Connection, old: Sealer, new: Sealer) -> int:
    count = 0
    for table, key, column, token, context in list(sealed_values(conn)):
        primary = next(iter(table.primary_key.columns))
        value = new.seal(old.open(token, context), context)
        conn.execute(update(table).where(primary == key).values({column: value}))
        count += 1
    return count


def _files(conn: Connection, env: DossierEnv, new: Sealer) -> list[str]:
    replaced = []
    for row in list(conn.execute(select(evidence).where(evidence.c.blob.is_not(None)))):
        data = env.sealer.open_bytes(row.key_id, env.archive.get(row.blob), file_context(row.id))
        key_id, blob = new.seal_bytes(data, file_context(row.id))
        conn.execute(update(evidence).where(evidence.c.id == row.id)
                     .values(blob=env.archive.put(blob), key_id=key_id))
        replaced.append(row.blob)
    return replaced


def rotate(env: DossierEnv, drop_old: bool = False) -> tuple[Keyring, dict[str, int]]:
    """The new keyring and how many fields and files were re-encrypted."""
    fresh = new_data_key()
    old_keys = tuple(replace(k, active=False) for k in env.keyring.data_keys)
    keyring = save_keyring(replace(env.keyring, data_keys=(*old_keys, fresh)))
    new = Sealer(keyring)
    with env.engine.begin() as conn:
        fields = _fields(conn, Sealer(keyring), new)
        old_blobs = _files(conn, env, new)
        audit.record(conn, env.binder, OPERATOR, "keys.rotate", "key", fresh.id, None,
                     {"fields": fields, "files": len(old_blobs)})
    for digest in old_blobs:
        env.archive.path_for(digest).unlink(missing_ok=True)
    if drop_old:
        keyring = save_keyring(replace(keyring, data_keys=(fresh,)))
    return keyring, {"fields": fields, "files": len(old_blobs)}
