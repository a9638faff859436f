"""One matcher behind `concerted match`, `POST /match/{dataset}` and the web match page
(issue 12), and a `/match` that cannot stop the server (issue 15)."""

from __future__ import annotations

import json
import re
import threading
import time
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from fastapi import FastAPI
from fastapi.testclient import TestClient

from concerted.api.limits import ClientBudget
from concerted.cli import cli

pytestmark = pytest.mark.shared

# (name, birth date): people, bodies and spellings in several scripts, on several lists.
ASKED = [("Ramzan Kadyrov", "1976"), ("Zhu Hailun", "1958"), ("Alexander Lukashenko", ""),
         ("Chen Quanguo", ""), ("Vladimir Putin", ""), ("Min Aung Hlaing", ""),
         ("Alexander Bastrykin", ""), ("Wang Junzheng", ""), ("Qasem Soleimani", ""),
         ("Nicolas Maduro", ""), ("陈全国", "1955"), ("Лукашенко", ""),
         ("Yevgeny Prigozhin", ""), ("Alexander Bortnikov", ""), ("Sergei Menyailo", ""),
         ("Kim Jong Un", ""), ("Bashar al-Assad", ""), ("Trickbot", ""),
         ("Wagner Group", ""), ("Ali Khamenei", "")]


def _props(name: str, born: str) -> dict[str, list[str]]:
    return {"name": [name], **({"birthDate": [born]} if born else {})}


def _cli(web_store: str, data: Path, name: str, born: str) -> list[dict[str, Any]]:
    args = ["--db", web_store, "match", "--name", name, "--format", "json"]
    args += ["--birth-date", born] if born else []
    result = CliRunner().invoke(cli, args, env={"CONCERTED_DATA_DIR": str(data)},
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    rows: list[dict[str, Any]] = json.loads(result.output)
    return rows


def _page(api: TestClient, name: str, born: str) -> list[dict[str, Any]]:
    """The web match page, and the JSON twin it links to."""
    page = api.get("/match", params={"name": name, "birth_date": born})
    assert page.status_code == 200, page.text
    twin = re.search(r"<([^>]+)>", page.headers["link"])
    assert twin is not None
    body = api.get(twin.group(1))
    assert body.status_code == 200, body.text
    results: list[dict[str, Any]] = body.json()["results"]
    shown = re.findall(r'<li data-target="([^"]+)"', page.text)
    assert shown == [r["id"] for r in results]
    return results


def test_cli_api_and_page_give_the_same_matches(api: TestClient, web_store: str,
                                                tmp_path: Path) -> None:
    queries = {f"q{i}": {"schema": "Person", "properties": _props(n, b)}
               for i, (n, b) in enumerate(ASKED)}
    responses = api.post("/match/default", json={"queries": queries}).json()["responses"]
    found = 0
    for i, (name, born) in enumerate(ASKED):
        posted = responses[f"q{i}"]["results"]
        assert _cli(web_store, tmp_path, name, born) == posted, name
        assert _page(api, name, born) == posted, name
        found += bool(posted and posted[0]["match"])
    assert found >= 15  # the names are on the lists: most find their target


def test_a_delisted_duplicate_is_no_second_target(api: TestClient) -> None:
    query = {"schema": "Person", "properties": _props("Ramzan Kadyrov", "1976")}
    results = api.post("/match/default", json={"queries": {"q": query}}).json()[
        "responses"]["q"]["results"]
    matches = [r for r in results if r["match"]]
    assert len(matches) == 1
    assert {"gb_hmt_conlist:13042", "us_ofac_sdn:23343"} <= set(matches[0]["referents"])
    assert not any("us_ofac_sdn:36459" in r["referents"] for r in results)


def test_match_caps_answer_4xx_naming_the_parameter(api: TestClient) -> None:
    one = {"schema": "Person", "properties": {"name": ["Zhu Hailun"]}}
    many = api.post("/match/default", json={"queries": {f"q{i}": one for i in range(21)}})
    assert many.status_code == 400 and "queries" in many.json()["error"]["message"]
    names = {"schema": "Person", "properties": {"name": [f"Name {i}" for i in range(11)]}}
    wide = api.post("/match/default", json={"queries": {"q": names}})
    assert wide.status_code == 400 and "queries.q.properties" in wide.json()["error"]["message"]
    long = {"schema": "Person", "properties": {"name": ["x" * 201]}}
    longer = api.post("/match/default", json={"queries": {"q": long}})
    assert longer.status_code == 400 and "200 characters" in longer.json()["error"]["message"]
    nameless = {"schema": "Person", "properties": {"birthDate": ["1958"]}}
    empty = api.post("/match/default", json={"queries": {"q": nameless}})
    assert empty.status_code == 400 and "name" in empty.json()["error"]["message"]
    # issue 15's request: 100 queries of 200 names, refused before any scoring
    huge = {f"q{i}": {"schema": "Person", "properties": {"name": [f"Person {i} {j}" * 5
                                                                   for j in range(200)]}}
            for i in range(100)}
    started = time.perf_counter()
    refused = api.post("/match/default", json={"queries": huge})
    assert refused.status_code == 400
    assert time.perf_counter() - started < 5


def test_a_client_over_its_budget_gets_429(api: TestClient, web_app: FastAPI) -> None:
    kept = getattr(web_app.state, "match_budget", None)
    web_app.state.match_budget = ClientBudget(2)
    try:
        query = {"q": {"schema": "Person", "properties": {"name": ["Zhu Hailun", "Zhu Hai Lun"]}}}
        assert api.post("/match/default", json={"queries": query}).status_code == 200
        refused = api.post("/match/default", json={"queries": query})
        assert refused.status_code == 429
        assert refused.json()["error"]["code"] == "too_many_requests"
        assert int(refused.headers["retry-after"]) >= 1
        assert api.get("/match", params={"name": "Zhu Hailun"}).status_code == 429
    finally:
        web_app.state.match_budget = kept


def test_healthz_answers_while_large_matches_run(api: TestClient, web_app: FastAPI) -> None:
    kept = getattr(web_app.state, "match_budget", None)
    web_app.state.match_budget = ClientBudget(100_000)
    words = [n for n, _ in ASKED] + ["Ivanov", "Petrov", "Ali", "Mohammed", "Hassan"]
    big = {f"q{i}": {"schema": "Person",  # the caps: 50 names in all
                     "properties": {"name": [f"{words[(i * 10 + j) % len(words)]} {j}"
                                             for j in range(10)]}}
           for i in range(5)}
    statuses: list[int] = []
    spans: list[tuple[float, float]] = []

    def large() -> None:
        for _ in range(3):
            started = time.perf_counter()
            statuses.append(api.post("/match/default", json={"queries": big}).status_code)
            spans.append((started, time.perf_counter()))

    workers = [threading.Thread(target=large) for _ in range(4)]
    try:
        for worker in workers:
            worker.start()
        waits: list[tuple[float, float]] = []
        while any(w.is_alive() for w in workers):
            started = time.perf_counter()
            assert api.get("/healthz").status_code == 200
            waits.append((started, time.perf_counter() - started))
            time.sleep(0.02)
        for worker in workers:
            worker.join()
    finally:
        web_app.state.match_budget = kept
    assert statuses == [200] * 12
    during = [took for at, took in waits if any(a <= at <= b for a, b in spans)]
    assert len(during) >= 3  # health was asked while matches were being scored
    # Scoring on the event loop held /healthz for seconds; off it, it answers at once.
    # Generous for a loaded test machine; bench/web.py reports the figure.
    assert max(during) < 1.0, max(during)
