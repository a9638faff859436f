"""One truth (issue 12): the command line, the REST API and the pages' JSON twins give the
same answers on the whole shared history, resolved: which targets there are and which
listings each holds, the coordinated rounds, and the gaps. Marked `shared`."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from concerted.app import create_app
from concerted.app_options import AppOptions
from concerted.cli import cli
from concerted.settings import Settings

pytestmark = pytest.mark.shared


def _cli(store: str, *args: str) -> Any:
    result = CliRunner().invoke(cli, ["--db", store, *args, "--format", "json"],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


@pytest.fixture(scope="module")
def client(resolved_shared_store: str, tmp_path_factory: pytest.TempPathFactory
           ) -> Iterator[TestClient]:
    settings = Settings(db_url=resolved_shared_store,
                        data_dir=tmp_path_factory.mktemp("one-truth-data"))
    app = create_app(settings, AppOptions(warm_state=False))
    app.state.cache.refresh()
    with TestClient(app) as made:
        yield made


def _all(client: TestClient, url: str) -> list[dict[str, Any]]:
    """Every result of a paged JSON answer."""
    found: list[dict[str, Any]] = []
    while True:
        sep = "&" if "?" in url else "?"
        page = client.get(f"{url}{sep}limit=500&offset={len(found)}").json()
        found += page["results"]
        if len(found) >= page["total"]:
            return found


def _twin(client: TestClient, page: str) -> str:
    """The JSON twin a page names in its `Link: rel=alternate` header."""
    response = client.get(page)
    assert response.status_code == 200
    match = re.search(r"<([^>]+)>;\s*rel=\"?alternate", response.headers["link"])
    assert match, response.headers["link"]
    return match.group(1)


def _membership(rows: list[dict[str, Any]]) -> dict[str, frozenset[str]]:
    found: dict[str, set[str]] = {}
    for row in rows:
        found.setdefault(row["target_id"], set()).add(f"{row['source']}:{row['listing_key']}")
    return {target: frozenset(refs) for target, refs in found.items()}


def _rounds(rounds: list[dict[str, Any]]) -> set[tuple[Any, ...]]:
    return {(r["date_from"], r["date_to"], tuple(r["jurisdictions"]),
             frozenset(t["target_id"] for t in r["targets"])) for r in rounds}


def _gaps(gaps: list[dict[str, Any]]) -> dict[str, tuple[str, ...]]:
    return {g["target_id"]: tuple(sorted(m["jurisdiction"] for m in g["missing"]))
            for g in gaps}


def test_targets_are_the_same_everywhere(resolved_shared_store: str, client: TestClient
                                         ) -> None:
    on_cli = _membership(_cli(resolved_shared_store, "export", "targets"))
    on_api = _membership(client.get("/api/v1/exports/targets?format=json").json())
    assert on_cli == on_api
    dashboard = client.get(_twin(client, "/")).json()
    assert dashboard["totals"]["targets"] == len(on_cli)
    merged = [refs for refs in on_cli.values() if len(refs) > 1]
    assert len(merged) > 3000  # resolution ran: many targets hold several listings


def test_rounds_are_the_same_everywhere(resolved_shared_store: str, client: TestClient
                                        ) -> None:
    on_cli = _rounds(_cli(resolved_shared_store, "rounds"))
    assert on_cli == _rounds(_all(client, "/api/v1/rounds"))
    assert on_cli == _rounds(_all(client, _twin(client, "/rounds")))
    assert len(on_cli) >= 5  # human-rights, corruption and cyber rounds, the default
    every = _rounds(_cli(resolved_shared_store, "rounds", "--all-themes"))
    assert every == _rounds(_all(client, "/api/v1/rounds?all_themes=true"))
    assert on_cli < every and len(every) > 100


def test_gaps_are_the_same_everywhere(resolved_shared_store: str, client: TestClient) -> None:
    on_cli = _gaps(_cli(resolved_shared_store, "gaps"))
    assert on_cli == _gaps(_all(client, "/api/v1/gaps"))
    assert on_cli == _gaps(_all(client, _twin(client, "/gaps")))
    assert len(on_cli) > 100


def test_watch_sees_the_rounds_and_gaps_the_commands_see(
        resolved_shared_store: str, tmp_path: Path) -> None:
    # The watch's analysis step on a copy of the store: its counts are the commands'.
    import shutil

    from concerted.alerts.analysis_events import analysis_alerts
    from concerted.store.db import connect

    copy = tmp_path / "watch.db"
    shutil.copy(resolved_shared_store.removeprefix("sqlite:///"), copy)
    engine = connect(f"sqlite:///{copy}")
    _, note = analysis_alerts(engine, "2026-12-05T00:00:00Z")
    engine.dispose()
    rounds = len(_cli(resolved_shared_store, "rounds"))
    gaps = len(_cli(resolved_shared_store, "gaps"))
    assert note.startswith(f"analyse: {rounds} rounds, {gaps} gaps")
