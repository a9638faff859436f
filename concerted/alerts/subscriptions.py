"""Subscriptions in the store: add, list, get, remove. The CLI and the API call these."""

from __future__ import annotations

import json
import secrets
from typing import Any

from sqlalchemy import Engine, delete, insert, select

from concerted.alerts.destinations import PrivateDestination, check_destination
from concerted.alerts.model import KINDS, Criteria, Subscription
from concerted.store.tables import subscriptions

__all__ = ["SubscriptionError", "add_subscription", "get_subscription", "list_subscriptions",
           "remove_subscription"]


class SubscriptionError(ValueError):
    """A subscription that cannot be made as asked."""


def add_subscription(engine: Engine, criteria: Criteria, created_at: str, *,
                     label: str | None = None, webhook: str | None = None,
                     email: str | None = None, digest: bool = False,
                     owner: str | None = None,
                     allow_private: bool = False) -> Subscription:
    """`allow_private`: may the webhook reach loopback and private addresses (the callers
    pass `Settings.webhook_allow_private`, CONCERTED_WEBHOOK_ALLOW_PRIVATE)."""
    _check(criteria, webhook, email)
    if webhook and not allow_private:
        try:
            check_destination(webhook)
        except PrivateDestination as exc:
            raise SubscriptionError(str(exc)) from None
    subscription = Subscription(
        id=secrets.token_hex(8), criteria=criteria, label=label, webhook=webhook,
        secret=secrets.token_hex(32) if webhook else None, email=email, digest=digest,
        created_at=created_at, owner=owner)
    with engine.begin() as conn:
        conn.execute(insert(subscriptions).values(
            id=subscription.id, label=label, criteria=json.dumps(criteria.to_dict()),
            webhook=webhook, secret=subscription.secret, email=email, digest=digest,
            owner=owner, created_at=created_at))
    return subscription


def _check(criteria: Criteria, webhook: str | None, email: str | None) -> None:
    unknown = sorted(set(criteria.kinds) - set(KINDS))
    if unknown:
        raise SubscriptionError(f"unknown kind(s) {', '.join(unknown)}; use {', '.join(KINDS)}")
    if webhook and not webhook.startswith(("http://", "https://")):
        raise SubscriptionError(f"the webhook must be an http(s) URL, not {webhook!r}")
    if email and "@" not in email:
        raise SubscriptionError(f"not an e-mail address: {email!r}")
    if criteria.followed and not (criteria.watch or criteria.programs or criteria.jurisdictions):
        raise SubscriptionError("--followed needs targets to follow: --watch, --program or "
                                "--jurisdiction")
    if not 0 < criteria.threshold <= 1:
        raise SubscriptionError("the name threshold is a score in (0, 1]")


def _from_row(row: Any) -> Subscription:
    return Subscription(
        id=row.id, criteria=Criteria.from_dict(json.loads(row.criteria)), label=row.label,
        webhook=row.webhook, secret=row.secret, email=row.email, digest=bool(row.digest),
        created_at=row.created_at, owner=row.owner)


def list_subscriptions(engine: Engine, owner: str | None = None) -> list[Subscription]:
    """Every subscription, or those one API user made."""
    query = select(subscriptions).order_by(subscriptions.c.created_at, subscriptions.c.id)
    if owner is not None:
        query = query.where(subscriptions.c.owner == owner)
    with engine.connect() as conn:
        return [_from_row(row) for row in conn.execute(query)]


def get_subscription(engine: Engine, subscription_id: str) -> Subscription | None:
    query = select(subscriptions).where(subscriptions.c.id == subscription_id)
    with engine.connect() as conn:
        row = conn.execute(query).first()
    return _from_row(row) if row is not None else None


def remove_subscription(engine: Engine, subscription_id: str) -> bool:
    """Stop a subscription. Its past alerts stay (they are part of the global feed)."""
    with engine.begin() as conn:
        gone = conn.execute(delete(subscriptions).where(subscriptions.c.id == subscription_id))
    return bool(gone.rowcount)
