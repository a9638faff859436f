"""A country's ISO code from the way a list writes it ("Russia", "Russian Federation",
"RU", "RUS" all give "ru"). Pure; the one home of this lookup.

rigour's `lookup_territory` understands the most spellings but builds its name table on
first use (seconds, most of a warm `concerted match`), so the names rigour itself gives each
territory (name, full name, codes) are looked up first in a small table, then the spellings
already resolved (`learned`, which a caller can keep and give back with `learn`: the
matcher keeps them with its index), and only new spellings go to `lookup_territory`.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache

__all__ = ["country_code", "learn", "learned"]

_LEARNED: dict[str, str | None] = {}  # spelling -> code, a cache of lookup_territory


@cache
def _exact() -> dict[str, str]:
    # rigour's territory data loads here, on the first lookup, not with every module that
    # names a country (a tenth of a second of each command's start).
    from rigour.territories import get_territories

    table: dict[str, str] = {}
    for territory in get_territories():
        spellings = [territory.name, territory.full_name, territory.code, territory.alpha3,
                     *territory.codes]
        for spelling in spellings:
            if spelling:
                table.setdefault(spelling.casefold(), territory.code)
    return table


def country_code(text: str) -> str | None:
    wanted = text.strip()
    found = _exact().get(wanted.casefold())
    if found is not None:
        return found
    if wanted not in _LEARNED:
        from rigour.territories import lookup_territory

        territory = lookup_territory(wanted)
        _LEARNED[wanted] = territory.code if territory else None
    return _LEARNED[wanted]


def learned() -> dict[str, str | None]:
    return dict(_LEARNED)


def learn(spellings: Mapping[str, str | None]) -> None:
    _LEARNED.update(spellings)
