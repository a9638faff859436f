"""Subscriptions from the command line and over the API (a user's own, behind a token)."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from asgi_client import request
from fastapi import FastAPI
from local_servers import Invoke
from sqlalchemy import Engine

from concerted.accounts import add_user, create_token
from concerted.api.alerts import feeds_router, router
from concerted.app_options import AppOptions
from concerted.settings import Settings
from concerted.store.db import connect


def test_cli_add_list_remove(invoke: Invoke) -> None:
    made = invoke("subscriptions", "add", "--program", "us-glomag", "--program", "gb-ghr",
                  "--jurisdiction", "GB", "--watch", "Riad Salameh", "--gaps", "--digest",
                  "--webhook", "https://hooks.example/concerted", "--format", "json")
    assert made.exit_code == 0, made.output
    created = json.loads(made.output)
    assert created["programs"] == ["us-glomag", "gb-ghr"] and created["jurisdictions"] == ["gb"]
    assert len(created["secret"]) == 64 and created["digest"] is True
    listed = json.loads(invoke("subscriptions", "list", "--format", "json").output)
    assert [s["id"] for s in listed] == [created["id"]] and "secret" not in listed[0]
    assert invoke("subscriptions", "remove", created["id"]).exit_code == 0
    assert invoke("subscriptions", "remove", created["id"]).exit_code == 1
    assert json.loads(invoke("subscriptions", "list", "--format", "json").output) == []


@pytest.mark.parametrize("args", [
    ("--webhook", "ftp://example.org"), ("--email", "nobody"), ("--kind", "everything"),
    ("--followed",), ("--threshold", "0"),
])
def test_cli_refuses_what_cannot_work(invoke: Invoke, args: tuple[str, ...]) -> None:
    assert invoke("subscriptions", "add", *args).exit_code == 2


def test_cli_plain_output_prints_the_id_and_the_secret_apart(invoke: Invoke) -> None:
    made = invoke("subscriptions", "add", "--jurisdiction", "us", "--webhook",
                  "https://hooks.example/hook")
    assert len(made.stdout.strip()) == 16 and "webhook secret" in made.stderr


@pytest.fixture()
def app(db_url: str) -> Iterator[FastAPI]:
    api = FastAPI()
    api.state.engine = connect(db_url)
    api.state.options = AppOptions()
    api.state.settings = Settings()
    api.include_router(router, prefix="/api/v1")
    api.include_router(feeds_router)
    yield api
    api.state.engine.dispose()


def _token(engine: Engine, email: str) -> dict[str, str]:
    user = add_user(engine, email, "a long enough passphrase 42")
    return {"Authorization": f"Bearer {create_token(engine, user).token}"}


def test_api_subscriptions_are_their_users_own(app: FastAPI) -> None:
    alice, bob = _token(app.state.engine, "alice@example.org"), _token(app.state.engine,
                                                                        "bob@example.org")
    body = {"programs": ["us-glomag"], "watch": ["Riad Salameh"], "webhook": "https://h.example"}
    assert request(app, "POST", "/api/v1/subscriptions", json=body).status_code == 401
    made = request(app, "POST", "/api/v1/subscriptions", json=body, headers=alice)
    assert made.status_code == 201
    created = made.json()
    assert created["owner"] == "alice@example.org" and len(created["secret"]) == 64
    assert created["feed"] == f"/feeds/{created['id']}.atom"
    assert [s["id"] for s in request(app, "GET", "/api/v1/subscriptions",
                                     headers=alice).json()] == [created["id"]]
    assert request(app, "GET", "/api/v1/subscriptions", headers=bob).json() == []
    path = f"/api/v1/subscriptions/{created['id']}"
    assert request(app, "DELETE", path, headers=bob).status_code == 404
    assert request(app, "GET", f"{path}/alerts", headers=alice).json() == []
    assert request(app, "GET", f"/feeds/{created['id']}.atom").status_code == 200
    assert request(app, "DELETE", path, headers=alice).status_code == 204
    assert request(app, "GET", f"/feeds/{created['id']}.atom").status_code == 404


def test_api_refuses_a_bad_subscription(app: FastAPI) -> None:
    alice = _token(app.state.engine, "alice@example.org")
    bad = request(app, "POST", "/api/v1/subscriptions", json={"kinds": ["everything"]},
                  headers=alice)
    assert bad.status_code == 422
