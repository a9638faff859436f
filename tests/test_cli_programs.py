"""`concerted programs | programs show | programs compare | eligible`, in-process.

Every call passes `--db` at a path that must stay absent: these commands read the packaged
program data and must never open (or create) the store.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result
from openpyxl import load_workbook

from concerted.cli import cli
from concerted.programs.comparison import matrix, matrix_columns


@pytest.fixture()
def db(tmp_path: Path) -> Any:
    path = tmp_path / "never.db"
    yield f"sqlite:///{path}"
    assert not path.exists(), "a programs command opened the store"


def run(db: str, *args: str, code: int = 0) -> Result:
    result = CliRunner().invoke(cli, ["--db", db, *args], catch_exceptions=False)
    assert result.exit_code == code, result.output
    return result


def as_json(result: Result) -> Any:
    return json.loads(result.stdout)


def test_eligible_bribery_json(db: str) -> None:
    rows = as_json(run(db, "eligible", "--conduct", "bribery", "--format", "json"))
    found = {row["id"]: row for row in rows}
    assert {"us-glomag", "gb-gac", "ca-jvcfoa", "au-thematic"} <= set(found)
    assert "eu-ghr" not in found
    assert {row["jurisdiction"] for row in rows} >= {"us", "gb", "ca", "au"}
    australia = found["au-thematic"]
    assert set(australia) >= {"id", "jurisdiction", "name", "criteria", "submission"}
    assert "corruption" in australia["criteria"][0]["text"].lower()
    assert australia["submission"]["channel"]


def test_eligible_torture_lists_the_eu_regime(db: str) -> None:
    rows = as_json(run(db, "eligible", "--conduct", "torture", "--format", "json"))
    assert "eu-ghr" in {row["id"] for row in rows}


def test_eligible_takes_several_conducts_and_a_country(db: str) -> None:
    rows = as_json(run(db, "eligible", "--conduct", "torture", "--conduct", "cyber",
                       "--country", "CN", "--format", "json"))
    found = {row["id"] for row in rows}
    assert {"eu-ghr", "gb-cyber", "us-uhrpa"} <= found
    assert "us-magnit" not in found  # a Russia-only program, and the target is Chinese


def test_eligible_refuses_unknown_conduct(db: str) -> None:
    result = run(db, "eligible", "--conduct", "jaywalking", code=2)
    assert "unknown conduct" in result.output


def test_eligible_table_and_csv(db: str) -> None:
    assert "gb-gac" in run(db, "eligible", "--conduct", "corruption").stdout
    rows = list(csv.DictReader(io.StringIO(
        run(db, "eligible", "--conduct", "bribery", "--format", "csv").stdout)))
    assert {"us-glomag", "gb-gac"} <= {row["id"] for row in rows}


def test_programs_list_filters(db: str) -> None:
    rows = as_json(run(db, "programs", "--jurisdiction", "gb", "--format", "json"))
    assert {row["id"] for row in rows} >= {"gb-ghr", "gb-gac", "gb-cyber"}
    assert all(row["jurisdiction"] == "gb" for row in rows)
    cyber = as_json(run(db, "programs", "--theme", "cyber", "--format", "json"))
    assert {row["id"] for row in cyber} >= {"us-cyber", "gb-cyber", "au-thematic"}


def test_programs_show(db: str) -> None:
    detail = as_json(run(db, "programs", "show", "eu-ghr", "--format", "json"))
    assert detail["renewal"]["listings"] == "annual_review"
    assert detail["opensanctions"] == ["EU-HR"]
    assert all(ref["url"].startswith("http") for ref in detail["references"])
    assert "Global Anti-Corruption" in run(db, "programs", "show", "gb-gac").stdout
    family = as_json(run(db, "programs", "show", "gb-russia", "--format", "json"))
    assert family["themes"] == ["other"] and family["target_countries"] == ["RU"]


def test_programs_show_unknown(db: str) -> None:
    assert "unknown program" in run(db, "programs", "show", "zz-none", code=1).output
    # A made-up id of a known family is no program either (issue 14).
    assert "no program 'gb-xyz'" in run(db, "programs", "show", "gb-xyz", code=1).output


def test_programs_compare_csv_and_json(db: str) -> None:
    text = run(db, "programs", "compare", "--format", "csv").stdout
    assert list(csv.DictReader(io.StringIO(text))) == matrix()
    rows = as_json(run(db, "programs", "compare", "--jurisdiction", "eu", "--format", "json"))
    ghr = next(row for row in rows if row["id"] == "eu-ghr")
    assert ghr["coverage"]["torture"] == "yes" and "bribery" not in ghr["coverage"]
    assert "gb-ghr" in run(db, "programs", "compare").stdout


def test_programs_compare_out_xlsx(db: str, tmp_path: Path) -> None:
    out = tmp_path / "programs.xlsx"
    run(db, "programs", "compare", "--out", str(out))
    sheet = load_workbook(out).worksheets[0]
    assert [c.value for c in sheet[1]] == matrix_columns()
    assert sheet.max_row == len(matrix()) + 1


def test_programs_compare_refuses_other_file_types(db: str, tmp_path: Path) -> None:
    result = run(db, "programs", "compare", "--out", str(tmp_path / "x.pdf"), code=2)
    assert ".xlsx" in result.output
