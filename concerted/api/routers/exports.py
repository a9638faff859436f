"""`/api/v1/exports/...`: targets (CSV, JSON, FtM, XLSX) and gaps (CSV, JSON, XLSX)."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Query
from fastapi.responses import Response

from concerted.analysis.filters import Filter
from concerted.api import checks
from concerted.api.deps import StateDep
from concerted.api.export_models import GAPS_RESPONSES, TARGETS_RESPONSES
from concerted.api.routers.analyses import gap_filter
from concerted.views.exports import MEDIA_TYPES, export_targets, rows_to
from concerted.views.gaps import GAP_COLUMNS, GapFilter, gap_rows

__all__ = ["router"]

router = APIRouter(tags=["exports"])


def _download(body: bytes, name: str, fmt: str) -> Response:
    extension = "ndjson" if fmt == "ftm" else fmt
    return Response(body, media_type=MEDIA_TYPES[fmt], headers={
        "Content-Disposition": f'attachment; filename="{name}.{extension}"'})


Many = Annotated[list[str] | None, Query()]


@router.get("/exports/targets", response_class=Response, responses=TARGETS_RESPONSES)
def targets_export(state: StateDep, format: Literal["csv", "json", "ftm", "xlsx"] = "csv",
                   program: Many = None, theme: Many = None) -> Response:
    """One row per (target, listing): target_id, source, listing_key, jurisdiction, schema,
    name, programs, listed_on. `ftm`: FollowTheMoney entities, one JSON object a line.
    `program` / `theme` (repeatable: any of them) keep the targets designated under it,
    with all their listings."""
    flt = Filter(programs=tuple(p for v in program or () if (p := checks.program(state, v))),
                 themes=tuple(t for v in theme or () if (t := checks.theme(v))))
    return _download(export_targets(state, format, flt), "targets", format)


@router.get("/exports/gaps", response_class=Response, responses=GAPS_RESPONSES)
def gaps_export(state: StateDep, flt: Annotated[GapFilter, Depends(gap_filter)],
                format: Literal["csv", "json", "xlsx"] = "csv") -> Response:
    """The ranked gaps as a table, with the explanation of each score."""
    return _download(rows_to(format, gap_rows(state, flt), GAP_COLUMNS), "gaps", format)
