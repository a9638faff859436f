"""`concerted export targets --program/--theme` and `/api/v1/exports/targets?program=&theme=`
(issue 14 item 12): the targets designated so, each with all its listings (one row per
(target, listing), DESIGN.md's columns), the same from the CLI and the API, and the same
targets as a search with that filter finds (another path over the designations)."""

from __future__ import annotations

import csv
import io
import json
from collections import defaultdict

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from concerted.cli import cli

pytestmark = pytest.mark.shared

COLUMNS = ["target_id", "source", "listing_key", "jurisdiction", "schema", "name", "programs",
           "listed_on"]


def _rows(text: str) -> list[dict[str, str]]:
    reader = csv.DictReader(io.StringIO(text))
    assert reader.fieldnames == COLUMNS
    return list(reader)


def _by_target(rows: list[dict[str, str]]) -> dict[str, list[dict[str, str]]]:
    found: dict[str, list[dict[str, str]]] = defaultdict(list)
    for row in rows:
        found[row["target_id"]].append(row)
    return found


def _searched(api: TestClient, **params: str) -> int:
    total: int = api.get("/api/v1/search", params={"q": "", "limit": 1, **params}
                         ).json()["total"]
    return total


def test_program_filter_keeps_the_programs_targets_with_all_their_listings(
        api: TestClient, web_store: str) -> None:
    everything = _by_target(_rows(api.get("/api/v1/exports/targets").text))
    body = api.get("/api/v1/exports/targets", params={"program": "us-glomag"}).text
    chosen = _by_target(_rows(body))
    assert 0 < len(chosen) < len(everything)
    assert len(chosen) == _searched(api, program="us-glomag")
    for target_id, rows in chosen.items():
        assert any("us-glomag" in r["programs"].split(";") for r in rows), target_id
        assert rows == everything[target_id]  # every listing of the target, not only the US one
    assert any(r["jurisdiction"] != "us" for rows in chosen.values() for r in rows)

    cli_run = CliRunner().invoke(cli, ["--db", web_store, "export", "targets",
                                       "--program", "us-glomag"])
    assert cli_run.exit_code == 0, cli_run.output
    assert cli_run.stdout == body  # the CLI writes what the API serves


def test_theme_filter_and_several_values(api: TestClient, web_store: str) -> None:
    cyber = _by_target(_rows(api.get("/api/v1/exports/targets", params={"theme": "cyber"}).text))
    assert len(cyber) == _searched(api, theme="cyber") > 0
    corruption = _by_target(_rows(api.get("/api/v1/exports/targets",
                                          params={"theme": "corruption"}).text))
    both = api.get("/api/v1/exports/targets?theme=cyber&theme=corruption&format=json").json()
    assert {r["target_id"] for r in both} == set(cyber) | set(corruption)
    cli_run = CliRunner().invoke(cli, ["--db", web_store, "export", "targets", "--format",
                                       "json", "--theme", "cyber", "--theme", "corruption"])
    assert cli_run.exit_code == 0, cli_run.output
    assert {r["target_id"] for r in json.loads(cli_run.stdout)} == {
        r["target_id"] for r in both}
