"""Fixture strategy: the smallest real data that shows the case.

- `tests/fixtures/<source>/` holds small excerpts cut byte-for-byte (CSV/XML) or row-for-row
  (XLSX, rewritten with openpyxl) from the official files in ../shared/data/lists, so the
  unit tests stand alone in a clone.
- Tests marked `shared` read the full official history in ../shared/data/lists (or
  $CONCERTED_SHARED_LISTS). CI always has it and sets CONCERTED_REQUIRE_SHARED=1 so that a
  missing folder fails loudly instead of skipping.
- Tests marked `postgres` use the server at 127.0.0.1:5432 (or $CONCERTED_TEST_PG), each in a
  database of its own that is dropped afterwards.
"""

from __future__ import annotations

import gc
import os
import uuid
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest

# The dossier keyring is wrapped under a passphrase that never lives in the data folder
# (concerted.dossiers.keywrap); the suite uses a fixed one, with the cheap KDF parameters that
# CONCERTED_KEY_KDF_TEST selects, so that each test's new keyring costs milliseconds.
# Set before anything runs, so that commands and servers started by tests inherit them.
os.environ.setdefault("CONCERTED_KEY_PASSPHRASE", "the test suite's passphrase, not a secret")
os.environ.setdefault("CONCERTED_KEY_KDF_TEST", "1")

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"


def shared_lists_dir() -> Path:
    return Path(os.environ.get("CONCERTED_SHARED_LISTS", ROOT.parent / "shared" / "data" / "lists"))


@pytest.fixture(scope="session")
def shared_lists() -> Path:
    path = shared_lists_dir()
    if not (path / "MANIFEST.md").exists():
        message = (
            f"needs the official list history at {path} (the shared/ folder beside the clone, "
            "or set CONCERTED_SHARED_LISTS)"
        )
        if os.environ.get("CONCERTED_REQUIRE_SHARED"):
            pytest.fail(message)
        pytest.skip(message)
    return path


@pytest.fixture(scope="session")
def shared_eu_journal(shared_lists: Path) -> Path:
    """The EU human-rights annex beside the list history (../shared/data/eu-journal)."""
    path = shared_lists.parent / "eu-journal"
    if not any(path.glob("*/*.csv")):
        message = f"needs the EU Official Journal annex at {path}"
        if os.environ.get("CONCERTED_REQUIRE_SHARED"):
            pytest.fail(message)
        pytest.skip(message)
    return path


@pytest.fixture(autouse=True)
def _data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test's own data folder: what a command keeps there (resolution's work, kept
    analyses) must not reach another test, nor the checkout."""
    monkeypatch.setenv("CONCERTED_DATA_DIR", str(tmp_path / "concerted-data"))


@pytest.fixture(scope="session")
def fixtures() -> Path:
    return FIXTURES


def _pg_admin_url() -> str:
    return os.environ.get("CONCERTED_TEST_PG", "postgresql://postgres@127.0.0.1:5432/postgres")


@pytest.fixture()
def pg_url() -> Iterator[str]:
    """A fresh PostgreSQL database for one test, dropped afterwards."""
    import psycopg

    admin = _pg_admin_url()
    name = f"concerted_test_{uuid.uuid4().hex[:12]}"
    try:
        with psycopg.connect(admin, autocommit=True, connect_timeout=5) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
    except psycopg.OperationalError as exc:
        message = f"needs PostgreSQL at {admin} (start it, or set CONCERTED_TEST_PG): {exc}"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    base = admin.rsplit("/", 1)[0]
    try:
        yield f"{base}/{name}"
    finally:
        # A pooled connection the test left for the garbage collector is closed here, while
        # its database still exists; collected later, its ResourceWarning would fail
        # whichever unrelated test happened to be running.
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ResourceWarning)
            gc.collect()
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(params=["sqlite", "postgres"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Every store contract test runs against both backends."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'concerted.db'}"
    url: str = request.getfixturevalue("pg_url")
    return url


@pytest.fixture(scope="session")
def shared_store(shared_lists: Path, shared_eu_journal: Path,
                 tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A SQLite store holding every file in the shared list history and the EU annex, built
    once per session.

    Tests that read it must not write to it (copy it first if they need to).
    """
    from concerted.archive import Archive
    from concerted.ingest import IngestOptions, collect, ingest
    from concerted.store.db import connect

    folder = tmp_path_factory.mktemp("shared-store")
    url = f"sqlite:///{folder / 'concerted.db'}"
    engine = connect(url)
    sets = collect([shared_lists, shared_eu_journal])
    results = ingest(engine, Archive(folder / "archive"), sets, IngestOptions())
    rejected = [r.message for r in results if r.status == "rejected"]
    assert not rejected, rejected
    engine.dispose()
    yield url


@pytest.fixture(scope="session")
def resolved_shared_store(shared_store: str, tmp_path_factory: pytest.TempPathFactory
                          ) -> Iterator[str]:
    """A copy of `shared_store` after `concerted resolve` (a few minutes), built once per
    session. Tests that read it must not write to it."""
    import shutil

    from concerted.resolve.xref import run
    from concerted.store.db import connect

    folder = tmp_path_factory.mktemp("resolved-shared-store")
    shutil.copy(shared_store.removeprefix("sqlite:///"), folder / "concerted.db")
    url = f"sqlite:///{folder / 'concerted.db'}"
    engine = connect(url)
    run(engine)
    engine.dispose()
    yield url


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Browser tests last: Playwright's sync API keeps an asyncio loop running in the main
    thread for the rest of the session, and `tests/asgi_client.request` (anyio.run) cannot
    start another one after it."""
    items.sort(key=lambda item: item.path.name == "test_browser.py")
