"""Response models of the program registry: the index, comparison, a program, eligibility.

A program's page is the registry's own `Program` model with the page's additions, so the
schema of `/programs/{id}` is the data file's schema."""

from __future__ import annotations

from pydantic import ConfigDict, Field

from concerted.api.models import Number, Out
from concerted.programs.schema import Program, SourceRef

__all__ = ["ComparisonRow", "Eligible", "ProgramPage", "ProgramSummary"]


class ProgramSummary(Out):
    id: str = Field(examples=["gb-ghr"])
    jurisdiction: str
    name: str
    status: str
    type: str
    themes: list[str]
    measures: list[str]
    list_: str | None = Field(alias="list", description="The official list that carries it")
    listings_now: int
    listings_url: str


class ComparisonRow(Out):
    id: str
    jurisdiction: str
    name: str
    status: str
    type: str
    themes: list[str]
    coverage: dict[str, str] = Field(description="Conduct id: how far the criteria cover it")
    measures: list[str]
    evidentiary_standard: str | None
    designated_by: str | None
    renewal: str | None
    submission: str | None
    list_markers: list[str]
    opensanctions: list[str]


class Figure(Out):
    value: int
    url: str


class YearFigure(Out):
    year: str
    value: int
    url: str


class DatedShare(Out):
    dated: int
    designations: int


class JointShare(Out):
    value: Number | None
    joint: int
    dated: int
    undated: int
    thematic: int
    url: str


class MedianLag(Out):
    value: Number | None
    lags: int
    order_unknown: int
    url: str


class Figures(Out):
    listings_now: Figure
    designations: Figure
    per_year: list[YearFigure]
    per_year_dated: DatedShare
    joint_share: JointShare
    median_follow_on_lag_days: MedianLag


class ProgramPage(Program):
    """Everything the data file says, every cited source spelled out, and live figures."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    references: tuple[SourceRef, ...]
    comparison: ComparisonRow
    figures: Figures


class EligibleCriterion(Out):
    conduct: list[str] = Field(description="The conduct asked about that it covers")
    text: str
    condition: str | None
    sources: list[SourceRef]


class EligibleSubmission(Out):
    """How to ask; empty when the registry does not say."""

    channel: str | None = None
    contact: str | None = None
    guides: list[SourceRef] | None = None
    sources: list[SourceRef] | None = None


class Eligible(Out):
    id: str = Field(examples=["gb-ghr"])
    jurisdiction: str
    name: str
    status: str
    type: str
    verified: bool
    scope: str | None
    criteria: list[EligibleCriterion]
    submission: EligibleSubmission
