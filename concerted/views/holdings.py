"""What is held of each government's lists, for the pages and their JSON twins: the
dashboard's panel, the gaps filter, the rounds filter and the gap panels read it here, from
the one home of the fact (`analysis/holdings.py`), computed once per store state."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from concerted.analysis.holdings import Holding
from concerted.analysis.partners import input_holdings
from concerted.state.model import State

__all__ = ["held", "held_jurisdictions", "holdings_json", "notes_for"]


def held(state: State) -> dict[str, Holding]:
    return state.remember(("holdings",), lambda: input_holdings(state.inputs))


def held_jurisdictions(state: State) -> list[str]:
    return list(held(state))


def holdings_json(state: State, jurisdictions: Iterable[str] | None = None
                  ) -> list[dict[str, Any]]:
    """Every holding (or those of `jurisdictions`), as JSON."""
    found = held(state)
    chosen = list(found) if jurisdictions is None else [j for j in jurisdictions if j in found]
    return [found[j].to_dict() for j in chosen]


def notes_for(state: State, jurisdictions: Iterable[str | None]) -> list[str]:
    """The notes of the chosen jurisdictions whose lists held leave something out."""
    found = held(state)
    return [note for j in jurisdictions if j and j in found and (note := found[j].note)]
