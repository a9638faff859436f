"""E-mail delivery over SMTP: one message per subscription and run (or per day, for a digest),
plain text and HTML alternatives of the same alerts."""

from __future__ import annotations

import smtplib
from collections.abc import Sequence
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from html import escape
from typing import Any

from concerted.alerts.model import Subscription
from concerted.alerts.settings import AlertSettings
from concerted.alerts.text import link, summary, title

__all__ = ["compose", "send_email"]


def _subject(subscription: Subscription, alerts: Sequence[dict[str, Any]], digest: bool) -> str:
    what = subscription.label or f"subscription {subscription.id}"
    if digest:
        return f"[Concerted] Daily digest for {what}: {len(alerts)} alert(s)"
    if len(alerts) == 1:
        return f"[Concerted] {title(alerts[0])}"
    return f"[Concerted] {len(alerts)} new alerts for {what}"


def _plain(alerts: Sequence[dict[str, Any]], settings: AlertSettings) -> str:
    parts = [f"{summary(a)}\n{link(a, settings.base_url)}" for a in alerts]
    return "\n\n".join(parts) + "\n\n-- \nConcerted. Manage subscriptions with " \
                                "`concerted subscriptions`.\n"


def _html(alerts: Sequence[dict[str, Any]], settings: AlertSettings) -> str:
    items = "".join(
        f'<li><a href="{escape(link(a, settings.base_url))}">{escape(title(a))}</a>'
        f"<br><small>{escape(summary(a)).replace(chr(10), '<br>')}</small></li>"
        for a in alerts)
    return f"<html><body><h1>Concerted alerts</h1><ul>{items}</ul></body></html>"


def compose(subscription: Subscription, alerts: Sequence[dict[str, Any]],
            settings: AlertSettings, digest: bool = False) -> EmailMessage:
    message = EmailMessage()
    message["Subject"] = _subject(subscription, alerts, digest)
    message["From"] = settings.smtp_from
    message["To"] = subscription.email or ""
    message["Date"] = formatdate(usegmt=True)
    message["Message-ID"] = make_msgid(domain="concerted")
    message["X-Concerted-Subscription"] = subscription.id
    message.set_content(_plain(alerts, settings))
    message.add_alternative(_html(alerts, settings), subtype="html")
    return message


def send_email(message: EmailMessage, settings: AlertSettings) -> None:
    """Hand the message to the SMTP server; raises OSError / smtplib.SMTPException."""
    if not settings.smtp_host:
        raise smtplib.SMTPException("no SMTP server configured (CONCERTED_SMTP_HOST)")
    with smtplib.SMTP(settings.smtp_host, settings.smtp_port, timeout=30) as smtp:
        if settings.smtp_starttls:
            smtp.starttls()
        if settings.smtp_user and settings.smtp_password:
            smtp.login(settings.smtp_user, settings.smtp_password)
        smtp.send_message(message)
