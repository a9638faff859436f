"""How fresh each source is: the newest snapshot, when the list was last confirmed current,
and the last fetch error. A source whose copy is older than its expected cadence is stale."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import Engine

from concerted.sources import SOURCES
from concerted.store.reader import Reader
from concerted.updates.runs import last_runs

__all__ = ["HEALTH_COLUMNS", "freshness", "source_health", "with_health"]

HEALTH_COLUMNS = ["checked", "age_days", "status", "last_error"]


def freshness(newest: str | None, checked_at: str | None, cadence_days: int,
              today: date) -> dict[str, Any]:
    """Age in days of the newest copy known current, and whether that exceeds the cadence."""
    known = max((d[:10] for d in (newest, checked_at) if d), default=None)
    if known is None:
        return {"age_days": None, "stale": True}
    age = (today - date.fromisoformat(known)).days
    return {"age_days": age, "stale": age > cadence_days}


def source_health(engine: Engine, today: date) -> dict[str, dict[str, Any]]:
    """source id -> checked, age_days, stale, status, last_run, last_error, last_error_at."""
    # Only the newest date of each source: not the per-program counts of source_summaries.
    newest = {snap["source"]: snap["published"] for snap in Reader(engine).snapshots()}
    runs = last_runs(engine)
    health: dict[str, dict[str, Any]] = {}
    for source_id in sorted(set(newest) | set(runs)):
        run = runs.get(source_id, {})
        cadence = SOURCES[source_id].cadence_days if source_id in SOURCES else 7
        entry = {"checked": run.get("checked_at"),
                 **freshness(newest.get(source_id), run.get("checked_at"), cadence, today)}
        entry |= _last(run)
        entry["status"] = _status(entry, cadence)
        health[source_id] = entry
    return health


def _last(run: dict[str, Any]) -> dict[str, Any]:
    last, failure = run.get("last"), run.get("last_failure")
    return {"last_run": last["outcome"] if last else None,
            "last_run_at": last["finished"] or last["started"] if last else None,
            "last_error": failure["error"] if failure else None,
            "last_error_at": failure["finished"] if failure else None}


def _status(entry: dict[str, Any], cadence: int) -> str:
    parts = []
    if entry["stale"]:
        parts.append(f"STALE (> {cadence} d)")
    if entry["last_run"] == "failed":
        parts.append("FAILING")
    return ", ".join(parts) or "ok"


def with_health(rows: list[dict[str, Any]], engine: Engine, today: date) -> list[dict[str, Any]]:
    """`concerted sources` rows with the health columns added (and a row for a source that
    was fetched but never successfully, so its error shows)."""
    health = source_health(engine, today)
    held = {row["source"] for row in rows}
    extra: list[dict[str, Any]] = [
        {"source": s, "jurisdiction": SOURCES[s].jurisdiction if s in SOURCES else None,
         "snapshots": 0, "newest": None, "listings": 0, "programs": {}}
        for s in sorted(health) if s not in held]
    return [row | _columns(health.get(row["source"], {})) for row in [*rows, *extra]]


def _columns(entry: dict[str, Any]) -> dict[str, Any]:
    keys = ("checked", "age_days", "stale", "status", "last_run", "last_error", "last_error_at")
    return {key: entry.get(key) for key in keys}
