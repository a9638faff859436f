"""Fast bulk inserts: PostgreSQL COPY, SQLite executemany; both inside the caller's transaction."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, Table

__all__ = ["bulk_insert"]


def bulk_insert(conn: Connection, table: Table, rows: Sequence[dict[str, Any]]) -> None:
    if not rows:
        return
    if conn.dialect.name == "postgresql":
        _copy(conn, table, rows)
    elif conn.dialect.name == "sqlite":
        _executemany(conn, table, rows)
    else:
        conn.execute(table.insert(), list(rows))


def _executemany(conn: Connection, table: Table, rows: Sequence[dict[str, Any]]) -> None:
    # The DB-API call directly: SQLAlchemy's per-row parameter processing cost more than
    # SQLite's own insert work for the hundreds of thousands of membership rows.
    columns = list(rows[0])
    marks = ", ".join("?" for _ in columns)
    sql = f"INSERT INTO {table.name} ({', '.join(columns)}) VALUES ({marks})"
    raw = conn.connection.driver_connection
    assert raw is not None
    cursor = raw.cursor()
    cursor.executemany(sql, [tuple(row[c] for c in columns) for row in rows])
    cursor.close()


def _copy(conn: Connection, table: Table, rows: Sequence[dict[str, Any]]) -> None:
    columns = list(rows[0])
    raw = conn.connection.driver_connection
    assert raw is not None
    with raw.cursor() as cursor:
        sql = f"COPY {table.name} ({', '.join(columns)}) FROM STDIN"
        with cursor.copy(sql) as copy:
            for row in rows:
                copy.write_row([row[c] for c in columns])
