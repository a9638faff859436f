"""Reading alerts back: for `concerted alerts`, the API, the feeds and delivery."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import Engine, Select, and_, func, select

from concerted.store.tables import alert_deliveries, alerts, subscriptions

__all__ = ["alert_dict", "list_alerts", "owned_alerts", "undelivered"]


def alert_dict(row: Any) -> dict[str, Any]:
    """The DESIGN shape (id, subscription, kind, source, listing_key, name, programs,
    snapshot, created_at) plus `detail`: why it matched, jurisdictions, fields, state."""
    return {"id": row.id, "subscription": row.subscription_id, "kind": row.kind,
            "source": row.source, "listing_key": row.listing_key, "name": row.name,
            "programs": json.loads(row.programs), "snapshot": row.snapshot,
            "created_at": row.created_at, "detail": json.loads(row.detail),
            "event_key": row.event_key}


def list_alerts(engine: Engine, subscription_id: str | None = None, limit: int | None = None,
                newest_first: bool = False, unique_events: bool = False) -> list[dict[str, Any]]:
    """Alerts in the order raised (newest first if asked); `unique_events` keeps one alert
    per change whoever subscribed to it (the global feed)."""
    order = alerts.c.id.desc() if newest_first else alerts.c.id
    query: Select[Any] = select(alerts).order_by(order)
    if subscription_id:
        query = query.where(alerts.c.subscription_id == subscription_id)
    rows: list[dict[str, Any]] = []
    seen: set[str] = set()
    with engine.connect() as conn:
        for row in conn.execute(query):
            if unique_events and row.event_key in seen:
                continue
            seen.add(row.event_key)
            rows.append(alert_dict(row))
            if limit is not None and len(rows) >= limit:
                break
    return rows


def owned_alerts(engine: Engine, owner: str, limit: int, offset: int = 0
                 ) -> tuple[int, list[dict[str, Any]]]:
    """A user's alerts across all their subscriptions, newest first: (how many in all,
    the page asked for). The web's /alerts page and `GET /api/v1/alerts`."""
    mine = select(subscriptions.c.id).where(subscriptions.c.owner == owner)
    where = alerts.c.subscription_id.in_(mine.scalar_subquery())
    with engine.connect() as conn:
        total = conn.execute(select(func.count()).select_from(alerts).where(where)).scalar_one()
        rows = conn.execute(select(alerts).where(where).order_by(alerts.c.id.desc())
                            .limit(limit).offset(offset))
        return total, [alert_dict(row) for row in rows]


def undelivered(engine: Engine, subscription_id: str, channel: str) -> list[dict[str, Any]]:
    """The subscription's alerts not yet handed over on `channel`, oldest first."""
    done = and_(alert_deliveries.c.alert_id == alerts.c.id, alert_deliveries.c.channel == channel)
    query = (select(alerts).outerjoin(alert_deliveries, done)
             .where(alerts.c.subscription_id == subscription_id,
                    alert_deliveries.c.alert_id.is_(None))
             .order_by(alerts.c.id))
    with engine.connect() as conn:
        return [alert_dict(row) for row in conn.execute(query)]
