"""Judgements change targets, and so what a packet tells a government (issue 15 item 5):
judging needs the reviewer role; a packet says when another government's listing reached
the subject through a person's judgement; the public judgements list shows no e-mails."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import anyio
import httpx
import pytest
from dossier_world import ZHU_GB, ZHU_US, World, add_user, ingest_fixture
from fastapi import FastAPI

from concerted.accounts import create_token, find_user, set_reviewer
from concerted.app import create_app
from concerted.app_options import AppOptions
from concerted.dossiers import service, submissions
from concerted.settings import Settings
from concerted.state import judging
from concerted.state.build import build_state

PAIR = {"left": f"{ZHU_GB[0]}:{ZHU_GB[1]}", "right": f"{ZHU_US[0]}:{ZHU_US[1]}",
        "judgement": "positive"}


@pytest.fixture()
def app(world: World, tmp_path: Path) -> Iterator[FastAPI]:
    for source in ("us_ofac_sdn", "gb_hmt_conlist"):
        ingest_fixture(world.env, source)
    url = world.env.engine.url.render_as_string(hide_password=False)
    made = create_app(Settings(db_url=url, data_dir=tmp_path), AppOptions(warm_state=False))
    made.state.dossiers = world.env
    yield made
    made.state.engine.dispose()


def _token(world: World, email: str) -> dict[str, str]:
    user = find_user(world.env.engine, email)
    assert user is not None
    return {"Authorization": f"Bearer {create_token(world.env.engine, user, 'test').token}"}


def go(app: FastAPI, method: str, path: str, **kw: Any) -> httpx.Response:
    async def run() -> httpx.Response:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
            return await client.request(method, path, **kw)

    return anyio.run(run)


def test_judging_needs_the_reviewer_role(app: FastAPI, world: World) -> None:
    nobody = _token(world, "nobody@example.org")  # a user in no organisation
    refused = go(app, "POST", "/api/v1/judgements", json=PAIR, headers=nobody)
    assert refused.status_code == 403 and "reviewer role" in refused.json()["error"]["message"]
    set_reviewer(world.env.engine, "nobody@example.org")
    accepted = go(app, "POST", "/api/v1/judgements", json=PAIR,
                  headers=_token(world, "nobody@example.org"))
    assert accepted.status_code == 201


def test_the_public_judgements_list_shows_no_e_mail(app: FastAPI, world: World) -> None:
    add_user(world.env, "judge@example.org")
    set_reviewer(world.env.engine, "judge@example.org")
    judge = _token(world, "judge@example.org")
    assert go(app, "POST", "/api/v1/judgements", json=PAIR, headers=judge).status_code == 201
    public = go(app, "GET", "/api/v1/judgements")
    assert public.status_code == 200 and "@" not in public.text
    assert public.json()["results"][0]["user"] == "reviewer"
    assert "judge@example.org" not in go(app, "GET", "/judgements").text
    seen = go(app, "GET", "/api/v1/judgements", headers=judge).json()["results"]
    assert seen[0]["user"] == "judge@example.org"  # reviewers see who judged


def test_a_packet_marks_a_listing_linked_by_a_persons_judgement(world: World) -> None:
    for source in ("us_ofac_sdn", "gb_hmt_conlist"):
        ingest_fixture(world.env, source)
    owner = world.actors["owner"]
    service.link_listing(world.env, owner, world.dossier, *ZHU_GB)  # the UK listing only
    judging.record(world.env.engine, ZHU_GB, ZHU_US, "positive", "judge@example.org")
    state = build_state(world.env.engine)
    text = submissions.preview(world.env, owner, world.dossier, "au-thematic", state).text()
    us = next(line for line in text.splitlines() if "already acted" in line)
    assert "United States" in us and "by a reviewer's judgement" in us
    uk = us.split("United Kingdom")[1].split(";")[0]
    assert "judgement" not in uk and "matching" not in uk  # the dossier's own listing
