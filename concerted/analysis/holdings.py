"""What Concerted holds of each government's lists: the one home of that fact. Pure.

Every answer that says a government has or has not acted rests on the lists held. A
government whose list is not held, whose held list covers only some of its regimes (the EU's
human-rights annex from the Official Journal), or whose newest held list is old may have
acted without our knowing: pages and JSON name that ("EU: human-rights regime only, from the
Official Journal annex"), never leave it silent. The gaps analysis, the dashboard, the gap
panels, the gaps filter, the rounds filter and the dossiers all read it from here.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from concerted.labels import jurisdiction_short_name
from concerted.sources import SOURCES

__all__ = ["STALE_DAYS", "TRACKED", "Holding", "holding_notes", "holdings", "stale_reason"]

STALE_DAYS = 365  # a list older than this before the newest list held may be out of date
# Every government a list source exists for, in the order pages show them.
TRACKED = tuple(dict.fromkeys(source.jurisdiction for source in SOURCES.values()))


@dataclass(frozen=True)
class Holding:
    jurisdiction: str
    sources: tuple[str, ...]  # the sources of this jurisdiction with a snapshot held
    newest: str | None  # the newest snapshot of any of them
    programs: tuple[str, ...] | None  # the only programs its held lists cover; None: all
    scope: str | None  # those lists' own words for that part ("human-rights regime only…")
    stale_reason: str | None  # why its newest list may be out of date

    @property
    def held(self) -> bool:
        return bool(self.sources)

    @property
    def state(self) -> str:
        """none, partial (some regimes only), stale (old), or full."""
        if not self.held:
            return "none"
        return "partial" if self.programs is not None else "stale" if self.stale_reason else "full"

    @property
    def note(self) -> str | None:
        """What a reader must know before reading "has not acted"; None when nothing."""
        name = jurisdiction_short_name(self.jurisdiction)
        if not self.held:
            return f"{name}: no list held"
        parts = [self.scope] if self.scope else []
        if self.stale_reason:
            parts.append(self.stale_reason)
        return f"{name}: {'; '.join(parts)}" if parts else None

    def covers(self, program: str) -> bool:
        """Whether a designation under `program` would show in the lists held."""
        return self.held and (self.programs is None or program in self.programs)

    def to_dict(self) -> dict[str, Any]:
        return {"jurisdiction": self.jurisdiction, "state": self.state, "note": self.note,
                "sources": list(self.sources), "newest": self.newest,
                "programs": None if self.programs is None else list(self.programs),
                "possibly_stale": self.stale_reason is not None}


def holdings(calendars: Mapping[str, tuple[str, ...]], as_of: date | None = None,
             stale_days: int = STALE_DAYS, extra: Iterable[str] = ()) -> dict[str, Holding]:
    """One holding per tracked jurisdiction (and any in `extra`), from the snapshot dates
    held per source; `as_of` (default: the newest snapshot held) measures staleness."""
    held = {s: dates for s, dates in calendars.items() if dates and s in SOURCES}
    newest_held = max((dates[-1] for dates in held.values()), default=None)
    as_of = as_of or (date.fromisoformat(newest_held) if newest_held else None)
    found = {}
    for jurisdiction in dict.fromkeys([*TRACKED, *extra]):
        mine = sorted(s for s in held if SOURCES[s].jurisdiction == jurisdiction)
        newest = max((held[s][-1] for s in mine), default=None)
        partial = [SOURCES[s] for s in mine]
        whole = not mine or any(s.programs is None for s in partial)
        found[jurisdiction] = Holding(
            jurisdiction, tuple(mine), newest,
            None if whole else tuple(sorted({p for s in partial for p in s.programs or ()})),
            None if whole else "; ".join(dict.fromkeys(s.scope or s.title for s in partial)),
            stale_reason(newest, as_of, stale_days))
    return found


def stale_reason(newest: str | None, as_of: date | None, stale_days: int = STALE_DAYS
                 ) -> str | None:
    """Why a list of `newest` may be out of date as of `as_of`: the one staleness rule."""
    if newest is None or as_of is None:
        return None
    if (as_of - date.fromisoformat(newest)).days > stale_days:
        return f"newest list of {newest}, over {stale_days} days old: possibly stale"
    return None


def holding_notes(found: Mapping[str, Holding], jurisdictions: Iterable[str] | None = None
                  ) -> list[str]:
    """The notes of the holdings that need one (of `jurisdictions`, default every one)."""
    chosen = found if jurisdictions is None else [j for j in jurisdictions if j in found]
    return [note for j in chosen if (note := found[j].note)]
