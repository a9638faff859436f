"""Fixtures for dossiers: a store (SQLite and PostgreSQL), a keyring and an archive in a
temporary folder, and the small world of `dossier_world` built in it."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from dossier_world import World, build_world, make_env

from concerted.dossiers.env import DossierEnv


@pytest.fixture()
def env(db_url: str, tmp_path: Path) -> Iterator[DossierEnv]:
    made = make_env(db_url, tmp_path)
    yield made
    made.engine.dispose()


@pytest.fixture()
def sqlite_env(tmp_path: Path) -> Iterator[DossierEnv]:
    made = make_env(f"sqlite:///{tmp_path / 'dossiers.db'}", tmp_path)
    yield made
    made.engine.dispose()


@pytest.fixture()
def world(env: DossierEnv) -> World:
    return build_world(env)


@pytest.fixture()
def sqlite_world(sqlite_env: DossierEnv) -> World:
    return build_world(sqlite_env)


@pytest.fixture()
def second_url(db_url: str, tmp_path: Path) -> Iterator[str]:
    """An empty store of the same kind as `db_url`."""
    if db_url.startswith("sqlite"):
        yield f"sqlite:///{tmp_path / 'restored.db'}"
        return
    import psycopg

    admin = os.environ.get("CONCERTED_TEST_PG", "postgresql://postgres@127.0.0.1:5432/postgres")
    name = f"concerted_restore_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield f"{admin.rsplit('/', 1)[0]}/{name}"
    finally:
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
