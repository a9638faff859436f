"""The app on SQLite and on PostgreSQL alike, from a small real OFAC slice (the store
contract fixtures: 2022-12-08, 2022-12-09, 2023-01-24); public and private modes."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from concerted import sources
from concerted.accounts import add_user, create_token
from concerted.app import create_app
from concerted.app_options import AppOptions
from concerted.archive import Archive
from concerted.ingest import IngestOptions, collect, ingest
from concerted.settings import Settings
from concerted.store.db import connect

SLICE = Path(__file__).resolve().parents[1] / "fixtures" / "store" / "us"


@pytest.fixture()
def small_bounds(monkeypatch: pytest.MonkeyPatch) -> None:
    loose = dataclasses.replace(sources.SOURCES["us_ofac_sdn"], min_listings=10, max_shrink=1.0)
    monkeypatch.setitem(sources.SOURCES, "us_ofac_sdn", loose)


def _app(db_url: str, tmp_path: Path, public: bool) -> FastAPI:
    engine = connect(db_url)
    ingest(engine, Archive(tmp_path / "archive"), collect(sorted(SLICE.iterdir())),
           IngestOptions())
    engine.dispose()
    app = create_app(Settings(db_url=db_url, data_dir=tmp_path),
                     AppOptions(public=public, warm_state=False))
    app.state.cache.refresh()
    return app


@pytest.fixture()
def small(db_url: str, tmp_path: Path, small_bounds: None) -> Iterator[TestClient]:
    app = _app(db_url, tmp_path, public=True)
    with TestClient(app) as client:
        yield client
    app.state.engine.dispose()


def test_every_surface_answers_on_both_backends(small: TestClient) -> None:
    assert small.get("/healthz").json()["status"] == "ok"
    sources_ = small.get("/api/v1/sources").json()
    assert sources_[0]["snapshots"] == 3 and sources_[0]["newest"] == "2023-01-24"
    first = small.get("/api/v1/listings", params={"limit": 1}).json()["results"][0]
    found = small.get("/api/v1/search", params={"q": first["name"]}).json()
    assert found["total"] >= 1
    target = found["results"][0]["target_id"]
    assert small.get(f"/api/v1/targets/{target}").json()["listings"]
    query = {"queries": {"q": {"schema": "Person", "properties": {"name": [first["name"]]}}}}
    assert small.post("/match/default", json=query).json()["responses"]["q"]["results"]
    for page in ("/", "/search?q=a", "/changes/us_ofac_sdn", "/programs/us-glomag", "/rounds"):
        assert small.get(page).status_code == 200, page


def test_private_mode_needs_a_user(db_url: str, tmp_path: Path, small_bounds: None) -> None:
    app = _app(db_url, tmp_path, public=False)
    user = add_user(app.state.engine, "reader@example.org", "a long enough password")
    token = create_token(app.state.engine, user).token
    with TestClient(app) as client:
        assert client.get("/api/v1/search", params={"q": "a"}).status_code == 401
        page = client.get("/")
        assert page.status_code == 401 and "Log in" in page.text
        assert client.get("/login").status_code == 200
        assert client.get("/healthz").status_code == 200
        auth = {"Authorization": f"Bearer {token}"}
        assert client.get("/api/v1/search", params={"q": "a"}, headers=auth).status_code == 200
    app.state.engine.dispose()
