"""`/api/v1/listings`: entries as the lists print them, and one listing with its history."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query

from concerted.api import checks
from concerted.api.deps import EngineDep, PageDep, StateDep
from concerted.api.errors import ApiError
from concerted.api.target_models import ListingPage, ListingsPage
from concerted.store.reader import Reader
from concerted.views.listings import listings_on_view, listings_view
from concerted.views.targets import listing_detail

__all__ = ["router"]

router = APIRouter(tags=["listings"])


def current_flag(value: Literal["yes", "no", "all"]) -> bool | None:
    return {"yes": True, "no": False, "all": None}[value]


@router.get("/listings", response_model=ListingsPage,
            response_model_exclude_unset=True)  # `on` and `as_of` with ?on= only
def list_listings(state: StateDep, engine: EngineDep, page: PageDep,
                  source: Annotated[str | None, Query(examples=["gb_hmt_conlist"])] = None,
                  program: Annotated[str | None, Query(examples=["gb-ghr"])] = None,
                  current: Literal["yes", "no", "all"] = "yes",
                  on: Annotated[str | None, Query(examples=["2022-12-09"])] = None
                  ) -> dict[str, Any]:
    """Listings, by source and program; `current=all` includes those since removed; `on`:
    those on the lists that day, with `as_of` saying which snapshot answers for each list."""
    day = checks.day(on, "on")
    source, program = checks.source(source), checks.program(state, program)
    if day is None:
        return listings_view(state, source, program, current_flag(current), page)
    if current != "yes":
        raise ApiError(400, "on: the listings of one day take no current=no/all")
    return listings_on_view(engine, state, day, source, program, page)


@router.get("/listings/{source}/{listing_key}", response_model=ListingPage)
def get_listing(state: StateDep, engine: EngineDep, source: str, listing_key: str
                ) -> dict[str, Any]:
    """One listing as its list spells it, its target, and every version the list printed."""
    record = state.record((source, listing_key))
    if record is None:
        raise ApiError(404, f"no listing {listing_key!r} in {source!r}")
    return {**listing_detail(record), "target_id": state.target_of.get(record.key),
            "history": Reader(engine).history(source, listing_key)}
