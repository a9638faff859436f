"""The review queue (uncertain pairs side by side, decided by a logged-in reviewer, a page at
a time, with keys) and the record of judgements, people's and `concerted resolve`'s. Reads and
writes go through `concerted.state.judging`."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from typing import Annotated, Any

from fastapi import APIRouter, Form, Query
from fastapi.responses import HTMLResponse, RedirectResponse

from concerted.api.errors import ApiError
from concerted.model import ListingRef
from concerted.state import judging
from concerted.views.targets import listing_detail
from concerted.web.forms import check_csrf
from concerted.web.templating import PageDep, query_string

__all__ = ["router"]

router = APIRouter()
FormText = Annotated[str, Form(max_length=600)]
PER_PAGE = 10
JUDGEMENTS_PER_PAGE = 100
Offset = Annotated[int, Query(ge=0)]


def _words(value: str) -> str:
    """A name or text with case, accents, punctuation and word order set aside: "ZHU, Hailun"
    and "Hailun Zhu" agree."""
    plain = unicodedata.normalize("NFKD", value.casefold())
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    return " ".join(sorted(re.findall(r"\w+", plain)))


def _agrees(a: str, b: str) -> bool:
    """Dates agree when one is the other or a more precise form of it (1958 and 1958-03-02)."""
    return a == b or a.startswith(b) or b.startswith(a)


_FIELDS: list[tuple[str, Callable[[dict[str, Any]], Iterable[str]], Callable[[str], str]]] = [
    ("Names", lambda d: [n["value"] for n in d["names"]] or [d["name"]], _words),
    ("Type", lambda d: [d["schema"]], str),
    ("Birth date", lambda d: d["birth_dates"], str),
    ("Birth place", lambda d: d["birth_places"], _words),
    ("Nationality", lambda d: d["nationalities"] + d["citizenships"], str.lower),
    ("Gender", lambda d: [d["gender"]] if d["gender"] else [], str.lower),
    ("Identifiers", lambda d: [f'{i["kind"]} {i["value"]}' for i in d["identifiers"]],
     lambda v: re.sub(r"\W", "", v.split(" ", 1)[-1]).lower()),
    ("Positions", lambda d: d["positions"], _words),
]


def compare(left: dict[str, Any], right: dict[str, Any]) -> list[dict[str, Any]]:
    """The two listings' fields row by row: each value marked `shared` when the other side
    has it too, and each row `same`, `partly`, `differs` or `one side`, so a reviewer sees
    at once where two listings disagree."""
    rows = []
    for label, values, key in _FIELDS:
        sides = [list(dict.fromkeys(v for v in values(d) if v)) for d in (left, right)]
        keys = [[key(v) for v in side] for side in sides]
        marked = [[{"value": v, "shared": any(_agrees(k, o) for o in other)}
                   for v, k in zip(side, mine, strict=True)]
                  for side, mine, other in ((sides[0], keys[0], keys[1]),
                                            (sides[1], keys[1], keys[0]))]
        if not sides[0] and not sides[1]:
            continue
        shared = [all(v["shared"] for v in side) for side in marked]
        if not sides[0] or not sides[1]:
            status = "one side"
        elif all(shared):
            status = "same"
        elif any(v["shared"] for side in marked for v in side):
            status = "partly"
        else:
            status = "differs"
        rows.append({"field": label, "left": marked[0], "right": marked[1], "status": status})
    return rows


def _twin(path: str, **params: Any) -> str:
    found = query_string(**params)
    return f"{path}?{found}" if found else path


@router.get("/review", response_class=HTMLResponse)
def review_page(page: PageDep, offset: Offset = 0, done: str | None = None) -> HTMLResponse:
    state = page.state
    batch = judging.review_batch(page.engine, state, PER_PAGE, offset)
    pairs = []
    for pair in batch.pairs:
        left = state.record(ListingRef.parse(pair["left"]))
        right = state.record(ListingRef.parse(pair["right"]))
        if left is not None and right is not None:
            sides = listing_detail(left), listing_detail(right)
            pairs.append({"pair": pair, "left": sides[0], "right": sides[1],
                          "fields": compare(*sides)})
    results = {"total": batch.total, "limit": PER_PAGE, "offset": offset}
    return page.render("review.html", _twin("/api/v1/review", offset=offset or None),
                       pairs=pairs, done=done, results=results,
                       changing_gaps=batch.changing_gaps,
                       available=judging.available(page.engine))


@router.post("/review")
def decide(page: PageDep, left: FormText, right: FormText, decision: FormText,
           csrf_token: FormText, offset: Annotated[int, Form(ge=0)] = 0) -> RedirectResponse:
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
    page.request.app.state.cache.rejudged()
    # Back to the same page of the queue: the decided pair has left it, the next one waits.
    return RedirectResponse(f"/review?{query_string(done=decision, offset=offset or None)}",
                            status_code=303)


@router.get("/judgements", response_class=HTMLResponse)
def judgements_page(page: PageDep, offset: Offset = 0,
                    who: Annotated[str, Query(pattern="^(all|people|system)$")] = "all"
                    ) -> HTMLResponse:
    total, rows = judging.judgements(page.engine, JUDGEMENTS_PER_PAGE, offset, who)
    if page.session is None or not page.session.user.reviewer:
        rows = judging.anonymised(rows)
    state = page.state
    for row in rows:
        for side in ("left", "right"):
            found = state.record(ListingRef.parse(row[side]))
            row[f"{side}_ref"] = ListingRef.parse(row[side])
            row[f"{side}_name"] = found.listing.name if found else None
    results = {"total": total, "limit": JUDGEMENTS_PER_PAGE, "offset": offset}
    json_url = _twin("/api/v1/judgements", who=who, offset=offset or None)
    return page.render("judgements.html", json_url, rows=rows,
                       results=results, who=who, whose=judging.WHO)
