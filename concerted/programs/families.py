"""Country-program families: `gb-russia`, `us-russia-eo14024`, `eu-rus`... without a table.

The parsers name every regime they have no lookup for `<jurisdiction>-<slug of the list's
own code>`. A family per jurisdiction turns such an id into a country program of theme
"other"; the words of the slug name its target countries where they name a country.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from concerted.programs.schema import Family, Program

__all__ = ["find_family", "resolve", "target_countries"]

CountrySlugs = Mapping[str, tuple[str, ...]]


def find_family(program_id: str, families: Sequence[Family]) -> Family | None:
    matches = [f for f in families if program_id.startswith(f.prefix)]
    return max(matches, key=lambda f: len(f.prefix), default=None)


def resolve(program_id: str, family: Family, slugs: CountrySlugs) -> Program:
    """The country program `program_id` stands for, built from its family's rule."""
    slug = program_id[len(family.prefix):]
    countries = target_countries(slug, {**slugs, **family.country_slugs})
    return Program(
        id=program_id,
        jurisdiction=family.jurisdiction,
        name=f"{family.name}: {slug}",
        status="active",
        type="country",
        themes=("other",),
        target_countries=countries or None,
        list=family.list,
        notes=family.notes,
        sources=family.sources,
        family=family.id,
    )


def target_countries(slug: str, slugs: CountrySlugs) -> tuple[str, ...]:
    """Countries named by the words of `slug`, longest phrase first (south-sudan, not sudan).

    Trailing digits of a word are ignored because list codes number their successive
    versions (DPRK2, IRAQ3, LIBYA3).
    """
    words = [re.sub(r"\d+$", "", w) for w in slug.split("-")]
    found: list[str] = []
    start = 0
    while start < len(words):
        end = _longest_match(words, start, slugs)
        if end is None:
            start += 1
            continue
        found.extend(c for c in slugs["-".join(words[start:end])] if c not in found)
        start = end
    return tuple(found)


def _longest_match(words: list[str], start: int, slugs: CountrySlugs) -> int | None:
    for end in range(len(words), start, -1):
        if "-".join(words[start:end]) in slugs:
            return end
    return None
