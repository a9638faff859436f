"""The yente-compatible match request and response."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field

from concerted.matching.query import MAX_QUERIES

__all__ = ["EntityExample", "MatchRequest", "MatchResponse", "QueryResponse"]


class EntityExample(BaseModel):
    """An entity to look for: an FtM schema and properties, each a list of values."""

    schema_: str = Field("Person", alias="schema", examples=["Person"])
    properties: dict[str, list[str]] = Field(
        default_factory=dict, examples=[{"name": ["Zhu Hailun"], "birthDate": ["1958"]}])


class MatchRequest(BaseModel):
    queries: dict[str, EntityExample] = Field(
        max_length=MAX_QUERIES,
        examples=[{"q1": {"schema": "Person",
                          "properties": {"name": ["Zhu Hailun"], "birthDate": ["1958"]}}}])


class QueryResponse(BaseModel):
    status: int = 200
    results: list[dict[str, Any]] = Field(examples=[[{
        "id": "us_ofac_sdn:29219", "caption": "ZHU, Hailun", "schema": "Person",
        "datasets": ["us_ofac_sdn"], "score": 0.88, "match": True}]])
    total: dict[str, Any] = Field(examples=[{"value": 1, "relation": "eq"}])
    query: dict[str, Any]


class MatchResponse(BaseModel):
    responses: dict[str, QueryResponse]
    matcher: dict[str, Any] = Field(examples=[{"name": "rules-v1"}])
    limit: int = Field(examples=[5])
