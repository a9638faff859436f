"""The Alerts front door (`/alerts`, issue 14 item 9): open to visitors, who learn that alerts
start with a subscription and how to make one; a user's alerts from all their subscriptions,
newest first, and the JSON twin `GET /api/v1/alerts`. Alerts are raised from the real changes
of the newest US snapshot in the shared-lists store of tests/web_store.py."""

from __future__ import annotations

import re

from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import delete
from web_store import PASSWORD, api, web_app, web_store, writer_token  # noqa: F401

from concerted.accounts import add_user, find_user
from concerted.alerts.events import change_events
from concerted.alerts.service import raise_alerts
from concerted.alerts.subscriptions import list_subscriptions
from concerted.store.reader import Reader
from concerted.store.tables import alerts

READER = "alerts-reader@example.org"
SOURCE = "us_ofac_sdn"  # the only source with several snapshots in the store


def _csrf(page: str) -> str:
    found = re.search(r'name="csrf_token" value="([^"]+)"', page)
    assert found is not None
    return found.group(1)


def _log_in(client: TestClient, email: str) -> str:
    token = _csrf(client.get("/login").text)
    client.post("/login", data={"email": email, "password": PASSWORD, "csrf_token": token,
                                "next": "/alerts"})
    return _csrf(client.get("/subscriptions").text)


def test_a_visitor_learns_how_alerts_start_not_a_login_form(api: TestClient) -> None:  # noqa: F811
    page = api.get("/alerts", follow_redirects=False)
    assert page.status_code == 200
    assert 'name="password"' not in page.text and "judgement" not in page.text
    assert "Alerts start with a" in page.text and "<strong>subscription</strong>" in page.text
    assert 'href="/login?next=/subscriptions"' in page.text
    assert "concerted subscriptions add --program us-glomag" in page.text
    assert 'href="/feeds/alerts.atom"' in page.text
    nav = re.search(r'<nav class="main".*?</nav>', page.text, re.S)
    assert nav is not None and '<a href="/alerts" aria-current="page">Alerts</a>' in nav.group(0)
    assert "/subscriptions" not in nav.group(0)
    assert api.get("/api/v1/alerts").status_code == 401


def test_a_user_sees_the_empty_states_then_their_alerts(
        api: TestClient, web_app: FastAPI) -> None:  # noqa: F811
    engine = web_app.state.engine
    if find_user(engine, READER) is None:
        add_user(engine, READER, PASSWORD)
    csrf = _log_in(api, READER)
    empty = api.get("/alerts").text
    assert "You have no subscriptions yet" in empty
    assert 'href="/subscriptions#add-heading"' in empty

    api.post("/subscriptions", data={"csrf_token": csrf, "label": "US watch",
                                     "jurisdictions": ["us"]})
    mine = [s for s in list_subscriptions(engine, owner=READER) if s.label == "US watch"]
    assert len(mine) == 1
    waiting = api.get("/alerts").text
    assert "No alerts yet" in waiting and "Your 1 subscription</a>" in waiting

    newest = Reader(engine).snapshots(SOURCE)[-1]["published"]
    events = change_events(engine, {SOURCE: [newest]})
    assert events, "the newest US snapshot changes something"
    raised = raise_alerts(engine, events, "2030-01-02T00:00:00Z", subscriptions=mine)
    try:
        assert raised > 0
        twin = api.get("/api/v1/alerts", params={"limit": 2}).json()
        assert twin["total"] == raised and len(twin["results"]) == min(2, raised)
        assert {a["subscription"] for a in twin["results"]} == {mine[0].id}
        listed = api.get("/alerts").text
        assert f"{raised} alert{'' if raised == 1 else 's'}" in listed
        assert listed.count("<tr><td>2030-01-02</td>") == min(raised, 50)
        first = twin["results"][0]
        assert f'href="/listings/{first["source"]}/{first["listing_key"]}"' in listed
        assert "OFAC SDN List" in listed and "US watch" in listed
        if raised > 50:
            assert 'href="/alerts?offset=50" rel="next"' in listed
        with TestClient(web_app) as anonymous:  # nobody else sees them
            assert "US watch" not in anonymous.get("/alerts").text
    finally:
        with engine.begin() as conn:
            conn.execute(delete(alerts).where(alerts.c.subscription_id == mine[0].id))
        api.post(f"/subscriptions/{mine[0].id}/remove", data={"csrf_token": csrf})
