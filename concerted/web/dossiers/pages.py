"""Dossier list (with the form to open one), the dossier editor, and the status board."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form
from fastapi.responses import HTMLResponse, RedirectResponse
from sqlalchemy import select

from concerted.api.dossier_deps import StateDep, refusals
from concerted.dossiers import board, service
from concerted.dossiers.gaps import jurisdiction_status
from concerted.dossiers.model import KINDS, PROGRAMS, Level, Role, Subject
from concerted.dossiers.templates import get_template
from concerted.programs import conduct_vocabulary
from concerted.store.tables import organisations
from concerted.web.dossiers.rendering import CtxDep

__all__ = ["router"]

router = APIRouter()
Text = Annotated[str, Form(max_length=2000)]


@router.get("/dossiers", response_class=HTMLResponse)
def dossiers_page(ctx: CtxDep) -> HTMLResponse:
    writable = [o for o, r in ctx.actor.roles.items() if r != Role.VIEWER]
    with ctx.env.engine.connect() as conn:
        names = conn.execute(select(organisations.c.name)
                             .where(organisations.c.id.in_(writable))).scalars().all()
    return ctx.render("dossiers.html", "/api/v1/dossiers",
                      dossiers=service.list_dossiers(ctx.env, ctx.actor), orgs=sorted(names))


@router.post("/dossiers")
def create(ctx: CtxDep, org: Text, subject: Text, csrf_token: Text) -> RedirectResponse:
    ctx.check(csrf_token)
    with refusals():
        dossier = service.create_dossier(ctx.env, ctx.actor, org, Subject(subject.strip()))
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
        role=ctx.actor.roles.get(_org_id(ctx, view.org)), sections=_sections())


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
