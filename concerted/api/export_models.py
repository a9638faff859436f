"""What the downloads hold, for OpenAPI: the rows of the JSON exports, and the other formats
as files. The downloads are built as bytes once per state and sent as they are (the CLI
writes the same bytes), so these models document them; tests check real exports against
them (tests/api/test_response_models.py)."""

from __future__ import annotations

from typing import Any

from pydantic import Field

from concerted.api.models import Number, Out
from concerted.api.program_models import ComparisonRow

__all__ = ["COMPARE_RESPONSES", "GAPS_RESPONSES", "TARGETS_RESPONSES", "GapRow", "TargetRow"]


class TargetRow(Out):
    """One (target, listing)."""

    target_id: str = Field(examples=["us_ofac_sdn:29219"])
    source: str
    listing_key: str
    jurisdiction: str
    schema_: str = Field(alias="schema")
    name: str
    programs: list[str]
    listed_on: str | None


class GapRow(Out):
    target_id: str
    name: str
    countries: list[str]
    designated_by: list[str]
    missing: list[str] = Field(description="Jurisdictions that have not acted")
    eligible_programs: list[str]
    conduct: list[str]
    score: Number
    stale: bool
    explanation: list[str]


_FILE = {"schema": {"type": "string", "format": "binary"}}
_TEXT = {"schema": {"type": "string"}}
_XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _responses(model: type[Out], description: str, **more: dict[str, Any]
               ) -> dict[int | str, dict[str, Any]]:
    return {200: {"description": description, "model": list[model],  # type: ignore[valid-type]
                  "content": {"text/csv": _TEXT, _XLSX: _FILE, **more}}}


TARGETS_RESPONSES = _responses(TargetRow, "format=json: the rows below; csv and xlsx: the "
                               "same columns; ftm: FollowTheMoney entities, one JSON object "
                               "a line", **{"application/x-ndjson": _TEXT})
GAPS_RESPONSES = _responses(GapRow, "format=json: the rows below; csv and xlsx: the same "
                            "columns, lists joined with ;")
COMPARE_RESPONSES = _responses(ComparisonRow, "format=json: the rows below; csv and xlsx: "
                               "the matrix, one column per conduct")
