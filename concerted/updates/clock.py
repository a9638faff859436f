"""The one clock of fetching and alerting, so tests can set the day (a fetched file without a
date inside is dated by the day it was fetched)."""

from __future__ import annotations

from datetime import UTC, datetime

__all__ = ["now", "stamp"]


def now() -> datetime:
    return datetime.now(UTC)


def stamp(moment: datetime | None = None) -> str:
    """ISO 8601 to the second, UTC: how times are stored."""
    return (moment or now()).astimezone(UTC).isoformat(timespec="seconds")
