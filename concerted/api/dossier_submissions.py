"""`/api/v1/dossiers/{id}/submissions...`, `/api/v1/submissions...`, bundles and alerts."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, File, Form, Query, UploadFile
from fastapi.responses import Response

from concerted.api.dossier_deps import ActorDep, EnvDep, StateDep, WritingActorDep, refusals
from concerted.api.dossier_models import StatusBody
from concerted.api.dossier_responses import (
    FILE,
    AlertRow,
    BoardRow,
    Created,
    PacketPreview,
    StatusSet,
)
from concerted.dossiers import board, bundle, bundle_import, submissions
from concerted.dossiers.model import Level

__all__ = ["router"]

router = APIRouter(tags=["dossiers"])

_MEDIA = {"pdf": "application/pdf",
          "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"}


@router.get("/dossiers/{dossier_id}/submissions/{program}/preview",
            response_model=PacketPreview)
def preview(env: EnvDep, actor: ActorDep, state: StateDep, dossier_id: str, program: str
            ) -> dict[str, Any]:
    """The packet's content and warnings, as it would be built now."""
    with refusals():
        return submissions.preview(env, actor, dossier_id, program, state).to_dict()


@router.post("/dossiers/{dossier_id}/submissions/{program}/packet", response_class=Response,
             responses={200: {"content": {m: FILE for m in _MEDIA.values()}}})
def packet(env: EnvDep, actor: WritingActorDep, state: StateDep, dossier_id: str, program: str,
           fmt: Annotated[Literal["pdf", "docx"], Query(alias="format")] = "pdf") -> Response:
    """Build the packet (opening the submission as a draft if new) and return it."""
    with refusals():
        submission_id, _, data = submissions.build(env, actor, dossier_id, program, fmt, state)
    return Response(data, media_type=_MEDIA[fmt], headers={
        "Content-Disposition": f'attachment; filename="{program}-{dossier_id}.{fmt}"',
        "X-Submission-Id": submission_id, "Cache-Control": "no-store"})


@router.post("/submissions/{submission_id}/status", response_model=StatusSet)
def set_status(env: EnvDep, actor: WritingActorDep, submission_id: str,
               body: StatusBody) -> dict[str, Any]:
    with refusals():
        return submissions.set_status(env, actor, submission_id, body.status, body.on_date,
                                      body.note)


@router.get("/submissions/board", response_model=list[BoardRow])
def status_board(env: EnvDep, actor: ActorDep) -> list[dict[str, Any]]:
    """Every dossier the user may read × each program: the submission's status."""
    return board.board(env, actor)


@router.get("/dossier-alerts", response_model=list[AlertRow])
def alerts(env: EnvDep, actor: ActorDep) -> list[dict[str, Any]]:
    return board.alerts_for(env, actor)


@router.get("/dossiers/{dossier_id}/bundle", response_class=Response,
            responses={200: {"content": {"application/zip": FILE}}})
def export_bundle(env: EnvDep, actor: ActorDep, dossier_id: str,
                  level: Annotated[Literal["public", "governments", "internal"], Query()]
                  ) -> Response:
    """A signed bundle redacted to the recipient's level (owners only)."""
    with refusals():
        data = bundle.export_bundle(env, actor, dossier_id, Level(level))
    return Response(data, media_type="application/zip", headers={
        "Content-Disposition": f'attachment; filename="dossier-{dossier_id}.zip"',
        "Cache-Control": "no-store"})


@router.post("/dossier-bundles", status_code=201, response_model=Created)
async def import_bundle(env: EnvDep, actor: WritingActorDep, org: Annotated[str, Form()],
                        file: Annotated[UploadFile, File()]) -> dict[str, str]:
    with refusals():  # may this actor import into this organisation? Before reading it
        bundle_import.may_import(env, actor, org)
    data = await file.read()  # at most the body limit (concerted.api.body_limit)
    with refusals():
        return {"id": bundle_import.import_bundle(env, actor, org, data)}
