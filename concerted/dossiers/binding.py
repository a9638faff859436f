"""Permission columns bound to the keyring: an HMAC over the columns that decide who sees what.

An insider with write access to the database but not the keyring could otherwise make a
`protected` witness file `public`, move an item into another organisation's dossier, make
themselves an owner, or share a dossier with their coalition — all without touching a single
ciphertext. Each such row carries `bound`, the token `<MAC key id>.<HMAC-SHA256 hex>` over its
table name and permission columns; the policy checks it whenever it relies on the row (a row
that does not authenticate is refused, never used) and `concerted audit verify` checks every
row. Rows written before binding existed carry no tag until `concerted audit bind`.

What a tag cannot catch on its own is a replayed row: an older, genuinely tagged state put
back (a level that was later narrowed). Verification compares levels and roles with the
latest change the audit log records for them.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Iterator, Mapping
from typing import Any

from sqlalchemy import Connection, Table, select, update

from concerted.dossiers.crypto import TamperedError
from concerted.dossiers.keys import KeyMissing, Keyring
from concerted.store.tables import (
    allegations,
    coalition_members,
    dossier_alerts,
    dossier_shares,
    dossiers,
    evidence,
    org_members,
    submissions,
    trusted_keys,
)

__all__ = ["BOUND", "Binder", "Unbound", "bind_missing", "binding_faults"]

# table name -> (table, the columns that decide access); `bound` tags exactly these.
BOUND: dict[str, tuple[Table, tuple[str, ...]]] = {
    "dossiers": (dossiers, ("id", "org_id")),
    "allegations": (allegations, ("id", "dossier_id", "level")),
    "evidence": (evidence, ("id", "dossier_id", "level")),
    "submissions": (submissions, ("id", "dossier_id")),
    "org_members": (org_members, ("org_id", "user_id", "role")),
    "coalition_members": (coalition_members, ("coalition_id", "org_id")),
    "dossier_shares": (dossier_shares, ("dossier_id", "coalition_id", "level")),
    "dossier_alerts": (dossier_alerts, ("org_id", "user_id", "dossier_id")),
    "trusted_keys": (trusted_keys, ("org_id", "key_id", "public_key", "signer_org")),
}


class Unbound(TamperedError):
    """A permission row's tag is missing or wrong: the row was written outside Concerted."""


def _message(domain: str, values: list[Any]) -> bytes:
    return json.dumps([domain, *values], ensure_ascii=False).encode("utf-8")


class Binder:
    """Tags and checks permission rows (and audit entries) with the keyring's MAC key."""

    def __init__(self, keyring: Keyring) -> None:
        self.keyring = keyring

    def mac(self, domain: str, values: list[Any]) -> str:
        key = self.keyring.active_mac_key()
        digest = hmac.new(key.key, _message(domain, values), hashlib.sha256).hexdigest()
        return f"{key.id}.{digest}"

    def valid(self, domain: str, values: list[Any], tag: str | None) -> bool:
        if not tag or "." not in tag:
            return False
        key_id, digest = tag.split(".", 1)
        try:
            key = self.keyring.mac_key(key_id)
        except KeyMissing:
            return False
        expected = hmac.new(key, _message(domain, values), hashlib.sha256).hexdigest()
        return hmac.compare_digest(expected, digest)

    def tag(self, table: str, row: Mapping[str, Any]) -> str:
        """The `bound` value for a row about to be written (a mapping of its columns)."""
        return self.mac(table, [_plain(row[c]) for c in BOUND[table][1]])

    def check(self, table: str, row: Any) -> None:
        """Raise Unbound unless the row (as read, with its `bound` column) authenticates."""
        values = dict(row._mapping) if hasattr(row, "_mapping") else dict(row)
        if not self.valid(table, [_plain(values[c]) for c in BOUND[table][1]],
                          values.get("bound")):
            where = ", ".join(f"{c}={values[c]}" for c in BOUND[table][1])
            raise Unbound(f"{table} row ({where}) does not authenticate: its permission "
                          "columns were changed outside Concerted (see concerted audit verify)")


def _plain(value: Any) -> Any:
    # Integers and strings as themselves: SQLite and PostgreSQL hand back the same values.
    return value if value is None or isinstance(value, int) else str(value)


def binding_faults(conn: Connection, binder: Binder) -> Iterator[str]:
    """Every permission row whose tag is missing or wrong, as a sentence."""
    for name, (table, _) in BOUND.items():
        for row in conn.execute(select(table)):
            try:
                binder.check(name, row)
            except Unbound as exc:
                if row.bound is None:
                    yield f"{name}: a row has no tag (run concerted audit bind once after " \
                          f"upgrading): {exc}"
                else:
                    yield str(exc)


def bind_missing(conn: Connection, binder: Binder) -> int:
    """Tag the rows that have no tag yet (a store from before binding); never re-tag a row
    whose tag is wrong, which would bless a tampered row. How many rows were tagged."""
    count = 0
    for name, (table, _) in BOUND.items():
        keys = [c.name for c in table.primary_key.columns]
        for row in list(conn.execute(select(table).where(table.c.bound.is_(None)))):
            values = dict(row._mapping)
            conn.execute(update(table).where(*(table.c[k] == values[k] for k in keys))
                         .values(bound=binder.tag(name, values)))
            count += 1
    return count
