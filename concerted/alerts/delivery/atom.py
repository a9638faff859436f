"""The Atom feeds from the store: one global (each change once), one per subscription."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine

from concerted.alerts.atom import render_feed
from concerted.alerts.queries import list_alerts
from concerted.alerts.subscriptions import get_subscription

__all__ = ["FEED_SIZE", "global_feed", "subscription_feed"]

FEED_SIZE = 1000


def global_feed(engine: Engine, base_url: str) -> bytes:
    alerts = [_public(a) for a in list_alerts(engine, limit=FEED_SIZE, newest_first=True,
                                              unique_events=True)]
    self_url = f"{base_url.rstrip('/')}/feeds/alerts.atom"
    return render_feed("urn:concerted:alerts", "Concerted: all alerts", self_url, alerts,
                       base_url)


def subscription_feed(engine: Engine, subscription_id: str, base_url: str) -> bytes | None:
    """None when there is no such subscription."""
    subscription = get_subscription(engine, subscription_id)
    if subscription is None:
        return None
    alerts = list_alerts(engine, subscription_id, limit=FEED_SIZE, newest_first=True)
    self_url = f"{base_url.rstrip('/')}/feeds/{subscription_id}.atom"
    name = subscription.label or subscription_id
    return render_feed(f"urn:concerted:subscription:{subscription_id}",
                       f"Concerted: alerts for {name}", self_url, alerts, base_url)


def _public(alert: dict[str, Any]) -> dict[str, Any]:
    """The change without why it reached someone: a reason would tell what they watch."""
    detail = {k: v for k, v in alert["detail"].items() if k != "why"}
    return alert | {"detail": detail}
