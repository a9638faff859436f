"""A mapping whose values are read the first time they are asked for: `Lazy`.

Pure. An incremental resolve run knows every listing ref but needs the records and
listings of a few: the decisions ask for them by ref, through this, and only those asked
for are read (from the kept file, or the store).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterator, Mapping
from typing import TypeVar

__all__ = ["Lazy"]

V = TypeVar("V")


class Lazy(Mapping[str, V]):
    """The values of `keys`, each read by `load` (None: not there) on first use; `known`
    are those already in hand."""

    def __init__(self, keys: Collection[str], load: Callable[[str], V | None],
                 known: Mapping[str, V] | None = None) -> None:
        self._keys, self._load, self._known = keys, load, dict(known or {})

    def __getitem__(self, key: str) -> V:
        if key not in self._known:
            found = self._load(key) if key in self._keys else None
            if found is None:
                raise KeyError(key)
            self._known[key] = found
        return self._known[key]

    def __contains__(self, key: object) -> bool:
        return key in self._keys

    def __iter__(self) -> Iterator[str]:
        return iter(self._keys)

    def __len__(self) -> int:
        return len(self._keys)
