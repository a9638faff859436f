"""The record of fetching: every attempt (`fetch_runs`) and, per source, what the last
accepted download carried (`fetch_state`, and `fetch_companions` for the files fetched beside
it, for conditional requests)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, delete, func, insert, select, update

from concerted.fetch import Validators
from concerted.store.tables import fetch_companions, fetch_runs, fetch_state

__all__ = ["FetchState", "RunResult", "finish_run", "last_runs", "load_companions",
           "load_state", "save_companions", "save_state", "start_run", "touch_state"]


@dataclass(frozen=True)
class FetchState:
    url: str
    validators: Validators
    sha256: str | None
    checked_at: str


@dataclass(frozen=True)
class RunResult:
    outcome: str  # ingested / unchanged / not_modified / failed
    error: str | None = None
    status_code: int | None = None
    size: int | None = None
    sha256: str | None = None
    snapshot: str | None = None


def start_run(engine: Engine, source: str, url: str, started: str) -> int:
    with engine.begin() as conn:
        row = conn.execute(insert(fetch_runs).values(
            source=source, url=url, started=started, outcome="running"))
        key = row.inserted_primary_key
        assert key is not None
        return int(key[0])


def finish_run(engine: Engine, run_id: int, finished: str, result: RunResult) -> None:
    with engine.begin() as conn:
        conn.execute(update(fetch_runs).where(fetch_runs.c.id == run_id).values(
            finished=finished, **vars(result)))


def load_state(engine: Engine, source: str) -> FetchState | None:
    with engine.connect() as conn:
        row = conn.execute(select(fetch_state).where(fetch_state.c.source == source)).first()
    if row is None:
        return None
    return FetchState(row.url, Validators(row.etag, row.last_modified), row.sha256,
                      row.checked_at)


def save_state(engine: Engine, source: str, url: str, validators: Validators, sha256: str | None,
               checked_at: str) -> None:
    with engine.begin() as conn:
        conn.execute(delete(fetch_state).where(fetch_state.c.source == source))
        conn.execute(insert(fetch_state).values(
            source=source, url=url, etag=validators.etag, last_modified=validators.last_modified,
            sha256=sha256, checked_at=checked_at))


def load_companions(engine: Engine, source: str) -> dict[str, Validators]:
    """URL -> validators of the companion files in the source's last accepted set."""
    query = select(fetch_companions).where(fetch_companions.c.source == source)
    with engine.connect() as conn:
        return {row.url: Validators(row.etag, row.last_modified)
                for row in conn.execute(query)}


def save_companions(engine: Engine, source: str, validators: Mapping[str, Validators]) -> None:
    """Replace the remembered companions: one that was not in the accepted set is forgotten."""
    with engine.begin() as conn:
        conn.execute(delete(fetch_companions).where(fetch_companions.c.source == source))
        for url, kept in validators.items():
            conn.execute(insert(fetch_companions).values(
                source=source, url=url, etag=kept.etag, last_modified=kept.last_modified))


def touch_state(engine: Engine, source: str, checked_at: str) -> None:
    """The server confirmed our copy is current."""
    with engine.begin() as conn:
        conn.execute(update(fetch_state).where(fetch_state.c.source == source)
                     .values(checked_at=checked_at))


def last_runs(engine: Engine) -> dict[str, dict[str, Any]]:
    """Per source: its newest attempt, and the newest failure's error and time."""
    newest = select(func.max(fetch_runs.c.id)).group_by(fetch_runs.c.source)
    failed = (select(func.max(fetch_runs.c.id)).where(fetch_runs.c.outcome == "failed")
              .group_by(fetch_runs.c.source))
    with engine.connect() as conn:
        last = {r.source: dict(r._mapping) for r in conn.execute(
            select(fetch_runs).where(fetch_runs.c.id.in_(newest)))}
        errors = {r.source: dict(r._mapping) for r in conn.execute(
            select(fetch_runs).where(fetch_runs.c.id.in_(failed)))}
        states = {r.source: r.checked_at for r in conn.execute(select(fetch_state))}
    return {source: {"last": run, "last_failure": errors.get(source),
                     "checked_at": states.get(source)} for source, run in last.items()}
