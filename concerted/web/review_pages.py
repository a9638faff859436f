"""The review queue (uncertain pairs side by side, decided by a logged-in user) and the
record of judgements. Reads and writes go through `concerted.state.judging`."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form
from fastapi.responses import HTMLResponse, RedirectResponse

from concerted.api.errors import ApiError
from concerted.model import ListingRef
from concerted.state import judging
from concerted.views.targets import listing_detail
from concerted.web.forms import check_csrf
from concerted.web.templating import PageDep

__all__ = ["router"]

router = APIRouter()
FormText = Annotated[str, Form(max_length=600)]


@router.get("/review", response_class=HTMLResponse)
def review_page(page: PageDep, done: str | None = None) -> HTMLResponse:
    state = page.state
    pairs = []
    for pair in judging.review_queue(page.engine, state, limit=20):
        left = state.record(ListingRef.parse(pair["left"]))
        right = state.record(ListingRef.parse(pair["right"]))
        if left is not None and right is not None:
            pairs.append({"pair": pair, "left": listing_detail(left),
                          "right": listing_detail(right)})
    return page.render("review.html", "/api/v1/review", pairs=pairs, done=done,
                       available=judging.available(page.engine))


@router.post("/review")
def decide(page: PageDep, left: FormText, right: FormText, decision: FormText,
           csrf_token: FormText) -> RedirectResponse:
    if page.session is None:
        raise ApiError(401, "log in to record a judgement")
    check_csrf(page.session, csrf_token)
    if not page.session.user.reviewer:
        raise ApiError(403, judging.REVIEWERS_ONLY)
    try:  # a malformed ref or decision is the form's error, not the server's
        judging.record(page.engine, ListingRef.parse(left), ListingRef.parse(right),
                       decision, page.session.user.email)
    except ValueError as exc:
        raise ApiError(400, str(exc)) from None
    page.request.app.state.cache.refresh_soon()
    return RedirectResponse(f"/judgements?recorded={decision}", status_code=303)


@router.get("/judgements", response_class=HTMLResponse)
def judgements_page(page: PageDep, recorded: str | None = None) -> HTMLResponse:
    rows = judging.judgements(page.engine, limit=200)
    if page.session is None or not page.session.user.reviewer:
        rows = judging.anonymised(rows)
    return page.render("judgements.html", "/api/v1/judgements", rows=rows, recorded=recorded)
