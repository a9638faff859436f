"""Request checks the API and web pages share: each enumerated or id parameter is checked
against what it may be (`concerted.choices`), and a query parameter no route declares is
refused, so that `/api/v1/gaps?partner=gb` (the filter is `missing`) is a 400 naming it
instead of every gap."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from fastapi import Request
from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute

from concerted import choices
from concerted.api.errors import ApiError
from concerted.programs import all_programs
from concerted.state.model import State

__all__ = ["country", "day", "day_window", "jurisdiction", "known_programs", "program",
           "program_jurisdiction", "reject_unknown_params", "source", "theme"]

T = TypeVar("T")


def _checked(check: Callable[[str, str], T], param: str, value: str | None) -> T | None:
    if value is None or not value.strip():
        return None  # a form's "any"
    try:
        return check(param, value)
    except choices.BadValue as exc:
        raise ApiError(400, str(exc)) from None


def jurisdiction(value: str | None, param: str = "jurisdiction") -> str | None:
    return _checked(choices.check_jurisdiction, param, value)


def theme(value: str | None, param: str = "theme") -> str | None:
    return _checked(choices.check_theme, param, value)


def country(value: str | None, param: str = "country") -> str | None:
    return _checked(choices.check_country, param, value)


def source(value: str | None, param: str = "source") -> str | None:
    return _checked(choices.check_source, param, value)


def day(value: str | None, param: str) -> str | None:
    """A calendar day written YYYY-MM-DD, as that text."""
    checked = _checked(choices.check_day, param, value)
    return checked.isoformat() if checked else None


def day_window(since: str | None, until: str | None, on: str | None
               ) -> tuple[str | None, str | None]:
    """(since, until) from `since`, `until` and `on` (one day: both), each checked."""
    first, last, one = day(since, "since"), day(until, "until"), day(on, "on")
    if one is not None:
        if first or last:
            raise ApiError(400, "on: one day; give it alone, or since and until")
        return one, one
    if first and last and last < first:
        raise ApiError(400, f"until: {last} is before since {first}")
    return first, last


def known_programs(state: State) -> set[str]:
    """The registry's programs and the country regimes the lists held carry."""
    return state.remember(("program-ids",), lambda: {p.id for p in all_programs()} | {
        p for r in state.inputs.records.values() for p in r.listing.program_ids})


def program(state: State, value: str | None, param: str = "program") -> str | None:
    known = known_programs(state)
    return _checked(lambda p, v: choices.check_program(p, v, known), param, value)


def program_jurisdiction(value: str | None, param: str = "jurisdiction") -> str | None:
    """Program data covers more governments than the lists held (Estonia, Jersey...)."""
    known = {p.jurisdiction for p in all_programs()}
    return _checked(lambda p, v: choices.check_choice(p, v.strip().lower(), known,
                                                      "jurisdiction"), param, value)


def reject_unknown_params(request: Request) -> None:
    """A router dependency: 400 for a query parameter the route does not take."""
    route = request.scope.get("route")
    if not isinstance(route, APIRoute):
        return
    taken = _query_names(route.dependant)
    unknown = sorted(set(request.query_params) - taken)
    if unknown:
        raise ApiError(400, f"{unknown[0]}: unknown parameter; this endpoint takes "
                            f"{', '.join(sorted(taken)) or 'none'}")


def _query_names(dependant: Dependant) -> set[str]:
    names = {p.alias for p in dependant.query_params}
    for sub in dependant.dependencies:
        names |= _query_names(sub)
    return names
