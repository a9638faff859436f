"""Compute a `State` from the store: the one place the app runs the analyses.

`build_state` computes it whole (seconds over the full history); `rejudge` brings a state up
to the judgements recorded since, when nothing else changed, in a fraction of a second
(`concerted.reports.rejudge`).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine

from concerted import clock
from concerted.analysis.inputs import Inputs
from concerted.analysis.suite import Analysis
from concerted.matching.index import NameIndex
from concerted.model import ListingRef
from concerted.reports.load import load_inputs
from concerted.reports.rejudge import Judged, judged_now
from concerted.reports.rejudge import rejudge as rejudge_analysis
from concerted.sources import SOURCES
from concerted.state.model import State
from concerted.store.reader import Reader

__all__ = ["RESOLVED", "UNRESOLVED", "build_state", "listing_index", "rejudge"]

RESOLVED = "judgements (concerted resolve and the review queue)"
UNRESOLVED = "one target per listing: run `concerted resolve`"


def listing_index(inputs: Inputs) -> NameIndex:
    """Every listing's names, keyed by its reference (`source:key`)."""
    return NameIndex((str(ListingRef(*key)), [r.listing.name, *(n.value for n in r.listing.names)])
                     for key, r in sorted(inputs.records.items()))


def build_state(engine: Engine) -> State:
    judged = judged_now(engine)
    inputs = load_inputs(engine, judged=judged.in_force)
    analysis = Analysis(inputs)  # what `concerted rounds`, `gaps`, `lags` compute
    return _assemble(analysis, judged, listing_index(inputs), tuple(_sources(engine)))


def rejudge(engine: Engine, state: State) -> State | None:
    """`build_state(engine)` computed from `state` when only judgements were recorded since
    it was built; None when anything else changed (snapshots, parsers, the review queue) or
    too many pairs were judged: then build it whole."""
    before = Analysis(state.inputs)
    before.__dict__.update(designations=list(state.designations), gaps=list(state.gaps),
                           lags=list(state.lags), joint_events=state.joint_events)
    found = rejudge_analysis(engine, before, Judged(state.in_force, state.journal_at,
                                                    state.fingerprint), state.target_of)
    if found is None:
        return None
    analysis, judged = found
    if analysis is before:
        return state
    return _assemble(analysis, judged, state.index, state.sources)


def _assemble(analysis: Analysis, judged: Judged, index: NameIndex,
              sources: tuple[dict[str, Any], ...]) -> State:
    return State.assemble(
        fingerprint=judged.fingerprint,
        built_at=clock.stamp(),
        inputs=analysis.inputs,
        designations=tuple(analysis.designations),
        rounds=tuple(analysis.rounds),
        gaps=tuple(analysis.gaps),
        lags=tuple(analysis.lags),
        index=index,
        sources=sources,
        resolution=RESOLVED if judged.in_force or judged.queued else UNRESOLVED,
        judged={key: {"judgement": r.judgement.value, "user": r.user,
                      "created_at": r.created_at, "score": r.score}
                for key, r in judged.in_force.items()},
        in_force=judged.in_force,
        journal_at=judged.position,
        joint_events=analysis.joint_events,
    )


def _sources(engine: Engine) -> list[dict[str, Any]]:
    return [{**s, "jurisdiction": SOURCES[s["source"]].jurisdiction if s["source"] in SOURCES
             else s["source"][:2]} for s in Reader(engine).source_summaries()]
