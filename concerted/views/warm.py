"""Compute the views whose first call is slow (the default coverage matrix, the exports,
per-program counts) as soon as a state is built, before it is served."""

from __future__ import annotations

from sqlalchemy import Engine

from concerted import clock
from concerted.analysis.filters import Filter
from concerted.state.model import State
from concerted.views.common import Page
from concerted.views.coverage import coverage_view
from concerted.views.dashboard import dashboard
from concerted.views.programs import programs_index

__all__ = ["warm_views"]


def warm_views(engine: Engine, state: State) -> None:
    dashboard(engine, state, clock.today())
    for least in (1, 2):
        coverage_view(state, Filter(), least, Page())
    programs_index(state, None, None)
