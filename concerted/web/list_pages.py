"""Listings (as the lists print them), one listing with its versions, and the changes feed
of each list with the diffs of amended listings."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query
from fastapi.responses import HTMLResponse

from concerted import clock
from concerted.analysis.changes import nearest
from concerted.api import checks
from concerted.api.deps import PageDep as PagingDep
from concerted.api.errors import ApiError
from concerted.api.routers.listings import current_flag
from concerted.store.reader import Reader
from concerted.views.listings import listings_on_view, listings_view
from concerted.views.sources import amendment_diff, changes_feed, sources_view
from concerted.views.targets import listing_detail
from concerted.web.templating import PageDep, query_string

__all__ = ["router"]

router = APIRouter()
Text = Annotated[str | None, Query(max_length=100)]


@router.get("/listings", response_class=HTMLResponse)
def listings_page(page: PageDep, paging: PagingDep, source: Text = None, program: Text = None,
                  current: Literal["yes", "no", "all"] = "yes", on: Text = None
                  ) -> HTMLResponse:
    params = {"source": source, "program": program, "current": current, "on": on}
    day = checks.day(on, "on")
    if day is None:
        data = listings_view(page.state, source, program, current_flag(current), paging)
    elif current != "yes":
        raise ApiError(400, "on: the listings of one day take no status removed/all")
    else:
        data = listings_on_view(page.engine, page.state, day, checks.source(source),
                                checks.program(page.state, program), paging)
    query = query_string(**params)
    return page.render("listings.html", f"/api/v1/listings?{query}", data=data, params=params)


@router.get("/listings/{source}/{listing_key:path}", response_class=HTMLResponse)
def listing_page(page: PageDep, source: str, listing_key: str) -> HTMLResponse:
    record = page.state.record((source, listing_key))
    if record is None:
        raise ApiError(404, f"no listing {listing_key!r} in {source!r}")
    history = Reader(page.engine).history(source, listing_key)
    return page.render("listing.html", f"/api/v1/listings/{source}/{listing_key}",
                       l=listing_detail(record), history=history,
                       target_id=page.state.target_of.get(record.key))


@router.get("/changes", response_class=HTMLResponse)
def changes_index(page: PageDep) -> HTMLResponse:
    return page.render("changes_index.html", "/api/v1/sources",
                       sources=sources_view(page.state, clock.today()))


@router.get("/changes/{source}", response_class=HTMLResponse)
def changes_page(page: PageDep, source: str, since: Text = None, until: Text = None,
                 on: Text = None, key: Text = None, snapshot: Text = None) -> HTMLResponse:
    if source not in {s["source"] for s in page.state.sources}:
        raise ApiError(404, f"no source {source!r} is held")
    first, last = checks.day_window(since, until, on)
    feed = changes_feed(page.engine, page.state, source, first, last, limit=30)
    diff = amendment_diff(page.engine, source, key, snapshot) if key and snapshot else None
    nearby = None
    if on and not feed:  # no snapshot that day: say which ones hold its changes
        dates = [s["published"] for s in Reader(page.engine).snapshots(source)]
        nearby = nearest(dates, first or "")
    params = {"since": since, "until": until, "on": on}
    return page.render("changes.html", f"/api/v1/changes/{source}?{query_string(**params)}",
                       source=source, feed=feed, diff=diff, key=key, snapshot=snapshot,
                       params=params, nearby=nearby)
