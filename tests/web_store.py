"""The store the web and API tests read, built ONCE per test session from the shared lists.

Fixture strategy (the smallest real data that shows the cases): every UK, Australian,
Canadian and UN snapshot, and eight of the 64 US snapshots (ingesting all takes over a
minute):
- 2024-05-03, the newest: what the lists say now (Zhu Hailun, GLOMAG);
- 2021-08-18, the first: listings already there get "before 2021-08-18";
- 2023-01-26, 2023-02-09, 2023-02-10: the US side of the 9 February 2023 US-UK cyber round
  (Trickbot), dated to the window 2023-01-26 → 2023-02-09, narrow enough to be placed;
- 2023-07-31, 2023-08-03, 2023-08-16: the window of the US side of an August 2023 round.
Cross-list resolution is run on it as `concerted resolve` would. The conftests of tests/api
and tests/web import these fixtures; the module-level cache makes
both directories share one store.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from concerted.accounts import add_user, create_token
from concerted.app import create_app
from concerted.app_options import AppOptions
from concerted.archive import Archive
from concerted.ingest import IngestOptions, collect, ingest
from concerted.resolve.xref import run as resolve
from concerted.settings import Settings
from concerted.store.db import connect

__all__ = ["PASSWORD", "US_SNAPSHOTS", "WRITER", "api", "web_app", "web_store", "writer_token"]

US_SNAPSHOTS = ("2021-08-18", "2023-01-26", "2023-02-09", "2023-02-10", "2023-07-31",
                "2023-08-03", "2023-08-16", "2024-05-03")
WRITER = "reviewer@example.org"
PASSWORD = "a long enough test password"
_BUILT: dict[str, Any] = {}


def build_store(lists: Path, directory: Path) -> str:
    url = f"sqlite:///{directory / 'web.db'}"
    engine = connect(url)
    folders = [lists / "us" / day for day in US_SNAPSHOTS]
    folders += [p for p in sorted(lists.iterdir()) if p.is_dir() and p.name != "us"]
    results = ingest(engine, Archive(directory / "archive"), collect(folders), IngestOptions())
    assert all(r.status == "ingested" for r in results), [r.message for r in results]
    resolve(engine)  # `concerted resolve`: about half a minute on this store
    add_user(engine, WRITER, PASSWORD, reviewer=True)  # judges pairs in the web tests
    engine.dispose()
    return url


@pytest.fixture(scope="session")
def web_store(shared_lists: Path, tmp_path_factory: pytest.TempPathFactory) -> str:
    if "url" not in _BUILT:
        _BUILT["url"] = build_store(shared_lists, tmp_path_factory.mktemp("web-store"))
    url: str = _BUILT["url"]
    return url


@pytest.fixture(scope="session")
def web_app(web_store: str, tmp_path_factory: pytest.TempPathFactory) -> FastAPI:
    if "app" not in _BUILT:
        settings = Settings(db_url=web_store, data_dir=tmp_path_factory.mktemp("web-data"))
        built = create_app(settings, AppOptions(warm_state=False))
        built.state.cache.refresh()
        _BUILT["app"] = built
    app: FastAPI = _BUILT["app"]
    return app


@pytest.fixture()
def api(web_app: FastAPI) -> Iterator[TestClient]:
    with TestClient(web_app) as client:
        yield client


@pytest.fixture(scope="session")
def writer_token(web_app: FastAPI) -> str:
    from concerted.accounts import find_user

    user = find_user(web_app.state.engine, WRITER)
    assert user is not None
    return create_token(web_app.state.engine, user, "tests").token
