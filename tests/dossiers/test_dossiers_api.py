"""The dossier API: for every endpoint, a user of another organisation gets 404, a viewer
cannot write, a coalition member reads only what was shared, and nobody anonymous gets in."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import anyio
import httpx
import pytest
from dossier_world import PNG, WITNESS_TITLE, World, ingest_fixture
from fastapi import FastAPI

from concerted.accounts import create_token, find_user, open_session
from concerted.api.dossiers import router
from concerted.app import create_app
from concerted.app_options import AppOptions
from concerted.dossiers import submissions
from concerted.dossiers.model import Level
from concerted.settings import Settings


def call(app: FastAPI, method: str, path: str, token: str | None = None,
         **kwargs: Any) -> httpx.Response:
    headers = {"Authorization": f"Bearer {token}"} if token else {}

    async def go() -> httpx.Response:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
            return await client.request(method, path, headers=headers, **kwargs)

    return anyio.run(go)


@pytest.fixture()
def api(world: World, tmp_path: Path) -> Iterator[tuple[FastAPI, dict[str, str]]]:
    url = world.env.engine.url.render_as_string(hide_password=False)
    app = create_app(Settings(db_url=url, data_dir=tmp_path), AppOptions(warm_state=False))
    if not any(getattr(r, "path", "") == "/api/v1/dossiers" for r in app.routes):
        app.include_router(router, prefix="/api/v1")  # until the lead mounts it
    app.state.dossiers = world.env
    ingest_fixture(world.env, "us_ofac_sdn")
    tokens = {}
    for who in world.actors:
        user = find_user(world.env.engine, f"{who}@example.org")
        assert user is not None
        tokens[who] = create_token(world.env.engine, user).token
    yield app, tokens
    app.state.engine.dispose()


def _endpoints(w: World, submission: str) -> list[tuple[str, str, str, dict[str, Any]]]:
    d, gov, pub = w.dossier, w.evidence[Level.GOVERNMENTS], w.evidence[Level.PUBLIC]
    upload = {"data": {"kind": "image", "level": "public", "title": "t"},
              "files": {"file": ("x.png", PNG, "image/png")}}
    return [
        ("read", "GET", f"/api/v1/dossiers/{d}", {}),
        ("read", "GET", f"/api/v1/evidence/{gov}/file", {}),
        ("read", "GET", f"/api/v1/dossiers/{d}/submissions/au-thematic/preview", {}),
        ("write", "PUT", f"/api/v1/dossiers/{d}/subject", {"json": {"name": "ZHU Hailun"}}),
        ("write", "POST", f"/api/v1/dossiers/{d}/listings",
         {"json": {"listing": "us_ofac_sdn:29219"}}),
        ("write", "POST", f"/api/v1/dossiers/{d}/allegations",
         {"json": {"conduct": ["torture"], "summary": "s"}}),
        ("write", "POST", f"/api/v1/dossiers/{d}/evidence", upload),
        ("write", "PUT", f"/api/v1/evidence/{pub}/level", {"json": {"level": "public"}}),
        ("write", "POST", f"/api/v1/dossiers/{d}/submissions/au-thematic/packet", {}),
        ("write", "POST", f"/api/v1/submissions/{submission}/status",
         {"json": {"status": "submitted"}}),
        ("manage", "GET", f"/api/v1/dossiers/{d}/bundle?level=public", {}),
        ("manage", "POST", f"/api/v1/dossiers/{d}/shares",
         {"json": {"coalition": "Xinjiang Coalition", "level": "public"}}),
        ("manage", "DELETE", f"/api/v1/dossiers/{d}/shares/Xinjiang%20Coalition", {}),
        ("manage", "DELETE", f"/api/v1/evidence/{pub}", {}),
    ]


EXPECTED = {"other": {"read": 404, "write": 404, "manage": 404},
            "nobody": {"read": 404, "write": 404, "manage": 404},
            "viewer": {"read": 200, "write": 403, "manage": 403},
            "partner": {"read": 200, "write": 403, "manage": 403},
            "anonymous": {"read": 401, "write": 401, "manage": 401}}


@pytest.mark.parametrize("who", sorted(EXPECTED))
def test_every_endpoint_refuses_who_may_not(api: tuple[FastAPI, dict[str, str]], world: World,
                                            who: str) -> None:
    app, tokens = api
    submission, _, _ = submissions.build(world.env, world.actors["owner"], world.dossier,
                                         "ca-jvcfoa", "pdf")
    found = {path: call(app, method, path, tokens.get(who), **kw).status_code
             for kind, method, path, kw in _endpoints(world, submission)}
    wanted = {path: EXPECTED[who][kind] for kind, _, path, _ in _endpoints(world, submission)}
    assert found == wanted


def test_owner_can_do_everything(api: tuple[FastAPI, dict[str, str]], world: World) -> None:
    app, tokens = api
    submission, _, _ = submissions.build(world.env, world.actors["owner"], world.dossier,
                                         "ca-jvcfoa", "pdf")
    for _, method, path, kw in _endpoints(world, submission):
        response = call(app, method, path, tokens["owner"], **kw)
        assert response.status_code in (200, 201, 204), (path, response.text)


def test_a_coalition_member_sees_only_what_was_shared(api: tuple[FastAPI, dict[str, str]],
                                                      world: World) -> None:
    app, tokens = api
    body = call(app, "GET", f"/api/v1/dossiers/{world.dossier}", tokens["partner"]).json()
    assert {e["level"] for e in body["evidence"]} == {"public", "governments"}
    assert {a["level"] for a in body["allegations"]} == {"public", "governments"}
    assert WITNESS_TITLE not in str(body)
    for level in (Level.INTERNAL, Level.PROTECTED):
        path = f"/api/v1/evidence/{world.evidence[level]}/file"
        assert call(app, "GET", path, tokens["partner"]).status_code == 404
    listed = call(app, "GET", "/api/v1/dossiers", tokens["partner"]).json()
    assert [d["shared_level"] for d in listed] == ["governments"]
    assert call(app, "GET", "/api/v1/dossiers", tokens["other"]).json() == []
    board = call(app, "GET", "/api/v1/submissions/board", tokens["partner"]).json()
    assert [row["dossier"] for row in board] == [world.dossier]


def test_create_and_upload(api: tuple[FastAPI, dict[str, str]], world: World) -> None:
    app, tokens = api
    body = {"org": "Rights Watch", "subject": {"name": "CHEN Mingguo"},
            "targets": ["us_ofac_sdn:31493"]}
    assert call(app, "POST", "/api/v1/dossiers", tokens["viewer"], json=body).status_code == 403
    assert call(app, "POST", "/api/v1/dossiers", tokens["other"], json=body).status_code == 404
    made = call(app, "POST", "/api/v1/dossiers", tokens["editor"], json=body)
    assert made.status_code == 201
    path = f"/api/v1/dossiers/{made.json()['id']}/evidence"
    form = {"kind": "document", "level": "internal", "title": "Leaked order"}
    lying = call(app, "POST", path, tokens["editor"], data=form,
                 files={"file": ("order.pdf", PNG, "application/pdf")})
    assert lying.status_code == 415 and "content is image/png" in lying.text
    big = call(app, "POST", path, tokens["editor"], data=form,
               files={"file": ("order.txt", b"x" * 70000, "text/plain")})
    assert big.status_code == 413
    packet = call(app, "POST", f"/api/v1/dossiers/{made.json()['id']}/submissions/"
                  "gb-ghr/packet?format=docx", tokens["editor"])
    assert packet.status_code == 200 and packet.content[:2] == b"PK"


def test_a_cookie_session_must_send_the_csrf_token(api: tuple[FastAPI, dict[str, str]],
                                                   world: World) -> None:
    app, _ = api
    user = find_user(world.env.engine, "owner@example.org")
    assert user is not None
    session = open_session(world.env.engine, user)
    path = f"/api/v1/dossiers/{world.dossier}/allegations"
    claim = {"conduct": ["torture"], "summary": "s"}

    async def go(headers: dict[str, str]) -> httpx.Response:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test",
                                     cookies={"concerted_session": session.secret}) as client:
            return await client.post(path, json=claim, headers=headers)

    assert anyio.run(go, {}).status_code == 403
    assert anyio.run(go, {"x-csrf-token": session.csrf_token}).status_code == 201
