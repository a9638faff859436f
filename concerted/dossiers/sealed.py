"""Where sealed values live: each table's sealed columns and the row field their associated
data is bound to. Read by verification and key rotation, so neither can miss a column."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from sqlalchemy import Connection, Table, select

from concerted.dossiers.env import field
from concerted.store.tables import (
    allegations,
    dossier_alerts,
    dossiers,
    evidence,
    submission_events,
)

__all__ = ["SEALED", "sealed_values"]

# table -> (sealed columns, the column whose value binds them)
SEALED: dict[str, tuple[Table, tuple[str, ...], str]] = {
    "dossiers": (dossiers, ("subject", "profile"), "id"),
    "allegations": (allegations, ("summary", "places", "victims"), "id"),
    "evidence": (evidence, ("title", "summary", "url", "provenance", "sha256"), "id"),
    "submission_events": (submission_events, ("note",), "submission_id"),
    "dossier_alerts": (dossier_alerts, ("message",), "dossier_id"),
}


def sealed_values(conn: Connection) -> Iterator[tuple[Table, Any, str, str, str]]:
    """(table, primary key value, column, token, context) for every sealed value held."""
    for name, (table, columns, binder) in SEALED.items():
        key = next(iter(table.primary_key.columns)).name
        for row in conn.execute(select(table)):
            for column in columns:
                token = getattr(row, column)
                if token is not None:
                    yield (table, getattr(row, key), column, token,
                           field(name, column, str(getattr(row, binder))))
