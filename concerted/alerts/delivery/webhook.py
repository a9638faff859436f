"""Webhook delivery: a JSON POST signed with HMAC-SHA256 over the exact body.

The receiver recomputes `hmac_sha256(secret, body)` and compares it with the hex digest in
`X-Concerted-Signature: sha256=<hex>` (constant-time), as GitHub's webhooks do. The secret is
the subscription's own, shown once when it is created.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import uuid
from collections.abc import Sequence
from typing import Any

import httpx

from concerted.alerts.model import Subscription
from concerted.fetch import FetchError, HttpPolicy, post

__all__ = ["SIGNATURE_HEADER", "payload", "send_webhook", "sign", "verify"]

SIGNATURE_HEADER = "X-Concerted-Signature"


def sign(secret: str, body: bytes) -> str:
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def verify(secret: str, body: bytes, signature: str) -> bool:
    return hmac.compare_digest(sign(secret, body), signature)


def payload(subscription: Subscription, alerts: Sequence[dict[str, Any]], digest: bool) -> bytes:
    data = {"subscription": subscription.id, "label": subscription.label, "digest": digest,
            "alerts": [{k: v for k, v in a.items() if k != "event_key"} for a in alerts]}
    return json.dumps(data, ensure_ascii=False, sort_keys=True).encode("utf-8")


def send_webhook(client: httpx.Client, subscription: Subscription,
                 alerts: Sequence[dict[str, Any]], policy: HttpPolicy,
                 digest: bool = False) -> tuple[int, int]:
    """(status code, attempts); FetchError when the receiver never took it."""
    if not subscription.webhook or not subscription.secret:
        raise FetchError(subscription.webhook or "(none)", "the subscription has no webhook")
    body = payload(subscription, alerts, digest)
    headers = {"Content-Type": "application/json",
               SIGNATURE_HEADER: sign(subscription.secret, body),
               "X-Concerted-Delivery": str(uuid.uuid4()),
               "X-Concerted-Subscription": subscription.id}
    return post(client, subscription.webhook, body, headers, policy)
