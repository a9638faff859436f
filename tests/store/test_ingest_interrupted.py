"""An ingest killed with `kill -9` is completed by the next run; two at once give one store.

Real OFAC files from ../shared/data/lists/us, ingested by real processes (the `concerted`
command, or a script calling `ingest` that prints each step so that the test can kill it
there), on SQLite and PostgreSQL. The expected store is a clean, uninterrupted ingest of
the same folders.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from concerted.store.db import connect
from concerted.store.tables import changes, listings, snapshots, versions

pytestmark = pytest.mark.shared

FOLDERS = ["2022-11-17", "2022-11-18", "2022-12-08", "2022-12-09", "2023-01-24"]

# The child ingests with a progress callback that prints each step, so the parent can kill
# it at a chosen step; `pause` makes the child wait at a step (a kill that cannot miss it).
_CHILD = """
import sys, time
from pathlib import Path
from concerted.archive import Archive
from concerted.ingest import IngestOptions, collect, ingest
from concerted.store.db import connect
url, archive, pause, *paths = sys.argv[1:]
def step(label):
    print(label, flush=True)
    if pause and pause in label:
        time.sleep(60)
ingest(connect(url), Archive(Path(archive)), collect([Path(p) for p in paths]),
       IngestOptions(progress=step))
print("done", flush=True)
"""


def _paths(shared_lists: Path) -> list[str]:
    return [str(shared_lists / "us" / folder) for folder in FOLDERS]


def _child(url: str, tmp_path: Path, paths: list[str], pause: str = "") -> subprocess.Popen[str]:
    args = [sys.executable, "-c", _CHILD, url, str(tmp_path / "archive"), pause, *paths]
    return subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def _kill_at(child: subprocess.Popen[str], marker: str, delay: float = 0.0) -> list[str]:
    """Read the child's steps until `marker`, then `kill -9` it (after `delay` seconds)."""
    assert child.stdout is not None
    seen: list[str] = []
    for line in child.stdout:
        seen.append(line.strip())
        if marker in line:
            time.sleep(delay)
            break
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    child.stdout.close()
    assert child.returncode == -signal.SIGKILL, seen
    assert "done" not in seen, f"the run finished before the kill: {seen}"
    return seen


def _state(url: str) -> dict[str, Any]:
    engine = connect(url)
    try:
        with engine.connect() as conn:
            change_rows = sorted(
                tuple(row) for row in conn.execute(select(
                    changes.c.source, changes.c.snapshot, changes.c.previous, changes.c.kind,
                    changes.c.key, changes.c.name, changes.c.programs, changes.c.fields,
                    changes.c.reused_key))
            )
            listing_rows = sorted(
                tuple(row) for row in conn.execute(
                    select(listings.c.key, versions.c.hash, listings.c.first_seen,
                           listings.c.last_seen, listings.c.current)
                    .join(versions, versions.c.id == listings.c.version_id))
            )
            spans = sorted(tuple(row) for row in conn.execute(
                select(versions.c.hash, versions.c.first_seen, versions.c.last_seen)))
            held = sorted(tuple(row) for row in conn.execute(
                select(snapshots.c.published, snapshots.c.sha256, snapshots.c.derived)))
    finally:
        engine.dispose()
    return {"changes": change_rows, "listings": listing_rows, "spans": spans,
            "snapshots": held}


def _clean(url: str, tmp_path: Path, paths: list[str]) -> dict[str, Any]:
    child = _child(url, tmp_path / "clean", paths)
    out, _ = child.communicate(timeout=600)
    assert child.returncode == 0, out
    return _state(url)


@pytest.fixture(params=["sqlite", "postgres"])
def two_urls(request: pytest.FixtureRequest, tmp_path: Path) -> tuple[str, str]:
    """A store to interrupt and a store for the clean ingest, on the same backend."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'a.db'}", f"sqlite:///{tmp_path / 'b.db'}"
    first: str = request.getfixturevalue("pg_url")
    # A second database beside the first, dropped with the server's fixture machinery.
    import psycopg

    second = first + "_clean"
    admin = first.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{second.rsplit("/", 1)[1]}"')
    request.addfinalizer(lambda: _drop(admin, second))
    return first, second


def _drop(admin: str, url: str) -> None:
    import psycopg

    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{url.rsplit("/", 1)[1]}" WITH (FORCE)')


def test_kill_9_at_three_points_then_rerun_equals_a_clean_ingest(
    shared_lists: Path, tmp_path: Path, two_urls: tuple[str, str]
) -> None:
    url, clean_url = two_urls
    paths = _paths(shared_lists)
    expected = _clean(clean_url, tmp_path, paths)
    assert len(expected["snapshots"]) == len(FOLDERS)
    assert expected["changes"], "the clean history has changes to compare"

    # 1. While storing the third snapshot: two stored, none derived.
    _kill_at(_child(url, tmp_path, paths), FOLDERS[2])
    # 2. With every snapshot stored, before deriving starts.
    _kill_at(_child(url, tmp_path, paths, pause="deriving"), "deriving")
    engine = connect(url)
    with engine.connect() as conn:
        undone = conn.scalar(select(snapshots.c.id).where(snapshots.c.derived.is_(False)))
    engine.dispose()
    assert undone is not None, "the kills left snapshots to derive"
    # 3. While deriving (inside its transaction).
    _kill_at(_child(url, tmp_path, paths), "deriving", delay=0.3)

    rerun = _child(url, tmp_path, paths)
    out, _ = rerun.communicate(timeout=600)
    assert rerun.returncode == 0, out
    assert _state(url) == expected


def test_two_concurrent_ingests_give_a_correct_store_and_no_traceback(
    shared_lists: Path, tmp_path: Path, two_urls: tuple[str, str]
) -> None:
    url, clean_url = two_urls
    paths = _paths(shared_lists)
    expected = _clean(clean_url, tmp_path, paths)
    connect(url).dispose()  # an existing store (creating the schema is `store.migrate`'s race)
    env = {**os.environ, "CONCERTED_DATA_DIR": str(tmp_path / "data")}
    concerted = str(Path(sys.executable).with_name("concerted"))
    command = [concerted, "--db", url, "ingest", "--format", "json", *paths]
    first = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             text=True)
    second = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True)
    outputs = [child.communicate(timeout=600) for child in (first, second)]
    for child, (_out, err) in zip((first, second), outputs, strict=True):
        assert child.returncode == 0, err
        assert "Traceback" not in err and "IntegrityError" not in err, err
    statuses = sorted(row["status"] for out, _ in outputs for row in json.loads(out))
    # Each snapshot stored once: by one run; the other found it already stored.
    assert statuses == sorted(["ingested"] * len(FOLDERS) + ["unchanged"] * len(FOLDERS))
    assert _state(url) == expected


def test_a_busy_store_is_refused_in_words_after_the_wait(
    shared_lists: Path, tmp_path: Path
) -> None:
    url = f"sqlite:///{tmp_path / 'c.db'}"
    paths = _paths(shared_lists)[:1]
    holder = _child(url, tmp_path, paths, pause="deriving")
    assert holder.stdout is not None
    for line in holder.stdout:
        if "deriving" in line:
            break
    env = {**os.environ, "CONCERTED_DATA_DIR": str(tmp_path / "data"),
           "CONCERTED_INGEST_WAIT": "1"}
    try:
        done = subprocess.run(
            [str(Path(sys.executable).with_name("concerted")), "--db", url, "ingest", *paths],
            env=env, capture_output=True, text=True, timeout=120)
    finally:
        os.kill(holder.pid, signal.SIGKILL)
        holder.wait()
        holder.stdout.close()
    assert done.returncode == 1
    assert "another ingest into this store is still running" in done.stderr
    assert f"process {holder.pid}" in done.stderr
    assert "Traceback" not in done.stderr
