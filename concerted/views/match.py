"""The served state's matcher (`concerted.matching.Matcher`), built once per state over the
listings the state already holds."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from concerted.analysis.inputs import ListingKey
from concerted.matching.matcher import Matcher, Seen, match_data
from concerted.state.model import State

__all__ = ["state_matcher"]


def state_matcher(state: State) -> Matcher:
    records = state.inputs.records

    def fetch(keys: Sequence[ListingKey]) -> Mapping[ListingKey, Seen]:
        return {key: records[key] for key in keys if key in records}

    return state.remember(("matcher",), lambda: Matcher(
        match_data(state.index, state.inputs.targets, records), fetch))
