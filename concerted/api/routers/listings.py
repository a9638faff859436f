"""`/api/v1/listings`: entries as the lists print them, and one listing with its history."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query

from concerted.api import checks
from concerted.api.deps import EngineDep, PageDep, StateDep
from concerted.api.errors import ApiError
from concerted.api.models import Paged
from concerted.store.reader import Reader
from concerted.views.listings import listings_view
from concerted.views.targets import listing_detail

__all__ = ["router"]

router = APIRouter(tags=["listings"])


def current_flag(value: Literal["yes", "no", "all"]) -> bool | None:
    return {"yes": True, "no": False, "all": None}[value]


@router.get("/listings", response_model=Paged)
def list_listings(state: StateDep, page: PageDep,
                  source: Annotated[str | None, Query(examples=["gb_hmt_conlist"])] = None,
                  program: Annotated[str | None, Query(examples=["gb-ghr"])] = None,
                  current: Literal["yes", "no", "all"] = "yes") -> dict[str, Any]:
    """Listings, by source and program; `current=all` includes those since removed."""
    return listings_view(state, checks.source(source), checks.program(state, program),
                         current_flag(current), page)


@router.get("/listings/{source}/{listing_key}")
def get_listing(state: StateDep, engine: EngineDep, source: str, listing_key: str
                ) -> dict[str, Any]:
    """One listing as its list spells it, its target, and every version the list printed."""
    record = state.record((source, listing_key))
    if record is None:
        raise ApiError(404, f"no listing {listing_key!r} in {source!r}")
    return {**listing_detail(record), "target_id": state.target_of.get(record.key),
            "history": Reader(engine).history(source, listing_key)}
