"""Is a merged cluster still one person? The chaining check of MATCHING.md.

Pure. Weak links chain: A–B and B–C on thin evidence join A and C, which may be two
officials of one name, or a father and his son. Before the system merges two clusters,
every listing of one is checked against every listing of the other for evidence that
cannot hold for one person or body: different genders, birth dates that conflict (not a
plausible typo), or two different numbers of a kind given once per person or vessel (UN
reference, IMO number). Two entries of one list are a conflict too unless the caller's
`same_list` check accepts them as one person (`duplicates.same_list_evidence`): a list's
own references (Group IDs, ent_nums) are no conflict in themselves, but a list keeps apart
what its publisher kept apart. A conflict leaves the link for review instead.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from concerted.resolve import features
from concerted.resolve.record import Record

__all__ = ["cluster_conflict"]

_CHECKS = (features.gender, features.birth_date, features.identifiers)
_FATAL = -4.0  # a feature at or below this weight rules a merge out


SameList = Callable[[Record, Record], str | None]


def _pair_conflict(a: Record, b: Record, same_list: SameList | None) -> str | None:
    if same_list is not None and a.source == b.source:
        reason = same_list(a, b)
        if reason:
            return f"{a.ref} and {b.ref}: {reason}"
    for check in _CHECKS:
        found = check(a, b)
        if found.weight <= _FATAL:
            return f"{a.ref} and {b.ref}: {found.explanation}"
    return None


def cluster_conflict(records: Mapping[str, Record], same_list: SameList | None = None
                     ) -> Callable[[frozenset[str], frozenset[str]], str | None]:
    """A `Linker` conflict check over these records (refs it does not know are skipped)."""

    def check(left: frozenset[str], right: frozenset[str]) -> str | None:
        for a in sorted(left):
            for b in sorted(right):
                if a in records and b in records:
                    reason = _pair_conflict(records[a], records[b], same_list)
                    if reason:
                        return reason
        return None

    return check
