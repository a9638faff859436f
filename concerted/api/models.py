"""Response models of the REST API, with the examples OpenAPI shows at /docs."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field

__all__ = ["ErrorResponse", "Paged", "SearchResponse", "SearchResult", "SourceInfo",
           "TargetResponse"]


class _Detail(BaseModel):
    code: str = Field(examples=["bad_parameter"])
    message: str = Field(examples=["limit: Input should be less than or equal to 500"])


class ErrorResponse(BaseModel):
    """Every error: a stable machine code and a message for people."""

    error: _Detail


class SearchResult(BaseModel):
    target_id: str = Field(examples=["us_ofac_sdn:29219"])
    name: str = Field(examples=["ZHU, Hailun"])
    schema_: str = Field(alias="schema", examples=["Person"])
    jurisdictions: list[str] = Field(examples=[["gb", "us"]])
    programs: list[str] = Field(examples=[["gb-ghr", "us-glomag"]])
    birth_dates: list[str] = Field(default=[], examples=[["1958-01"]])
    countries: list[str] = Field(default=[], examples=[["cn"]])
    removed: bool = Field(default=False, description="Every listing of it has been removed "
                                                     "from its list")

    model_config = ConfigDict(populate_by_name=True, serialize_by_alias=True)


class SearchResponse(BaseModel):
    total: int = Field(examples=[2])
    results: list[SearchResult]


class SourceInfo(BaseModel):
    source: str = Field(examples=["us_ofac_sdn"])
    jurisdiction: str = Field(examples=["us"])
    title: str = Field(examples=["OFAC Specially Designated Nationals"])
    snapshots: int = Field(examples=[57])
    newest: str = Field(examples=["2024-05-03"])
    age_days: int = Field(description="Days since the newest snapshot", examples=[30])
    stale: bool = Field(description="Older than four times the list's usual cadence")
    listings: int = Field(examples=[14965])
    programs: dict[str, int] = Field(examples=[{"us-glomag": 694, "us-magnit": 64}])


class Paged(BaseModel):
    """A page of results: `total` matches in all, `limit` per page from `offset`."""

    total: int = Field(examples=[143])
    limit: int = Field(examples=[50])
    offset: int = Field(examples=[0])
    results: list[dict[str, Any]]

    model_config = ConfigDict(extra="allow")


class TargetResponse(BaseModel):
    """A target with every listing side by side, designations, timeline, gap and rounds."""

    target_id: str = Field(examples=["us_ofac_sdn:29219"])
    name: str = Field(examples=["ZHU, Hailun"])
    schema_: str = Field(alias="schema", examples=["Person"])
    jurisdictions: list[str]
    programs: list[str]
    countries: list[str]
    listings: list[dict[str, Any]]
    designations: list[dict[str, Any]]
    timeline: list[dict[str, Any]]
    gap: dict[str, Any] | None
    lists_held: list[str] = Field(
        default=[], description="Governments that have not acted whose lists are held only "
        "in part, stale, or not at all", examples=[["EU: human-rights regime only, from the "
                                                   "Official Journal annex"]])
    rounds: list[dict[str, Any]]
    match_explanations: list[dict[str, Any]]
    related: list[dict[str, Any]]
    resolution: str = Field(examples=["judgements"])

    model_config = ConfigDict(populate_by_name=True, serialize_by_alias=True)
