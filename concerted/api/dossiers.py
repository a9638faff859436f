"""`/api/v1/dossiers...`: dossiers, their subject, listings, allegations, evidence and shares.

Nothing here is public: every route needs a user, every write a writer (token, or session
with CSRF), and every object goes through the dossier policy (404 when the user may not
know of it, 403 when they may see but not do). Submissions, packets, bundles and alerts
are in `dossier_submissions`, included below; mount `router` under the API prefix.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, File, Form, UploadFile
from fastapi.responses import Response
from pydantic import BaseModel, Field

from concerted.api.dossier_deps import ActorDep, EnvDep, StateDep, WritingActorDep, refusals
from concerted.api.dossier_models import AllegationBody, DossierBody, ShareBody, SubjectBody
from concerted.api.dossier_responses import (
    FILE,
    Created,
    DossierOut,
    DossierRow,
    LevelSet,
    LinkedListing,
    Shared,
)
from concerted.api.dossier_submissions import router as submissions_router
from concerted.api.errors import ApiError
from concerted.dossiers import allegations, evidence, orgs, service
from concerted.dossiers.gaps import jurisdiction_status
from concerted.dossiers.model import EvidenceKind, Level
from concerted.dossiers.records import Provenance
from concerted.dossiers.targets import listing_keys, parse_listing_ref

__all__ = ["router"]

router = APIRouter(tags=["dossiers"])


@router.get("/dossiers", response_model=list[DossierRow])
def list_dossiers(env: EnvDep, actor: ActorDep) -> list[dict[str, Any]]:
    """The dossiers the user may read."""
    return service.list_dossiers(env, actor)


@router.post("/dossiers", status_code=201, response_model=Created)
def create_dossier(env: EnvDep, actor: WritingActorDep, state: StateDep, body: DossierBody
                   ) -> dict[str, str]:
    """Open a dossier; `targets` (ids from search) are stored as their listings' keys."""
    with refusals():
        keys = [k for t in body.targets for k in listing_keys(env.engine, t, state)]
        return {"id": service.create_dossier(env, actor, body.org, body.subject.to_subject(),
                                             keys)}


@router.get("/dossiers/{dossier_id}", response_model=DossierOut,
            response_model_exclude_unset=True)  # notes only for the owning organisation
def get_dossier(env: EnvDep, actor: ActorDep, state: StateDep, dossier_id: str
                ) -> dict[str, Any]:
    """The dossier as the user may see it, with which governments have acted."""
    with refusals():
        view = service.get_dossier(env, actor, dossier_id)
    return {**view.to_dict(), "jurisdictions": [
        s.to_dict() for s in jurisdiction_status(env.engine, view, state)]}


@router.put("/dossiers/{dossier_id}/subject", response_model=Created)
def put_subject(env: EnvDep, actor: WritingActorDep, dossier_id: str,
                body: SubjectBody) -> dict[str, str]:
    with refusals():
        service.update_subject(env, actor, dossier_id, body.to_subject())
    return {"id": dossier_id}


class ListingBody(BaseModel):
    listing: str = Field(examples=["gb_hmt_conlist:14074"])


@router.post("/dossiers/{dossier_id}/listings", status_code=201, response_model=LinkedListing)
def link_listing(env: EnvDep, actor: WritingActorDep, dossier_id: str,
                 body: ListingBody) -> dict[str, str]:
    with refusals():
        service.link_listing(env, actor, dossier_id, *parse_listing_ref(body.listing))
    return {"id": dossier_id, "listing": body.listing}


@router.post("/dossiers/{dossier_id}/allegations", status_code=201, response_model=Created)
def add_allegation(env: EnvDep, actor: WritingActorDep, dossier_id: str,
                   body: AllegationBody) -> dict[str, str]:
    with refusals():
        return {"id": allegations.add_allegation(env, actor, dossier_id, body.to_input())}


@router.post("/dossiers/{dossier_id}/evidence", status_code=201, response_model=Created)
async def add_evidence(
    env: EnvDep, actor: WritingActorDep, dossier_id: str,
    kind: Annotated[EvidenceKind, Form()], level: Annotated[Level, Form()],
    title: Annotated[str, Form(max_length=500)], summary: Annotated[str, Form()] = "",
    url: Annotated[str | None, Form()] = None, source: Annotated[str, Form()] = "",
    obtained_on: Annotated[str | None, Form()] = None,
    collected_by: Annotated[str, Form()] = "", supports: Annotated[str, Form()] = "",
    file: Annotated[UploadFile | None, File()] = None,
) -> dict[str, str]:
    """Add an item; a file is checked by its content (type and size) before it is kept."""
    with refusals():  # may this actor add at this level? Asked before the file is read
        evidence.may_add(env, actor, dossier_id, level)
    data = None if file is None else await file.read(env.max_upload + 1)
    item = evidence.EvidenceInput(
        kind, level, title, summary, url or None, Provenance(source, obtained_on or None,
                                                             collected_by),
        tuple(s for s in supports.split(",") if s.strip()),
        file.filename if file else None, data, file.content_type if file else None)
    with refusals():
        return {"id": evidence.add_evidence(env, actor, dossier_id, item)}


@router.get("/evidence/{evidence_id}/file", response_class=Response,
            responses={200: {"content": {"application/octet-stream": FILE}}})
def evidence_file(env: EnvDep, actor: ActorDep, evidence_id: str) -> Response:
    """The decrypted file, as an attachment (the read is audited)."""
    with refusals():
        item, data = evidence.evidence_file(env, actor, evidence_id)
    return Response(data, media_type=item.content_type or "application/octet-stream",
                    headers={"Content-Disposition": f'attachment; filename="{item.id}"',
                             "X-Content-Type-Options": "nosniff", "Cache-Control": "no-store"})


class LevelBody(BaseModel):
    level: Level


@router.put("/evidence/{evidence_id}/level", response_model=LevelSet)
def set_level(env: EnvDep, actor: WritingActorDep, evidence_id: str,
              body: LevelBody) -> dict[str, str]:
    with refusals():
        evidence.set_level(env, actor, evidence_id, body.level)
    return {"id": evidence_id, "level": body.level.value}


@router.delete("/evidence/{evidence_id}", status_code=204)
def remove_evidence(env: EnvDep, actor: WritingActorDep, evidence_id: str) -> Response:
    with refusals():
        evidence.remove_evidence(env, actor, evidence_id)
    return Response(status_code=204)


@router.post("/dossiers/{dossier_id}/shares", status_code=201, response_model=Shared)
def share(env: EnvDep, actor: WritingActorDep, dossier_id: str, body: ShareBody
          ) -> dict[str, str]:
    if body.level == Level.PROTECTED:
        raise ApiError(400, "protected material is never shared outside the organisation")
    with refusals():
        orgs.share(env, actor, dossier_id, body.coalition, body.level)
    return {"id": dossier_id, "coalition": body.coalition, "level": body.level.value}


@router.delete("/dossiers/{dossier_id}/shares/{coalition}", status_code=204)
def unshare(env: EnvDep, actor: WritingActorDep, dossier_id: str, coalition: str) -> Response:
    with refusals():
        orgs.unshare(env, actor, dossier_id, coalition)
    return Response(status_code=204)


router.include_router(submissions_router)
