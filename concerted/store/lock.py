"""One writer of list history at a time: the ingest lock.

Two ingests at once (a `concerted watch` pass and an operator's `concerted ingest`, say)
would each cache the versions it has seen and race to insert the same rows. The lock is
held by the operating system, not a row, so a process killed with `kill -9` releases it
at once and never leaves a stale lock behind:
- PostgreSQL: a session-level advisory lock on a connection kept for the run;
- SQLite: `flock` on a file beside the database (`<db>.ingest-lock`).
Whoever finds the lock taken waits for it (up to `wait` seconds), then gives up with
`IngestBusy`, which says so in words.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Connection, Engine, text

__all__ = ["DEFAULT_WAIT", "IngestBusy", "ingest_lock"]

DEFAULT_WAIT = 600.0  # seconds: longer than a whole-history ingest takes
_PG_KEY = 0x696E6773  # "ings": the advisory lock's number, fixed for every Concerted store
_POLL = 0.2


class IngestBusy(Exception):
    """Another ingest held the store for longer than we were willing to wait."""


@contextmanager
def ingest_lock(
    engine: Engine, wait: float = DEFAULT_WAIT, on_wait: Callable[[str], None] | None = None
) -> Iterator[None]:
    if engine.dialect.name == "postgresql":
        with engine.connect() as conn:
            _acquire(lambda: _pg_try(conn), wait, on_wait, _pg_holder(conn))
            try:
                yield
            finally:
                conn.execute(text("select pg_advisory_unlock(:k)"), {"k": _PG_KEY})
                conn.commit()
        return
    path = _sqlite_lock_path(engine)
    if path is None:  # an in-memory database lives in one process: nothing to share
        yield
        return
    with _flock(path, wait, on_wait):
        yield


def _acquire(
    try_once: Callable[[], bool], wait: float, on_wait: Callable[[str], None] | None,
    holder: str,
) -> None:
    deadline = time.monotonic() + wait
    told = False
    while not try_once():
        if time.monotonic() >= deadline:
            raise IngestBusy(
                f"another ingest into this store is still running{holder}; waited {wait:.0f} s "
                "(try again when it has finished)"
            )
        if on_wait and not told:
            on_wait(f"waiting for another ingest into this store to finish{holder}")
            told = True
        time.sleep(_POLL)


def _pg_try(conn: Connection) -> bool:
    taken = bool(conn.scalar(text("select pg_try_advisory_lock(:k)"), {"k": _PG_KEY}))
    conn.commit()  # end the implicit transaction: the session lock outlives it
    return taken


def _pg_holder(conn: Connection) -> str:
    query = text(
        "select pid from pg_locks where locktype = 'advisory' and objid = :k and granted"
    )
    pid = conn.scalar(query, {"k": _PG_KEY})
    conn.commit()
    return f" (PostgreSQL backend {pid})" if pid else ""


def _sqlite_lock_path(engine: Engine) -> Path | None:
    database = engine.url.database
    if not database or database == ":memory:" or database.startswith("file::memory:"):
        return None
    return Path(database).with_name(Path(database).name + ".ingest-lock")


@contextmanager
def _flock(path: Path, wait: float, on_wait: Callable[[str], None] | None) -> Iterator[None]:
    import fcntl  # POSIX only, as is the rest of the deployment story (systemd, cron)

    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:

        def try_once() -> bool:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                return False
            return True

        _acquire(try_once, wait, on_wait, _file_holder(fd))
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        try:
            yield
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


def _file_holder(fd: int) -> str:
    pid = os.pread(fd, 32, 0).decode(errors="replace").strip()
    return f" (process {pid})" if pid.isdigit() else ""
