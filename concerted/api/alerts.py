"""Subscriptions and alerts over HTTP, and the Atom feeds.

Mount `router` under `/api/v1` (subscriptions are a user's own: writes and reads need a user,
and each user sees only the subscriptions they made) and `feeds_router` at the root:
`/feeds/alerts.atom` (every change once, without the reasons that would reveal what anyone
watches) and `/feeds/{subscription_id}.atom` (the id is random: the feed URL is the secret).
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Response
from pydantic import BaseModel, Field

from concerted import clock
from concerted.alerts.delivery.atom import global_feed, subscription_feed
from concerted.alerts.model import Criteria
from concerted.alerts.queries import list_alerts, owned_alerts
from concerted.alerts.subscriptions import (
    SubscriptionError,
    add_subscription,
    get_subscription,
    list_subscriptions,
    remove_subscription,
)
from concerted.api.account_models import AlertOut, AlertsPage, NewSubscription, SubscriptionOut
from concerted.api.deps import EngineDep, PageDep, ReaderDep, SettingsDep, UserDep, WriterDep
from concerted.api.errors import ApiError

__all__ = ["ATOM", "SubscriptionIn", "feeds_router", "router"]

ATOM = "application/atom+xml; charset=utf-8"
router = APIRouter(tags=["alerts"])
feeds_router = APIRouter(tags=["feeds"])


class SubscriptionIn(BaseModel):
    programs: list[str] = Field(default=[], examples=[["us-glomag"]])
    jurisdictions: list[str] = Field(default=[], examples=[["gb"]])
    themes: list[str] = []
    countries: list[str] = []
    watch: list[str] = Field(default=[], examples=[["Riad Salameh"]])
    kinds: list[str] = []
    gaps: bool = False
    followed: bool = False
    threshold: float = 0.85
    webhook: str | None = None
    email: str | None = None
    digest: bool = False
    label: str | None = None

    def criteria(self) -> Criteria:
        return Criteria.from_dict(self.model_dump())


@router.post("/subscriptions", status_code=201, response_model=NewSubscription)
def create_subscription(body: SubscriptionIn, engine: EngineDep, settings: SettingsDep,
                        user: WriterDep) -> dict[str, Any]:
    """Subscribe; the answer carries the webhook secret, shown this once."""
    try:
        made = add_subscription(engine, body.criteria(), clock.stamp(), label=body.label,
                                webhook=body.webhook, email=body.email, digest=body.digest,
                                owner=user.email,
                                allow_private=settings.webhook_allow_private)
    except SubscriptionError as exc:
        raise ApiError(422, str(exc)) from exc
    return made.to_dict(secret=True) | {"feed": f"/feeds/{made.id}.atom"}


@router.get("/subscriptions", response_model=list[SubscriptionOut])
def own_subscriptions(engine: EngineDep, user: WriterDep) -> list[dict[str, Any]]:
    return [s.to_dict() for s in list_subscriptions(engine, owner=user.email)]


def _own(engine: EngineDep, user: WriterDep, subscription_id: str) -> None:
    found = get_subscription(engine, subscription_id)
    if found is None or found.owner != user.email:
        raise ApiError(404, f"you have no subscription {subscription_id}")


@router.delete("/subscriptions/{subscription_id}", status_code=204)
def delete_subscription(subscription_id: str, engine: EngineDep, user: WriterDep) -> Response:
    _own(engine, user, subscription_id)
    remove_subscription(engine, subscription_id)
    return Response(status_code=204)


@router.get("/subscriptions/{subscription_id}/alerts", response_model=list[AlertOut])
def subscription_alerts(subscription_id: str, engine: EngineDep, user: WriterDep,
                        limit: Annotated[int, Query(ge=1, le=1000)] = 100
                        ) -> list[dict[str, Any]]:
    """The subscription's alerts, newest first, with why each matched."""
    _own(engine, user, subscription_id)
    rows = list_alerts(engine, subscription_id, limit, newest_first=True)
    return [{k: v for k, v in row.items() if k != "event_key"} for row in rows]


@router.get("/alerts", response_model=AlertsPage)
def own_alerts(engine: EngineDep, user: UserDep, page: PageDep) -> dict[str, Any]:
    """Your alerts from all your subscriptions, newest first (the web's /alerts page)."""
    if user is None:
        raise ApiError(401, "log in or send an API token to read your alerts; "
                            "every change anyone was alerted to is in /feeds/alerts.atom")
    total, rows = owned_alerts(engine, user.email, page.limit, page.offset)
    return {"total": total, "limit": page.limit, "offset": page.offset,
            "results": [{k: v for k, v in row.items() if k != "event_key"} for row in rows]}


def _atom(body: bytes) -> Response:
    return Response(body, media_type=ATOM)


@feeds_router.get("/feeds/alerts.atom", response_class=Response)
def all_alerts_feed(engine: EngineDep, settings: SettingsDep, _reader: ReaderDep) -> Response:
    """Every change any subscription was alerted to, once each."""
    return _atom(global_feed(engine, settings.base_url))


@feeds_router.get("/feeds/{subscription_id}.atom", response_class=Response)
def one_subscription_feed(subscription_id: str, engine: EngineDep,
                          settings: SettingsDep) -> Response:
    body = subscription_feed(engine, subscription_id, settings.base_url)
    if body is None:
        raise ApiError(404, f"no subscription {subscription_id}")
    return _atom(body)
