"""Sources and their freshness; the changes feed of one list with field-level diffs."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import Engine

from concerted.sources import SOURCES
from concerted.state.model import State
from concerted.store.reader import Reader

__all__ = ["amendment_diff", "changes_feed", "sources_view"]


def sources_view(state: State, today: date) -> list[dict[str, Any]]:
    """Each source: jurisdiction, title, snapshots held, newest, its age in days, listings."""
    rows = []
    for summary in state.sources:
        source = SOURCES.get(summary["source"])
        age = (today - date.fromisoformat(summary["newest"])).days
        cadence = source.cadence_days if source else 7
        rows.append({"source": summary["source"], "jurisdiction": summary["jurisdiction"],
                     "title": source.title if source else summary["source"],
                     "snapshots": summary["snapshots"], "newest": summary["newest"],
                     "age_days": age, "stale": age > 4 * cadence,
                     "listings": summary["listings"], "programs": summary["programs"]})
    return rows


def changes_feed(engine: Engine, state: State, source: str, since: str | None = None,
                 until: str | None = None, limit: int = 20) -> list[dict[str, Any]]:
    """The newest `limit` snapshots' changes of one source, newest first (read once per
    state: changes only change with a new snapshot, which makes a new state)."""
    groups = state.remember(("changes", source, since, until),
                            lambda: Reader(engine).changes(source, since, until))
    return list(reversed(groups))[:limit]


def amendment_diff(engine: Engine, source: str, key: str, snapshot: str
                   ) -> list[dict[str, Any]]:
    """What an amendment changed: each field's value before and after `snapshot`."""
    versions = Reader(engine).history(source, key)
    after = next((i for i, v in enumerate(versions) if v["first_seen"] == snapshot), None)
    if after is None or after == 0:
        return []
    old, new = versions[after - 1]["listing"], versions[after]["listing"]
    return [{"field": f, "before": old.get(f), "after": new.get(f)}
            for f in sorted(set(old) | set(new)) if old.get(f) != new.get(f)]
