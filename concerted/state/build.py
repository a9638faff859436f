"""Compute a `State` from the store: the one place the app runs the analyses."""

from __future__ import annotations

import dataclasses
from datetime import date

from sqlalchemy import Engine

from concerted.accounts.clock import iso, utcnow
from concerted.analysis.designations import build_designations
from concerted.analysis.gaps import GapConfig, find_gaps
from concerted.analysis.lags import compute_lags
from concerted.analysis.partners import partners, registry_eligibility
from concerted.analysis.rounds import find_rounds
from concerted.reports.load import load_inputs
from concerted.resolve import journal
from concerted.resolve.judgements import effective
from concerted.sources import SOURCES
from concerted.state.fingerprint import store_fingerprint
from concerted.state.links import LinkConfig
from concerted.state.model import State
from concerted.state.resolution import (
    PROVISIONAL,
    RESOLVED,
    listing_index,
    resolved_targets,
)
from concerted.store.reader import Reader

__all__ = ["build_state"]


def build_state(engine: Engine) -> State:
    fingerprint = store_fingerprint(engine)
    inputs = load_inputs(engine)
    index = listing_index(inputs)
    config = LinkConfig()
    targets, suggestions = resolved_targets(engine, inputs, index, config)
    inputs = dataclasses.replace(inputs, targets=targets)
    designations = tuple(build_designations(inputs))
    as_of = date.fromisoformat(inputs.as_of) if inputs.as_of else None
    return State.assemble(
        fingerprint=fingerprint,
        built_at=iso(utcnow()),
        inputs=inputs,
        designations=designations,
        rounds=tuple(find_rounds(designations)),
        gaps=tuple(find_gaps(designations, partners(inputs), registry_eligibility,
                             GapConfig(as_of=as_of))),
        lags=tuple(compute_lags(designations)),
        index=index,
        sources=tuple(_sources(engine)),
        resolution=PROVISIONAL if suggestions else RESOLVED,
        suggestions=tuple(suggestions),
        judged={key: {"judgement": r.judgement.value, "user": r.user,
                      "created_at": r.created_at, "score": r.score}
                for key, r in effective(journal.load(engine)).items()},
        link_config=config,
    )


def _sources(engine: Engine) -> list[dict[str, object]]:
    return [{**s, "jurisdiction": SOURCES[s["source"]].jurisdiction if s["source"] in SOURCES
             else s["source"][:2]} for s in Reader(engine).source_summaries()]
