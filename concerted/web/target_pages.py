"""Search (with type-ahead), matching, the target page and a target's network view."""

from __future__ import annotations

from typing import Annotated
from urllib.parse import quote

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from concerted.api.deps import PageDep as PagingDep
from concerted.api.errors import ApiError
from concerted.api.routers.match import run_match
from concerted.api.routers.targets import SearchParams
from concerted.matching.query import DEFAULT_LIMIT, DEFAULT_THRESHOLD, MatchQuery
from concerted.programs import all_programs
from concerted.views.common import target_path
from concerted.views.search import search, sources_of, suggest
from concerted.views.targets import target_detail
from concerted.web.templating import PageDep, query_string

__all__ = ["router"]

router = APIRouter()
Q = Annotated[str, Query(max_length=200)]


@router.get("/search", response_class=HTMLResponse)
async def search_page(page: PageDep, paging: PagingDep, flt: SearchParams, q: Q = ""
                      ) -> HTMLResponse:
    state = page.state
    results = search(state, q, flt, paging)
    for row in results["results"]:
        row["sources"] = sources_of(state, row["target_id"])
    params = {"q": q, **{k: v for k, v in vars(flt).items() if v is not None}}
    return page.render("search.html", f"/api/v1/search?{query_string(**params)}",
                       results=results, q=q, flt=flt, params=params, limit=paging.limit,
                       offset=paging.offset, programs=[p.id for p in all_programs()],
                       jurisdictions=sorted({s["jurisdiction"] for s in state.sources}))


@router.get("/search/suggest", response_class=HTMLResponse)
async def suggest_fragment(page: PageDep, q: Q = "") -> HTMLResponse:
    """The type-ahead list (an htmx fragment)."""
    return page.render("_suggest.html", f"/api/v1/suggest?q={q}",
                       suggestions=suggest(page.state, q))


@router.get("/match", response_class=HTMLResponse)
async def match_page(request: Request, page: PageDep, name: Q = "", birth_date: Q = "",
                     nationality: Q = "", schema: Q = "Person", dataset: Q = "default"
                     ) -> HTMLResponse:
    """Screen one name (with birth date and nationality) against the lists: the matcher of
    `concerted match` and `POST /match/{dataset}`, with each score explained."""
    props = {"name": [name.strip()], "birthDate": [birth_date.strip()],
             "nationality": [nationality.strip()]}
    props = {k: v for k, v in props.items() if v[0]}
    result = None
    if name.strip():
        query = MatchQuery(schema, props)
        result = (await run_match(request, page.state, dataset, {"q": query}, DEFAULT_LIMIT,
                                  DEFAULT_THRESHOLD))["q"]
    twin = f"/api/v1/match/{quote(dataset, safe='')}?" + query_string(schema=schema, **props)
    return page.render("match.html", twin, result=result, name=name, birth_date=birth_date,
                       nationality=nationality, schema=schema, dataset=dataset,
                       jurisdictions=sorted({s["jurisdiction"] for s in page.state.sources}))


@router.get("/targets/{target_id:path}/network", response_class=HTMLResponse)
async def network_page(page: PageDep, target_id: str) -> HTMLResponse:
    target = page.state.targets.get(target_id)
    if target is None:
        raise ApiError(404, f"no target {target_id!r}")
    twin = "/api/v1/network/" + target_path(target_id).removeprefix("/targets/")
    return page.render("network.html", twin, target=target)


@router.get("/targets/{target_id:path}", response_class=HTMLResponse)
async def target_page(page: PageDep, target_id: str) -> HTMLResponse:
    detail = target_detail(page.state, target_id)
    if detail is None:
        raise ApiError(404, f"no target {target_id!r}")
    return page.render("target.html", "/api/v1" + target_path(target_id), t=detail)
