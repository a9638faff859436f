"""Coordinated rounds: the list, filtered, and one round in detail."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from concerted.analysis.designations import THEMATIC
from concerted.analysis.round_un import driven_by_un, un_listed
from concerted.analysis.rounds import in_themes
from concerted.state.model import State
from concerted.views.common import Page, paginate
from concerted.views.holdings import holdings_json, notes_for

__all__ = ["RoundFilter", "round_detail", "round_summary", "rounds_view"]


@dataclass(frozen=True)
class RoundFilter:
    jurisdiction: str | None = None
    program: str | None = None
    since: date | None = None
    until: date | None = None
    theme: str | None = None  # None: human rights, corruption or cyber, unless all_themes
    all_themes: bool = False

    @property
    def themes(self) -> tuple[str, ...]:
        return (self.theme,) if self.theme else () if self.all_themes else THEMATIC


def _un(state: State, number: int) -> bool:
    listed = state.remember(("un-listed",), lambda: un_listed(state.designations))
    return driven_by_un(state.rounds[number], listed)


def round_summary(state: State, number: int) -> dict[str, Any]:
    found = state.rounds[number]
    return {"round_id": state.round_ids[number], "date_from": found.date_from.isoformat(),
            "date_to": found.date_to.isoformat(), "jurisdictions": list(found.jurisdictions),
            "targets": [{"target_id": t, "name": n} for t, n in found.targets],
            "programs": sorted({d.program for d in found.designations}),
            "dates_uncertain": found.uncertain, "un_listing": _un(state, number)}


def _accepts(state: State, number: int, flt: RoundFilter) -> bool:
    found = state.rounds[number]
    return ((not flt.jurisdiction or flt.jurisdiction in found.jurisdictions)
            and (not flt.program or any(d.program == flt.program for d in found.designations))
            and bool(in_themes([found], flt.themes))
            and (flt.since is None or found.date_to >= flt.since)
            and (flt.until is None or found.date_from <= flt.until))


def rounds_view(state: State, flt: RoundFilter, page: Page) -> dict[str, Any]:
    numbers = [n for n in range(len(state.rounds) - 1, -1, -1) if _accepts(state, n, flt)]
    total, chosen = paginate(numbers, page)
    wanted = [flt.jurisdiction] if flt.jurisdiction else []
    return {"total": total, "limit": page.limit, "offset": page.offset,
            "results": [round_summary(state, n) for n in chosen],
            "lists_held": notes_for(state, wanted), "holdings": holdings_json(state, wanted)}


def round_detail(state: State, round_id: str) -> dict[str, Any] | None:
    number = state.round_number(round_id)
    if number is None:
        return None
    return {"round_id": round_id, **state.rounds[number].to_dict(),
            "un_listing": _un(state, number)}
