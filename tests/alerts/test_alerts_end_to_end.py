"""The issue's demonstration: two fetches of the real US list from a loopback server raise
exactly the 182 GLOMAG designations of 9 December 2022 as alerts, delivered once by webhook
(signature verified) and once by e-mail, and present in a valid Atom feed; re-runs add
nothing."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import feedparser
import pytest
from asgi_client import request
from click.testing import Result
from fastapi import FastAPI
from local_servers import ListServer, Mailbox, WebhookReceiver
from sqlalchemy import func, select

from concerted.alerts.delivery.webhook import SIGNATURE_HEADER, verify
from concerted.api.alerts import feeds_router, router
from concerted.app_options import AppOptions
from concerted.settings import Settings
from concerted.store.db import connect
from concerted.store.tables import alerts, delivery_log

pytestmark = pytest.mark.shared
Invoke = Callable[..., Result]


def _sdn(shared: Path, day: str) -> bytes:
    return (shared / "us" / day / "sdn.csv").read_bytes()


def _subscribe(invoke: Invoke, hooks: WebhookReceiver) -> dict[str, str]:
    made = invoke("subscriptions", "add", "--program", "us-glomag", "--webhook", hooks.url(),
                  "--email", "watcher@example.org", "--format", "json")
    assert made.exit_code == 0, made.output
    return dict(json.loads(made.output))


def test_two_fetches_alert_the_182_glomag_designations_once(
    shared_lists: Path, invoke: Invoke, lists: ListServer, hooks: WebhookReceiver,
    smtp: Mailbox, set_day: object, db_url: str, monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("CONCERTED_WEBHOOK_ALLOW_PRIVATE", "1")  # the receiver is on loopback
    subscription = _subscribe(invoke, hooks)
    url = lists.url("/sdn.csv")
    fetch = ("fetch", "--source", "us_ofac_sdn", "--url", url, "--format", "json")

    lists.serve("/sdn.csv", _sdn(shared_lists, "2022-12-08"))
    set_day("2022-12-08")  # type: ignore[operator]
    first = invoke(*fetch)
    assert first.exit_code == 0, first.output
    assert json.loads(first.output)["alerts"] == 0  # the baseline raises nothing
    assert json.loads(first.output)["sources"][0]["snapshot"] == "2022-12-08"

    lists.serve("/sdn.csv", _sdn(shared_lists, "2022-12-09"))
    set_day("2022-12-09")  # type: ignore[operator]
    second = invoke(*fetch)
    assert second.exit_code == 0, second.output
    assert json.loads(second.output)["alerts"] == 182

    raised = json.loads(invoke("alerts", "--format", "json").output)
    assert len(raised) == 182
    assert {a["kind"] for a in raised} == {"designated"}
    assert all("us-glomag" in a["programs"] and a["snapshot"] == "2022-12-09" for a in raised)
    assert set(raised[0]) == {"id", "subscription", "kind", "source", "listing_key", "name",
                              "programs", "snapshot", "created_at"}
    keys = {a["listing_key"] for a in raised}

    _check_webhook(hooks, subscription, keys)
    _check_email(smtp, keys)
    _check_feeds(db_url, subscription["id"], keys)

    again = invoke(*fetch)  # the server answers 304 to our ETag
    assert again.exit_code == 0 and json.loads(again.output)["sources"][0]["outcome"] == \
        "not_modified"
    lists.serve("/sdn.csv", _sdn(shared_lists, "2022-12-09"), mode="no-etag")
    same = invoke(*fetch)  # the same bytes again, unconditionally
    assert json.loads(same.output)["sources"][0]["outcome"] == "unchanged"
    assert json.loads(invoke("alerts", "--format", "json").output) == raised
    assert len(hooks.received) == 1 and len(smtp.messages) == 1
    engine = connect(db_url)
    with engine.connect() as conn:
        assert conn.scalar(select(func.count()).select_from(alerts)) == 182
        assert conn.scalar(select(func.count()).select_from(delivery_log)) == 2
    engine.dispose()


def _check_webhook(hooks: WebhookReceiver, subscription: dict[str, str], keys: set[str]) -> None:
    assert len(hooks.received) == 1
    post = hooks.received[0]
    assert verify(subscription["secret"], post.body, post.headers[SIGNATURE_HEADER])
    assert not verify("another secret", post.body, post.headers[SIGNATURE_HEADER])
    payload = json.loads(post.body)
    assert payload["subscription"] == subscription["id"]
    assert {a["listing_key"] for a in payload["alerts"]} == keys


def _check_email(smtp: Mailbox, keys: set[str]) -> None:
    assert len(smtp.messages) == 1 and smtp.recipients == [["watcher@example.org"]]
    message = smtp.messages[0]
    assert "182 new alerts" in message["Subject"]
    parts = {part.get_content_type(): part for part in message.walk()}
    assert {"text/plain", "text/html"} <= set(parts)
    plain = parts["text/plain"].get_payload(decode=True).decode()  # type: ignore[union-attr]
    assert all(f"listing {key}," in plain for key in keys)


def _check_feeds(db_url: str, subscription_id: str, keys: set[str]) -> None:
    app = FastAPI()
    app.state.engine = connect(db_url)
    app.state.options = AppOptions()
    app.state.settings = Settings()
    app.include_router(router, prefix="/api/v1")
    app.include_router(feeds_router)
    for path, count in ((f"/feeds/{subscription_id}.atom", 182), ("/feeds/alerts.atom", 182)):
        response = request(app, "GET", path)
        assert response.status_code == 200
        assert response.headers["content-type"].startswith("application/atom+xml")
        feed = feedparser.parse(response.content)
        assert not feed.bozo, feed.get("bozo_exception")
        assert len(feed.entries) == count
        assert all(e.id.startswith("urn:concerted:alert:") for e in feed.entries)
    assert request(app, "GET", "/feeds/nosuch.atom").status_code == 404
    app.state.engine.dispose()
