"""Round and gap events: the first analysis is the baseline; later ones raise what changed.

The designations are those of the joint Xinjiang action of 22 March 2021 (MANIFEST.md): ZHU
Hailun under the US Global Magnitsky program and the UK's Global Human Rights regime.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from sqlalchemy import Engine

from concerted.alerts.analysis_events import gap_events, round_events
from concerted.analysis.dates import Window
from concerted.analysis.designations import Designation
from concerted.analysis.gap_types import Gap, Missing
from concerted.analysis.rounds import Round
from concerted.store.db import connect

DAY = Window(date(2021, 3, 22), date(2021, 3, 22), exact=True)


def _designation(jurisdiction: str, program: str, target: str = "t-zhu") -> Designation:
    return Designation(target, "ZHU, Hailun", jurisdiction, program, DAY, None,
                       ("human_rights",), "list", ("cn",))


def _gap(*missing: str) -> Gap:
    return Gap("t-zhu", "ZHU, Hailun", ("cn",), ("us",), (_designation("us", "us-glomag"),),
               ("human_rights",), True, tuple(Missing(j, (f"{j}-ghr",), (), None)
                                             for j in missing), 1.0, ())


@pytest.fixture()
def engine(tmp_path: object) -> Iterator[Engine]:
    made = connect(f"sqlite:///{tmp_path}/alerts.db")
    yield made
    made.dispose()


def test_gaps_baseline_then_opened_then_closed(engine: Engine) -> None:
    assert gap_events(engine, [_gap("gb")], "2021-03-01") == []  # the baseline
    opened = gap_events(engine, [_gap("gb", "au")], "2021-03-10")
    assert [(e.state, e.detail["missing"], e.jurisdictions) for e in opened] == [
        ("opened", ["au"], ("au", "us"))]
    closed = gap_events(engine, [_gap("au")], "2021-03-22")
    assert [(e.state, e.detail["closed"], e.name) for e in closed] == [
        ("closed", ["gb"], "ZHU, Hailun")]
    gone = gap_events(engine, [], "2021-04-01")
    assert [(e.state, e.detail["closed"], e.programs) for e in gone] == [("closed", ["au"], ())]
    assert gap_events(engine, [], "2021-04-02") == []


def test_a_new_round_is_an_event_once(engine: Engine) -> None:
    joint = Round((_designation("gb", "gb-ghr"), _designation("us", "us-glomag")))
    assert round_events(engine, [], "2021-03-01") == []  # the baseline
    events = round_events(engine, [joint], "2021-03-22")
    assert [(e.kind, e.name, e.jurisdictions, e.programs) for e in events] == [
        ("round", "ZHU, Hailun", ("gb", "us"), ("gb-ghr", "us-glomag"))]
    assert events[0].detail["date_from"] == "2021-03-22"
    assert round_events(engine, [joint], "2021-03-23") == []
