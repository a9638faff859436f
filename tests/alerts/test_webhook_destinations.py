"""Webhooks may not reach the server's own machine or network (issue 15, Low: SSRF), neither
when the subscription is made nor at delivery, unless the operator allows it."""

from __future__ import annotations

from pathlib import Path

import pytest

from concerted.alerts.destinations import PrivateDestination, check_destination
from concerted.alerts.model import Criteria
from concerted.alerts.subscriptions import SubscriptionError, add_subscription
from concerted.settings import Settings
from concerted.store.db import connect

PRIVATE = ["http://127.0.0.1:8000/hook", "http://localhost/hook", "http://[::1]/hook",
           "http://169.254.169.254/latest/meta-data/", "http://10.0.0.5/hook",
           "http://192.168.1.1/hook", "http://172.16.0.1/hook", "http://2130706433/hook",
           "http://0x7f000001/hook", "http://127.1/hook", "http://[::ffff:127.0.0.1]/hook",
           "http://0.0.0.0/hook", "http://printer.local/hook"]


@pytest.mark.parametrize("url", PRIVATE)
def test_private_destinations_are_refused(url: str) -> None:
    with pytest.raises(PrivateDestination, match="public addresses"):
        check_destination(url)


def test_public_addresses_pass() -> None:
    check_destination("https://93.184.215.14/hook")
    check_destination("https://[2606:2800:21f:cb07:6820:80da:af6b:8b2c]/hook")


def test_a_subscription_to_the_loopback_is_refused_unless_allowed(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CONCERTED_WEBHOOK_ALLOW_PRIVATE", raising=False)
    engine = connect(f"sqlite:///{tmp_path / 'c.db'}")
    criteria = Criteria(programs=("us-glomag",))
    with pytest.raises(SubscriptionError, match=r"127\.0\.0\.1"):
        add_subscription(engine, criteria, "2024-01-01", webhook="http://127.0.0.1:9/x",
                         allow_private=Settings.from_env().webhook_allow_private)
    monkeypatch.setenv("CONCERTED_WEBHOOK_ALLOW_PRIVATE", "1")
    made = add_subscription(engine, criteria, "2024-01-01", webhook="http://127.0.0.1:9/x",
                            allow_private=Settings.from_env().webhook_allow_private)
    assert made.webhook == "http://127.0.0.1:9/x"
    engine.dispose()
