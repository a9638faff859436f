"""Alerts: `/alerts`, the front door (the user's alerts from all their subscriptions, newest
first, or, with none, what alerts are and how to start), and `/subscriptions`, what each
subscription watches, how it is delivered, its feed and latest alerts; a form to add one and
a button to remove one. Reads and writes go
through `concerted.alerts.subscriptions` and `concerted.alerts.queries`, as the API does
(`/api/v1/subscriptions`, the JSON twin): a user sees and removes only their own."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Form, Query
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from concerted import clock
from concerted.alerts import text as alert_text
from concerted.alerts.model import KINDS
from concerted.alerts.queries import list_alerts, owned_alerts
from concerted.alerts.subscriptions import (
    SubscriptionError,
    add_subscription,
    get_subscription,
    list_subscriptions,
    remove_subscription,
)
from concerted.api.alerts import SubscriptionIn
from concerted.api.errors import ApiError
from concerted.web.forms import check_csrf
from concerted.web.templating import Page, PageDep

__all__ = ["router"]

router = APIRouter()
JSON_URL = "/api/v1/subscriptions"
JURISDICTIONS = ("us", "gb", "eu", "ca", "au", "un")
LATEST = 5
PER_PAGE = 50
FormText = Annotated[str, Form(max_length=1000)]
FormNames = Annotated[str, Form(max_length=20000)]
FormChoices = Annotated[list[str], Form()]
FormFlag = Annotated[bool, Form()]


def _split(text: str, separator: str = ",") -> list[str]:
    return [part.strip() for part in text.split(separator) if part.strip()]


def _render(page: Page, status: int = 200, **context: Any) -> HTMLResponse:
    assert page.session is not None
    mine = list_subscriptions(page.engine, owner=page.session.user.email)
    rows = [{"subscription": s, "feed": f"/feeds/{s.id}.atom",
             "alerts": list_alerts(page.engine, s.id, LATEST, newest_first=True)}
            for s in mine]
    context.setdefault("form", {})
    return page.render("subscriptions.html", JSON_URL, status=status, rows=rows,
                       jurisdictions=JURISDICTIONS, kinds=KINDS, **context)


@router.get("/alerts", response_class=HTMLResponse)
def alerts_page(page: PageDep, offset: Annotated[int, Query(ge=0)] = 0) -> HTMLResponse:
    """Open to everyone: a visitor who is not logged in learns what alerts are and how to
    get them, rather than meeting a login form."""
    if page.session is None:
        return page.render("alerts.html", "/api/v1/alerts", subscriptions=[], rows=[],
                           total=0, offset=0, per_page=PER_PAGE)
    mine = list_subscriptions(page.engine, owner=page.session.user.email)
    total, found = owned_alerts(page.engine, page.session.user.email, PER_PAGE, offset)
    labels = {s.id: s.label or f"Subscription {s.id}" for s in mine}
    rows = [{"alert": a, "title": alert_text.title(a), "link": alert_text.link(a, ""),
             "subscription": labels.get(a["subscription"], a["subscription"])} for a in found]
    return page.render("alerts.html", "/api/v1/alerts", subscriptions=mine, rows=rows,
                       total=total, offset=offset, per_page=PER_PAGE)


@router.get("/subscriptions", response_class=HTMLResponse, response_model=None)
def subscriptions_page(page: PageDep, added: str | None = None, removed: str | None = None
                       ) -> Response:
    if page.session is None:
        return RedirectResponse("/login?next=/subscriptions", status_code=303)
    return _render(page, added=added, removed=removed)


@router.post("/subscriptions", response_class=HTMLResponse, response_model=None)
def add(page: PageDep, csrf_token: FormText, label: FormText = "", programs: FormText = "",
        jurisdictions: FormChoices = [], themes: FormText = "",  # noqa: B006
        countries: FormText = "", watch: FormNames = "",
        kinds: FormChoices = [], gaps: FormFlag = False,  # noqa: B006
        followed: FormFlag = False, threshold: FormText = "0.85", webhook: FormText = "",
        email: FormText = "", digest: FormFlag = False) -> Response:
    if page.session is None:
        raise ApiError(401, "log in to subscribe to alerts")
    check_csrf(page.session, csrf_token)
    form = {"label": label, "programs": programs, "jurisdictions": jurisdictions,
            "themes": themes, "countries": countries, "watch": watch, "kinds": kinds,
            "gaps": gaps, "followed": followed, "threshold": threshold, "webhook": webhook,
            "email": email, "digest": digest}
    try:
        score = float(threshold or 0.85)
    except ValueError:
        return _render(page, 422, form=form, error=f"not a score: {threshold!r}")
    body = SubscriptionIn(
        programs=_split(programs), jurisdictions=jurisdictions, themes=_split(themes),
        countries=_split(countries), watch=_split(watch, "\n"), kinds=kinds, gaps=gaps,
        followed=followed, threshold=score, webhook=webhook.strip() or None,
        email=email.strip() or None, digest=digest, label=label.strip() or None)
    try:
        made = add_subscription(page.engine, body.criteria(), clock.stamp(), label=body.label,
                                webhook=body.webhook, email=body.email, digest=body.digest,
                                owner=page.session.user.email,
                                allow_private=page.request.app.state.settings.webhook_allow_private)
    except SubscriptionError as exc:
        return _render(page, 422, form=form, error=str(exc))
    if made.secret:  # the webhook's signing secret is shown this once
        return _render(page, added=made.id, secret=made.secret)
    return RedirectResponse(f"/subscriptions?added={made.id}", status_code=303)


@router.post("/subscriptions/{subscription_id}/remove")
def remove(page: PageDep, subscription_id: str, csrf_token: FormText) -> RedirectResponse:
    if page.session is None:
        raise ApiError(401, "log in to manage your subscriptions")
    check_csrf(page.session, csrf_token)
    found = get_subscription(page.engine, subscription_id)
    if found is None or found.owner != page.session.user.email:
        raise ApiError(404, f"you have no subscription {subscription_id}")
    remove_subscription(page.engine, subscription_id)
    return RedirectResponse(f"/subscriptions?removed={subscription_id}", status_code=303)
