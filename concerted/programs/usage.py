"""Program ids that code outside this package relies on, in one place the drift tests read.

A plain registry (area -> ids): when the gaps analysis, a submission template or an export
starts naming a program, add its id here and `tests/programs/test_drift.py` fails until the
data file defines that program with its criteria. Parsers are not listed: the drift test
reads their lookups from `concerted/sources/*.yml` directly.
"""

from __future__ import annotations

__all__ = ["PROGRAM_IDS_USED", "used_ids"]

PROGRAM_IDS_USED: dict[str, tuple[str, ...]] = {
    # The Magnitsky-style programs the gaps analysis weighs per jurisdiction (DESIGN.md).
    "gaps": ("us-glomag", "us-magnit", "us-7031c", "gb-ghr", "gb-gac", "eu-ghr", "ca-jvcfoa",
             "ca-sema", "au-thematic"),
    # Programs `concerted submissions build --program` will write a packet for.
    "submissions": ("us-glomag", "gb-ghr", "gb-gac", "eu-ghr", "ca-jvcfoa", "au-thematic"),
    # Ids DESIGN.md and the docs use in examples, and the alias the shared facts use.
    "docs": ("us-glomag", "us-magnit", "gb-ghr", "gb-gac", "eu-ghr", "ca-jvcfoa",
             "au-thematic", "au-magnitsky"),
}


def used_ids() -> list[tuple[str, str]]:
    """Every (area, program id) pair, sorted, for parametrised tests."""
    return sorted((area, pid) for area, ids in PROGRAM_IDS_USED.items() for pid in ids)
