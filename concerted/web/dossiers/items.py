"""Editing a dossier from its page: the subject, allegations, evidence uploads, downloads."""

from __future__ import annotations

from dataclasses import replace
from enum import StrEnum
from typing import Annotated, Any, TypeVar

from fastapi import APIRouter, File, Form, UploadFile
from fastapi.responses import RedirectResponse, Response

from concerted.api.dossier_deps import refusals
from concerted.dossiers import allegations, evidence, service
from concerted.dossiers.model import LIST_FIELDS, EvidenceKind, Level
from concerted.dossiers.records import Provenance
from concerted.web.dossiers.rendering import CtxDep

_E = TypeVar("_E", bound=StrEnum)

__all__ = ["router"]

router = APIRouter()
Text = Annotated[str, Form(max_length=4000)]
Optional = Annotated[str, Form(max_length=4000)]


def _lines(text: str) -> tuple[str, ...]:
    return tuple(line.strip() for line in text.splitlines() if line.strip())


def _back(dossier_id: str, done: str) -> RedirectResponse:
    return RedirectResponse(f"/dossiers/{dossier_id}?done={done}", status_code=303)


@router.post("/dossiers/{dossier_id}/subject")
async def subject(ctx: CtxDep, dossier_id: str) -> RedirectResponse:
    """The subject form: list fields one value a line; packet sections as `extra_<key>`."""
    form = {k: str(v) for k, v in (await ctx.request.form()).items() if isinstance(v, str)}
    ctx.check(form.get("csrf_token", ""))
    with refusals():
        old = service.get_dossier(ctx.env, ctx.actor, dossier_id).subject
        sections = {k.removeprefix("extra_"): v.strip() for k, v in form.items()
                    if k.startswith("extra_") and len(v) <= 20000}
        lists: dict[str, Any] = {f: _lines(form.get(f, "")) for f in LIST_FIELDS}
        new = replace(old.extended(sections, {}), name=form.get("name", old.name).strip()[:500],
                      **lists)
        service.update_subject(ctx.env, ctx.actor, dossier_id, new)
    return _back(dossier_id, "subject")


@router.post("/dossiers/{dossier_id}/allegations")
def allegation(ctx: CtxDep, dossier_id: str, summary: Text, level: Text, csrf_token: Text,
               conduct: Annotated[list[str], Form()], places: Optional = "",
               victims: Optional = "", date_from: Optional = "",
               date_to: Optional = "") -> RedirectResponse:
    ctx.check(csrf_token)
    with refusals():
        allegations.add_allegation(ctx.env, ctx.actor, dossier_id, allegations.AllegationInput(
            tuple(conduct), summary, places, victims, date_from or None, date_to or None,
            _choice(Level, level, "level")))
    return _back(dossier_id, "allegation")


def _choice(enum: type[_E], value: str, name: str) -> _E:
    try:
        return enum(value)
    except ValueError:
        raise ValueError(f"{name} must be one of {', '.join(e.value for e in enum)}, "
                         f"not {value[:40]!r}") from None


@router.post("/dossiers/{dossier_id}/evidence")
async def upload(ctx: CtxDep, dossier_id: str, kind: Text, level: Text, title: Text,
                 csrf_token: Text, summary: Optional = "", url: Optional = "",
                 source: Optional = "", obtained_on: Optional = "", collected_by: Optional = "",
                 file: Annotated[UploadFile | None, File()] = None) -> RedirectResponse:
    ctx.check(csrf_token)
    data = await file.read(ctx.env.max_upload + 1) if file and file.filename else None
    with refusals():  # a kind or level outside the lists is the caller's error: 400
        item = evidence.EvidenceInput(
            _choice(EvidenceKind, kind, "kind"), _choice(Level, level, "level"), title,
            summary, url or None, Provenance(source, obtained_on or None, collected_by), (),
            file.filename if data is not None and file else None, data,
            file.content_type if data is not None and file else None)
        evidence.add_evidence(ctx.env, ctx.actor, dossier_id, item)
    return _back(dossier_id, "evidence")


@router.get("/dossiers/{dossier_id}/evidence/{evidence_id}")
def download(ctx: CtxDep, dossier_id: str, evidence_id: str) -> Response:
    with refusals():
        item, data = evidence.evidence_file(ctx.env, ctx.actor, evidence_id)
    return Response(data, media_type=item.content_type or "application/octet-stream",
                    headers={"Content-Disposition": f'attachment; filename="{item.id}"',
                             "X-Content-Type-Options": "nosniff", "Cache-Control": "no-store"})
