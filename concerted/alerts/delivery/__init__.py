"""Delivering alerts: webhooks and e-mail are pushed here; Atom feeds are pulled (`atom`).

Each alert goes once per channel. A batch that fails is retried (webhooks at once, with
backoff; then again at the next run); a receiver that refuses it for good (HTTP 4xx, a
refused recipient) is logged and given up on. A digest subscription gets at most one batch
per channel per UTC day.
"""

from __future__ import annotations

import smtplib
from collections.abc import Sequence
from datetime import datetime
from typing import Any

import httpx
from sqlalchemy import Engine

from concerted.alerts.delivery.email import compose, send_email
from concerted.alerts.delivery.log import Attempt, last_digest, record, set_last_digest
from concerted.alerts.delivery.webhook import send_webhook
from concerted.alerts.destinations import PrivateDestination, check_destination
from concerted.alerts.model import Subscription
from concerted.alerts.queries import undelivered
from concerted.alerts.settings import AlertSettings
from concerted.alerts.subscriptions import list_subscriptions
from concerted.fetch import FetchError

__all__ = ["BATCH", "deliver_pending"]

BATCH = 500  # alerts per request or message


def deliver_pending(engine: Engine, client: httpx.Client, settings: AlertSettings,
                    now: datetime) -> list[dict[str, Any]]:
    """Send what is due to every subscription; one report row per batch."""
    report: list[dict[str, Any]] = []
    for subscription in list_subscriptions(engine):
        for channel, target in _channels(subscription):
            if channel == "email" and not settings.smtp_host:
                report.append(_row(subscription, channel, 0, "skipped",
                                   "no SMTP server configured (CONCERTED_SMTP_HOST)"))
            elif not subscription.digest or _digest_due(engine, subscription.id, channel, now):
                report += _deliver(engine, client, settings, subscription, channel, target, now)
    return report


def _channels(subscription: Subscription) -> list[tuple[str, str]]:
    pairs = [("webhook", subscription.webhook), ("email", subscription.email)]
    return [(channel, target) for channel, target in pairs if target]


def _digest_due(engine: Engine, subscription_id: str, channel: str, now: datetime) -> bool:
    last = last_digest(engine, subscription_id, channel)
    return last is None or last[:10] < now.date().isoformat()


def _deliver(engine: Engine, client: httpx.Client, settings: AlertSettings,
             subscription: Subscription, channel: str, target: str,
             now: datetime) -> list[dict[str, Any]]:
    pending = undelivered(engine, subscription.id, channel)
    rows = []
    for start in range(0, len(pending), BATCH):
        batch = pending[start:start + BATCH]
        attempt = _send(channel, client, settings, subscription, batch)
        record(engine, subscription.id, channel, target, [a["id"] for a in batch], attempt,
               now.isoformat(timespec="seconds"))
        rows.append(_row(subscription, channel, len(batch), attempt.outcome, attempt.error))
    if subscription.digest and rows and all(r["outcome"] == "sent" for r in rows):
        set_last_digest(engine, subscription.id, channel, now.isoformat(timespec="seconds"))
    return rows


def _send(channel: str, client: httpx.Client, settings: AlertSettings,
          subscription: Subscription, batch: Sequence[dict[str, Any]]) -> Attempt:
    try:
        if channel == "webhook":
            if not settings.webhook_private:
                check_destination(subscription.webhook or "")
            status, attempts = send_webhook(client, subscription, batch, settings.webhook,
                                            subscription.digest)
            return Attempt("sent", attempts, status)
        send_email(compose(subscription, batch, settings, subscription.digest), settings)
        return Attempt("sent")
    except FetchError as exc:
        return Attempt("failed", exc.attempts, exc.status_code, exc.reason, final=not exc.retry)
    except PrivateDestination as exc:
        return Attempt("failed", error=str(exc), final=True)
    except smtplib.SMTPRecipientsRefused as exc:
        return Attempt("failed", error=f"recipient refused: {exc}", final=True)
    except (OSError, smtplib.SMTPException) as exc:
        return Attempt("failed", error=f"{type(exc).__name__}: {exc}")


def _row(subscription: Subscription, channel: str, count: int, outcome: str,
         error: str | None) -> dict[str, Any]:
    return {"subscription": subscription.id, "channel": channel, "alerts": count,
            "outcome": outcome, "error": error}
