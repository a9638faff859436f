"""The resolution commands, in process (CliRunner), on both backends."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook
from sqlalchemy import Engine

from concerted.cli import cli
from concerted.resolve import journal

pytestmark = pytest.mark.usefixtures("engine")


def invoke(db_url: str, *args: str, input: str | None = None) -> str:
    result = CliRunner().invoke(cli, ["--db", db_url, *args], input=input,
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def resolve(db_url: str) -> dict[str, int]:
    rows: list[dict[str, int]] = json.loads(
        invoke(db_url, "resolve", "--workers", "1", "--format", "json"))
    return rows[0]


def test_resolve_reports_json(db_url: str) -> None:
    report = resolve(db_url)
    assert report["listings"] == 39 and report["candidates"] > 0 and report["linked"] > 0


def test_export_targets_csv(db_url: str) -> None:
    resolve(db_url)
    rows = list(csv.DictReader(io.StringIO(invoke(db_url, "export", "targets"))))
    assert list(rows[0]) == ["target_id", "source", "listing_key", "jurisdiction", "schema",
                             "name", "programs", "listed_on"]
    by_key = {(r["source"], r["listing_key"]): r for r in rows}
    zhu = by_key[("us_ofac_sdn", "29219")]["target_id"]
    assert by_key[("gb_hmt_conlist", "14078")]["target_id"] == zhu
    assert by_key[("gb_hmt_conlist", "14078")]["jurisdiction"] == "gb"
    assert len(rows) == 39


def test_export_targets_json_ftm_xlsx(db_url: str, tmp_path: Path) -> None:
    resolve(db_url)
    assert len(json.loads(invoke(db_url, "export", "targets", "--format", "json"))) == 39
    entities = [json.loads(line) for line in
                invoke(db_url, "export", "targets", "--format", "ftm").splitlines()]
    merged = [e for e in entities if len(e.get("referents", [])) > 1]
    assert merged and all(e["id"].startswith("t-") for e in merged)
    sanctions = [e for e in entities if e["schema"] == "Sanction"]
    assert {s["properties"]["entity"][0] for s in sanctions} <= {e["id"] for e in entities}
    out = tmp_path / "targets.xlsx"
    invoke(db_url, "export", "targets", "--format", "xlsx", "--output", str(out))
    sheet = load_workbook(out).active
    assert sheet is not None and sheet.max_row == 40


def test_review_records_answers(db_url: str, engine: Engine) -> None:
    invoke(db_url, "resolve", "--workers", "1", "--review-threshold", "0.3")
    queued = journal.queue(engine)
    assert len(queued) >= 2
    output = invoke(db_url, "review", "--as", "carol", input="d\nk\nq\n")
    assert "1 judged, 1 skipped" in output
    judged = [r for r in journal.load(engine) if r.user == "carol"]
    assert [(r.left, r.right, r.judgement.value) for r in judged] == [
        (queued[0].left, queued[0].right, "negative")]
    assert (queued[0].left, queued[0].right) not in {
        (i.left, i.right) for i in journal.queue(engine, {r.key for r in judged})}


def test_judgements_export_and_import(db_url: str, tmp_path: Path, engine: Engine) -> None:
    resolve(db_url)
    text = invoke(db_url, "judgements", "export")
    lines = text.splitlines()
    assert lines and all(json.loads(line)["user"] == "system" for line in lines)
    extra = {"left": "au_dfat:2961", "right": "us_ofac_sdn:23343", "judgement": "negative",
             "user": "dave", "created_at": "2026-11-28T00:00:00Z", "score": None, "note": "x"}
    path = tmp_path / "judgements.jsonl"
    path.write_text(text + json.dumps(extra) + "\n", encoding="utf-8")
    invoke(db_url, "judgements", "import", str(path))
    invoke(db_url, "judgements", "import", str(path))  # twice: nothing more
    assert len(journal.load(engine)) == len(lines) + 1


def test_match_by_name_in_any_script(db_url: str, tmp_path: Path,
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CONCERTED_DATA_DIR", str(tmp_path))
    resolve(db_url)
    rows = json.loads(invoke(db_url, "match", "--name", "陈全国", "--birth-date", "1955",
                             "--format", "json"))
    # In this 39-listing store no word is rare; on the full lists the score is 0.99.
    assert rows[0]["referents"] == ["us_ofac_sdn:29220"]
    assert all(rows[0]["score"] > row["score"] for row in rows[1:])
    assert any("chen quanguo" in line for line in rows[0]["explanation"])


def test_match_answers_from_the_store_as_it_is_now(db_url: str, tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """The matcher kept on disk is rebuilt once a judgement changes the targets."""
    monkeypatch.setenv("CONCERTED_DATA_DIR", str(tmp_path))
    resolve(db_url)
    ask = ("match", "--name", "陈全国", "--birth-date", "1955", "--format", "json")
    before = json.loads(invoke(db_url, *ask))
    other = before[1]["referents"][0]
    assert list((tmp_path / "cache").glob("matcher-*.pickle"))
    judgement = {"left": "us_ofac_sdn:29220", "right": other, "judgement": "positive",
                 "user": "dave", "created_at": "2026-11-28T00:00:00Z", "score": None,
                 "note": "test"}
    path = tmp_path / "judgement.jsonl"
    path.write_text(json.dumps(judgement) + "\n", encoding="utf-8")
    invoke(db_url, "judgements", "import", str(path))
    after = json.loads(invoke(db_url, *ask))
    assert set(after[0]["referents"]) == {"us_ofac_sdn:29220", *before[1]["referents"]}


def test_resolve_keeps_its_work_and_a_second_run_is_incremental(db_url: str) -> None:
    first = resolve(db_url)
    assert (first["mode"], first["changed"]) == ("full", 39)
    again = resolve(db_url)
    assert (again["mode"], again["changed"], again["candidates"]) == ("incremental", 0, 0)
    assert (again["linked"], again["queued"]) == (0, first["queued"])
    rows = json.loads(invoke(db_url, "resolve", "--full", "--workers", "1", "--format", "json"))
    assert (rows[0]["mode"], rows[0]["changed"], rows[0]["linked"]) == ("full", 39, 0)
