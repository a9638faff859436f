"""Fast bulk inserts: PostgreSQL COPY, SQLite executemany; both inside the caller's transaction."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, Table

__all__ = ["bulk_insert", "bulk_insert_values"]


def bulk_insert(conn: Connection, table: Table, rows: Sequence[dict[str, Any]]) -> None:
    """Rows as dicts, each with the same keys."""
    if rows:
        columns = list(rows[0])
        bulk_insert_values(conn, table, columns, [tuple(row[c] for c in columns) for row in rows])


def bulk_insert_values(conn: Connection, table: Table, columns: Sequence[str],
                       values: Sequence[tuple[Any, ...]]) -> None:
    """Rows as tuples in the order of `columns`: no dict to build and take apart for each
    of the hundreds of thousands of membership rows."""
    if not values:
        return
    if conn.dialect.name == "postgresql":
        _copy(conn, table, columns, values)
    elif conn.dialect.name == "sqlite":
        _executemany(conn, table, columns, values)
    else:
        conn.execute(table.insert(), [dict(zip(columns, row, strict=True)) for row in values])


def _executemany(conn: Connection, table: Table, columns: Sequence[str],
                 values: Sequence[tuple[Any, ...]]) -> None:
    # The DB-API call directly: SQLAlchemy's per-row parameter processing cost more than
    # SQLite's own insert work for the hundreds of thousands of membership rows.
    marks = ", ".join("?" for _ in columns)
    sql = f"INSERT INTO {table.name} ({', '.join(columns)}) VALUES ({marks})"
    raw = conn.connection.driver_connection
    assert raw is not None
    cursor = raw.cursor()
    cursor.executemany(sql, values)
    cursor.close()


def _copy(conn: Connection, table: Table, columns: Sequence[str],
          values: Sequence[tuple[Any, ...]]) -> None:
    raw = conn.connection.driver_connection
    assert raw is not None
    with raw.cursor() as cursor:
        sql = f"COPY {table.name} ({', '.join(columns)}) FROM STDIN"
        with cursor.copy(sql) as copy:
            for row in values:
                copy.write_row(row)
