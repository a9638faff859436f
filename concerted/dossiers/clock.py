"""The time dossiers are stamped with: UTC ISO 8601, and today's date."""

from __future__ import annotations

from datetime import UTC, datetime

__all__ = ["now_iso", "today"]


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def today() -> str:
    return datetime.now(UTC).date().isoformat()
