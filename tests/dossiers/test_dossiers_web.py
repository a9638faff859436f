"""The dossier pages, through the app with session cookies: forms need the CSRF token,
another organisation's user gets a 404 page, viewers get no forms, partners read only what
was shared. (Browser tests with Playwright are not written: no browser fixture exists.)"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import anyio
import httpx
import pytest
from dossier_world import PNG, WITNESS_TITLE, World
from fastapi import FastAPI

from concerted.accounts import Session, find_user, open_session
from concerted.api.dossiers import router as api_router
from concerted.app import create_app
from concerted.app_options import AppOptions
from concerted.settings import Settings
from concerted.web.dossiers import router as web_router


@pytest.fixture()
def app(sqlite_world: World, tmp_path: Path) -> Iterator[FastAPI]:
    url = sqlite_world.env.engine.url.render_as_string(hide_password=False)
    made = create_app(Settings(db_url=url, data_dir=tmp_path), AppOptions(warm_state=False))
    paths = {getattr(r, "path", "") for r in made.routes}
    if "/api/v1/dossiers" not in paths:
        made.include_router(api_router, prefix="/api/v1")  # until the lead mounts them
    if "/dossiers" not in paths:
        made.include_router(web_router)
    made.state.dossiers = sqlite_world.env
    yield made
    made.state.engine.dispose()


def session(world: World, who: str) -> Session:
    user = find_user(world.env.engine, f"{who}@example.org")
    assert user is not None
    return open_session(world.env.engine, user)


def go(app: FastAPI, method: str, path: str, login: Session | None, **kw: Any) -> httpx.Response:
    cookies = {"concerted_session": login.secret} if login else {}

    async def run() -> httpx.Response:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test",
                                     cookies=cookies) as client:
            return await client.request(method, path, **kw)

    return anyio.run(run)


def test_pages_for_the_owner(app: FastAPI, sqlite_world: World) -> None:
    owner, d = session(sqlite_world, "owner"), sqlite_world.dossier
    listing = go(app, "GET", "/dossiers", owner)
    assert listing.status_code == 200 and "ZHU Hailun" in listing.text
    assert 'rel="alternate"' in listing.headers["link"]
    page = go(app, "GET", f"/dossiers/{d}", owner)
    assert page.status_code == 200 and WITNESS_TITLE in page.text
    # Linked to no listing: which governments acted is unknown, never "not yet".
    assert "Add evidence" in page.text and "linked to no listing" in page.text
    assert "not yet" not in page.text
    builder = go(app, "GET", f"/dossiers/{d}/submissions/au-thematic", owner)
    assert builder.status_code == 200 and "Australian Sanctions Office" in builder.text
    assert WITNESS_TITLE not in builder.text
    board = go(app, "GET", "/dossier-board", owner)
    assert board.status_code == 200 and "au-thematic" in board.text


def test_forms_need_the_csrf_token(app: FastAPI, sqlite_world: World) -> None:
    owner, d = session(sqlite_world, "owner"), sqlite_world.dossier
    form = {"summary": "Ordered transfers", "level": "governments", "conduct": ["torture"]}
    assert go(app, "POST", f"/dossiers/{d}/allegations", owner, data=form).status_code == 400
    wrong = go(app, "POST", f"/dossiers/{d}/allegations", owner,
               data={**form, "csrf_token": "forged"})
    assert wrong.status_code == 403 and "CSRF" in wrong.text
    done = go(app, "POST", f"/dossiers/{d}/allegations", owner,
              data={**form, "csrf_token": owner.csrf_token})
    assert done.status_code == 303
    upload = go(app, "POST", f"/dossiers/{d}/evidence", owner,
                data={"csrf_token": owner.csrf_token, "kind": "image", "level": "governments",
                      "title": "Second satellite image"},
                files={"file": ("second.png", PNG, "image/png")})
    assert upload.status_code == 303
    packet = go(app, "POST", f"/dossiers/{d}/submissions/au-thematic", owner,
                data={"csrf_token": owner.csrf_token, "fmt": "pdf"})
    assert packet.status_code == 200 and packet.content.startswith(b"%PDF")
    page = go(app, "GET", f"/dossiers/{d}", owner)
    assert "Ordered transfers" in page.text and "Second satellite image" in page.text


def test_others_get_not_found_viewers_no_forms_partners_what_was_shared(
        app: FastAPI, sqlite_world: World) -> None:
    d = sqlite_world.dossier
    other = go(app, "GET", f"/dossiers/{d}", session(sqlite_world, "other"))
    assert other.status_code == 404 and "ZHU Hailun" not in other.text
    viewer = go(app, "GET", f"/dossiers/{d}", session(sqlite_world, "viewer"))
    assert viewer.status_code == 200 and "Add evidence" not in viewer.text
    assert WITNESS_TITLE not in viewer.text
    partner = go(app, "GET", f"/dossiers/{d}", session(sqlite_world, "partner"))
    assert "Shared with your coalition" in partner.text and "Internal notes" not in partner.text
    login = session(sqlite_world, "viewer")
    refused = go(app, "POST", f"/dossiers/{d}/allegations", login,
                 data={"csrf_token": login.csrf_token, "summary": "x", "level": "public",
                       "conduct": ["torture"]})
    assert refused.status_code == 403
    assert go(app, "GET", "/dossiers", None).status_code == 401
