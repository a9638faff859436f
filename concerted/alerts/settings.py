"""Settings of alert delivery, taken from the settings object (docs/alerts.md names the
variables).

- CONCERTED_SMTP_HOST (no default: without it e-mail is not sent and the run says so),
  CONCERTED_SMTP_PORT (25), CONCERTED_SMTP_FROM, CONCERTED_SMTP_USER,
  CONCERTED_SMTP_PASSWORD, CONCERTED_SMTP_STARTTLS (1 to upgrade the connection);
- CONCERTED_WEBHOOK_TIMEOUT (10 s), CONCERTED_WEBHOOK_RETRIES (3),
  CONCERTED_WEBHOOK_BACKOFF (2 s, doubled at each retry), CONCERTED_WEBHOOK_ALLOW_PRIVATE
  (1 to let webhooks reach loopback and private addresses; refused by default);
- CONCERTED_BASE_URL: the web app's public address, for links in feeds and e-mails.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from concerted.fetch import HttpPolicy
from concerted.settings import Settings

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
    def from_settings(cls, settings: Settings) -> AlertSettings:
        password = settings.smtp_password
        return cls(
            smtp_host=settings.smtp_host, smtp_port=settings.smtp_port,
            smtp_from=settings.smtp_from, smtp_user=settings.smtp_user,
            smtp_password=password.get_secret_value() if password else None,
            smtp_starttls=settings.smtp_starttls, base_url=settings.base_url,
            webhook=HttpPolicy(timeout=settings.webhook_timeout,
                               retries=settings.webhook_retries,
                               backoff=settings.webhook_backoff, max_bytes=2**20),
            webhook_private=settings.webhook_allow_private,
        )
