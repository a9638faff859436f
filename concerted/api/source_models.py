"""Response models of the lists held: changes feeds, amendment diffs and the dashboard."""

from __future__ import annotations

from typing import Any

from pydantic import Field

from concerted.api.analysis_models import GapOut, Holding, RoundSummary
from concerted.api.models import Out

__all__ = ["ChangeGroup", "Dashboard", "FieldDiff"]


class Change(Out):
    listing_key: str
    name: str
    programs: list[str]
    fields: list[str] | None = Field(None, description="Amendments only: the fields changed")
    reused_key: bool | None = Field(None, description="Present (true) when the list gave a "
                                    "removed entry's key to a new one")


class ChangeGroup(Out):
    """One snapshot's changes against the one before it."""

    snapshot: str = Field(examples=["2024-05-03"])
    previous: str
    retrieved_at: str | None = Field(None, description="Present when the list changed twice "
                                     "in one day: which of that day's snapshots this is")
    added: list[Change]
    removed: list[Change]
    amended: list[Change]
    by_program: dict[str, dict[str, int]] = Field(
        description="Per kind (added, removed, amended): how many per program",
        examples=[{"added": {"us-glomag": 3}, "removed": {}, "amended": {}}])


class FieldDiff(Out):
    field: str = Field(examples=["names"])
    before: Any = Field(description="The field as the list printed it before (null: absent)")
    after: Any


class SourceHealth(Out):
    """A source with its fetch health; a source fetched but never ingested has nulls."""

    source: str
    jurisdiction: str | None
    title: str
    snapshots: int
    newest: str | None
    age_days: int | None
    stale: bool
    listings: int
    programs: dict[str, int]
    status: str | None = Field(examples=["ok"])
    last_run: str | None = Field(examples=["ingested"])
    last_error: str | None
    last_error_at: str | None


class Totals(Out):
    targets: int
    designations: int
    rounds: int
    gaps: int


class RecentChange(Out):
    source: str
    snapshot: str
    previous: str
    added: int
    removed: int
    amended: int


class PerYear(Out):
    """Designations per year and jurisdiction, as a table for a chart."""

    years: list[str]
    jurisdictions: list[str]
    series: dict[str, list[int]] = Field(description="Per jurisdiction, one count per year")
    totals: list[int]
    unknown_year: dict[str, int]


class Dashboard(Out):
    as_of: str | None = Field(description="The newest list date held")
    built_at: str
    resolution: str
    totals: Totals
    sources: list[SourceHealth]
    holdings: list[Holding]
    recent_changes: list[RecentChange]
    recent_rounds: list[RoundSummary]
    top_gaps: list[GapOut]
    per_year: PerYear
