"""`/api/v1/sources`: the lists held, their freshness, and each list's changes feed."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Query

from concerted import clock
from concerted.api import checks
from concerted.api.deps import EngineDep, StateDep
from concerted.api.errors import ApiError
from concerted.api.models import SourceInfo
from concerted.api.source_models import ChangeGroup, Dashboard, FieldDiff
from concerted.views.dashboard import dashboard
from concerted.views.sources import amendment_diff, changes_feed, sources_view

__all__ = ["router"]

router = APIRouter(tags=["sources"])
# Checked by api.checks.day: a bad date is a 400 naming the parameter and the problem.
DayText = Annotated[str | None, Query(examples=["2022-12-09"])]


@router.get("/sources", response_model=list[SourceInfo])
def list_sources(state: StateDep) -> list[dict[str, Any]]:
    """Each official list held: snapshots, the newest and its age, listings per program."""
    return sources_view(state, clock.today())


def _known(state: StateDep, source: str) -> None:
    if source not in {s["source"] for s in state.sources}:
        raise ApiError(404, f"no source {source!r} is held")


@router.get("/changes/{source}", response_model=list[ChangeGroup],
            response_model_exclude_unset=True)  # some fields only where they apply
def source_changes(state: StateDep, engine: EngineDep, source: str, since: DayText = None,
                   until: DayText = None, on: DayText = None,
                   limit: Annotated[int, Query(ge=1, le=500)] = 20) -> list[dict[str, Any]]:
    """Additions, removals and amendments per snapshot, newest first, each with `by_program`
    (how many of each kind per program); `on`: the snapshots published that day."""
    _known(state, source)
    return changes_feed(engine, state, source, *checks.day_window(since, until, on),
                        limit)


@router.get("/changes/{source}/{listing_key}/diff", response_model=list[FieldDiff])
def amendment(state: StateDep, engine: EngineDep, source: str, listing_key: str,
              snapshot: Annotated[date, Query()]) -> list[dict[str, Any]]:
    """The fields an amendment changed at `snapshot`, before and after."""
    _known(state, source)
    return amendment_diff(engine, source, listing_key, snapshot.isoformat())


@router.get("/dashboard", response_model=Dashboard)
def dashboard_data(state: StateDep, engine: EngineDep) -> dict[str, Any]:
    """The dashboard: sources and freshness, recent changes and rounds, top gaps, per year."""
    return dashboard(engine, state, clock.today())
