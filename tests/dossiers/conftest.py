"""Fixtures for dossiers: a store (SQLite and PostgreSQL), a keyring and an archive in a
temporary folder, and the small world of `dossier_world` built in it."""

from __future__ import annotations

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
