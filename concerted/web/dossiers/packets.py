"""The submission builder (a preview of the packet, its warnings, the files to download)
and the status form of a submission."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from concerted.api.dossier_deps import StateDep, refusals
from concerted.dossiers import service, submissions
from concerted.dossiers.model import Status
from concerted.dossiers.templates import get_template
from concerted.web.dossiers.rendering import CtxDep

__all__ = ["router"]

router = APIRouter()
Text = Annotated[str, Form(max_length=4000)]
_MEDIA = {"pdf": "application/pdf",
          "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"}


@router.get("/dossiers/{dossier_id}/submissions/{program}", response_class=HTMLResponse)
def builder(ctx: CtxDep, state: StateDep, dossier_id: str, program: str) -> HTMLResponse:
    with refusals():
        packet = submissions.preview(ctx.env, ctx.actor, dossier_id, program, state)
        view = service.get_dossier(ctx.env, ctx.actor, dossier_id)
    record = next((s for s in view.submissions if s.program == packet.program), None)
    return ctx.render("packet.html", f"/api/v1/dossiers/{dossier_id}/submissions/{program}"
                      "/preview", view=view, packet=packet, submission=record,
                      form=get_template(packet.program),
                      statuses=[s.value for s in Status if s != Status.DRAFT])


@router.post("/dossiers/{dossier_id}/submissions/{program}")
def build(ctx: CtxDep, state: StateDep, dossier_id: str, program: str, fmt: Text,
          csrf_token: Text) -> Response:
    ctx.check(csrf_token)
    if fmt not in _MEDIA:
        fmt = "pdf"
    with refusals():
        _, packet, data = submissions.build(ctx.env, ctx.actor, dossier_id, program, fmt,
                                            state)
    return Response(data, media_type=_MEDIA[fmt], headers={
        "Content-Disposition": f'attachment; filename="{packet.program}-{dossier_id}.{fmt}"',
        "Cache-Control": "no-store"})


@router.post("/submissions/{submission_id}/status")
def status(ctx: CtxDep, submission_id: str, status: Text, dossier: Text, program: Text,
           csrf_token: Text, on_date: Text = "", note: Text = "") -> RedirectResponse:
    ctx.check(csrf_token)
    with refusals():
        submissions.set_status(ctx.env, ctx.actor, submission_id, Status(status),
                               on_date or None, note)
    return RedirectResponse(f"/dossiers/{dossier}/submissions/{program}", status_code=303)
