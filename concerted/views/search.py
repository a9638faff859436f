"""Search: names and aliases in any script, filtered by jurisdiction, program, theme,
schema, nationality and designation dates. Pure."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from concerted.analysis.designations import Designation
from concerted.state.model import State
from concerted.views.common import Page, paginate, target_summary

__all__ = ["SearchFilter", "search", "suggest"]


@dataclass(frozen=True)
class SearchFilter:
    jurisdiction: str | None = None
    program: str | None = None
    theme: str | None = None
    schema: str | None = None
    nationality: str | None = None  # ISO alpha-2, any case
    since: date | None = None
    until: date | None = None

    @property
    def empty(self) -> bool:
        return all(v is None for v in vars(self).values())

    def accepts(self, state: State, target_id: str) -> bool:
        target = state.targets[target_id]
        if self.schema and target.schema != self.schema:
            return False
        if self.nationality and self.nationality.lower() not in target.countries:
            return False
        return self._designations(state.by_target.get(target_id, ()))

    def _designations(self, designations: Iterable[Designation]) -> bool:
        wanted = [d for d in designations
                  if (not self.jurisdiction or d.jurisdiction == self.jurisdiction)
                  and (not self.program or d.program == self.program)
                  and (not self.theme or self.theme in d.themes)
                  and d.listed_on.overlaps(self.since, self.until)]
        return bool(wanted)


def _ids(state: State, q: str) -> list[str]:
    """Matching targets, best first; remembered per query for the state's lifetime (people
    and type-ahead ask the same names again and again)."""
    if q.strip():
        return state.remember(("search", q.strip().lower()),
                              lambda: [target for target, _ in state.target_hits(q)])
    return state.remember(("all-targets",), lambda: sorted(
        state.targets, key=lambda t: state.targets[t].name.lower()))


def search(state: State, q: str, flt: SearchFilter, page: Page) -> dict[str, Any]:
    """`{"total": n, "results": [{target_id, name, schema, jurisdictions, programs}]}`."""
    ids = _ids(state, q)
    if not flt.empty:
        ids = [i for i in ids if flt.accepts(state, i)]
    total, chosen = paginate(ids, page)
    return {"total": total, "results": [target_summary(state, state.targets[i]) for i in chosen]}


def sources_of(state: State, target_id: str) -> list[str]:
    target = state.targets.get(target_id)
    return sorted({source for source, _ in target.listings}) if target else []


def suggest(state: State, q: str, limit: int = 8) -> list[dict[str, Any]]:
    """Type-ahead: the best few targets with the name that matched and their lists."""
    hits = state.remember(("suggest", q.strip().lower()),
                          lambda: state.target_hits(q)[:limit]) if q.strip() else []
    return [{**target_summary(state, state.targets[t]), "matched_name": h.matched_name,
             "sources": sources_of(state, t)} for t, h in hits]
