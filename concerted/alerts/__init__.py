"""Alerts: what people want to hear about (subscriptions), the changes that concern them
(events → alerts, stored once) and how they hear (Atom feeds, webhooks, e-mail).

`model` and `matching` are pure; `events` and `analysis_events` read the store; `service`
raises alerts; `delivery` sends them. `after_ingest` is the one call an ingest needs.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from sqlalchemy import Engine

from concerted.alerts.events import change_events
from concerted.alerts.model import KINDS, Criteria, Event, Subscription
from concerted.alerts.service import raise_alerts

__all__ = ["KINDS", "Criteria", "Event", "Subscription", "after_ingest", "raise_alerts"]


def after_ingest(engine: Engine, touched: Mapping[str, Iterable[str]], created_at: str) -> int:
    """Raise the alerts of the snapshots just ingested (`IngestOptions.touched`); how many
    are new. Call it after `concerted ingest` as `concerted fetch` does."""
    return raise_alerts(engine, change_events(engine, touched), created_at)
