"""Response models of the REST API, with the examples OpenAPI shows at /docs.

Every JSON answer under `/api/v1` has a model, so `/openapi.json` names each field. The
models describe what the views return, field for field and in the views' order: a model
forbids fields it does not name (`Out`), so a view that grows a field without its model
fails loudly (tests/api/test_response_models.py checks each page's JSON twin against its
route's model) instead of answering with a field the documentation does not show.
"""

from __future__ import annotations

from typing import Any

from fastapi.responses import Response
from pydantic import BaseModel, ConfigDict, Field, TypeAdapter

__all__ = ["ErrorResponse", "Number", "Out", "SearchResponse", "SearchResult", "SourceInfo",
           "Window", "unvalidated"]

# A score or weight as computed: a float, or an int where the arithmetic made one (typed
# `float` alone, pydantic would turn 1 into 1.0 and change the JSON clients get).
Number = float | int


class Out(BaseModel):
    """A response body: exactly the fields named, in the order the views build them."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True, serialize_by_alias=True)


class _Detail(Out):
    code: str = Field(examples=["bad_parameter"])
    message: str = Field(examples=["limit: Input should be less than or equal to 500"])


class ErrorResponse(Out):
    """Every error: a stable machine code and a message for people."""

    error: _Detail


class Window(Out):
    """A date as far as it is known: a day, or the days between two snapshots."""

    date: str = Field(examples=["2023-02-09"], description="For people: a day or a range")
    earliest: str | None = Field(description="The first possible day; null: unknown")
    latest: str | None
    exact: bool
    basis: str = Field(examples=["list"], description="list: the list prints it; snapshots: "
                       "bounded by the snapshots before and after it appeared")


class SearchResult(Out):
    target_id: str = Field(examples=["us_ofac_sdn:29219"])
    name: str = Field(examples=["ZHU, Hailun"])
    schema_: str = Field(alias="schema", examples=["Person"])
    jurisdictions: list[str] = Field(examples=[["gb", "us"]])
    programs: list[str] = Field(examples=[["gb-ghr", "us-glomag"]])
    birth_dates: list[str] = Field(examples=[["1958-01"]])
    countries: list[str] = Field(examples=[["cn"]])
    removed: bool = Field(description="Every listing of it has been removed from its list")


class SearchResponse(Out):
    total: int = Field(examples=[2])
    results: list[SearchResult]


class SourceInfo(Out):
    source: str = Field(examples=["us_ofac_sdn"])
    jurisdiction: str = Field(examples=["us"])
    title: str = Field(examples=["OFAC Specially Designated Nationals"])
    snapshots: int = Field(examples=[57])
    newest: str = Field(examples=["2024-05-03"])
    age_days: int = Field(description="Days since the newest snapshot", examples=[30])
    stale: bool = Field(description="Older than four times the list's usual cadence")
    listings: int = Field(examples=[14965])
    programs: dict[str, int] = Field(examples=[{"us-glomag": 694, "us-magnit": 64}])


Free = dict[str, Any]  # a stored document passed through as it is (a listing's raw fields)

_AS_IT_IS = TypeAdapter(Any)


def unvalidated(body: Any) -> Response:
    """`body` as JSON, not validated against the route's `response_model` (which still gives
    the schema). For the largest pages only: validating 500 gaps or coverage rows field by
    field costs three to six times serializing them (bench/api_models.py), and the tests
    validate the same views' real answers against the models instead."""
    return Response(_AS_IT_IS.dump_json(body), media_type="application/json")
