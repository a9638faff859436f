"""Every route that takes a date, an id or an enumerated parameter answers a bad value with a
4xx naming it (issue 14), and a query parameter no route takes is a 400, not ignored."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

pytestmark = pytest.mark.shared

CASES = [
    ("/api/v1/gaps?partner=gb", 400, "partner"),  # the filter is `missing`
    ("/api/v1/gaps?missing=xx", 400, "missing"),
    ("/api/v1/gaps?theme=nope", 400, "theme"),
    ("/api/v1/gaps?country=chn", 400, "country"),
    ("/api/v1/coverage?since=2022-13-01", 400, "since"),
    ("/api/v1/coverage?until=2022-02-30", 400, "until"),
    ("/api/v1/coverage?jurisdiction=xx", 400, "jurisdiction"),
    ("/api/v1/coverage?program=gb-xyz", 400, "program"),
    ("/api/v1/coverage?since=2023-01-01&until=2022-01-01", 400, "since"),
    ("/api/v1/rounds?program=us-glomg", 400, "us-glomag"),
    ("/api/v1/rounds?jurisdiction=xx", 400, "jurisdiction"),
    ("/api/v1/rounds/2099-01-01", 404, "2099-01-01"),
    ("/api/v1/lags?follower=xx", 400, "follower"),
    ("/api/v1/lags?first=xx", 400, "first"),
    ("/api/v1/search?q=zhu&jurisdiction=xx", 400, "jurisdiction"),
    ("/api/v1/search?q=zhu&nationality=chn", 400, "nationality"),
    ("/api/v1/search?q=zhu&since=2021-02-30", 400, "since"),
    ("/api/v1/search?q=zhu&program=gb-xyz", 400, "program"),
    ("/api/v1/search?q=zhu&bogus=1", 400, "bogus"),
    ("/api/v1/search?q=zhu&limit=0", 400, "limit"),
    ("/api/v1/listings?source=nope", 400, "source"),
    ("/api/v1/listings?program=gb-xyz", 400, "program"),
    ("/api/v1/listings?current=maybe", 400, "current"),
    ("/api/v1/listings/nope/123", 404, "nope"),
    ("/api/v1/targets/t-nope", 404, "t-nope"),
    ("/api/v1/programs?jurisdiction=xx", 400, "jurisdiction"),
    ("/api/v1/programs?theme=nope", 400, "theme"),
    ("/api/v1/programs/gb-xyz", 404, "gb-xyz"),
    ("/api/v1/programs/nothing", 404, "nothing"),
    ("/api/v1/programs/compare?jurisdiction=xx", 400, "jurisdiction"),
    ("/api/v1/eligible?conduct=torture&jurisdiction=xx", 400, "jurisdiction"),
    ("/api/v1/eligible?conduct=nope", 400, "conduct"),
    ("/api/v1/eligible?conduct=torture&country=chn", 400, "country"),
    ("/api/v1/changes/nope", 404, "nope"),
    ("/api/v1/changes/us_ofac_sdn?since=2022-13-01", 400, "since"),
    ("/api/v1/changes/us_ofac_sdn/29219/diff?snapshot=2022-02-30", 400, "snapshot"),
    ("/api/v1/exports/targets?format=pdf", 400, "format"),
    ("/api/v1/exports/targets?program=us-glomg", 400, "us-glomag"),
    ("/api/v1/exports/targets?theme=nope", 400, "theme"),
    ("/api/v1/exports/gaps?missing=xx", 400, "missing"),
    ("/api/v1/review?offset=-1", 400, "offset"),
    ("/api/v1/judgements?limit=0", 400, "limit"),
    ("/api/v1/judgements?who=nobody", 400, "who"),
    ("/api/v1/alerts?offset=-1", 400, "offset"),
    ("/judgements?who=nobody", 400, "who"),
    ("/review?offset=-1", 400, "offset"),
    ("/gaps?partner=gb", 400, "partner"),  # the web page, its HTML twin
]


@pytest.mark.parametrize(("url", "status", "named"), CASES, ids=[c[0] for c in CASES])
def test_a_bad_value_is_a_4xx_naming_it(api: TestClient, url: str, status: int, named: str
                                        ) -> None:
    response = api.get(url)
    assert response.status_code == status, response.text[:500]
    assert named in response.text


def test_review_pages_through_every_waiting_pair(api: TestClient) -> None:
    first = api.get("/api/v1/review", params={"limit": 5}).json()
    second = api.get("/api/v1/review", params={"limit": 5, "offset": 5}).json()
    assert first["total"] == second["total"] > 10  # every pair waiting, not the page size
    assert len(first["results"]) == len(second["results"]) == 5
    pairs = {(p["left"], p["right"]) for p in first["results"]}
    assert not pairs & {(p["left"], p["right"]) for p in second["results"]}
    # Pairs whose decision would change a gap come first.
    flags = [bool(p["changes_gap"]) for p in first["results"] + second["results"]]
    assert flags == sorted(flags, reverse=True)
    every = [p for offset in range(0, first["total"], 200) for p in api.get(
        "/api/v1/review", params={"limit": 200, "offset": offset}).json()["results"]]
    assert len(every) == first["total"]
    assert first["changing_gaps"] == sum(bool(p["changes_gap"]) for p in every) > 0
