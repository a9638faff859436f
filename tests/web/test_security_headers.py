"""Security headers on every response, and no caching of the page that shows a new token
(issue 15 item 12). A small app on an empty store: the headers do not depend on the data."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import anyio
import httpx
import pytest
from fastapi import FastAPI

from concerted.accounts import add_user, open_session
from concerted.app import create_app
from concerted.app_options import AppOptions
from concerted.settings import Settings

PASSWORD = "correct horse battery staple"


@pytest.fixture()
def app(tmp_path: Path) -> Iterator[FastAPI]:
    made = create_app(Settings(db_url=f"sqlite:///{tmp_path / 'c.db'}", data_dir=tmp_path),
                      AppOptions(warm_state=False))
    yield made
    made.state.engine.dispose()


def go(app: FastAPI, method: str, path: str, cookies: dict[str, str] | None = None,
       **kw: Any) -> httpx.Response:
    async def run() -> httpx.Response:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test",
                                     cookies=cookies or {}) as client:
            return await client.request(method, path, **kw)

    return anyio.run(run)


@pytest.mark.parametrize("path", ["/login", "/healthz", "/api/v1/no-such-thing",
                                  "/static/app.js", "/dossiers"])
def test_every_response_carries_the_security_headers(app: FastAPI, path: str) -> None:
    response = go(app, "GET", path)
    csp = response.headers["content-security-policy"]
    assert "frame-ancestors 'none'" in csp and "script-src 'self'" in csp
    assert "object-src 'none'" in csp
    assert response.headers["x-frame-options"] == "DENY"
    assert response.headers["referrer-policy"] == "no-referrer"
    assert "camera=()" in response.headers["permissions-policy"]
    assert response.headers["x-content-type-options"] == "nosniff"


def test_the_page_showing_a_new_token_is_never_cached(app: FastAPI) -> None:
    user = add_user(app.state.engine, "writer@example.org", PASSWORD)
    session = open_session(app.state.engine, user)
    cookies = {"concerted_session": session.secret}
    account = go(app, "GET", "/account", cookies)
    csrf = re.search(r'name="csrf_token" value="([^"]+)"', account.text)
    assert csrf is not None
    issued = go(app, "POST", "/account/tokens", cookies,
                data={"csrf_token": csrf.group(1), "label": "laptop"})
    assert issued.status_code == 200 and "cct_" in issued.text
    assert issued.headers["cache-control"] == "no-store"
