"""A judgement updates what it touches (issue 12 item 6): after a judgement recorded through
the API, the state served at once (computed from the previous one by
`concerted.state.build.rejudge`) answers the target page, the gaps and the rounds exactly as
a state built whole from the store does. On a copy of the session's web store (tests write
nothing to it); a merge from the review queue, then a split of a linked target."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from fastapi import FastAPI
from fastapi.testclient import TestClient
from web_store import WRITER

from concerted.accounts import create_token, find_user
from concerted.analysis.suite import Analysis, AnalysisConfig
from concerted.app import create_app
from concerted.app_options import AppOptions
from concerted.cli import cli
from concerted.model import ListingRef
from concerted.reports.kept import Keeper, KeptAnalysis
from concerted.reports.load import load_inputs
from concerted.resolve import journal
from concerted.settings import Settings
from concerted.state import judging
from concerted.state.model import State
from concerted.store.db import connect
from concerted.store.fingerprint import store_fingerprint

pytestmark = pytest.mark.shared

COMPARED = ("targets", "target_of", "designations", "rounds", "gaps", "lags", "by_target",
            "gap_of", "rounds_of", "round_ids", "judged", "resolution", "joint_events")


def _app(url: str, data: Path) -> FastAPI:
    app = create_app(Settings(db_url=url, data_dir=data), AppOptions(warm_state=False))
    app.state.cache.refresh()
    return app


@pytest.fixture()
def store(web_store: str, tmp_path: Path) -> str:
    shutil.copy(web_store.removeprefix("sqlite:///"), tmp_path / "copy.db")
    return f"sqlite:///{tmp_path / 'copy.db'}"


@pytest.fixture()
def served(store: str, tmp_path: Path) -> Iterator[tuple[FastAPI, TestClient, dict[str, str]]]:
    app = _app(store, tmp_path / "data")
    user = find_user(app.state.engine, WRITER)
    assert user is not None
    token = create_token(app.state.engine, user, "tests").token
    with TestClient(app) as client:
        yield app, client, {"Authorization": f"Bearer {token}"}


def _all(client: TestClient, url: str) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    while True:
        sep = "&" if "?" in url else "?"
        page = client.get(f"{url}{sep}limit=500&offset={len(found)}").json()
        found += page["results"]
        if len(found) >= page["total"]:
            return found


def _answers(client: TestClient, target_ids: list[str]) -> dict[str, Any]:
    """What a person sees: the targets' pages (JSON), every gap and every round."""
    pages = {t: client.get(f"/api/v1/targets/{t}").json() for t in target_ids}
    return {"pages": pages, "gaps": _all(client, "/api/v1/gaps"),
            "rounds": _all(client, "/api/v1/rounds?all_themes=true")}


def _judge(app: FastAPI, client: TestClient, auth: dict[str, str], left: str, right: str,
           judgement: str, store: str, data: Path) -> None:
    before: State = app.state.cache.current()
    response = client.post("/api/v1/judgements", headers=auth,
                           json={"left": left, "right": right, "judgement": judgement})
    assert response.status_code == 201, response.text
    now: State = app.state.cache.current()  # served at once, not after a rebuild
    assert now is not before and now.fingerprint == store_fingerprint(app.state.engine)
    touched = sorted({t for ref in (left, right) for state in (before, now)
                      if (t := state.target_for(ref)) is not None})
    whole = _app(store, data)  # the same store, its state built whole
    with TestClient(whole) as fresh:
        assert _answers(client, touched) == _answers(fresh, touched)
    rebuilt: State = whole.state.cache.current()
    assert [f for f in COMPARED if getattr(now, f) != getattr(rebuilt, f)] == []
    assert now.inputs.targets == rebuilt.inputs.targets


def test_a_judgement_updates_what_it_touches(
        served: tuple[FastAPI, TestClient, dict[str, str]], store: str, tmp_path: Path) -> None:
    app, client, auth = served
    state: State = app.state.cache.current()
    queued = client.get("/api/v1/review?limit=50").json()["results"]
    pair = next(p for p in queued if state.target_for(p["left"]) != state.target_for(p["right"]))
    _judge(app, client, auth, pair["left"], pair["right"], "positive", store, tmp_path / "a")
    merged = app.state.cache.current().target_for(pair["left"])
    assert merged == app.state.cache.current().target_for(pair["right"])

    state = app.state.cache.current()
    linked = next(t for t in state.inputs.targets if len(t.listings) >= 3 and t.id != merged)
    left, right = (str(ListingRef(*key)) for key in linked.listings[:2])
    _judge(app, client, auth, left, right, "negative", store, tmp_path / "b")
    after: State = app.state.cache.current()
    assert after.target_for(left) != after.target_for(right)


def _cli(store: str, data: Path, *args: str) -> Any:
    result = CliRunner().invoke(cli, ["--db", store, *args, "--format", "json"],
                                env={"CONCERTED_DATA_DIR": str(data)}, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_kept_results_follow_a_judgement(store: str, tmp_path: Path) -> None:
    # The command line's kept results: `concerted gaps` keeps them; after a judgement the
    # next answers come from them brought up to it, and equal answers computed whole.
    kept = tmp_path / "kept"
    assert _cli(store, kept, "gaps")  # computed whole and kept
    engine = connect(store)
    targets = KeptAnalysis(Keeper(engine, kept / "derived"), engine, AnalysisConfig()).inputs
    target_of = {str(ListingRef(*k)): t.id for t in targets.targets for k in t.listings}
    pair = next(i for i in journal.queue(engine) if target_of[i.left] != target_of[i.right])
    judging.record(engine, ListingRef.parse(pair.left), ListingRef.parse(pair.right),
                   "positive", WRITER)
    brought = KeptAnalysis(Keeper(engine, kept / "derived"), engine, AnalysisConfig())
    assert brought.rejudged is not None  # from the kept results, not computed whole
    assert brought.gaps == Analysis(load_inputs(engine)).gaps
    engine.dispose()
    for command in ("gaps", "rounds", "lags", "coverage"):
        whole = _cli(store, tmp_path / f"whole-{command}", command)
        assert _cli(store, kept, command) == whole
        assert _cli(store, kept, command) == whole  # the answer as kept
