"""Delivery: webhooks signed and retried, given up on a refusal, e-mail in two parts, daily
digests, Atom feeds readers accept; and alerts raised once however often raised."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import feedparser
import pytest
from local_servers import Mailbox, WebhookReceiver
from sqlalchemy import Engine, select

from concerted.alerts.delivery import deliver_pending
from concerted.alerts.delivery.atom import global_feed, subscription_feed
from concerted.alerts.delivery.webhook import SIGNATURE_HEADER, verify
from concerted.alerts.model import Criteria, Event, Subscription
from concerted.alerts.service import raise_alerts
from concerted.alerts.settings import AlertSettings
from concerted.alerts.subscriptions import add_subscription
from concerted.fetch import HttpPolicy, make_client
from concerted.store.db import connect
from concerted.store.tables import delivery_log

DAY1 = datetime(2022, 12, 9, 19, tzinfo=UTC)
DAY2 = datetime(2022, 12, 10, 19, tzinfo=UTC)


def _event(key: str, name: str, snapshot: str = "2022-12-09") -> Event:
    return Event("designated", "us_ofac_sdn", key, name, snapshot, ("us",), ("us-glomag",))


EVENTS = [_event("33674", "ZHUO, Xinrong"), _event("33675", "SUN, Jinlong")]


@pytest.fixture()
def engine(db_url: str) -> Iterator[Engine]:
    made = connect(db_url)
    yield made
    made.dispose()


def _settings(box: Mailbox | None = None) -> AlertSettings:
    policy = HttpPolicy(timeout=5, retries=2, backoff=0, max_bytes=2**20)
    return AlertSettings(smtp_host=box.host if box else None, smtp_port=box.port if box else 25,
                         base_url="http://concerted.test", webhook=policy,
                         webhook_private=True)  # the receivers here are on the loopback


def _subscribe(engine: Engine, **channels: object) -> Subscription:
    return add_subscription(engine, Criteria(programs=("us-glomag",)), DAY1.isoformat(),
                            allow_private=True, **channels)  # type: ignore[arg-type]


def _deliver(engine: Engine, settings: AlertSettings,
             now: datetime = DAY1) -> list[dict[str, Any]]:
    with make_client(settings.webhook) as client:
        return deliver_pending(engine, client, settings, now)


def test_alerts_are_raised_once(engine: Engine) -> None:
    _subscribe(engine)
    assert raise_alerts(engine, EVENTS, DAY1.isoformat()) == 2
    assert raise_alerts(engine, EVENTS, DAY2.isoformat()) == 0


def test_webhook_is_signed_and_retried(engine: Engine, hooks: WebhookReceiver) -> None:
    subscription = _subscribe(engine, webhook=hooks.url())
    raise_alerts(engine, EVENTS, DAY1.isoformat())
    hooks.statuses = [500]
    assert [r["outcome"] for r in _deliver(engine, _settings())] == ["sent"]
    assert len(hooks.received) == 2  # the 500, then the retry
    last = hooks.received[-1]
    assert subscription.secret and verify(subscription.secret, last.body,
                                          last.headers[SIGNATURE_HEADER])
    assert len(json.loads(last.body)["alerts"]) == 2
    with engine.connect() as conn:
        assert conn.execute(select(delivery_log.c.attempt, delivery_log.c.outcome)).all() == \
            [(2, "sent")]
    assert _deliver(engine, _settings()) == []  # nothing twice


def test_a_refusing_webhook_is_given_up_a_down_one_retried(engine: Engine,
                                                           hooks: WebhookReceiver) -> None:
    refused = _subscribe(engine, webhook=hooks.url("/gone"))
    down = _subscribe(engine, webhook="http://127.0.0.1:9/unreachable")
    raise_alerts(engine, EVENTS, DAY1.isoformat())
    hooks.statuses = [410]
    rows = {r["subscription"]: r for r in _deliver(engine, _settings())}
    assert rows[refused.id]["outcome"] == "failed" and "410" in rows[refused.id]["error"]
    assert rows[down.id]["outcome"] == "failed" and "connection" in rows[down.id]["error"]
    again = [r["subscription"] for r in _deliver(engine, _settings())]
    assert again == [down.id]  # the refusal is final; the unreachable one is tried again


def test_email_has_text_and_html(engine: Engine, smtp: Mailbox) -> None:
    _subscribe(engine, email="watcher@example.org", label="GloMag")
    raise_alerts(engine, EVENTS, DAY1.isoformat())
    assert [r["outcome"] for r in _deliver(engine, _settings(smtp))] == ["sent"]
    message = smtp.messages[0]
    assert message["Subject"] == "[Concerted] 2 new alerts for GloMag"
    types = [part.get_content_type() for part in message.walk()]
    assert types == ["multipart/alternative", "text/plain", "text/html"]
    html = next(p for p in message.walk() if p.get_content_type() == "text/html")
    assert "ZHUO, Xinrong" in html.get_payload(decode=True).decode()  # type: ignore[union-attr]


def test_without_smtp_email_is_skipped_and_kept(engine: Engine, smtp: Mailbox) -> None:
    _subscribe(engine, email="watcher@example.org")
    raise_alerts(engine, EVENTS, DAY1.isoformat())
    assert [r["outcome"] for r in _deliver(engine, _settings())] == ["skipped"]
    assert [r["alerts"] for r in _deliver(engine, _settings(smtp))] == [2]


def test_a_digest_goes_at_most_once_a_day(engine: Engine, smtp: Mailbox) -> None:
    _subscribe(engine, email="watcher@example.org", digest=True)
    raise_alerts(engine, EVENTS[:1], DAY1.isoformat())
    assert len(_deliver(engine, _settings(smtp))) == 1
    raise_alerts(engine, [_event("33676", "LATER, Same Day")], DAY1.isoformat())
    assert _deliver(engine, _settings(smtp)) == []
    assert len(_deliver(engine, _settings(smtp), DAY2)) == 1
    assert "Daily digest" in smtp.messages[-1]["Subject"] and len(smtp.messages) == 2


def test_feeds_are_valid_atom_and_the_global_one_tells_no_reasons(engine: Engine) -> None:
    watcher = add_subscription(engine, Criteria(watch=("Xinrong Zhuo",)), DAY1.isoformat())
    _subscribe(engine)
    raise_alerts(engine, EVENTS, DAY1.isoformat())
    mine = feedparser.parse(subscription_feed(engine, watcher.id, "http://concerted.test"))
    assert not mine.bozo and [e.title for e in mine.entries] == \
        ["Designated: ZHUO, Xinrong (us: us-glomag)"]
    assert "watched name" in mine.entries[0].summary
    everyone = feedparser.parse(global_feed(engine, "http://concerted.test"))
    assert not everyone.bozo and len(everyone.entries) == 2  # each change once
    assert not any("watched" in e.summary for e in everyone.entries)
    assert subscription_feed(engine, "nosuch", "http://concerted.test") is None
