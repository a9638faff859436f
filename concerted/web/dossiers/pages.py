"""Dossier list (with the form to open one), the dossier editor, and the status board."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Form
from fastapi import Query as QueryParam
from fastapi.responses import HTMLResponse, RedirectResponse
from sqlalchemy import select

from concerted.analysis.inputs import Target
from concerted.api.dossier_deps import StateDep, refusals
from concerted.dossiers import board, service
from concerted.dossiers.gaps import jurisdiction_status
from concerted.dossiers.model import KINDS, PROGRAMS, Level, Role, Subject
from concerted.dossiers.targets import listing_keys
from concerted.dossiers.templates import get_template
from concerted.labels import listing_label
from concerted.programs import conduct_vocabulary
from concerted.state.model import State
from concerted.store.tables import organisations
from concerted.views.common import target_summary
from concerted.views.search import suggest
from concerted.web.dossiers.rendering import CtxDep

__all__ = ["router"]

router = APIRouter()
Text = Annotated[str, Form(max_length=2000)]
Query = Annotated[str, QueryParam(max_length=500)]


@router.get("/dossiers", response_class=HTMLResponse)
def dossiers_page(ctx: CtxDep, state: StateDep, subject: Query = "", target: Query = ""
                  ) -> HTMLResponse:
    """The dossiers, and the form to open one: a subject is first looked up on the lists
    (or comes from a target page), and the person confirms which listed target it is."""
    writable = [o for o, r in ctx.actor.roles.items() if r != Role.VIEWER]
    with ctx.env.engine.connect() as conn:
        names = conn.execute(select(organisations.c.name)
                             .where(organisations.c.id.in_(writable))).scalars().all()
    candidates = _candidates(state, subject.strip(), target.strip())
    if target and candidates:
        subject = candidates[0]["name"]
    return ctx.render("dossiers.html", "/api/v1/dossiers",
                      dossiers=service.list_dossiers(ctx.env, ctx.actor), orgs=sorted(names),
                      subject=subject.strip(), target=target, candidates=candidates,
                      searched=bool(subject.strip() or target), ready=state is not None)


def _candidates(state: State | None, subject: str, target: str) -> list[dict[str, Any]]:
    if state is None:
        return []
    if target:
        found = state.targets.get(target)
        return [_candidate(state, found)] if found else []
    return [_candidate(state, state.targets[s["target_id"]])
            for s in suggest(state, subject)] if subject else []


def _candidate(state: State, target: Target) -> dict[str, Any]:
    return {**target_summary(state, target),
            "listings": [listing_label(s, k) for s, k in target.listings]}


@router.post("/dossiers")
def create(ctx: CtxDep, state: StateDep, org: Text, subject: Text, csrf_token: Text,
           target: Text = "") -> RedirectResponse:
    ctx.check(csrf_token)
    with refusals():
        keys = listing_keys(ctx.env.engine, target, state) if target.strip() else []
        dossier = service.create_dossier(ctx.env, ctx.actor, org, Subject(subject.strip()),
                                         keys)
    return RedirectResponse(f"/dossiers/{dossier}", status_code=303)


@router.get("/dossiers/{dossier_id}", response_class=HTMLResponse)
def dossier_page(ctx: CtxDep, state: StateDep, dossier_id: str, done: str | None = None
                 ) -> HTMLResponse:
    with refusals():
        view = service.get_dossier(ctx.env, ctx.actor, dossier_id)
    return ctx.render(
        "dossier.html", f"/api/v1/dossiers/{dossier_id}", view=view, done=done,
        jurisdictions=jurisdiction_status(ctx.env.engine, view, state), programs=PROGRAMS,
        conduct=conduct_vocabulary(), levels=[lv.value for lv in Level], kinds=KINDS,
        role=ctx.actor.roles.get(_org_id(ctx, view.org)), sections=_sections(),
        candidates=[] if view.listings else _candidates(state, view.subject.name, ""))


@router.post("/dossiers/{dossier_id}/target")
def link_target(ctx: CtxDep, state: StateDep, dossier_id: str, target: Text, csrf_token: Text
                ) -> RedirectResponse:
    """Point the dossier at every listing of the target the person confirmed."""
    ctx.check(csrf_token)
    with refusals():
        for source, key in listing_keys(ctx.env.engine, target, state):
            service.link_listing(ctx.env, ctx.actor, dossier_id, source, key)
    return RedirectResponse(f"/dossiers/{dossier_id}?done=linked", status_code=303)


def _sections() -> list[tuple[str, str]]:
    found = {"summary": "Summary (opens every packet)"}
    for program in PROGRAMS:
        found.update({s.key: s.heading for s in get_template(program).sections})
    return sorted(found.items())


def _org_id(ctx: CtxDep, name: str) -> int:
    with ctx.env.engine.connect() as conn:
        return int(conn.execute(select(organisations.c.id)
                                 .where(organisations.c.name == name)).scalar_one())


@router.get("/dossier-board", response_class=HTMLResponse)
def board_page(ctx: CtxDep) -> HTMLResponse:
    return ctx.render("board.html", "/api/v1/submissions/board",
                      rows=board.board(ctx.env, ctx.actor), programs=PROGRAMS,
                      alerts=board.alerts_for(ctx.env, ctx.actor))
