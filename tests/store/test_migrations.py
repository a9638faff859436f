"""The migrations are the schema: a store built by running every revision equals the tables
in store/tables.py, on SQLite and PostgreSQL. A schema change without a revision fails here."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from click.testing import CliRunner
from sqlalchemy import Engine, create_engine, text

from concerted.cli import cli
from concerted.store.db import connect, normalise_url
from concerted.store.migrate import (
    BASELINE,
    SchemaError,
    _plain_head,
    current_revision,
    head_revision,
    script_directory,
    upgrade,
)
from concerted.store.tables import metadata


def test_tables_equal_the_migrations(db_url: str) -> None:
    engine = connect(db_url)  # an empty database: every revision is run
    with engine.connect() as conn:
        assert current_revision(conn) == head_revision()
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        differences = compare_metadata(context, metadata)
    engine.dispose()
    assert differences == [], (
        "store/tables.py and the migrations differ: add a revision with "
        '`python -m concerted.store.revise "what changed"`'
    )


def test_one_line_of_revisions_from_the_baseline() -> None:
    scripts = list(script_directory().walk_revisions())
    assert scripts[-1].revision == BASELINE
    # get_current_head raises when two revisions share a parent (two branches landed).
    assert script_directory().get_current_head() == scripts[0].revision
    # Opening a store compares its revision with the head read from the files without
    # Alembic (start-up speed); that reading must name the head Alembic names.
    assert _plain_head() == head_revision()


def _pre_migration_store(url: str) -> Engine:
    """A store as every Concerted before migrations left it: the baseline tables, made by
    create_all, and no alembic_version."""
    raw = create_engine(normalise_url(url))
    upgrade(raw, BASELINE)
    with raw.begin() as conn:
        conn.execute(text("DROP TABLE alembic_version"))
    return raw


def test_store_made_before_migrations_is_stamped_then_upgraded(db_url: str) -> None:
    raw = _pre_migration_store(db_url)
    with raw.begin() as conn:
        conn.execute(text("INSERT INTO users (email, password_hash, created_at, disabled) "
                          "VALUES ('a@example.org', 'x', '2026-01-01', false)"))
    assert head_revision() != BASELINE
    with pytest.raises(SchemaError, match=rf"at schema revision {BASELINE}.*concerted upgrade"):
        connect(db_url)
    with raw.connect() as conn:
        assert current_revision(conn) == BASELINE  # recognised and stamped, nothing else
    result = CliRunner().invoke(cli, ["--db", db_url, "upgrade"])
    assert result.exit_code == 0, result.output
    assert f"upgraded from schema revision {BASELINE} to {head_revision()}" in result.output
    engine = connect(db_url)
    with engine.connect() as conn:
        assert conn.execute(text("SELECT email FROM users")).scalar_one() == "a@example.org"
    engine.dispose()
    raw.dispose()


def test_store_older_than_the_baseline_is_refused(db_url: str) -> None:
    raw = _pre_migration_store(db_url)
    with raw.begin() as conn:  # versions before first_seen/last_seen were kept per version
        conn.execute(text("ALTER TABLE versions DROP COLUMN last_seen"))
    with pytest.raises(SchemaError, match=r"differs from it: versions lacks last_seen\. Re-"):
        connect(db_url)
    with raw.connect() as conn:
        assert current_revision(conn) is None  # nothing stamped
    raw.dispose()


def test_store_from_a_newer_concerted_is_refused(db_url: str) -> None:
    connect(db_url).dispose()
    raw = create_engine(normalise_url(db_url))
    with raw.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    with pytest.raises(SchemaError, match=rf"revision 9999.*newest is {head_revision()}"):
        connect(db_url)
    result = CliRunner().invoke(cli, ["--db", db_url, "upgrade"])
    assert result.exit_code == 1
    assert "9999" in result.output and "does not know" in result.output
    raw.dispose()


def test_upgrade_command_creates_and_reports(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'c.db'}"
    first = CliRunner().invoke(cli, ["--db", url, "upgrade"])
    assert first.exit_code == 0, first.output
    assert f"created at schema revision {head_revision()}" in first.output
    again = CliRunner().invoke(cli, ["--db", url, "upgrade"])
    assert again.exit_code == 0, again.output
    assert f"already at the newest schema revision {head_revision()}" in again.output
