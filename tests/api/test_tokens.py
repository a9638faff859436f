"""API tokens have a scope, an expiry and their own revocation, and re-enabling a user
revives none of their old tokens (issue 15 item 10). SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import anyio
import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import update

from concerted.accounts import add_user, create_token, set_disabled
from concerted.app import create_app
from concerted.app_options import AppOptions
from concerted.settings import Settings
from concerted.store.tables import api_tokens

PASSWORD = "correct horse battery staple"


@pytest.fixture()
def app(db_url: str, tmp_path: Path) -> Iterator[FastAPI]:
    made = create_app(Settings(db_url=db_url, data_dir=tmp_path), AppOptions(warm_state=False))
    yield made
    made.state.engine.dispose()


def go(app: FastAPI, method: str, path: str, token: str, **kw: Any) -> httpx.Response:
    async def run() -> httpx.Response:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
            return await client.request(method, path,
                                        headers={"Authorization": f"Bearer {token}"}, **kw)

    return anyio.run(run)


def test_a_read_token_cannot_write(app: FastAPI) -> None:
    user = add_user(app.state.engine, "script@example.org", PASSWORD)
    reader = create_token(app.state.engine, user, "dashboard", scope="read").token
    assert go(app, "GET", "/api/v1/me", reader).json()["user"]["email"] == user.email
    refused = go(app, "POST", "/api/v1/tokens", reader, json={"label": "more"})
    assert refused.status_code == 403 and refused.json()["error"]["code"] == "read_only_token"


def test_tokens_expire(app: FastAPI) -> None:
    user = add_user(app.state.engine, "script@example.org", PASSWORD)
    issued = create_token(app.state.engine, user, "cron", days=30)
    assert go(app, "GET", "/api/v1/me", issued.token).status_code == 200
    with app.state.engine.begin() as conn:  # thirty days later
        conn.execute(update(api_tokens).where(api_tokens.c.id == issued.id)
                     .values(expires_at="2000-01-01T00:00:00+00:00"))
    expired = go(app, "GET", "/api/v1/me", issued.token)
    assert expired.status_code == 401 and "expired" in expired.json()["error"]["message"]
    too_long = go(app, "POST", "/api/v1/tokens",
                  create_token(app.state.engine, user).token, json={"days": 3650})
    assert too_long.status_code == 400


def test_one_token_is_revoked_alone(app: FastAPI) -> None:
    user = add_user(app.state.engine, "script@example.org", PASSWORD)
    first = create_token(app.state.engine, user, "laptop")
    second = create_token(app.state.engine, user, "server")
    revoked = go(app, "DELETE", f"/api/v1/tokens/{first.id}", second.token)
    assert revoked.status_code == 200
    assert go(app, "GET", "/api/v1/me", first.token).status_code == 401
    listed = go(app, "GET", "/api/v1/tokens", second.token).json()["results"]
    assert [(t["id"], t["revoked_at"] is not None) for t in listed] == [
        (second.id, False), (first.id, True)]
    assert "token" not in listed[0] and listed[0]["scope"] == "write"
    other = add_user(app.state.engine, "other@example.org", PASSWORD)
    theirs = create_token(app.state.engine, other).token
    assert go(app, "DELETE", f"/api/v1/tokens/{second.id}", theirs).status_code == 404


def test_re_enabling_a_user_revives_no_token(app: FastAPI) -> None:
    user = add_user(app.state.engine, "script@example.org", PASSWORD)
    token = create_token(app.state.engine, user).token
    set_disabled(app.state.engine, user.email)
    set_disabled(app.state.engine, user.email, False)
    assert go(app, "GET", "/api/v1/me", token).status_code == 401
