"""The list commands in-process (click's CliRunner), on fixtures and on the shared history."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from concerted.cli import cli

STORE_FIXTURES = Path(__file__).resolve().parent / "fixtures" / "store" / "us"


def run(*args: str, db: str) -> Any:
    result = CliRunner().invoke(cli, ["--db", db, *args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result


def test_ingest_refuses_an_undated_file(tmp_path: Path) -> None:
    loose = tmp_path / "loose"
    loose.mkdir()
    (loose / "sdn.csv").write_bytes((STORE_FIXTURES / "2022-12-08" / "sdn.csv").read_bytes())
    result = CliRunner().invoke(
        cli, ["--db", f"sqlite:///{tmp_path / 'c.db'}", "ingest", str(loose / "sdn.csv")]
    )
    assert result.exit_code == 1
    assert "carries no date" in result.output and "--date" in result.output


def test_ingest_refuses_an_unknown_file(tmp_path: Path) -> None:
    other = tmp_path / "notes.txt"
    other.write_text("hello", encoding="utf-8")
    result = CliRunner().invoke(
        cli, ["--db", f"sqlite:///{tmp_path / 'c.db'}", "ingest", str(other)]
    )
    assert result.exit_code == 1
    assert "notes.txt" in result.output and "not recognised" in result.output


@pytest.mark.shared
def test_sources_counts_on_the_shared_history(shared_store: str) -> None:
    out = json.loads(run("sources", "--format", "json", db=shared_store).output)
    by_source = {s["source"]: s for s in out}
    us = by_source["us_ofac_sdn"]
    assert (us["snapshots"], us["newest"], us["listings"]) == (64, "2024-05-03", 14965)
    assert (us["programs"]["us-glomag"], us["programs"]["us-magnit"]) == (694, 64)
    gb = by_source["gb_hmt_conlist"]
    assert (gb["listings"], gb["programs"]["gb-ghr"], gb["programs"]["gb-gac"]) == (4688, 143, 66)
    ca = by_source["ca_sema"]
    assert (ca["listings"], ca["programs"]["ca-jvcfoa"]) == (1369, 70)
    au = by_source["au_dfat"]
    assert au["listings"] == 3062
    assert au["program_themes"]["au-thematic"] == {
        "corruption": 14,
        "cyber": 5,
        "human_rights": 103,
    }
    assert by_source["un_sc"]["listings"] == 879
    eu = by_source["eu_journal"]  # the EU human-rights annex: 136 persons and 41 entities
    assert (eu["jurisdiction"], eu["listings"], eu["programs"]) == ("eu", 177, {"eu-ghr": 177})


@pytest.mark.shared
def test_changes_on_the_day_of_the_large_glomag_batch(shared_store: str) -> None:
    out = json.loads(run("changes", "us_ofac_sdn", "--format", "json", db=shared_store).output)
    day = next(g for g in out if g["snapshot"] == "2022-12-09")
    assert day["previous"] == "2022-12-08"
    assert sum("us-glomag" in a["programs"] for a in day["added"]) == 182
    assert len(out) == 63  # every snapshot after the 2018-01-27 baseline


@pytest.mark.shared
def test_ofac_renames_are_amendments_not_new_listings(shared_store: str) -> None:
    out = json.loads(run("changes", "us_ofac_sdn", "--format", "json", db=shared_store).output)
    day = next(g for g in out if g["snapshot"] == "2023-07-31")
    assert day["previous"] == "2023-06-02"
    assert (len(day["added"]), len(day["removed"]), len(day["amended"])) == (252, 42, 24)
    renamed = {a["listing_key"]: a["name"] for a in day["amended"] if "name" in a["fields"]}
    assert renamed["6853"] == "NEW IRISH REPUBLICAN ARMY"
    # OFAC never gives an ent_num to another subject: no change anywhere says it did.
    assert not any(c.get("reused_key") for g in out for kind in ("added", "removed")
                   for c in g[kind])
    listings = json.loads(run("listings", "--source", "us_ofac_sdn", "--format", "json",
                              db=shared_store).output)
    first = {row["key"]: row["first_seen"] for row in listings}
    oldest = min(first.values())
    # Renamed in 2023 (6853, IMO-carrying vessels) or 2021 (4243 SAND SWAN -> EBANO), listed
    # since the oldest file: no designation starts at the rename.
    assert {first[key] for key in ("6853", "4243")} == {oldest}
    assert first["15059"] == "2019-01-04"  # HORSE, renamed HAWK in 2023 (same IMO)
    assert first["39693"] == "2022-11-09"  # YOUNG YONG, later SAINT LIGHT (same IMO)


@pytest.mark.shared
def test_first_seen_is_the_first_snapshot_showing_a_listing(shared_store: str) -> None:
    out = json.loads(
        run(
            "listings",
            "--source",
            "us_ofac_sdn",
            "--program",
            "us-glomag",
            "--format",
            "json",
            db=shared_store,
        ).output
    )
    first_seen = {row["first_seen"] for row in out}
    assert "2021-08-18" in first_seen and "2022-12-09" in first_seen
    assert sum(row["first_seen"] == "2022-12-09" for row in out) >= 170


@pytest.mark.shared
@pytest.mark.postgres
def test_the_same_counts_on_postgresql(shared_store: str, shared_lists: Path,
                                       shared_eu_journal: Path, pg_url: str) -> None:
    result = CliRunner().invoke(
        cli, ["--db", pg_url, "ingest", str(shared_lists), str(shared_eu_journal),
              "--format", "csv"]
    )
    assert result.exit_code == 0, result.output
    on_pg = json.loads(run("sources", "--format", "json", db=pg_url).output)
    on_sqlite = json.loads(run("sources", "--format", "json", db=shared_store).output)
    assert on_pg == on_sqlite
    changes_pg = json.loads(run("changes", "us_ofac_sdn", "--format", "json", db=pg_url).output)
    changes_sqlite = json.loads(
        run("changes", "us_ofac_sdn", "--format", "json", db=shared_store).output
    )
    assert changes_pg == changes_sqlite
