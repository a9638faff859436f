"""Compute a `State` from the store: the one place the app runs the analyses."""

from __future__ import annotations

from sqlalchemy import Engine

from concerted import clock
from concerted.analysis.inputs import Inputs
from concerted.analysis.suite import Analysis
from concerted.matching.index import NameIndex
from concerted.model import ListingRef
from concerted.reports.load import load_inputs
from concerted.resolve import journal
from concerted.resolve.judgements import effective
from concerted.sources import SOURCES
from concerted.state.model import State
from concerted.store.fingerprint import store_fingerprint
from concerted.store.reader import Reader

__all__ = ["RESOLVED", "UNRESOLVED", "build_state", "listing_index"]

RESOLVED = "judgements (concerted resolve and the review queue)"
UNRESOLVED = "one target per listing: run `concerted resolve`"


def listing_index(inputs: Inputs) -> NameIndex:
    """Every listing's names, keyed by its reference (`source:key`)."""
    return NameIndex((str(ListingRef(*key)), [r.listing.name, *(n.value for n in r.listing.names)])
                     for key, r in sorted(inputs.records.items()))


def build_state(engine: Engine) -> State:
    fingerprint = store_fingerprint(engine)
    judged = effective(journal.load(engine))
    inputs = load_inputs(engine)
    index = listing_index(inputs)
    analysis = Analysis(inputs)  # what `concerted rounds`, `gaps`, `lags` compute
    return State.assemble(
        fingerprint=fingerprint,
        built_at=clock.stamp(),
        inputs=inputs,
        designations=tuple(analysis.designations),
        rounds=tuple(analysis.rounds),
        gaps=tuple(analysis.gaps),
        lags=tuple(analysis.lags),
        index=index,
        sources=tuple(_sources(engine)),
        resolution=RESOLVED if judged or journal.queue(engine) else UNRESOLVED,
        judged={key: {"judgement": r.judgement.value, "user": r.user,
                      "created_at": r.created_at, "score": r.score}
                for key, r in judged.items()},
    )


def _sources(engine: Engine) -> list[dict[str, object]]:
    return [{**s, "jurisdiction": SOURCES[s["source"]].jurisdiction if s["source"] in SOURCES
             else s["source"][:2]} for s in Reader(engine).source_summaries()]
