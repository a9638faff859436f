"""Bad form input is the caller's error (4xx naming the field), never a generic 500
(issue 15, Low): a bogus evidence kind or level, a malformed review reference."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import anyio
import httpx
import pytest
from dossier_world import World
from fastapi import FastAPI

from concerted.accounts import find_user, open_session, set_reviewer
from concerted.app import create_app
from concerted.app_options import AppOptions
from concerted.settings import Settings


@pytest.fixture()
def app(sqlite_world: World, tmp_path: Path) -> Iterator[FastAPI]:
    url = sqlite_world.env.engine.url.render_as_string(hide_password=False)
    made = create_app(Settings(db_url=url, data_dir=tmp_path), AppOptions(warm_state=False))
    made.state.dossiers = sqlite_world.env
    yield made
    made.state.engine.dispose()


def _post(app: FastAPI, world: World, path: str, data: dict[str, Any]) -> httpx.Response:
    user = find_user(world.env.engine, "owner@example.org")
    assert user is not None
    session = open_session(world.env.engine, user)

    async def run() -> httpx.Response:
        transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
        async with httpx.AsyncClient(transport=transport, base_url="http://test",
                                     cookies={"concerted_session": session.secret}) as client:
            page = await client.get("/account")
            csrf = re.search(r'name="csrf_token" value="([^"]+)"', page.text)
            assert csrf is not None
            return await client.post(path, data={**data, "csrf_token": csrf.group(1)})

    return anyio.run(run)


@pytest.mark.parametrize(("field", "value"), [("kind", "spreadsheet"), ("level", "secret")])
def test_a_bogus_evidence_kind_or_level_is_a_400(app: FastAPI, sqlite_world: World,
                                                 field: str, value: str) -> None:
    form = {"kind": "testimony", "level": "internal", "title": "W-9",
            "summary": "W-9 saw the transfers", field: value}
    response = _post(app, sqlite_world, f"/dossiers/{sqlite_world.dossier}/evidence", form)
    assert response.status_code == 400
    assert f"{field} must be one of" in response.text


@pytest.mark.parametrize("left", ["no-colon-here", ":29219", "us_ofac_sdn:"])
def test_a_malformed_review_reference_is_a_400(app: FastAPI, sqlite_world: World,
                                               left: str) -> None:
    set_reviewer(sqlite_world.env.engine, "owner@example.org")  # permission is checked first
    response = _post(app, sqlite_world, "/review", {
        "left": left, "right": "gb_hmt_conlist:14078", "decision": "positive"})
    assert response.status_code == 400
    assert "not a listing reference" in response.text


def test_a_judgement_from_someone_not_a_reviewer_is_refused_before_it_is_read(
        app: FastAPI, sqlite_world: World) -> None:
    response = _post(app, sqlite_world, "/review", {
        "left": "no-colon-here", "right": "gb_hmt_conlist:14078", "decision": "positive"})
    assert response.status_code == 403
