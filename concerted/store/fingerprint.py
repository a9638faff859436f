"""A cheap fingerprint of the store's state: it changes whenever a snapshot is ingested or a
judgement recorded, so the app knows when to recompute its `State`."""

from __future__ import annotations

from sqlalchemy import Engine, func, inspect, select

from concerted.store.tables import metadata, snapshots

__all__ = ["WATCHED_TABLES", "store_fingerprint"]

# Tables whose rows change what the pages show, besides snapshots: cross-list judgements
# and the review queue.
WATCHED_TABLES = ("judgements", "resolve_queue")


def store_fingerprint(engine: Engine) -> str:
    with engine.connect() as conn:
        count, newest, low, high = conn.execute(select(
            func.count(), func.max(snapshots.c.id), func.min(snapshots.c.parser_version),
            func.max(snapshots.c.parser_version))).one()
        parts = [f"snapshots:{count}:{newest}", f"parsers:{low}:{high}"]  # a re-parse too
        present = set(inspect(conn).get_table_names())
        for name in WATCHED_TABLES:
            table = metadata.tables.get(name)
            if table is not None and name in present:
                rows = conn.execute(select(func.count()).select_from(table)).scalar_one()
                parts.append(f"{name}:{rows}")
    return "|".join(parts)
