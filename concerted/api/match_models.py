"""The yente-compatible match request and response."""

from __future__ import annotations

from pydantic import BaseModel, Field

from concerted.api.models import Number, Out
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


class MatchResult(Out):
    """A target that may be the entity, with the best score of its current listings."""

    id: str = Field(examples=["us_ofac_sdn:29219"])
    caption: str = Field(examples=["ZHU, Hailun"])
    schema_: str = Field(alias="schema", examples=["Person"])
    properties: dict[str, list[str]] = Field(
        examples=[{"name": ["ZHU, Hailun"], "birthDate": ["1958-01"], "country": ["cn"]}])
    datasets: list[str] = Field(examples=[["us_ofac_sdn"]])
    referents: list[str] = Field(description="The target's current listings")
    target: bool
    first_seen: str
    last_seen: str
    score: Number = Field(examples=[0.88])
    match: bool = Field(description="score >= threshold")
    features: dict[str, Number] = Field(description="Each feature's weight in the score")
    explanation: list[str]


class Total(Out):
    value: int = Field(examples=[1])
    relation: str = Field(examples=["eq"])


class QueryEcho(Out):
    schema_: str = Field(alias="schema")
    properties: dict[str, list[str]]


class QueryResponse(Out):
    status: int = 200
    results: list[MatchResult]
    total: Total
    query: QueryEcho


class Matcher(Out):
    name: str = Field(examples=["rules-v1"])


class MatchResponse(Out):
    responses: dict[str, QueryResponse]
    matcher: Matcher
    limit: int = Field(examples=[5])
