"""Raise alerts: every event × every subscription that wants it, stored once.

Idempotent: an alert's unique key is the subscription and the change (kind, source, listing,
snapshot, gap state), so raising the same events again, or running the same fetch twice,
adds nothing.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from typing import Any

from sqlalchemy import Engine, insert, select

from concerted.alerts.events import change_events
from concerted.alerts.matching import match
from concerted.alerts.model import Event, Subscription
from concerted.alerts.partners import PartnerFinder
from concerted.alerts.subscriptions import list_subscriptions
from concerted.store.tables import alerts

__all__ = ["after_ingest", "raise_alerts"]


def raise_alerts(engine: Engine, events: Iterable[Event], created_at: str,
                 subscriptions: Sequence[Subscription] | None = None) -> int:
    """Store the alerts these events raise; how many are new."""
    subs = list(subscriptions) if subscriptions is not None else list_subscriptions(engine)
    finder = PartnerFinder(engine)
    rows = [_row(s, e, reason, created_at) for e in events for s in subs
            if (reason := _match(s, e, finder)) is not None]
    return _insert_new(engine, rows)


def _match(subscription: Subscription, event: Event, finder: PartnerFinder) -> str | None:
    criteria = subscription.criteria
    if criteria.followed and event.kind == "designated" and not event.partners:
        if match(replace(criteria, followed=False), event) is None:
            return None  # the partner search is costly: only for events wanted otherwise
        event = replace(event, partners=finder(event))
    return match(criteria, event)


def _row(subscription: Subscription, event: Event, reason: str, created_at: str
         ) -> dict[str, Any]:
    detail = {**event.detail, "why": reason, "jurisdictions": list(event.jurisdictions),
              "themes": list(event.themes), "countries": list(event.countries)}
    if event.partners:
        detail["partners"] = list(event.partners)
    if event.state:
        detail["state"] = event.state
    return {
        "subscription_id": subscription.id, "dedup_key": event.dedup_key(subscription.id),
        "event_key": event.key, "kind": event.kind, "source": event.source,
        "listing_key": event.listing_key, "name": event.name,
        "programs": json.dumps(list(event.programs)), "snapshot": event.snapshot,
        "created_at": created_at, "detail": json.dumps(detail, ensure_ascii=False),
    }


def _insert_new(engine: Engine, rows: list[dict[str, Any]]) -> int:
    unique = {row["dedup_key"]: row for row in rows}
    with engine.begin() as conn:
        seen: set[str] = set()
        keys = list(unique)
        for start in range(0, len(keys), 500):
            chunk = keys[start:start + 500]
            seen.update(conn.scalars(select(alerts.c.dedup_key)
                                     .where(alerts.c.dedup_key.in_(chunk))))
        new = [row for key, row in unique.items() if key not in seen]
        if new:
            conn.execute(insert(alerts), new)
    return len(new)


def after_ingest(engine: Engine, touched: Mapping[str, Iterable[str]], created_at: str) -> int:
    """Raise the alerts of the snapshots just ingested (`IngestOptions.touched`); how many
    are new. Call it after `concerted ingest` as `concerted fetch` does."""
    return raise_alerts(engine, change_events(engine, touched), created_at)
