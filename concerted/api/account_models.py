"""Response models of accounts, tokens, the review queue, judgements and subscriptions."""

from __future__ import annotations

from typing import Any

from pydantic import Field

from concerted.api.models import Number, Out

__all__ = ["AlertOut", "AlertsPage", "IssuedTokenOut", "JudgementOut", "JudgementsPage", "Me",
           "ReviewPage", "Revoked", "SubscriptionOut", "Tokens"]


class UserOut(Out):
    id: int
    email: str
    created_at: str
    disabled: bool
    reviewer: bool = Field(description="May record judgements")


class Me(Out):
    user: UserOut | None = Field(description="null when anonymous")


class IssuedTokenOut(Out):
    id: int
    token: str = Field(description="The secret, shown this once")
    prefix: str
    label: str
    scope: str = Field(examples=["write"])
    expires_at: str


class TokenOut(Out):
    id: int
    prefix: str
    label: str
    scope: str
    created_at: str
    expires_at: str
    revoked_at: str | None


class Tokens(Out):
    results: list[TokenOut]


class Revoked(Out):
    id: int
    revoked: bool


class ReviewPair(Out):
    left: str = Field(examples=["gb_hmt_conlist:14078"])
    right: str = Field(examples=["us_ofac_sdn:29219"])
    score: Number | None
    reason: str
    explanation: list[str]
    changes_gap: str = Field(description="Why confirming it would change a gap (\"\": it "
                                         "would not)")


class ReviewPage(Out):
    total: int = Field(description="Every waiting pair")
    changing_gaps: int = Field(description="Those whose decision would change a gap")
    limit: int
    offset: int
    results: list[ReviewPair]


class JudgementOut(Out):
    left: str
    right: str
    judgement: str = Field(examples=["positive"])
    score: Number | None
    user: str = Field(description="Who judged (to reviewers only; `reviewer` otherwise), or "
                                  "system for `concerted resolve`")
    created_at: str


class JudgementsPage(Out):
    total: int
    limit: int
    offset: int
    results: list[JudgementOut]


class SubscriptionOut(Out):
    id: str
    label: str | None
    programs: list[str]
    jurisdictions: list[str]
    themes: list[str]
    countries: list[str]
    watch: list[str]
    kinds: list[str]
    gaps: bool
    followed: bool
    threshold: Number
    webhook: str | None
    email: str | None
    digest: bool
    owner: str | None
    created_at: str


class NewSubscription(SubscriptionOut):
    secret: str | None = Field(description="Signs the webhook's calls; shown this once")
    feed: str = Field(examples=["/feeds/3f2a….atom"])


class AlertOut(Out):
    id: int
    subscription: str
    kind: str = Field(examples=["designated"])
    source: str
    listing_key: str
    name: str
    programs: list[str]
    snapshot: str
    created_at: str
    detail: dict[str, Any] = Field(description="Why it matched, and what changed")


class AlertsPage(Out):
    total: int
    limit: int
    offset: int
    results: list[AlertOut]
