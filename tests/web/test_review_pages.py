"""The review queue and the judgements page (issue 14 items 4 and 8): counts, paging, the
fields of two listings side by side with where they disagree, judgements in words ("linked
automatically (score 0.998)"), the automatic links beside people's. In-process, on the
shared-lists store of tests/web_store.py."""

from __future__ import annotations

import re

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from web_store import api, web_app, web_store, writer_token  # noqa: F401

from concerted.model import ListingRef
from concerted.views.targets import listing_detail
from concerted.web.review_pages import compare

pytestmark = pytest.mark.shared


def _detail(app: FastAPI, ref: str) -> dict[str, object]:
    record = app.state.cache.current().record(ListingRef.parse(ref))
    assert record is not None
    return listing_detail(record)


def test_two_listings_of_zhu_hailun_agree_on_the_name_whatever_the_order(
        web_app: FastAPI) -> None:  # noqa: F811
    rows = {r["field"]: r for r in compare(_detail(web_app, "gb_hmt_conlist:14078"),
                                           _detail(web_app, "us_ofac_sdn:29219"))}
    names = rows["Names"]
    assert names["status"] in ("same", "partly")
    assert any(v["shared"] for v in names["left"]) and any(v["shared"] for v in names["right"])
    assert rows["Type"]["status"] == "same"


def test_different_people_differ_and_a_field_on_one_side_says_so(
        web_app: FastAPI) -> None:  # noqa: F811
    zhu = _detail(web_app, "us_ofac_sdn:29219")
    state = web_app.state.cache.current()
    hits = state.target_hits("Ramzan Kadyrov")
    assert hits, "Kadyrov is on the lists"
    other = state.target_records(hits[0][0])[0]
    rows = {r["field"]: r for r in compare(zhu, listing_detail(other))}
    assert rows["Names"]["status"] == "differs"
    assert not any(v["shared"] for v in rows["Names"]["left"])
    statuses = {r["status"] for r in rows.values()}
    assert statuses <= {"same", "partly", "differs", "one side"}


def test_the_queue_counts_pages_and_shows_fields_side_by_side(
        api: TestClient) -> None:  # noqa: F811
    twin = api.get("/api/v1/review", params={"limit": 10}).json()
    page = api.get("/review")
    assert page.status_code == 200
    assert (f"<strong>{twin['total']}</strong> pairs of listings on different lists wait"
            in page.text)
    assert f"<strong>{twin['changing_gaps']}</strong> of them would change a gap" in page.text
    assert page.text.count('<section class="card pair"') == min(10, twin["total"])
    assert f"1–10 of {twin['total']}" in page.text and 'href="/review?offset=10"' in page.text
    first = twin["results"][0]
    assert f'value="{first["left"]}"' not in page.text  # not logged in: no forms
    assert "Deciding this changes a gap: would close the gap of" in page.text
    assert re.search(r'<tr class="(same|partly|differs|one-side)"><th scope="row">Names</th>',
                     page.text)
    left = ListingRef.parse(first["left"])
    assert f'href="/listings/{left.source}/' in page.text
    assert "gb_hmt_conlist #" not in page.text and "positive" not in page.text
    second = api.get("/review", params={"offset": 10}).text
    assert f"11–{min(20, twin['total'])} of {twin['total']}" in second
    assert 'type="application/json" href="/api/v1/review?offset=10"' in second


def test_judgements_show_the_automatic_links_in_words(api: TestClient) -> None:  # noqa: F811
    links = api.get("/api/v1/judgements", params={"who": "system", "limit": 3}).json()
    assert links["total"] > 100 and all(r["user"] == "system" for r in links["results"])
    everything = api.get("/api/v1/judgements", params={"who": "all", "limit": 1}).json()
    people = api.get("/api/v1/judgements", params={"limit": 1}).json()
    assert everything["total"] == links["total"] + people["total"]

    page = api.get("/judgements").text  # all, by default
    assert f"{everything['total']} judgements." in page
    first = links["results"][0]
    automatic = api.get("/judgements", params={"who": "system"}).text
    assert f"linked automatically (score {first['score']:.3f})" in automatic
    assert "positive" not in automatic and ">system<" not in automatic
    assert 'href="/judgements?who=system" aria-current="page"' in automatic
    left = ListingRef.parse(first["left"])
    assert f'href="/listings/{left.source}/' in automatic


def test_only_reviewers_are_offered_the_decision_buttons(web_app: FastAPI) -> None:  # noqa: F811
    from concerted.accounts import add_user, open_session, set_reviewer

    user = add_user(web_app.state.engine, "reader-of-the-queue@example.org",
                    "a long enough passphrase")
    session = open_session(web_app.state.engine, user)
    with TestClient(web_app, cookies={"concerted_session": session.secret}) as client:
        page = client.get("/review").text
        assert "Only reviewers record judgements" in page
        assert 'name="decision"' not in page
        set_reviewer(web_app.state.engine, user.email)
        page = client.get("/review").text
        assert 'name="decision"' in page and "Only reviewers" not in page
