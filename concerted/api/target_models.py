"""Response models of targets, listings, search suggestions and the network view."""

from __future__ import annotations

from pydantic import Field

from concerted.api.analysis_models import GapOut
from concerted.api.models import Free, Number, Out, SearchResult, Window

__all__ = ["ListingDetail", "ListingPage", "ListingSummary", "ListingsPage", "Network",
           "Suggestion", "TargetResponse"]


class Suggestion(SearchResult):
    matched_name: str = Field(description="The name or alias that matched")
    sources: list[str]


class Related(SearchResult):
    relation: str = Field(examples=["same round (2023-02-09-gb-us)"])


class ListingName(Out):
    value: str
    kind: str = Field(examples=["primary"])
    quality: str | None
    script: str | None


class Identifier(Out):
    kind: str
    value: str
    country: str | None


class ListingProgram(Out):
    raw: str = Field(description="As the list prints it")
    id: str | None = Field(examples=["gb-ghr"], description="null: not mapped to a program")
    theme: str | None
    listed_on: str | None


class ListingDetail(Out):
    """A listing as its list spells it."""

    source: str = Field(examples=["gb_hmt_conlist"])
    listing_key: str = Field(examples=["14078"])
    jurisdiction: str
    schema_: str = Field(alias="schema")
    name: str
    names: list[ListingName]
    birth_dates: list[str]
    birth_places: list[str]
    nationalities: list[str]
    citizenships: list[str]
    gender: str | None
    positions: list[str]
    identifiers: list[Identifier]
    programs: list[ListingProgram]
    listed_on: str | None
    reasons: str | None
    linked_to: list[str]
    first_seen: str = Field(description="The first snapshot that showed it")
    last_seen: str
    current: bool = Field(description="On the newest snapshot of its list")


class ListingVersion(Out):
    version: str = Field(description="The hash of this version")
    first_seen: str
    last_seen: str
    listing: Free = Field(description="The listing's fields as this version printed them")


class ListingPage(ListingDetail):
    target_id: str | None
    history: list[ListingVersion]


class ListingSummary(Out):
    source: str
    listing_key: str
    jurisdiction: str
    schema_: str = Field(alias="schema")
    name: str
    programs: list[str]
    listed_on: str | None
    first_seen: str
    last_seen: str
    current: bool
    target_id: str | None


class AsOf(Out):
    snapshot: str = Field(examples=["2022-12-09"])
    basis: str = Field(description="snapshot: the newest on or before the day; printed: a "
                                   "later snapshot's printed listing dates")


class ListingsPage(Out):
    total: int
    limit: int
    offset: int
    results: list[ListingSummary]
    on: str | None = Field(None, description="With ?on=DAY: that day")
    as_of: dict[str, AsOf] | None = Field(None, description="With ?on=DAY: what answers for "
                                          "each list held")


class ListingRefOut(Out):
    source: str
    listing_key: str


class TargetDesignation(Out):
    jurisdiction: str
    program: str
    theme: str
    listed_on: Window
    delisted_on: Window | None
    listings: list[ListingRefOut]


class TimelineEvent(Out):
    event: str = Field(examples=["designated"], description="designated or delisted")
    jurisdiction: str
    program: str
    date: Window


class TargetRound(Out):
    round_id: str
    date_from: str
    date_to: str
    jurisdictions: list[str]
    targets: int = Field(description="How many targets the round holds")


class Judged(Out):
    judgement: str = Field(examples=["positive"])
    user: str
    created_at: str
    score: Number | None


class MatchExplanation(Out):
    """Why two of the target's listings are one: the score and each feature's weight."""

    left: ListingRefOut
    right: ListingRefOut
    score: Number
    scorer: str
    judgement: Judged | None
    features: dict[str, Number]
    explanation: list[str]


class TargetResponse(Out):
    """A target with every listing side by side, designations, timeline, gap and rounds; with
    what tells namesakes apart, as search results carry it (birth dates, countries, removed)."""

    target_id: str = Field(examples=["us_ofac_sdn:29219"])
    name: str = Field(examples=["ZHU, Hailun"])
    schema_: str = Field(alias="schema", examples=["Person"])
    jurisdictions: list[str] = Field(examples=[["gb", "us"]])
    programs: list[str] = Field(examples=[["gb-ghr", "us-glomag"]])
    countries: list[str] = Field(examples=[["cn"]])
    birth_dates: list[str] = Field(description="As the lists print them: YYYY[-MM[-DD]]")
    removed: bool = Field(description="Every listing of the target has been removed from its "
                          "list: a delisted duplicate is not a second person")

    listings: list[ListingDetail]
    designations: list[TargetDesignation]
    timeline: list[TimelineEvent]
    gap: GapOut | None
    lists_held: list[str] = Field(
        description="Governments that have not acted whose lists are held only in part, "
        "stale, or not at all", examples=[["EU: human-rights regime only, from the "
                                           "Official Journal annex"]])
    rounds: list[TargetRound]
    match_explanations: list[MatchExplanation]
    related: list[Related]
    resolution: str = Field(examples=["judgements"])


class Node(Out):
    id: str
    label: str
    kind: str = Field(examples=["focus"], description="focus, target or jurisdiction")
    url: str | None = Field(None, description="A target's page; jurisdictions have none")


class Edge(Out):
    id: str
    source: str
    target: str
    label: str


class Network(Out):
    target_id: str
    nodes: list[Node]
    edges: list[Edge]
