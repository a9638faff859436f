"""Response models of the analyses: gaps, rounds, coverage and lags."""

from __future__ import annotations

from pydantic import Field

from concerted.api.models import Number, Out, Window

__all__ = ["CoveragePage", "GapOut", "GapsPage", "Holding", "LagsPage", "RoundDetail",
           "RoundSummary", "RoundsPage"]


class Holding(Out):
    """What is held of one government's lists, and what that leaves out."""

    jurisdiction: str = Field(examples=["eu"])
    state: str = Field(examples=["partial"], description="none, partial, stale or full")
    note: str | None = Field(description="What to know before reading \"has not acted\"")
    sources: list[str]
    newest: str | None
    programs: list[str] | None = Field(description="The programs held; null: every one")
    possibly_stale: bool


class GapDesignation(Out):
    jurisdiction: str
    program: str
    listed_on: Window
    theme: str


class Missing(Out):
    """A partner that has not acted, and the programs under which it could."""

    jurisdiction: str = Field(examples=["au"])
    eligible_programs: list[str] = Field(examples=[["au-thematic"]])
    why: list[str]
    data_as_of: str | None
    possibly_stale: bool
    stale_reason: str | None
    lists_held: str | None


class NotKnown(Out):
    jurisdiction: str
    note: str


class GapOut(Out):
    target_id: str = Field(examples=["us_ofac_sdn:29219"])
    name: str
    countries: list[str]
    designated_by: list[str] = Field(examples=[["gb", "us"]])
    missing: list[Missing]
    score: Number = Field(examples=[4.5])
    explanation: list[str]
    conduct: list[str]
    conduct_stated: bool = Field(description="False where only programs covering several "
                                             "themes designate it")
    stale: bool = Field(description="Every missing partner's list may be out of date")
    not_known: list[NotKnown]
    designations: list[GapDesignation]


class _Page(Out):
    total: int = Field(examples=[143])
    limit: int = Field(examples=[50])
    offset: int = Field(examples=[0])


class GapsPage(_Page):
    results: list[GapOut]
    lists_held: list[str]
    holdings: list[Holding]


class RoundTarget(Out):
    target_id: str
    name: str


class RoundSummary(Out):
    round_id: str = Field(examples=["2023-02-09-gb-us"])
    date_from: str
    date_to: str
    jurisdictions: list[str]
    targets: list[RoundTarget]
    programs: list[str]
    dates_uncertain: bool
    un_listing: bool = Field(description="A transposition of a UN listing")


class RoundsPage(_Page):
    results: list[RoundSummary]
    lists_held: list[str]
    holdings: list[Holding]


class RoundDesignation(Out):
    jurisdiction: str
    program: str
    listed_on: Window


class RoundTargetDetail(RoundTarget):
    designations: list[RoundDesignation]


class Member(Out):
    jurisdiction: str
    listed_on: Window
    programs: list[str]
    order: str = Field(examples=["first"], description="first, or followed")


class RoundDetail(Out):
    round_id: str
    date_from: str
    date_to: str
    jurisdictions: list[str]
    targets: list[RoundTargetDetail]
    first: list[str]
    followed: list[str]
    members: list[Member]
    programs: list[str]
    dates_uncertain: bool
    un_listing: bool


class CellDesignation(Out):
    program: str
    listed_on: Window
    delisted_on: Window | None
    theme: str


class Cell(Out):
    programs: list[str]
    listed_on: Window
    designations: list[CellDesignation]


class CoverageRow(Out):
    target_id: str
    name: str
    countries: list[str]
    jurisdictions: list[str]
    cells: dict[str, Cell] = Field(description="By jurisdiction")


class CoverageTotals(Out):
    targets: int
    designations: int
    targets_by_jurisdiction: dict[str, int]
    designations_by_jurisdiction: dict[str, int]
    targets_by_number_of_jurisdictions: dict[int, int]


class CoveragePage(_Page):
    results: list[CoverageRow]
    jurisdictions: list[str]
    totals: CoverageTotals


class Lag(Out):
    target_id: str
    name: str
    first: str
    follower: str
    first_on: Window
    follower_on: Window
    days_min: int
    days_max: int | None
    days_midpoint: float | None
    order: str


class LagSummary(Out):
    group: list[str] | int | str = Field(description="[first, follower], or a year (or "
                                                     "\"unknown\")")
    lags: int
    bounded: int
    unknown_order: int
    days_min: int
    days_max: int | None
    median_midpoint: Number | None
    mean_midpoint: Number | None


class LagsPage(_Page):
    results: list[Lag]
    by_pair: list[LagSummary]
    by_year: list[LagSummary]
