"""Every read endpoint of /api/v1 on the shared-lists store: shapes, filters, pagination."""

from __future__ import annotations

import csv
import io
import json

import pytest
from fastapi.testclient import TestClient
from openpyxl import load_workbook

pytestmark = pytest.mark.shared

ZHU_US = "us_ofac_sdn:29219"


def _zhu(api: TestClient) -> str:
    results = api.get("/api/v1/search", params={"q": "zhu hailun"}).json()["results"]
    return str(results[0]["target_id"])


def test_search_has_the_design_shape(api: TestClient) -> None:
    body = api.get("/api/v1/search", params={"q": "zhu hailun"}).json()
    assert set(body) == {"total", "results"}
    assert body["total"] == 1
    hit = body["results"][0]
    # DESIGN.md's keys, and what tells namesakes and delisted duplicates apart (issue 14)
    assert set(hit) == {"target_id", "name", "schema", "jurisdictions", "programs",
                        "birth_dates", "countries", "removed"}
    assert hit["jurisdictions"] == ["gb", "us"]
    assert hit["birth_dates"] == ["1958-01"] and hit["removed"] is False
    assert {"gb-ghr", "us-glomag"} <= set(hit["programs"])


def test_search_any_script_and_filters(api: TestClient) -> None:
    cyrillic = api.get("/api/v1/search", params={"q": "Лукашенко"}).json()
    assert cyrillic["total"] >= 1
    only_au = api.get("/api/v1/search", params={"q": "zhu hailun", "jurisdiction": "au"}).json()
    assert only_au == {"total": 0, "results": []}
    dated = api.get("/api/v1/search", params={"program": "gb-ghr", "since": "2021-03-22",
                                              "until": "2021-03-22", "limit": 100}).json()
    assert any("ZHU" in r["name"].upper() for r in dated["results"])


def test_search_paginates(api: TestClient) -> None:
    first = api.get("/api/v1/search", params={"q": "ali", "limit": 5}).json()
    second = api.get("/api/v1/search", params={"q": "ali", "limit": 5, "offset": 5}).json()
    assert first["total"] == second["total"] > 10
    assert len(first["results"]) == 5
    assert not {r["target_id"] for r in first["results"]} & {r["target_id"] for r in
                                                            second["results"]}


def test_target_lists_us_and_uk_side_by_side(api: TestClient) -> None:
    body = api.get(f"/api/v1/targets/{_zhu(api)}").json()
    assert {(x["source"], x["listing_key"]) for x in body["listings"]} == {
        ("us_ofac_sdn", "29219"), ("gb_hmt_conlist", "14078")}
    assert "au" in [m["jurisdiction"] for m in body["gap"]["missing"]]
    link = body["match_explanations"][0]
    assert link["score"] >= 0.9 and link["judgement"]["judgement"] == "positive"
    # What tells namesakes apart, as on the page and in search results.
    assert body["birth_dates"] == sorted({b for x in body["listings"] for b in x["birth_dates"]})
    assert body["birth_dates"] and body["removed"] is False
    assert api.get(f"/api/v1/targets/{ZHU_US}x").status_code == 404


def test_network_has_the_focus_node(api: TestClient) -> None:
    body = api.get(f"/api/v1/network/{_zhu(api)}").json()
    assert any(n["kind"] == "focus" for n in body["nodes"])
    assert any(n["id"] == "j:us" for n in body["nodes"])


def test_sources_and_changes(api: TestClient) -> None:
    sources = {s["source"]: s for s in api.get("/api/v1/sources").json()}
    assert sources["us_ofac_sdn"]["snapshots"] == 8
    assert sources["us_ofac_sdn"]["newest"] == "2024-05-03"
    changes = api.get("/api/v1/changes/us_ofac_sdn", params={"limit": 2}).json()
    assert [c["snapshot"] for c in changes] == ["2024-05-03", "2023-08-16"]
    assert api.get("/api/v1/changes/xx_nope").status_code == 404


def test_listings_by_program(api: TestClient) -> None:
    body = api.get("/api/v1/listings", params={"program": "gb-ghr", "limit": 10}).json()
    assert body["total"] == 143 and len(body["results"]) == 10
    one = api.get("/api/v1/listings/gb_hmt_conlist/14078").json()
    assert one["programs"][0]["id"] == "gb-ghr" and one["history"]


def test_rounds_and_the_february_2023_round(api: TestClient) -> None:
    rounds = api.get("/api/v1/rounds", params={"limit": 100}).json()
    ids = [r["round_id"] for r in rounds["results"]]
    assert "2023-02-09" in ids
    detail = api.get("/api/v1/rounds/2023-02-09").json()
    assert detail["jurisdictions"] == ["gb", "us"] and len(detail["targets"]) == 7
    assert api.get("/api/v1/rounds/1999-01-01").status_code == 404


def test_coverage_gaps_lags(api: TestClient) -> None:
    coverage = api.get("/api/v1/coverage", params={"min_jurisdictions": 2}).json()
    assert coverage["total"] > 0 and all(len(r["cells"]) >= 2 for r in coverage["results"])
    gaps = api.get("/api/v1/gaps", params={"missing": "au", "limit": 5}).json()
    assert gaps["total"] > 0
    assert all("au" in [m["jurisdiction"] for m in g["missing"]] for g in gaps["results"])
    lags = api.get("/api/v1/lags").json()
    assert {"by_pair", "by_year", "results"} <= set(lags)


def test_programs_and_eligibility(api: TestClient) -> None:
    programs = {p["id"]: p for p in api.get("/api/v1/programs").json()}
    assert programs["gb-ghr"]["listings_now"] == 143
    page = api.get("/api/v1/programs/gb-ghr").json()
    assert page["figures"]["listings_now"] == {"value": 143,
                                              "url": "/listings?program=gb-ghr"}
    assert api.get("/api/v1/programs/xx-nothing").status_code == 404
    # Figures say what they rest on: the per-year table counts only the designations dated to
    # within a year, and the joint share leaves the loosely dated out, saying how many.
    figures = api.get("/api/v1/programs/us-glomag").json()["figures"]
    dated = figures["per_year_dated"]
    assert sum(year["value"] for year in figures["per_year"]) == dated["dated"]
    assert 0 < dated["dated"] < dated["designations"] == figures["designations"]["value"]
    joint = figures["joint_share"]
    assert joint["dated"] + joint["undated"] == joint["thematic"] > 0
    assert joint["value"] is None or joint["value"] == round(joint["joint"] / joint["dated"], 3)
    eligible = api.get("/api/v1/eligible", params={"conduct": "torture"}).json()
    assert "gb-ghr" in {e["id"] for e in eligible}


def test_exports(api: TestClient) -> None:
    text = api.get("/api/v1/exports/targets", params={"format": "csv"}).text
    header = next(csv.reader(io.StringIO(text)))
    assert header == ["target_id", "source", "listing_key", "jurisdiction", "schema", "name",
                      "programs", "listed_on"]
    ftm = api.get("/api/v1/exports/targets", params={"format": "ftm"}).text.splitlines()
    assert json.loads(ftm[0])["schema"]
    book = api.get("/api/v1/exports/gaps", params={"format": "xlsx"}).content
    sheet = load_workbook(io.BytesIO(book)).active
    assert sheet is not None and sheet.max_row > 1
    compare = api.get("/api/v1/programs/compare", params={"format": "csv"})
    assert compare.headers["content-type"].startswith("text/csv")


def test_health_docs_and_dashboard(api: TestClient) -> None:
    assert api.get("/healthz").json()["status"] == "ok"
    schema = api.get("/openapi.json").json()
    assert "/match/{dataset}" in schema["paths"] and "/api/v1/search" in schema["paths"]
    assert api.get("/docs").status_code == 200
    dashboard = api.get("/api/v1/dashboard").json()
    assert dashboard["totals"]["rounds"] >= 1 and dashboard["per_year"]["years"]


def test_a_government_whose_list_is_not_held_is_named(api: TestClient) -> None:
    # This store holds no EU list: the EU is never counted as missing, and every answer
    # that could be read as "the EU has not acted" says that its lists are not held.
    note = "EU: no list held"
    holdings = {h["jurisdiction"]: h for h in api.get("/api/v1/dashboard").json()["holdings"]}
    assert (holdings["eu"]["state"], holdings["eu"]["note"]) == ("none", note)
    assert holdings["gb"]["state"] in ("full", "stale") and holdings["gb"]["sources"]
    gaps = api.get("/api/v1/gaps", params={"missing": "eu"}).json()
    assert (gaps["total"], gaps["lists_held"]) == (0, [note])
    rounds = api.get("/api/v1/rounds", params={"jurisdiction": "eu"}).json()
    assert (rounds["total"], rounds["lists_held"]) == (0, [note])
    target = api.get(f"/api/v1/targets/{_zhu(api)}").json()
    assert note in target["lists_held"]
    assert {"jurisdiction": "eu", "note": note} in target["gap"]["not_known"]
    assert "eu" not in {m["jurisdiction"] for m in target["gap"]["missing"]}
    # The pages say it too: the dashboard, the gaps filter and the rounds filter.
    assert "<strong>European Union</strong>: no list held" in api.get("/").text
    page = api.get("/gaps", params={"missing": "eu"}).text
    assert "European Union (no list held)" in page and f"<li>{note}</li>" in page
    assert f"<li>{note}</li>" in api.get("/rounds", params={"jurisdiction": "eu"}).text
