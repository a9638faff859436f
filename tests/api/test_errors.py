"""Stable error shapes and clear 4xx for bad parameters."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

pytestmark = pytest.mark.shared


@pytest.mark.parametrize(("path", "word"), [
    ("/api/v1/search?limit=0", "limit"),
    ("/api/v1/search?limit=501", "limit"),
    ("/api/v1/search?offset=-1", "offset"),
    ("/api/v1/search?since=yesterday", "since"),
    ("/api/v1/search?since=2024-01-02&until=2024-01-01", "since"),
    ("/api/v1/listings?current=maybe", "current"),
    ("/api/v1/coverage?min_jurisdictions=0", "min_jurisdictions"),
    ("/api/v1/exports/targets?format=pdf", "format"),
    ("/api/v1/eligible?conduct=knitting", "conduct"),
    ("/api/v1/eligible", "conduct"),
    ("/api/v1/changes/us_ofac_sdn?since=2024", "since"),
])
def test_bad_parameters_are_400_with_the_error_shape(api: TestClient, path: str,
                                                     word: str) -> None:
    response = api.get(path)
    assert response.status_code == 400
    body = response.json()
    assert set(body) == {"error"} and body["error"]["code"] == "bad_parameter"
    assert word in body["error"]["message"]


def test_unknown_paths_are_404_json_for_the_api_and_html_for_pages(api: TestClient) -> None:
    assert api.get("/api/v1/nothing").json() == {
        "error": {"code": "not_found", "message": "Not Found"}}
    page = api.get("/nothing-here")
    assert page.status_code == 404 and page.headers["content-type"].startswith("text/html")
