"""Which other jurisdictions already list the target of a designation: "a partner followed".

Found by name over the current listings of every other jurisdiction (normalised names,
rapidfuzz to shortlist, `names.score` to confirm), so it works before any cross-list
resolution has been confirmed. Built lazily: only a subscription asking `--followed` pays.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rapidfuzz import fuzz, process
from sqlalchemy import Engine

from concerted.alerts import names
from concerted.alerts.model import Event
from concerted.names.tokens import ascii_form
from concerted.sources import SOURCES
from concerted.store.reader import Reader

__all__ = ["PartnerFinder"]


@dataclass
class PartnerFinder:
    engine: Engine
    threshold: float = 0.9
    _choices: list[str] = field(default_factory=list)
    _owners: list[tuple[str, str]] = field(default_factory=list)  # (jurisdiction, name)
    _cache: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def __call__(self, event: Event) -> tuple[str, ...]:
        if event.key not in self._cache:
            self._cache[event.key] = self._find(event)
        return self._cache[event.key]

    def _index(self) -> None:
        for row in Reader(self.engine).listings(current=True):
            jurisdiction = SOURCES[row.listing.source].jurisdiction
            for name in {row.listing.name, *(n.value for n in row.listing.names)}:
                text = ascii_form(name)
                if text:
                    self._choices.append(text)
                    self._owners.append((jurisdiction, name))

    def _find(self, event: Event) -> tuple[str, ...]:
        if not self._choices:
            self._index()
        found: set[str] = set()
        for name in {event.name, *event.names}:
            query = ascii_form(name)
            hits = process.extract(query, self._choices, scorer=fuzz.token_sort_ratio,
                                   score_cutoff=self.threshold * 90, limit=50)
            for _, _, index in hits:
                jurisdiction, other = self._owners[index]
                if jurisdiction not in event.jurisdictions and names.score(name, other) >= \
                        self.threshold:
                    found.add(jurisdiction)
        return tuple(sorted(found))
