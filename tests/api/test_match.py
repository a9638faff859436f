"""POST /match/{dataset}: the yente request and response shape."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

pytestmark = pytest.mark.shared

QUERY = {"queries": {"q1": {"schema": "Person",
                            "properties": {"name": ["Zhu Hailun"], "birthDate": ["1958"]}}}}


def test_match_default_has_the_yente_shape(api: TestClient) -> None:
    body = api.post("/match/default", json=QUERY).json()
    assert set(body) >= {"responses", "limit"}
    response = body["responses"]["q1"]
    assert response["total"]["value"] >= 1
    best = response["results"][0]
    assert {"id", "caption", "schema", "score", "match", "datasets", "features"} <= set(best)
    assert best["match"] is True and best["score"] >= 0.7
    assert set(best["datasets"]) == {"gb_hmt_conlist", "us_ofac_sdn"}


def test_match_one_dataset_and_threshold(api: TestClient) -> None:
    body = api.post("/match/au_dfat", json=QUERY).json()
    assert all("au_dfat" in r["datasets"] for r in body["responses"]["q1"]["results"])
    strict = api.post("/match/default", params={"threshold": 1.0}, json=QUERY).json()
    assert not any(r["match"] for r in strict["responses"]["q1"]["results"])
    also = api.post("/api/v1/match/us", json=QUERY).json()
    assert also["responses"]["q1"]["results"][0]["datasets"] == ["us_ofac_sdn"]


def test_match_errors(api: TestClient) -> None:
    unknown = api.post("/match/nowhere", json=QUERY)
    assert unknown.status_code == 404 and unknown.json()["error"]["code"] == "not_found"
    bad = api.post("/match/default", json={"queries": "nope"})
    assert bad.status_code == 400 and bad.json()["error"]["code"] == "bad_parameter"
    limit = api.post("/match/default", params={"limit": 0}, json=QUERY)
    assert limit.status_code == 400 and "limit" in limit.json()["error"]["message"]
