"""Whether a subscription wants to hear about an event, and why. Pure.

Every criterion the subscription gives must hold; within one criterion any value will do.
The reason returned is shown with the alert, so a person sees why it reached them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from concerted.alerts import names
from concerted.alerts.model import Criteria, Event, Subscription

__all__ = ["match", "matching"]

_Check = Callable[[Criteria, Event], str | None]
_NO = ""  # a check that fails; None means the criterion was not given


def _one_of(wanted: Iterable[str], have: Iterable[str], label: str) -> str | None:
    wanted = [w.lower() for w in wanted]
    if not wanted:
        return None
    hits = sorted(set(wanted) & {h.lower() for h in have})
    return f"{label} {', '.join(hits)}" if hits else _NO


def _programs(c: Criteria, e: Event) -> str | None:
    return _one_of(c.programs, e.programs, "program")


def _jurisdictions(c: Criteria, e: Event) -> str | None:
    return _one_of(c.jurisdictions, e.jurisdictions, "jurisdiction")


def _themes(c: Criteria, e: Event) -> str | None:
    return _one_of(c.themes, e.themes, "theme")


def _countries(c: Criteria, e: Event) -> str | None:
    return _one_of(c.countries, e.countries, "target country")


def _watch(c: Criteria, e: Event) -> str | None:
    if not c.watch:
        return None
    candidates = (e.name, *e.names)
    best = max(((*names.best_match(w, candidates), w) for w in c.watch), default=(0.0, "", ""))
    found, name, watched = best
    if found < c.threshold:
        return _NO
    return f"watched name {watched!r} ~ {name!r} ({found:.2f})"


def _followed(c: Criteria, e: Event) -> str | None:
    if not c.followed:
        return None
    if e.kind not in ("designated", "round") or not e.partners:
        return _NO
    return f"follows {', '.join(e.partners)}"


_CHECKS: tuple[_Check, ...] = (_programs, _jurisdictions, _themes, _countries, _followed,
                               _watch)  # the name check last: it is the costly one


def match(criteria: Criteria, event: Event) -> str | None:
    """The reason `criteria` select `event`, or None when they do not."""
    if event.kind not in criteria.wanted_kinds:
        return None
    reasons = []
    for check in _CHECKS:
        reason = check(criteria, event)
        if reason == _NO:
            return None
        if reason:
            reasons.append(reason)
    return "; ".join(reasons) or f"every {event.kind} event"


def matching(subscriptions: Sequence[Subscription], events: Iterable[Event]
             ) -> list[tuple[Subscription, Event, str]]:
    """Every (subscription, event, reason) that matches."""
    return [(s, e, reason) for e in events for s in subscriptions
            if (reason := match(s.criteria, e)) is not None]
