"""Revisions 0003 and 0007 on a store holding history: each change row gets the snapshot
its date named, and every snapshot is marked for one more derive (SQLite and PostgreSQL)."""

from __future__ import annotations

from sqlalchemy import create_engine, text

from concerted.store.db import normalise_url
from concerted.store.migrate import head_revision, upgrade


def test_upgrade_names_each_change_s_snapshot(db_url: str) -> None:
    engine = create_engine(normalise_url(db_url))
    upgrade(engine, "0002")  # before 0003 (derived mark) and 0007 (changes name snapshots)
    with engine.begin() as conn:
        for sid, day in ((1, "2022-12-08"), (2, "2022-12-09")):
            conn.execute(text(
                "INSERT INTO snapshots (id, source, published, sha256, retrieved_at, date_origin,"
                " listing_count) VALUES (:i, 'us_ofac_sdn', :d, :h, '2026-01-01', 'folder', 1)"),
                {"i": sid, "d": day, "h": str(sid) * 64})
        conn.execute(text(
            "INSERT INTO changes (source, snapshot, previous, kind, key, name, programs, fields,"
            " reused_key) VALUES ('us_ofac_sdn', '2022-12-09', '2022-12-08', 'added', '36459',"
            " 'KADYROV', '[]', '[]', false)"))
    assert upgrade(engine)[1] == head_revision()
    with engine.connect() as conn:
        assert conn.execute(text("SELECT snapshot_id FROM changes")).scalars().all() == [2]
        derived = conn.execute(text("SELECT derived FROM snapshots")).scalars().all()
    engine.dispose()
    assert derived == [False, False]
