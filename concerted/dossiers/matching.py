"""Does a listing name the dossier's subject? A deliberately strict test, used to notice a
new designation after an ingest: the same words in a name (order, case, accents and
punctuation aside), and birth years that do not contradict each other. Pure."""

from __future__ import annotations

import re
from collections.abc import Iterable

from concerted.dossiers.model import Subject
from concerted.model import Listing
from concerted.names.tokens import word_key

__all__ = ["names_match", "years"]

_YEAR = re.compile(r"(\d{4})")


def years(dates: Iterable[str]) -> set[str]:
    return {m.group(1) for d in dates if (m := _YEAR.search(d))}


def names_match(subject: Subject, listing: Listing) -> bool:
    wanted = {k for n in subject.names() if (k := word_key(n))}
    found = {k for n in (listing.name, *(x.value for x in listing.names)) if (k := word_key(n))}
    if not wanted & found:
        return False
    ours, theirs = years(subject.birth_dates), years(listing.birth_dates)
    return not (ours and theirs and not ours & theirs)
