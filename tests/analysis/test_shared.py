"""The analyses on the full shared list history (64 OFAC snapshots, OFSI, DFAT, Canada, UN).

Two ways in. `known` merges, by hand, listings that are the same people (their keys read off
the official files: OFAC ent_num, OFSI Group ID), so that what the files show is tested apart
from the quality of cross-list resolution; the CLI tests run the commands end to end with the
resolution the app uses.
"""

from __future__ import annotations

import dataclasses
import json
from collections import Counter
from collections.abc import Iterator
from typing import Any

import pytest
from click.testing import CliRunner

from concerted.analysis.inputs import Inputs, Target
from concerted.analysis.suite import Analysis
from concerted.cli import cli
from concerted.reports.load import load_inputs
from concerted.store.db import connect
from concerted.views.targets import timeline

pytestmark = pytest.mark.shared

# (surname, OFAC ent_num, OFSI Group ID)
FSB = [("ALEXANDROV", "32745", "14132"), ("BOGDANOV", "32754", "14135"),
       ("MAKSHAKOV", "32737", "14137"), ("OSIPOV", "32814", "14134"),
       ("PANYAEV", "32851", "14133")]
TRICKBOT = [("ISKRITSKIY", "35990", "15741"), ("KARYAGIN", "35988", "15738"),
            ("KOVALEV", "40769", "15742"), ("MIKHAILOV", "35986", "15739"),
            ("PLESHEVSKIY", "35991", "15740"), ("SEDLETSKI", "40676", "15744"),
            ("VAKHROMEYEV", "40768", "15743")]
SALAMEH = [("Riad SALAMEH", "44584", "16068"), ("Raja SALAMEH", "44581", "16069"),
           ("HOAYEK", "44582", "16071"), ("KOSAKOVA", "44585", "16070")]
XINJIANG = [("ZHU Hailun", "29219", "14078"), ("WANG Junzheng", "31492", "14077"),
            ("WANG Mingshan", "29162", "14076"), ("CHEN Mingguo", "31493", "14074")]


@pytest.fixture(scope="module")
def inputs(shared_store: str) -> Iterator[Inputs]:
    engine = connect(shared_store)
    yield load_inputs(engine)
    engine.dispose()


@pytest.fixture(scope="module")
def known(inputs: Inputs) -> Analysis:
    pairs = {(("us_ofac_sdn", us), ("gb_hmt_conlist", gb)): name
             for name, us, gb in FSB + TRICKBOT + SALAMEH + XINJIANG}
    merged = {key for pair in pairs for key in pair}
    targets = tuple(t for t in inputs.targets if t.listings[0] not in merged) + tuple(
        Target(name, name, countries=("cn",) if (name, *p[0][1:]) in XINJIANG else (),
               listings=p) for p, name in pairs.items())
    return Analysis(dataclasses.replace(inputs, targets=targets))


def _round_on(rounds: list[dict[str, Any]], day: str) -> dict[str, Any]:
    return next(r for r in rounds if r["date_from"] <= day <= r["date_to"]
                and {"gb", "us"} <= set(r["jurisdictions"]))


def _names(found: dict[str, Any]) -> str:
    return " ".join(t["name"] for t in found["targets"]).upper()


def test_the_joint_rounds_the_files_show(known: Analysis) -> None:
    rounds = [r.to_dict() for r in known.rounds]
    for day, people in (("2021-08-20", FSB), ("2023-02-09", TRICKBOT), ("2023-08-10", SALAMEH)):
        found = _round_on(rounds, day)
        assert (found["date_from"], found["date_to"]) == (day, day)
        assert {t["target_id"] for t in found["targets"]} >= {name for name, *_ in people}
    programs = _round_on(rounds, "2023-02-09")["programs"]
    assert {"gb-cyber", "us-cyber2"} <= set(programs)


def test_the_us_window_contains_the_uk_date_in_the_salameh_round(known: Analysis) -> None:
    found = _round_on([r.to_dict() for r in known.rounds], "2023-08-10")
    us = next(m for m in found["members"] if m["jurisdiction"] == "us")
    assert (us["listed_on"]["earliest"], us["listed_on"]["latest"]) == ("2023-08-03",
                                                                         "2023-08-16")
    assert "gb-gac" in found["programs"]


def test_the_xinjiang_designations_keep_the_us_windows(known: Analysis) -> None:
    names = {name for name, *_ in XINJIANG}
    assert not any(d.target_id in names for r in known.rounds for d in r.designations)
    rows = {row.target_id: row for row in known.coverage.rows if row.target_id in names}
    us = {name: row.cells["us"].listed_on.label() for name, row in rows.items()}
    # OFAC designated ZHU and WANG Mingshan in July 2020, WANG Junzheng and CHEN Mingguo on
    # 22 March 2021: the early copies of sdn.csv bracket both, without a printed date.
    assert us == {
        "ZHU Hailun": "between 2020-06-11 and 2021-01-14",
        "WANG Mingshan": "between 2020-06-11 and 2021-01-14",
        "WANG Junzheng": "between 2021-01-14 and 2021-04-25",
        "CHEN Mingguo": "between 2021-01-14 and 2021-04-25",
    }
    assert {row.cells["gb"].listed_on.label() for row in rows.values()} == {"2021-03-22"}
    lags = {lag.target_id: lag for lag in known.lags if lag.target_id in names}
    for early in ("ZHU Hailun", "WANG Mingshan"):  # the US acted first, 67 to 284 days before
        lag = lags[early]
        assert (lag.first, lag.follower, lag.days_min, lag.days_max) == ("us", "gb", 67, 284)
    for same_day in ("WANG Junzheng", "CHEN Mingguo"):  # the US window holds the UK date
        assert lags[same_day].order == "overlapping"


def test_the_early_us_copies_bracket_the_first_global_magnitsky_rounds(inputs: Inputs) -> None:
    analysis = Analysis(inputs)
    windows = {
        key: d.listed_on.label()
        for d in analysis.designations
        for key in d.listings
        if d.jurisdiction == "us" and d.program == "us-glomag"
    }
    assert windows[("us_ofac_sdn", "26093")] == "between 2018-01-27 and 2019-01-04"  # AL-QAHTANI
    assert windows[("us_ofac_sdn", "27585")] == "between 2019-01-04 and 2020-03-08"  # GUPTA
    # JAMMEH, in the first GLOMAG round (December 2017), precedes the oldest copy.
    assert windows[("us_ofac_sdn", "23304")] == "before 2018-01-27"


def test_the_xinjiang_officials_are_gaps_for_australia_and_possibly_canada(known: Analysis
                                                                           ) -> None:
    names = {name for name, *_ in XINJIANG}
    gaps = {g.target_id: g for g in known.gaps if g.target_id in names}
    assert set(gaps) == names
    for gap in gaps.values():
        assert gap.designated_by == ("gb", "us")
        missing = {m.jurisdiction: m for m in gap.missing}
        assert missing["au"].eligible_programs == ("au-thematic",)
        assert missing["ca"].possibly_stale and missing["ca"].data_as_of == "2020-04-15"


# OFSI Group ID -> regime -> the `Listed On` the 2025-04-14 file prints for that regime.
PER_REGIME = {"13897": {"gb-ghr": "2020-07-06", "gb-myanmar": "2021-02-25"},  # Min Aung HLAING
              "13748": {"gb-chemical-weapons": "2019-01-21", "gb-cyber": "2020-10-23"},
              "13919": {"gb-ghr": "2020-09-29", "gb-belarus": "2020-11-06"}}  # LUKASHENKO


def test_each_uk_regime_is_dated_by_its_own_listed_on(inputs: Inputs) -> None:
    analysis = Analysis(inputs)
    for key, dates in PER_REGIME.items():
        rows = [d for d in analysis.designations if ("gb_hmt_conlist", key) in d.listings]
        assert {d.program: d.listed_on.label() for d in rows} == dates, key
        assert all(d.listed_on.exact for d in rows)
        events = timeline(tuple(rows))
        assert {e["program"]: e["date"]["date"] for e in events} == dates
    # A round holds each regime's designation on its own day only.
    for found in analysis.all_rounds:
        for d in found.designations:
            if d.program == "gb-myanmar" and ("gb_hmt_conlist", "13897") in d.listings:
                assert found.date_from.isoformat() <= "2021-02-25" <= found.date_to.isoformat()


def test_an_ofac_rename_invents_no_designation_window(inputs: Inputs) -> None:
    oldest = inputs.calendars["us_ofac_sdn"][0]
    # 6853 REAL IRA, renamed NEW IRISH REPUBLICAN ARMY between 2023-06-02 and 2023-07-31.
    rows = [d for d in Analysis(inputs).designations if ("us_ofac_sdn", "6853") in d.listings]
    assert rows and all(d.listed_on.label() == f"before {oldest}" for d in rows)
    assert all(d.delisted_on is None for d in rows)


def test_australias_control_date_bounds_its_undated_designations(inputs: Inputs) -> None:
    thematic = [d for d in Analysis(inputs).designations
                if d.jurisdiction == "au" and d.program == "au-thematic"]
    assert len(thematic) == 122
    assert all(d.listed_on.basis == "bounds" and d.listed_on.latest for d in thematic)
    latest = Counter(d.listed_on.latest.isoformat() for d in thematic if d.listed_on.latest)
    assert (latest["2022-03-30"], latest["2023-02-01"]) == (39, 17)
    # The instrument of 2023 gives the floor: a month wide, narrow enough to join a round.
    heidari = next(d for d in thematic if ("au_dfat", "7338") in d.listings)  # Kiyumars
    assert heidari.listed_on.label() == "between 2023-01-01 and 2023-02-01"


def test_australian_designations_join_rounds(resolved_shared_store: str) -> None:
    rounds = _cli_json(resolved_shared_store, "rounds")
    with_au = {r["date_from"]: r for r in rounds if "au" in r["jurisdictions"]}
    # Iran's Basij commanders (UK 2023-01-23; Australia by 2023-01-01..2023-02-01) and the
    # Medibank hacker ERMAKOV (UK 2024-01-23; Australia by 2024-01-22).
    assert "HEIDARI" in _names(with_au["2023-01-23"])
    assert "ERMAKOV" in _names(with_au["2024-01-23"])


def _cli_json(store: str, *args: str) -> Any:
    result = CliRunner().invoke(cli, ["--db", store, *args, "--format", "json"],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


EU_NOTE = "EU: human-rights regime only, from the Official Journal annex"
XPCC_PSB = "XINJIANG PRODUCTION AND CONSTRUCTION CORPS PUBLIC SECURITY BUREAU"


def test_rounds_command_end_to_end(resolved_shared_store: str) -> None:
    rounds = _cli_json(resolved_shared_store, "rounds")
    assert all({"date_from", "date_to", "jurisdictions", "targets"} <= set(r) for r in rounds)
    # The EU and the UK on 22 March 2021, each date printed by its list (the US designations
    # of that day lie in a window of 2021-01-14 to 2021-04-25 and join no round).
    (xinjiang,) = [r for r in rounds if r["date_from"] <= "2021-03-22" <= r["date_to"]
                   and "eu" in r["jurisdictions"]]
    assert (xinjiang["date_from"], xinjiang["date_to"]) == ("2021-03-22", "2021-03-22")
    assert xinjiang["jurisdictions"] == ["eu", "gb"]
    names = _names(xinjiang)
    assert all(name.split()[-1].upper() in names for name, *_ in XINJIANG)
    assert XPCC_PSB in names
    assert all(m["listed_on"]["exact"] for m in xinjiang["members"])
    trickbot = _names(_round_on(rounds, "2023-02-09"))
    assert all(name[:7] in trickbot for name, *_ in TRICKBOT)  # OFAC spells it ISKRITSKY
    salameh = _names(_round_on(rounds, "2023-08-10"))
    assert all(name.split()[-1].upper() in salameh for name, *_ in SALAMEH)
    # The FSB chemical-weapons round is outside the default themes: --all-themes brings it.
    fsb = _names(_round_on(_cli_json(resolved_shared_store, "rounds", "--all-themes"),
                           "2021-08-20"))
    # BOGDANOV is left to the resolution's linker (see test_the_joint_rounds_the_files_show).
    assert all(name in fsb for name, *_ in FSB if name != "BOGDANOV")


def test_gaps_command_end_to_end(resolved_shared_store: str) -> None:
    gaps = _cli_json(resolved_shared_store, "gaps")
    assert all({"target_id", "name", "designated_by", "missing", "score"} <= set(g)
               for g in gaps)
    xinjiang = [g for g in gaps if any(part in g["name"].upper() for part in
                                       ("HAILUN", "JUNZHENG", "MINGSHAN", "MINGGUO"))]
    assert len(xinjiang) == 4
    for gap in xinjiang:
        assert {"gb", "us"} <= set(gap["designated_by"])
        missing = {m["jurisdiction"]: m for m in gap["missing"]}
        assert missing["au"]["eligible_programs"] == ["au-thematic"]
    canada = [m for g in gaps for m in g["missing"] if m["jurisdiction"] == "ca"]
    assert canada and all(m["possibly_stale"] and m["data_as_of"] == "2020-04-15"
                          for m in canada)
    # The UN has no program for human rights, corruption or cyber conduct: never a gap.
    assert not any(m["jurisdiction"] == "un" for g in gaps for m in g["missing"])
    # The EU listed the four on 22 March 2021: not missing. Of its regimes only the
    # human-rights annex is held, so an EU gap is only ever under eu-ghr, and says so.
    for gap in xinjiang:
        assert "eu" in gap["designated_by"]
        assert "eu" not in {m["jurisdiction"] for m in gap["missing"]}
    eu = [m for g in gaps for m in g["missing"] if m["jurisdiction"] == "eu"]
    assert eu and all(m["eligible_programs"] == ["eu-ghr"] and m["lists_held"] == EU_NOTE
                      for m in eu)
    assert all("human_rights" in g["conduct"] for g in gaps
               if "eu" in {m["jurisdiction"] for m in g["missing"]})
    cyber = [n for g in gaps for n in g["not_known"] if n["jurisdiction"] == "eu"]
    assert cyber and all(n["note"].startswith(EU_NOTE) for n in cyber)


def test_bastrykin_timeline_shows_the_eu_date_as_printed(resolved_shared_store: str) -> None:
    engine = connect(resolved_shared_store)
    inputs = load_inputs(engine)  # with the resolution the commands use
    engine.dispose()
    analysis = Analysis(inputs)
    (target,) = [t for t in inputs.targets if ("eu_journal", "I.A#2") in t.listings]
    rows = tuple(d for d in analysis.designations if d.target_id == target.id)
    events = {(e["jurisdiction"], e["program"]): e["date"] for e in timeline(rows)}
    eu = events[("eu", "eu-ghr")]
    assert (eu["date"], eu["exact"], eu["basis"]) == ("2021-03-02", True, "list")
    assert {"gb", "us"} <= {j for j, _ in events}  # the same man, resolved across lists


def test_rounds_for_the_eu_say_what_is_held(resolved_shared_store: str) -> None:
    rounds = _cli_json(resolved_shared_store, "rounds", "--jurisdiction", "eu")
    assert [r["date_from"] for r in rounds] == ["2021-03-22"]
    assert all(r["lists_held"] == [EU_NOTE] for r in rounds)
