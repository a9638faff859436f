"""The analysis commands in-process, on inputs built from the shared files' facts.

`load_inputs` is replaced by these inputs, so the commands' options, formats and JSON shapes
are tested without a store; tests/analysis/test_shared.py runs them on the real history.
Facts: OFSI 14132 Alexey ALEXANDROV (Chemical Weapons, 20/08/2021) and OFAC 32745 (NPWMD,
MAGNIT; first seen 2021-08-20, previous snapshot 2021-08-18); OFSI 14078 ZHU Hailun (Global
Human Rights, 22/03/2021) and OFAC 29219 (GLOMAG, in the first snapshot, 2021-08-18).
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import concerted
from concerted.analysis.inputs import Inputs, ListingRecord, Target
from concerted.cli import cli
from concerted.model import Listing, ProgramRef
from concerted.reports.charts import JURISDICTION_COLOURS

US = ("2021-08-18", "2021-08-20", "2024-05-03")


def _record(source: str, key: str, name: str, programs: tuple[ProgramRef, ...],
            first: str, listed_on: str | None = None) -> ListingRecord:
    listing = Listing(source, key, "Person", name, programs=programs, listed_on=listed_on,
                      nationalities=("Russia",) if "ALEX" in name else ("China",))
    return ListingRecord(listing, source[:2], first, US[-1] if source == "us_ofac_sdn"
                         else "2025-04-14", True)


RECORDS = [
    _record("gb_hmt_conlist", "14132", "Alexey ALEXANDROV",
            (ProgramRef("Chemical Weapons", "gb-chemical-weapons", "other"),),
            "2025-04-14", "2021-08-20"),
    _record("us_ofac_sdn", "32745", "ALEXANDROV, Alexey Alexandrovich",
            (ProgramRef("NPWMD", "us-npwmd", "other"), ProgramRef("MAGNIT", "us-magnit")),
            "2021-08-20"),
    _record("gb_hmt_conlist", "14078", "HAILUN ZHU",
            (ProgramRef("Global Human Rights", "gb-ghr", "human_rights"),), "2025-04-14",
            "2021-03-22"),
    _record("us_ofac_sdn", "29219", "ZHU, Hailun", (ProgramRef("GLOMAG", "us-glomag"),),
            "2021-08-18"),
]
INPUTS = Inputs(
    targets=(Target("alexandrov", "Alexey ALEXANDROV", countries=("ru",),
                    listings=(("gb_hmt_conlist", "14132"), ("us_ofac_sdn", "32745"))),
             Target("zhu", "ZHU Hailun", countries=("cn",),
                    listings=(("gb_hmt_conlist", "14078"), ("us_ofac_sdn", "29219")))),
    records={r.key: r for r in RECORDS},
    calendars={"us_ofac_sdn": US, "gb_hmt_conlist": ("2025-04-14",),
               "au_dfat": ("2024-11-11",), "ca_sema": ("2020-04-15",)},
    program_themes={"us-glomag": ("corruption", "human_rights"),
                    "us-magnit": ("corruption", "human_rights")},
    source_jurisdictions={"us_ofac_sdn": "us", "gb_hmt_conlist": "gb", "au_dfat": "au",
                          "ca_sema": "ca"},
)


@pytest.fixture(autouse=True)
def _inputs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("concerted.reports.kept.load_inputs",
                        lambda engine, one_per_listing=False, judged=None: INPUTS)
    monkeypatch.setattr("concerted.cli.analysis_options.gc.freeze", lambda: None)


def run(*args: str, tmp: Path | None = None) -> str:
    db = f"sqlite:///{tmp / 'c.db'}" if tmp else "sqlite:///:memory:"
    result = CliRunner().invoke(cli, ["--db", db, *args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.stdout  # what a program reads; notes for people go to stderr


def _json(*args: str) -> Any:
    return json.loads(run(*args, "--format", "json"))


def test_rounds_json_shape() -> None:
    (found,) = _json("rounds")
    assert {"date_from", "date_to", "jurisdictions", "targets"} <= set(found)
    assert (found["date_from"], found["date_to"], found["jurisdictions"]) == (
        "2021-08-20", "2021-08-20", ["gb", "us"])
    assert found["targets"][0].keys() >= {"target_id", "name"}
    assert found["targets"][0]["target_id"] == "alexandrov"


def test_a_filter_keeps_whole_rounds_across_programs() -> None:
    (found,) = _json("rounds", "--program", "us-magnit")
    assert found["programs"] == ["gb-chemical-weapons", "us-magnit", "us-npwmd"]
    assert _json("rounds", "--jurisdiction", "au") == []
    assert _json("rounds", "--since", "2022-01-01") == []


def test_a_government_whose_list_is_not_held_is_named_not_silent() -> None:
    result = CliRunner().invoke(cli, ["--db", "sqlite:///:memory:", "rounds", "--jurisdiction",
                                      "eu", "--format", "json"], catch_exceptions=False)
    assert json.loads(result.stdout) == []
    assert "EU: no list held" in result.stderr
    zhu = next(g for g in _json("gaps") if g["target_id"] == "zhu")
    assert {n["jurisdiction"]: n["note"] for n in zhu["not_known"]} == {
        "eu": "EU: no list held"}


def test_rounds_window_option() -> None:
    assert _json("rounds", "--window", "0")  # the US window reaches the UK date itself
    assert _json("rounds", "--max-uncertainty", "1") == []  # the US window is 2 days wide


def test_gaps_json_shape_and_staleness() -> None:
    gaps = _json("gaps")
    zhu = next(g for g in gaps if g["target_id"] == "zhu")
    assert {"target_id", "name", "designated_by", "missing", "score"} <= set(zhu)
    assert zhu["designated_by"] == ["gb", "us"]
    missing = {m["jurisdiction"]: m for m in zhu["missing"]}
    assert missing["au"]["eligible_programs"] == ["au-thematic"]
    assert missing["ca"]["possibly_stale"] and missing["ca"]["data_as_of"] == "2020-04-15"
    only_au = _json("gaps", "--partner", "au")
    assert {m["jurisdiction"] for g in only_au for m in g["missing"]} == {"au"}


def test_coverage_formats() -> None:
    data = _json("coverage", "--country", "cn")
    assert data["totals"]["designations"] == 2
    assert data["rows"][0]["cells"]["us"]["listed_on"]["date"] == "before 2021-08-18"
    rows = list(csv.DictReader(io.StringIO(run("coverage", "--format", "csv"))))
    assert rows[1]["us"] == "us-glomag (before 2021-08-18)"
    assert "ZHU Hailun" in run("coverage")


def test_lags_never_invent_the_us_date() -> None:
    lags = {lag["target_id"]: lag for lag in _json("lags")}
    assert lags["zhu"]["follower_on"]["date"] == "before 2021-08-18"
    assert lags["zhu"]["days_max"] is None and lags["zhu"]["order"] == "unknown"
    (pair,) = _json("lags", "--summary", "pair")
    assert pair["group"] == ["gb", "us"] and pair["lags"] == 2


def test_stats_tables() -> None:
    stats = _json("stats", "--theme", "human_rights")
    assert {"by_jurisdiction_year", "by_program", "joint_share", "top_countries"} == set(stats)
    assert "joint_share" in run("stats", "--format", "csv")


def test_report_html_is_self_contained(tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    run("report", "--out", str(out))
    html = out.read_text(encoding="utf-8")
    assert "<script" not in html and "<link" not in html and "http" not in html
    assert "ALEXANDROV" in html and "before 2021-08-18" in html
    assert html.count('<figure class="chart"') == 3 and html.count("<svg") == 3
    assert len(html.encode()) < 300_000  # mailable: plotly's inlined bundle alone was 4.8 MB
    # The app's jurisdiction colours, and four-digit years on the timeline's axis
    assert JURISDICTION_COLOURS["gb"] in html and JURISDICTION_COLOURS["us"] in html
    assert re.search(r">20\d\d</text>", html)


def test_report_colours_are_the_apps() -> None:
    css = (Path(concerted.__file__).parent / "web" / "static" / "app.css").read_text()
    in_css = dict(re.findall(r"--([a-z]{2}): (#[0-9a-f]{6})", css))
    assert {j: in_css[j] for j in JURISDICTION_COLOURS} == JURISDICTION_COLOURS


def test_report_xlsx_has_one_sheet_per_table(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    out = tmp_path / "report.xlsx"
    run("report", "--out", str(out))
    names = load_workbook(out, read_only=True).sheetnames
    assert {"Designations", "Coverage", "Rounds", "Lags", "Gaps"} <= set(names)


def test_report_refuses_another_suffix(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["--db", "sqlite:///:memory:", "report", "--out",
                                      str(tmp_path / "r.pdf")])
    assert result.exit_code != 0 and ".html or .xlsx" in result.output

