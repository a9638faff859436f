"""The Alerts page (a user's subscriptions: list, add, remove, with CSRF) and the dashboard's
Status column, in-process on the shared-lists store of tests/web_store.py."""

from __future__ import annotations

import html
import re

from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import delete
from web_store import PASSWORD, WRITER, api, web_app, web_store, writer_token  # noqa: F401

from concerted.accounts import add_user, find_user
from concerted.alerts.subscriptions import list_subscriptions
from concerted.store.tables import fetch_runs
from concerted.updates.runs import RunResult, finish_run, start_run

OTHER = "other-subscriber@example.org"


def _csrf(html: str) -> str:
    found = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert found is not None
    return found.group(1)


def _log_in(client: TestClient, email: str) -> str:
    """Log in through the form; the session's CSRF token, read from the Alerts page."""
    token = _csrf(client.get("/login").text)
    response = client.post("/login", data={"email": email, "password": PASSWORD,
                                           "csrf_token": token, "next": "/subscriptions"},
                           follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == "/subscriptions"
    page = client.get("/subscriptions")
    assert page.status_code == 200
    return _csrf(page.text)


def test_anonymous_visitors_are_sent_to_log_in(api: TestClient) -> None:  # noqa: F811
    response = api.get("/subscriptions", follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == "/login?next=/subscriptions"


def test_add_see_and_remove_a_subscription_through_the_form(
        api: TestClient, web_app: FastAPI) -> None:  # noqa: F811
    csrf = _log_in(api, WRITER)
    page = api.get("/subscriptions")
    assert '/api/v1/subscriptions>; rel="alternate"' in page.headers["link"]
    assert 'href="/feeds/alerts.atom"' in page.text
    assert 'aria-current="page"' in page.text and ">Alerts</a>" in page.text
    for field in ("sub-label", "sub-programs", "sub-themes", "sub-countries", "sub-watch",
                  "sub-threshold", "sub-webhook", "sub-email"):
        assert f'<label for="{field}">' in page.text and f'id="{field}"' in page.text

    added = api.post("/subscriptions", data={
        "csrf_token": csrf, "label": "Hong Kong watch", "programs": "us-glomag, gb-cyber",
        "jurisdictions": ["gb", "au"], "watch": "Zhu Hailun\nCarrie Lam",
        "email": "alerts@example.org", "digest": "true", "threshold": "0.9"},
        follow_redirects=False)
    assert added.status_code == 303, added.text
    subscription_id = added.headers["location"].split("added=")[1]
    made = next(s for s in list_subscriptions(web_app.state.engine, owner=WRITER)
                if s.id == subscription_id)
    assert made.criteria.programs == ("us-glomag", "gb-cyber")
    assert made.criteria.jurisdictions == ("gb", "au")
    assert made.criteria.watch == ("Zhu Hailun", "Carrie Lam")
    assert made.criteria.threshold == 0.9 and made.digest and made.email == "alerts@example.org"

    listed = api.get(added.headers["location"])
    assert "Hong Kong watch" in listed.text and "Zhu Hailun; Carrie Lam" in listed.text
    assert f'href="/feeds/{subscription_id}.atom"' in listed.text
    assert "alerts@example.org" in listed.text and "United Kingdom" in listed.text
    assert "No alerts yet." in listed.text
    twin = api.get("/api/v1/subscriptions", headers={"X-CSRF-Token": csrf}).json()
    assert subscription_id in [s["id"] for s in twin]  # the JSON twin lists it too

    removed = api.post(f"/subscriptions/{subscription_id}/remove",
                       data={"csrf_token": csrf}, follow_redirects=False)
    assert removed.status_code == 303
    after = api.get(removed.headers["location"])
    assert f"Subscription <code>{subscription_id}</code> removed" in after.text
    assert f'id="sub-{subscription_id}"' not in after.text
    assert all(s.id != subscription_id for s in list_subscriptions(web_app.state.engine))


def test_a_webhook_subscription_shows_its_secret_once_and_errors_are_explained(
        api: TestClient, web_app: FastAPI) -> None:  # noqa: F811
    csrf = _log_in(api, WRITER)
    refused = api.post("/subscriptions", data={"csrf_token": csrf, "webhook": "ftp://x.example"})
    assert refused.status_code == 422
    assert "the webhook must be an http(s) URL" in refused.text
    assert 'value="ftp://x.example"' in refused.text  # the form keeps what was typed

    made = api.post("/subscriptions", data={"csrf_token": csrf, "label": "hooked",
                                            "webhook": "https://hooks.example/in"})
    assert made.status_code == 200
    secret = re.search(r"shown once\): <code>([0-9a-f]{64})</code>", made.text)
    assert secret is not None
    mine = list_subscriptions(web_app.state.engine, owner=WRITER)
    hooked = next(s for s in mine if s.label == "hooked")
    assert hooked.secret == secret.group(1)
    assert secret.group(1) not in api.get("/subscriptions").text
    api.post(f"/subscriptions/{hooked.id}/remove", data={"csrf_token": csrf})


def test_posts_without_the_csrf_token_are_refused(
        api: TestClient, web_app: FastAPI) -> None:  # noqa: F811
    csrf = _log_in(api, WRITER)
    before = len(list_subscriptions(web_app.state.engine))
    missing = api.post("/subscriptions", data={"label": "forged"})
    assert missing.status_code in (400, 403)
    forged = api.post("/subscriptions", data={"csrf_token": "forged", "label": "forged"})
    assert forged.status_code == 403 and "CSRF" in forged.text
    assert len(list_subscriptions(web_app.state.engine)) == before

    api.post("/subscriptions", data={"csrf_token": csrf, "label": "keep me"})
    kept = next(s for s in list_subscriptions(web_app.state.engine, owner=WRITER)
                if s.label == "keep me")
    refused = api.post(f"/subscriptions/{kept.id}/remove", data={"csrf_token": "forged"})
    assert refused.status_code == 403
    assert any(s.id == kept.id for s in list_subscriptions(web_app.state.engine))
    api.post(f"/subscriptions/{kept.id}/remove", data={"csrf_token": csrf})


def test_another_user_neither_sees_nor_removes_it(
        api: TestClient, web_app: FastAPI) -> None:  # noqa: F811
    engine = web_app.state.engine
    if find_user(engine, OTHER) is None:
        add_user(engine, OTHER, PASSWORD)
    csrf = _log_in(api, WRITER)
    api.post("/subscriptions", data={"csrf_token": csrf, "label": "mine only",
                                     "watch": "Riad Salameh"})
    mine = next(s for s in list_subscriptions(engine, owner=WRITER) if s.label == "mine only")

    with TestClient(web_app) as other:
        other_csrf = _log_in(other, OTHER)
        page = other.get("/subscriptions").text
        assert "mine only" not in page and mine.id not in page
        assert "You have no subscriptions yet." in page
        refused = other.post(f"/subscriptions/{mine.id}/remove",
                             data={"csrf_token": other_csrf})
        assert refused.status_code == 404
    assert any(s.id == mine.id for s in list_subscriptions(engine))
    api.post(f"/subscriptions/{mine.id}/remove", data={"csrf_token": csrf})


def test_the_dashboard_shows_each_sources_status(api: TestClient) -> None:  # noqa: F811
    page = api.get("/")
    assert page.status_code == 200
    assert '<th scope="col">Status</th>' in page.text
    rows = api.get("/api/v1/dashboard").json()["sources"]
    assert rows and all({"status", "last_error", "last_error_at"} <= set(row) for row in rows)
    assert all(row["status"] for row in rows)  # every ingested source has a health status
    assert html.escape(rows[0]["status"]) in page.text


def test_the_dashboard_shows_a_sources_last_fetch_error(
        api: TestClient, web_app: FastAPI) -> None:  # noqa: F811
    engine = web_app.state.engine
    source = api.get("/api/v1/dashboard").json()["sources"][0]["source"]
    run = start_run(engine, source, "https://lists.example/list.xml", "2030-01-01T00:00:00Z")
    finish_run(engine, run, "2030-01-01T00:00:05Z",
               RunResult("failed", error="HTTP 503 from lists.example"))
    try:
        page = api.get("/").text
        assert "FAILING" in page and "HTTP 503 from lists.example" in page
        row = next(r for r in api.get("/api/v1/dashboard").json()["sources"]
                   if r["source"] == source)
        assert row["last_error"] == "HTTP 503 from lists.example" and "FAILING" in row["status"]
    finally:
        with engine.begin() as conn:
            conn.execute(delete(fetch_runs).where(fetch_runs.c.id == run))
    assert "HTTP 503 from lists.example" not in api.get("/").text
