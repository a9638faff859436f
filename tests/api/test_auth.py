"""Writes need a user: a token, or a session with its CSRF token. Anonymous users cannot."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient
from web_store import PASSWORD, WRITER

pytestmark = pytest.mark.shared

PAIR = {"left": "gb_hmt_conlist:14078", "right": "us_ofac_sdn:29219", "judgement": "positive"}


def test_anonymous_cannot_write(api: TestClient) -> None:
    response = api.post("/api/v1/judgements", json=PAIR)
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "unauthorized"
    assert api.post("/api/v1/tokens", json={}).status_code == 401


def test_a_bad_token_is_refused(api: TestClient) -> None:
    response = api.post("/api/v1/judgements", json=PAIR,
                        headers={"Authorization": "Bearer cct_not-a-real-token"})
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "invalid_token"


def test_a_token_writes_an_attributed_judgement(api: TestClient, writer_token: str) -> None:
    auth = {"Authorization": f"Bearer {writer_token}"}
    created = api.post("/api/v1/judgements", json=PAIR, headers=auth)
    assert created.status_code == 201
    assert created.json()["user"] == WRITER
    rows = api.get("/api/v1/judgements", headers=auth).json()["results"]  # a reviewer sees who
    assert rows[0]["user"] == WRITER and rows[0]["judgement"] == "positive"
    assert api.get("/api/v1/me", headers=auth).json()["user"]["email"] == WRITER


def test_judgement_validation(api: TestClient, writer_token: str) -> None:
    auth = {"Authorization": f"Bearer {writer_token}"}
    same = api.post("/api/v1/judgements", headers=auth, json={**PAIR, "right": PAIR["left"]})
    assert same.status_code == 400
    unknown = api.post("/api/v1/judgements", headers=auth,
                       json={**PAIR, "right": "us_ofac_sdn:nope"})
    assert unknown.status_code == 400 and "no listing" in unknown.json()["error"]["message"]
    verdict = api.post("/api/v1/judgements", headers=auth, json={**PAIR, "judgement": "maybe"})
    assert verdict.status_code == 400


def _login(api: TestClient) -> str:
    page = api.get("/login").text
    token = re.search(r'name="csrf_token" value="([^"]+)"', page)
    assert token is not None
    response = api.post("/login", data={"email": WRITER, "password": PASSWORD,
                                        "csrf_token": token.group(1), "next": "/review"},
                        follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == "/review"
    review = api.get("/review").text
    csrf = re.search(r'name="csrf_token" value="([^"]+)"', review)
    assert csrf is not None
    return csrf.group(1)


def test_a_session_writes_only_with_its_csrf_token(api: TestClient) -> None:
    csrf = _login(api)
    refused = api.post("/api/v1/judgements", json=PAIR)
    assert refused.status_code == 403 and refused.json()["error"]["code"] == "csrf_failed"
    accepted = api.post("/api/v1/judgements", json=PAIR, headers={"X-CSRF-Token": csrf})
    assert accepted.status_code == 201


def test_login_needs_its_form_token_and_the_right_password(api: TestClient) -> None:
    forged = api.post("/login", data={"email": WRITER, "password": PASSWORD,
                                      "csrf_token": "forged"})
    assert forged.status_code == 403
    page = api.get("/login").text
    token = re.search(r'name="csrf_token" value="([^"]+)"', page)
    assert token is not None
    wrong = api.post("/login", data={"email": WRITER, "password": "wrong password here",
                                     "csrf_token": token.group(1)})
    assert wrong.status_code == 401 and "wrong e-mail or password" in wrong.text


def test_open_redirects_are_refused(api: TestClient) -> None:
    page = api.get("/login?next=//evil.example/").text
    assert 'name="next" value="/"' in page
