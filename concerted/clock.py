"""The one clock: every time Concerted stamps, compares or dates by is UTC and read here, so
a test can set the day by replacing `now` (callers use `clock.now()`, never their own)."""

from __future__ import annotations

from datetime import UTC, date, datetime

__all__ = ["now", "precise_stamp", "stamp", "today"]


def now() -> datetime:
    return datetime.now(UTC)


def stamp(moment: datetime | None = None) -> str:
    """ISO 8601 to the second, UTC: how times are stored."""
    return (moment or now()).astimezone(UTC).isoformat(timespec="seconds")


def precise_stamp(moment: datetime | None = None) -> str:
    """To the microsecond, `Z`-suffixed: judgements are ordered by it, and several are
    recorded within one second."""
    return (moment or now()).astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def today() -> date:
    """Today in UTC (not the server's local day): what a page's "days since" counts from."""
    return now().date()
