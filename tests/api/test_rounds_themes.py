"""Rounds default to the human-rights, corruption and cyber themes (issue 14): most "rounds"
by the dates are the UK and Australia transposing UN listings; those come back with
--all-themes / `all_themes`, marked `un_listing`."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from concerted.cli import cli

pytestmark = pytest.mark.shared


def _rounds(store: str, *args: str) -> list[dict[str, object]]:
    result = CliRunner().invoke(cli, ["--db", store, "rounds", "--format", "json", *args])
    assert result.exit_code == 0, result.output
    rounds: list[dict[str, object]] = json.loads(result.stdout)
    return rounds


def _thematic(found: dict[str, object]) -> bool:
    from concerted.programs import get_program

    programs = found["programs"]
    assert isinstance(programs, list)
    return any(t in ("human_rights", "corruption", "cyber")
               for p in programs for t in get_program(p).themes)


def test_default_rounds_leave_out_un_transpositions(web_store: str) -> None:
    default, every = _rounds(web_store), _rounds(web_store, "--all-themes")
    assert default and len(every) > 3 * len(default)
    assert not any(r["un_listing"] for r in default)
    assert all(_thematic(r) for r in default)
    driven = [r for r in every if r["un_listing"]]
    assert len(driven) > len(every) / 2  # most rounds by the dates are UN transpositions
    assert {str(r["date_from"]) for r in default} <= {str(r["date_from"]) for r in every}


def test_the_api_and_page_do_the_same(api: TestClient) -> None:
    default = api.get("/api/v1/rounds", params={"limit": 500}).json()
    every = api.get("/api/v1/rounds", params={"limit": 500, "all_themes": "true"}).json()
    assert 0 < default["total"] < every["total"]
    assert not any(r["un_listing"] for r in default["results"])
    assert any(r["un_listing"] for r in every["results"])
    page = api.get("/rounds", params={"all_themes": "true"})
    assert page.status_code == 200 and "UN listing" in page.text
