"""The store's schema revision: create new stores, stamp old ones, refuse unknown ones, upgrade.

Every schema change is an Alembic revision in `migrations/versions/` (ARCHITECTURE.md,
"Schema changes"). Opening a store (`store.db.connect`) goes through `prepare`:

- an empty database gets every revision, up to the newest (the head);
- a store made before migrations existed (tables, no `alembic_version`) is stamped with the
  baseline revision if its tables and columns are exactly the baseline's, refused otherwise;
- a store at the head opens; one at an older revision is refused until `concerted upgrade`;
  one at a revision this code does not know (a newer Concerted wrote it) is refused.
"""

from __future__ import annotations

import fcntl
import os
import re
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Engine, MetaData, create_engine, inspect, text
from sqlalchemy.exc import DBAPIError

from concerted.store.tables import metadata

# Alembic is imported inside the functions that run it, for start-up time only: opening a
# store that is already at the head revision (every command) never imports it.
if TYPE_CHECKING:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

__all__ = [
    "BASELINE",
    "SchemaError",
    "configure_context",
    "current_revision",
    "downgrade",
    "head_revision",
    "known_revisions",
    "prepare",
    "recreate",
    "stored_revision",
    "upgrade",
]

MIGRATIONS = Path(__file__).with_name("migrations")
BASELINE = "0001"  # the schema of the last release made with create_all
VERSION_TABLE = "alembic_version"
_PG_LOCK_KEY = 0x636F6E63  # any constant: serialises concurrent migrations of one database


class SchemaError(RuntimeError):
    """The store's schema revision does not fit this Concerted; the message says what to do."""


def config() -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


@cache
def script_directory() -> ScriptDirectory:
    # Parsed once per process: every test store and every command opens the store.
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(config())


def head_revision() -> str:
    head = script_directory().get_current_head()  # raises if two revisions share a parent
    if head is None:
        raise SchemaError(f"no schema revisions found in {MIGRATIONS}")
    return head


def known_revisions() -> list[str]:
    """Every revision this code knows, oldest first."""
    return [script.revision for script in reversed(list(script_directory().walk_revisions()))]


def configure_context(connection: Connection, context: Any | None = None) -> None:
    """The one configuration of every migration run (also used by env.py for `revise`)."""
    if context is None:
        # alembic.context is filled in only while alembic runs env.py: read it then.
        from alembic import context as alembic_context

        context = alembic_context
    context.configure(connection=connection, target_metadata=metadata, render_as_batch=True,
                      compare_type=True, transaction_per_migration=True)


def current_revision(connection: Connection) -> str | None:
    from alembic.runtime.migration import MigrationContext

    heads = MigrationContext.configure(connection).get_current_heads()
    if len(heads) > 1:
        raise SchemaError(f"the store records several schema revisions at once: {heads}")
    return heads[0] if heads else None


_REVISION = re.compile(r"""^revision = ['"](\w+)['"]$""", re.M)
_DOWN = re.compile(r"""^down_revision = (?:None|['"](\w+)['"])$""", re.M)


@cache
def _plain_head() -> str | None:
    """The head revision read from the revision files without Alembic (whose import costs a
    command a quarter of a second), or None when they are not one plain chain (a merge, a
    branch, an unusual file): then Alembic is asked."""
    children: dict[str | None, list[str]] = {}
    for path in sorted((MIGRATIONS / "versions").glob("*.py")):
        source = path.read_text(encoding="utf-8")
        revision, down = _REVISION.findall(source), _DOWN.findall(source)
        if path.name == "__init__.py" and not revision:
            continue
        if len(revision) != 1 or len(down) != 1:
            return None
        children.setdefault(down[0] or None, []).append(revision[0])
    head: str | None = None
    for _ in range(sum(len(found) for found in children.values())):
        following = children.get(head, [])
        if len(following) != 1:
            return None
        head = following[0]
    return None if head in children else head


def _plain_stored(engine: Engine) -> str | None:
    """The store's recorded revision by a plain query; None when there is no single one."""
    try:
        with engine.connect() as conn:
            rows = conn.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).all()
    except DBAPIError:  # no such table: a new or pre-migration store
        return None
    return rows[0][0] if len(rows) == 1 else None


def prepare(engine: Engine) -> None:
    """Make a store usable by this code, or raise SchemaError saying why it is not."""
    head = _plain_head()
    if head is not None and _plain_stored(engine) == head:
        return  # the usual case, answered without importing Alembic
    with engine.connect() as conn:
        revision = current_revision(conn)
    if revision == head_revision():
        return
    with _locked(engine) as conn:
        revision = _revision_or_stamp(conn, create=True)
        _check_known(revision, engine)
        if revision != head_revision():
            raise SchemaError(
                f"the store at {_where(engine)} is at schema revision {revision}; this Concerted "
                f"needs {head_revision()}. Back it up (`concerted backup FILE`), then run "
                "`concerted upgrade`."
            )


def upgrade(engine: Engine, revision: str | None = None) -> tuple[str | None, str]:
    """Bring a store to the newest revision (or to `revision`, for tests that build an old
    store); returns (revision before, revision after)."""
    target = revision or head_revision()
    with _locked(engine) as conn:
        before = _revision_or_stamp(conn, create=False)
        _check_known(before, engine)
        if before != target:
            _run(conn, lambda rev, _ctx: script_directory()._upgrade_revs(target, rev))
        return before, target


def downgrade(engine: Engine, revision: str) -> None:
    """Take a store back to an older revision (tests build old stores this way; an operator
    can back out of an upgrade with it, at the cost of what the newer columns held)."""
    with _locked(engine) as conn:
        _run(conn, lambda rev, _ctx: script_directory()._downgrade_revs(revision, rev))


def recreate(engine: Engine, revision: str) -> None:
    """Drop every table of an EMPTY store and create the schema of `revision` (restoring an
    older backup: its rows go into the tables they were taken from, then `upgrade`)."""
    with _locked(engine) as conn:
        found = MetaData()
        found.reflect(conn)
        found.drop_all(conn)
        conn.commit()
        _run(conn, lambda rev, _ctx: script_directory()._upgrade_revs(revision, rev))


def stored_revision(engine: Engine) -> str | None:
    """The store's revision, stamping a pre-migration store that matches the baseline; None
    for an empty database. Raises SchemaError for one this code cannot read."""
    with _locked(engine) as conn:
        revision = _revision_or_stamp(conn, create=False)
    _check_known(revision, engine)
    return revision


def _revision_or_stamp(conn: Connection, create: bool) -> str | None:
    """The store's revision; an empty store is created (or left to `upgrade` to create), and
    a store from before migrations is stamped with the baseline once it is shown to be one."""
    revision = current_revision(conn)
    if revision is not None:
        return revision
    tables = set(inspect(conn).get_table_names()) - {VERSION_TABLE}
    if not tables:
        if create:
            head = head_revision()
            _run(conn, lambda rev, _ctx: script_directory()._upgrade_revs(head, rev))
            return head
        return None
    differences = _baseline_differences(conn)
    if differences:
        raise SchemaError(
            "this store was made by a Concerted older than its first schema revision "
            f"({BASELINE}) and differs from it: {'; '.join(differences)}. Re-ingest the "
            "archive into a new store (`concerted ingest` reads the archive folder)."
        )
    _run(conn, lambda rev, _ctx: script_directory()._stamp_revs(BASELINE, rev))
    return BASELINE


def _check_known(revision: str | None, engine: Engine) -> None:
    if revision is None:
        return
    if revision not in known_revisions():
        raise SchemaError(
            f"the store at {_where(engine)} is at schema revision {revision}, which this "
            f"Concerted does not know (its newest is {head_revision()}): a newer Concerted "
            "wrote it. Install that version or newer; nothing was changed."
        )


def _baseline_differences(conn: Connection) -> list[str]:
    """Tables and columns that differ from the baseline revision's (names only, so that the
    comparison holds on SQLite and PostgreSQL alike)."""
    found = _columns(conn)
    expected = _baseline_columns()
    notes = [f"no table {name}" for name in sorted(set(expected) - set(found))]
    notes += [f"unexpected table {name}" for name in sorted(set(found) - set(expected))]
    for name in sorted(set(found) & set(expected)):
        missing = sorted(set(expected[name]) - set(found[name]))
        extra = sorted(set(found[name]) - set(expected[name]))
        if missing:
            notes.append(f"{name} lacks {', '.join(missing)}")
        if extra:
            notes.append(f"{name} has unexpected {', '.join(extra)}")
    return notes


@cache
def _baseline_columns() -> dict[str, frozenset[str]]:
    engine = create_engine("sqlite://")
    with engine.connect() as conn:
        _run(conn, lambda rev, _ctx: script_directory()._upgrade_revs(BASELINE, rev))
        columns = _columns(conn)
    engine.dispose()
    return columns


def _columns(conn: Connection) -> dict[str, frozenset[str]]:
    inspector = inspect(conn)
    return {name: frozenset(column["name"] for column in inspector.get_columns(name))
            for name in inspector.get_table_names() if name != VERSION_TABLE}


def _run(conn: Connection, fn: Callable[[Any, Any], Sequence[Any]]) -> None:
    script = script_directory()
    if conn.in_transaction():  # so that Alembic opens (and commits) its own transactions
        conn.commit()
    sqlite = conn.dialect.name == "sqlite"
    if sqlite:
        # Batch mode copies a table to change it; with foreign keys enforced, dropping the
        # old copy of a table that others point at would fail (or cascade). Checked after.
        conn.exec_driver_sql("PRAGMA foreign_keys=OFF")
    try:
        from alembic.runtime.environment import EnvironmentContext

        with EnvironmentContext(config(), script, fn=fn) as env:
            configure_context(conn, env)
            with env.begin_transaction():
                env.run_migrations()
        if conn.in_transaction():
            conn.commit()
        if sqlite:
            broken = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
            if broken:
                raise SchemaError(f"the migration left rows whose foreign keys point nowhere: "
                                  f"{broken[:5]}")
    finally:
        if sqlite:
            conn.rollback()
            conn.exec_driver_sql("PRAGMA foreign_keys=ON")


@contextmanager
def _locked(engine: Engine) -> Iterator[Connection]:
    """One connection holding a lock that makes concurrent openers of a new store wait for
    the first to finish creating it (PostgreSQL advisory lock; a lock file beside SQLite)."""
    with engine.connect() as conn:
        if engine.dialect.name == "postgresql":
            conn.execute(text("SELECT pg_advisory_lock(:key)"), {"key": _PG_LOCK_KEY})
            conn.commit()
            try:
                yield conn
            finally:
                conn.rollback()
                conn.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": _PG_LOCK_KEY})
                conn.commit()
            return
        database = engine.url.database
        if engine.dialect.name != "sqlite" or not database or database == ":memory:":
            yield conn
            return
        fd = os.open(f"{database}-migrate.lock", os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            yield conn
        finally:
            os.close(fd)


def _where(engine: Engine) -> str:
    return engine.url.render_as_string(hide_password=True)
