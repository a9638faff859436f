"""Settings of alert delivery, from CONCERTED_* environment variables (docs/alerts.md).

- CONCERTED_SMTP_HOST (no default: without it e-mail is not sent and the run says so),
  CONCERTED_SMTP_PORT (25), CONCERTED_SMTP_FROM, CONCERTED_SMTP_USER,
  CONCERTED_SMTP_PASSWORD, CONCERTED_SMTP_STARTTLS (1 to upgrade the connection);
- CONCERTED_WEBHOOK_TIMEOUT (10 s), CONCERTED_WEBHOOK_RETRIES (3),
  CONCERTED_WEBHOOK_BACKOFF (2 s, doubled at each retry), CONCERTED_WEBHOOK_ALLOW_PRIVATE
  (1 to let webhooks reach loopback and private addresses; refused by default);
- CONCERTED_BASE_URL: the web app's public address, for links in feeds and e-mails.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field

from concerted.fetch import HttpPolicy

__all__ = ["AlertSettings"]


@dataclass(frozen=True)
class AlertSettings:
    smtp_host: str | None = None
    smtp_port: int = 25
    smtp_from: str = "concerted@localhost"
    smtp_user: str | None = None
    smtp_password: str | None = field(default=None, repr=False)
    smtp_starttls: bool = False
    base_url: str = "http://localhost:8000"
    webhook: HttpPolicy = field(default_factory=lambda: HttpPolicy(timeout=10, max_bytes=2**20))
    webhook_private: bool = False  # may webhooks reach loopback and private addresses

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> AlertSettings:
        env = os.environ if env is None else env
        return cls(
            smtp_host=env.get("CONCERTED_SMTP_HOST") or None,
            smtp_port=int(env.get("CONCERTED_SMTP_PORT", "25")),
            smtp_from=env.get("CONCERTED_SMTP_FROM", "concerted@localhost"),
            smtp_user=env.get("CONCERTED_SMTP_USER") or None,
            smtp_password=env.get("CONCERTED_SMTP_PASSWORD") or None,
            smtp_starttls=env.get("CONCERTED_SMTP_STARTTLS", "0") in ("1", "true", "yes"),
            base_url=env.get("CONCERTED_BASE_URL", "http://localhost:8000"),
            webhook=HttpPolicy(
                timeout=float(env.get("CONCERTED_WEBHOOK_TIMEOUT", "10")),
                retries=int(env.get("CONCERTED_WEBHOOK_RETRIES", "3")),
                backoff=float(env.get("CONCERTED_WEBHOOK_BACKOFF", "2")),
                max_bytes=2**20),
            webhook_private=env.get("CONCERTED_WEBHOOK_ALLOW_PRIVATE", "0") in ("1", "true",
                                                                              "yes"),
        )
