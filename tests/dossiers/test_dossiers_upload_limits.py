"""Upload limits before reading (issue 15 item 8): a body declared larger than the limit is
refused with 413 without a byte being read; one that grows past it while streaming is cut
off; a viewer's upload is refused (403) for want of permission, not for its size, and a
bundle import is checked for permission before the bundle is read."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import anyio
import httpx
import pytest
from dossier_world import PDF, World
from fastapi import FastAPI

from concerted.accounts import create_token, find_user
from concerted.app import create_app
from concerted.app_options import AppOptions
from concerted.settings import Settings


@pytest.fixture()
def app(world: World, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[FastAPI]:
    monkeypatch.setenv("CONCERTED_MAX_UPLOAD_MB", "2")
    url = world.env.engine.url.render_as_string(hide_password=False)
    made = create_app(Settings(db_url=url, data_dir=tmp_path), AppOptions(warm_state=False))
    made.state.dossiers = world.env
    yield made
    made.state.engine.dispose()


def _auth(world: World, who: str) -> list[tuple[bytes, bytes]]:
    user = find_user(world.env.engine, f"{who}@example.org")
    assert user is not None
    token = create_token(world.env.engine, user).token
    return [(b"authorization", f"Bearer {token}".encode())]


def _raw(app: FastAPI, path: str, headers: list[tuple[bytes, bytes]], chunks: list[bytes]
         ) -> tuple[int, int]:
    """(status, how many body chunks the application asked for), through the ASGI app."""
    asked, status = [0], [0]

    async def receive() -> dict[str, Any]:
        asked[0] += 1
        if asked[0] <= len(chunks):
            return {"type": "http.request", "body": chunks[asked[0] - 1],
                    "more_body": asked[0] < len(chunks)}
        return {"type": "http.disconnect"}

    async def send(message: dict[str, Any]) -> None:
        if message["type"] == "http.response.start":
            status[0] = message["status"]

    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1",
             "method": "POST", "scheme": "http", "path": path, "raw_path": path.encode(),
             "query_string": b"", "root_path": "", "headers": headers,
             "client": ("127.0.0.1", 5000), "server": ("test", 80)}
    anyio.run(app, scope, receive, send)
    return status[0], asked[0]


def test_a_declared_2000_mb_upload_is_refused_before_reading(app: FastAPI,
                                                             world: World) -> None:
    headers = [*_auth(world, "viewer"), (b"content-length", str(2000 * 1024**2).encode()),
               (b"content-type", b"multipart/form-data; boundary=x")]
    status, asked = _raw(app, f"/api/v1/dossiers/{world.dossier}/evidence", headers,
                         [b"x" * 65536] * 4)
    assert status == 413 and asked == 0


def test_a_streamed_body_past_the_limit_is_cut_off(app: FastAPI, world: World) -> None:
    headers = [*_auth(world, "owner"), (b"content-type", b"multipart/form-data; boundary=x")]
    part = (b'--x\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n'
            b"Content-Type: application/pdf\r\n\r\n%PDF-1.4\n")
    chunk = b"x" * (1024 * 1024)
    status, asked = _raw(app, f"/api/v1/dossiers/{world.dossier}/evidence", headers,
                         [part, *[chunk] * 10])
    assert status == 413 and asked <= 5  # 2 MB + the form's room, then no more


def _post(app: FastAPI, path: str, token_headers: list[tuple[bytes, bytes]],
          **kw: Any) -> httpx.Response:
    headers = {k.decode(): v.decode() for k, v in token_headers}

    async def run() -> httpx.Response:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
            return await client.post(path, headers=headers, **kw)

    return anyio.run(run)


def test_a_viewers_upload_is_refused_for_permission(app: FastAPI, world: World) -> None:
    form = {"kind": "document", "level": "internal", "title": "Directive"}
    refused = _post(app, f"/api/v1/dossiers/{world.dossier}/evidence", _auth(world, "viewer"),
                    data=form, files={"file": ("directive.pdf", PDF, "application/pdf")})
    assert refused.status_code == 403


def test_a_bundle_import_needs_permission_first(app: FastAPI, world: World) -> None:
    refused = _post(app, "/api/v1/dossier-bundles", _auth(world, "viewer"),
                    data={"org": "Rights Watch"},
                    files={"file": ("bundle.zip", b"not read", "application/zip")})
    assert refused.status_code == 403
    nowhere = _post(app, "/api/v1/dossier-bundles", _auth(world, "nobody"),
                    data={"org": "Rights Watch"},
                    files={"file": ("bundle.zip", b"not read", "application/zip")})
    assert nowhere.status_code == 404  # an organisation not theirs is not revealed
