"""Canonical targets for the surfaces.

A thin adapter: the resolve package will own the linker over judgements; until it offers
one, targets are formed here by `concerted.state.links` from scored suggestions and the
review queue's judgements, and the state says so (`resolution`).
"""

from __future__ import annotations

from sqlalchemy import Engine

from concerted.analysis.inputs import Inputs, Target
from concerted.resolve.score import SCORERS, get_scorer
from concerted.state import judging
from concerted.state.links import LinkConfig, Suggestion, link_targets, ref, suggest_links
from concerted.state.search import NameIndex

__all__ = ["RESOLUTION", "listing_index", "resolved_targets"]

RESOLUTION = "suggested links and review judgements"


def listing_index(inputs: Inputs) -> NameIndex:
    """Every listing's names, keyed by its reference (`source:key`)."""
    return NameIndex((ref(key), [r.listing.name, *(n.value for n in r.listing.names)])
                     for key, r in sorted(inputs.records.items()))


def resolved_targets(engine: Engine, inputs: Inputs, index: NameIndex | None = None,
                     config: LinkConfig | None = None
                     ) -> tuple[tuple[Target, ...], list[Suggestion]]:
    """The targets (each with every listing of it) and the scored suggestions behind them.
    A target's id is its first listing's `source:key`; it may hold further listings."""
    index = index or listing_index(inputs)
    config = config or LinkConfig()
    scorer = get_scorer(next(iter(SCORERS)), index.idf)
    suggestions = suggest_links(inputs.records, index, scorer, config)
    targets = link_targets(inputs.records, suggestions, judging.decisions(engine), config)
    return targets, suggestions
