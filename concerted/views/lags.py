"""Follow-on lags: per pair of jurisdictions and per year, with the lags behind them."""

from __future__ import annotations

from typing import Any

from concerted.analysis.lags import Lag, summarise_lags
from concerted.state.model import State
from concerted.views.common import Page, paginate

__all__ = ["lags_view", "select_lags"]


def select_lags(state: State, follower: str | None = None, first: str | None = None,
                program: str | None = None) -> list[Lag]:
    """Lags, optionally only those where the follower acted under `program`."""
    def under(lag: Lag) -> bool:
        return any(d.program == program and d.jurisdiction == lag.follower
                   for d in state.by_target.get(lag.target_id, ()))

    return [lag for lag in state.lags if (not follower or lag.follower == follower)
            and (not first or lag.first == first) and (not program or under(lag))]


def lags_view(state: State, follower: str | None, first: str | None, program: str | None,
              page: Page) -> dict[str, Any]:
    lags = select_lags(state, follower, first, program)
    total, chosen = paginate(lags, page)
    return {
        "by_pair": summarise_lags(lags, lambda lag: (lag.first, lag.follower)),
        "by_year": summarise_lags(lags, lambda lag: lag.year or "unknown"),
        "total": total, "limit": page.limit, "offset": page.offset,
        "results": [lag.to_dict() for lag in chosen],
    }
