"""Answers as of a date (issue 11 item 10): `concerted listings --on DATE`, `concerted changes
SOURCE --on DATE | --until DATE` with a count per program, and the same on the API and the
pages. On the real files: three US snapshots around the 9 December 2022 GLOMAG batch and the
UK list of 2025 (held only from then: its printed listing dates answer for earlier days).
The expected counts are read from the raw sdn.csv files here, independently of the parser."""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from concerted.app import create_app
from concerted.app_options import AppOptions
from concerted.archive import Archive
from concerted.cli import cli
from concerted.ingest import IngestOptions, collect, ingest
from concerted.settings import Settings
from concerted.store.db import connect

pytestmark = pytest.mark.shared

US_DAYS = ("2022-12-08", "2022-12-09", "2023-01-24")


@pytest.fixture(scope="module")
def store(shared_lists: Path, tmp_path_factory: pytest.TempPathFactory) -> str:
    folder = tmp_path_factory.mktemp("as-of")
    url = f"sqlite:///{folder / 'concerted.db'}"
    engine = connect(url)
    folders = [shared_lists / "us" / day for day in US_DAYS] + [shared_lists / "gb"]
    results = ingest(engine, Archive(folder / "archive"), collect(folders), IngestOptions())
    assert all(r.status == "ingested" for r in results), [r.message for r in results]
    engine.dispose()
    return url


@pytest.fixture(scope="module")
def client(store: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    settings = Settings(db_url=store, data_dir=tmp_path_factory.mktemp("as-of-data"))
    with TestClient(create_app(settings, AppOptions(warm_state=False))) as c:
        yield c


def _raw_programs(path: Path) -> dict[str, list[str]]:
    """ent_num -> the Program tags of a raw sdn.csv (no header; `] [` between tags)."""
    rows = csv.reader(io.StringIO(path.read_text(encoding="latin-1")))
    return {r[0].strip(): r[3].strip().split("] [") for r in rows
            if len(r) > 3 and r[0].strip().isdigit()}


def _raw_added(shared_lists: Path) -> tuple[int, Counter[str]]:
    before = _raw_programs(shared_lists / "us" / "2022-12-08" / "sdn.csv")
    after = _raw_programs(shared_lists / "us" / "2022-12-09" / "sdn.csv")
    added = [key for key in after if key not in before]
    return len(added), Counter(tag for key in added for tag in after[key])


def cli_run(store: str, *args: str) -> Any:
    return CliRunner().invoke(cli, ["--db", store, *args], catch_exceptions=False)


def test_changes_on_a_day_count_each_program(store: str, shared_lists: Path) -> None:
    added, tags = _raw_added(shared_lists)
    assert (added, tags["GLOMAG"], tags["RUSSIA-EO14024"]) == (217, 182, 24)  # the real file
    result = cli_run(store, "changes", "us_ofac_sdn", "--on", "2022-12-09", "--format", "json")
    assert result.exit_code == 0, result.output
    [day] = json.loads(result.stdout)
    assert (day["snapshot"], day["previous"], len(day["added"])) == ("2022-12-09",
                                                                     "2022-12-08", added)
    by_program = day["by_program"]["added"]
    assert by_program["us-glomag"] == tags["GLOMAG"]
    assert by_program["us-russia-eo14024"] == tags["RUSSIA-EO14024"]
    assert sum(by_program.values()) == sum(tags.values())
    assert list(by_program)[:2] == ["us-glomag", "us-russia-eo14024"]  # most first
    table = cli_run(store, "changes", "us_ofac_sdn", "--on", "2022-12-09").stdout
    assert "217 (us-glomag 182, us-russia-eo14024 24," in table


def test_changes_until_a_day_and_a_day_without_snapshot(store: str) -> None:
    until = json.loads(cli_run(store, "changes", "us_ofac_sdn", "--until", "2022-12-31",
                               "--format", "json").stdout)
    assert [g["snapshot"] for g in until] == ["2022-12-09"]
    since = json.loads(cli_run(store, "changes", "us_ofac_sdn", "--since", "2022-12-10",
                               "--format", "json").stdout)
    assert [g["snapshot"] for g in since] == ["2023-01-24"]
    result = cli_run(store, "changes", "us_ofac_sdn", "--on", "2022-12-10", "--format", "json")
    assert result.exit_code == 0 and json.loads(result.stdout) == []
    assert "no snapshot published on 2022-12-10" in result.stderr
    assert "between 2022-12-09 and 2023-01-24 shows under 2023-01-24" in result.stderr


@pytest.mark.parametrize(("args", "message"), [
    (("changes", "us_ofac_sdn", "--on", "2022-12-32"), "'2022-12-32' is not a calendar day"),
    (("changes", "us_ofac_sdn", "--until", "9/12/2022"), "not a date written YYYY-MM-DD"),
    (("changes", "us_ofac_sdn", "--on", "2022-12-09", "--since", "2022-01-01"), "--on is one day"),
    (("changes", "us_ofac_sdn", "--since", "2023-01-01", "--until", "2022-01-01"),
     "--until 2022-01-01 is before --since 2023-01-01"),
    (("listings", "--on", "2022-02-30"), "'2022-02-30' is not a calendar day"),
    (("listings", "--on", "2022-12-09", "--all"), "--on gives the listings of one day"),
])
def test_bad_dates_are_usage_errors(store: str, args: tuple[str, ...], message: str) -> None:
    result = cli_run(store, *args)
    assert result.exit_code == 2
    assert message in result.output


def test_listings_on_a_day(store: str, shared_lists: Path) -> None:
    on_8th = json.loads(cli_run(store, "listings", "--on", "2022-12-08", "--source",
                                "us_ofac_sdn", "--format", "json").stdout)
    on_9th = json.loads(cli_run(store, "listings", "--on", "2022-12-09", "--source",
                                "us_ofac_sdn", "--program", "us-glomag", "--format",
                                "json").stdout)
    raw_8th = _raw_programs(shared_lists / "us" / "2022-12-08" / "sdn.csv")
    raw_9th = _raw_programs(shared_lists / "us" / "2022-12-09" / "sdn.csv")
    assert {r["key"] for r in on_8th} == set(raw_8th)
    assert {r["key"] for r in on_9th} == {k for k, tags in raw_9th.items() if "GLOMAG" in tags}
    # A day between two snapshots is answered by the earlier one, and says so.
    result = cli_run(store, "listings", "--on", "2023-01-01", "--source", "us_ofac_sdn",
                     "--format", "json")
    assert len(json.loads(result.stdout)) == len(raw_9th)
    assert "as of its snapshot of 2022-12-09" in result.stderr
    before = cli_run(store, "listings", "--on", "2022-12-01", "--source", "us_ofac_sdn",
                     "--format", "json")
    # Before the first snapshot only printed listing dates could answer; sdn.csv prints none.
    assert json.loads(before.stdout) == []
    assert "not held on 2022-12-01 (first snapshot 2022-12-08)" in before.stderr


def test_listings_on_a_day_before_a_list_was_held(store: str) -> None:
    """The UK list is held from 2025 only: its printed dates answer, per program."""
    def gb(day: str, program: str) -> dict[str, Any]:
        result = cli_run(store, "listings", "--on", day, "--source", "gb_hmt_conlist",
                         "--program", program, "--format", "json")
        assert "only the listings it shows with a printed listing date" in result.stderr
        return {r["key"]: r for r in json.loads(result.stdout)}

    # Min Aung HLAING (13897): gb-ghr from 2020-07-06, gb-myanmar from 2021-02-25.
    assert "13897" in gb("2021-01-01", "gb-ghr")
    assert "13897" not in gb("2021-01-01", "gb-myanmar")
    assert "13897" in gb("2021-02-25", "gb-myanmar")
    xinjiang = {r["name"] for r in gb("2021-03-22", "gb-ghr").values()} - {
        r["name"] for r in gb("2021-03-21", "gb-ghr").values()}
    assert {"HAILUN ZHU", "JUNZHENG WANG", "MINGSHAN WANG", "MINGGUO CHEN"} <= xinjiang


def test_the_api_and_pages_answer_the_same(client: TestClient, store: str) -> None:
    cli_day = json.loads(cli_run(store, "changes", "us_ofac_sdn", "--on", "2022-12-09",
                                 "--format", "json").stdout)
    api_day = client.get("/api/v1/changes/us_ofac_sdn", params={"on": "2022-12-09"}).json()
    assert api_day == cli_day
    page = client.get("/changes/us_ofac_sdn", params={"on": "2022-12-09"})
    assert page.status_code == 200
    assert "217 added (of which 182 us-glomag, 24 us-russia-eo14024," in page.text
    assert 'href="/api/v1/changes/us_ofac_sdn?on=2022-12-09"' in page.text
    empty = client.get("/changes/us_ofac_sdn", params={"on": "2022-12-10"}).text
    assert "No snapshot of us_ofac_sdn was published on 2022-12-10" in empty

    listed = client.get("/api/v1/listings", params={"on": "2022-12-09", "source": "us_ofac_sdn",
                                                    "program": "us-glomag", "limit": 5}).json()
    cli_listed = json.loads(cli_run(store, "listings", "--on", "2022-12-09", "--source",
                                    "us_ofac_sdn", "--program", "us-glomag", "--format",
                                    "json").stdout)
    assert listed["total"] == len(cli_listed)
    assert listed["as_of"] == {"us_ofac_sdn": {"snapshot": "2022-12-09", "basis": "snapshot"}}
    html = client.get("/listings", params={"on": "2022-12-09", "program": "us-glomag"}).text
    assert f"{listed['total']} listings on 2022-12-09" in html


@pytest.mark.parametrize(("path", "params", "message"), [
    ("/api/v1/changes/us_ofac_sdn", {"on": "2022-12-32"}, "on: '2022-12-32' is not a calendar"),
    ("/api/v1/changes/us_ofac_sdn", {"until": "2022"}, "until: '2022' is not a date"),
    ("/api/v1/changes/us_ofac_sdn", {"on": "2022-12-09", "since": "2022-01-01"}, "on: one day"),
    ("/api/v1/changes/us_ofac_sdn", {"since": "2023-01-01", "until": "2022-01-01"},
     "until: 2022-01-01 is before since 2023-01-01"),
    ("/api/v1/listings", {"on": "yesterday"}, "on: 'yesterday' is not a date"),
    ("/api/v1/listings", {"on": "2022-12-09", "current": "all"}, "on: the listings of one day"),
    ("/changes/us_ofac_sdn", {"on": "2022-02-30"}, "is not a calendar day"),
    ("/listings", {"on": "2022-13-01"}, "is not a calendar day"),
])
def test_bad_dates_are_400s(client: TestClient, path: str, params: dict[str, str],
                            message: str) -> None:
    response = client.get(path, params=params)
    assert response.status_code == 400
    assert message in response.text
