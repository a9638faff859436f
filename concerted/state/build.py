"""Compute a `State` from the store: the one place the app runs the analyses."""

from __future__ import annotations

import dataclasses
from datetime import date

from sqlalchemy import Engine

from concerted.accounts.clock import iso, utcnow
from concerted.analysis.designations import build_designations
from concerted.analysis.gaps import GapConfig, find_gaps
from concerted.analysis.inputs import Inputs
from concerted.analysis.lags import compute_lags
from concerted.analysis.partners import partners, registry_eligibility
from concerted.analysis.rounds import find_rounds
from concerted.reports.load import load_inputs
from concerted.sources import SOURCES
from concerted.state.fingerprint import store_fingerprint
from concerted.state.model import State
from concerted.state.resolution import resolved_targets
from concerted.state.search import NameIndex
from concerted.store.reader import Reader

__all__ = ["build_state"]


def build_state(engine: Engine) -> State:
    fingerprint = store_fingerprint(engine)
    inputs = load_inputs(engine)
    targets, how = resolved_targets(engine, inputs)
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
        index=_index(inputs),
        sources=tuple(_sources(engine)),
        resolution=how,
    )


def _index(inputs: Inputs) -> NameIndex:
    def names(keys: tuple[tuple[str, str], ...]) -> list[str]:
        found: list[str] = []
        for key in keys:
            record = inputs.records.get(key)
            if record is not None:
                found.append(record.listing.name)
                found.extend(n.value for n in record.listing.names)
        return found

    return NameIndex((t.id, [t.name, *names(t.listings)]) for t in inputs.targets)


def _sources(engine: Engine) -> list[dict[str, object]]:
    return [{**s, "jurisdiction": SOURCES[s["source"]].jurisdiction if s["source"] in SOURCES
             else s["source"][:2]} for s in Reader(engine).source_summaries()]
