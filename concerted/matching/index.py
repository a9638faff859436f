"""Type-ahead search over every name and alias of every target, in any script. Pure.

An in-memory inverted index built once per store state: sorted tokens with their targets, so
that every query token is looked up as a prefix by bisection. A target matches when each
query token is a prefix of one of its tokens; hits are ranked by how many tokens match whole,
then by fuzzy similarity of the query to the target's closest name.
"""

from __future__ import annotations

import math
from array import array
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from concerted.names.tokens import ascii_form, name_tokens, query_tokens

__all__ = ["Hit", "NameIndex"]

_MAX_EXPANSION = 3000  # prefix expansions beyond this add noise, not recall
_RANKED = 300  # candidates whose names are fuzzily compared
_SEP = "\x1f"  # the unit separator: in no name


@dataclass(frozen=True, slots=True)
class Hit:
    ref: str  # what the index was built over: here a listing, `source:key`
    score: float
    matched_name: str


class Postings:
    """The positions under each token, in two flat arrays: kept on disk by `concerted match`,
    100,000 small sets took a second to read back; two arrays take a millisecond."""

    def __init__(self, lists: Iterable[Sequence[int]]) -> None:
        self.flat = array("l")
        self.starts = array("l", [0])
        for positions in lists:
            self.flat.extend(positions)
            self.starts.append(len(self.flat))

    def __getitem__(self, token: int) -> Sequence[int]:
        return self.flat[self.starts[token]:self.starts[token + 1]]

    def __len__(self) -> int:
        return len(self.starts) - 1


class NameIndex:
    def __init__(self, names: Iterable[tuple[str, Sequence[str]]]) -> None:
        """`names`: (an id, every name the lists give it)."""
        self.ids: list[str] = []
        self._names: list[str] = []  # each id's names joined by _SEP: quicker to read back
        postings: dict[str, set[int]] = {}
        for position, (target_id, texts) in enumerate(names):
            self.ids.append(target_id)
            self._names.append(_SEP.join(dict.fromkeys(texts)))
            for text in texts:
                for token in name_tokens(text):
                    postings.setdefault(token, set()).add(position)
        self.tokens = sorted(postings)
        self.postings = Postings(sorted(postings[t]) for t in self.tokens)

    def names(self, position: int) -> list[str]:
        """Every name of the id at `position`, each once, in the order given."""
        return self._names[position].split(_SEP)

    def _expand(self, prefix: str, exact_only: bool) -> tuple[set[int], set[int]]:
        """Targets with a token starting with `prefix`, and those with exactly `prefix`."""
        start = bisect_left(self.tokens, prefix)
        exact: set[int] = set()
        found: set[int] = set()
        for offset, token in enumerate(self.tokens[start:start + _MAX_EXPANSION]):
            if not token.startswith(prefix):
                break
            if token == prefix:
                exact = set(self.postings[start + offset])
            elif exact_only:
                break
            found.update(self.postings[start + offset])
        return found | exact, exact

    def search(self, query: str) -> list[Hit]:
        tokens = query_tokens(query)
        if not tokens:
            return []
        matched: set[int] | None = None
        whole: dict[int, int] = {}
        for token in tokens:
            found, exact = self._expand(token, exact_only=len(token) < 2 and token.isascii())
            matched = found if matched is None else matched & found
            for position in exact:
                whole[position] = whole.get(position, 0) + 1
            if not matched:
                return []
        assert matched is not None
        ordered = sorted(matched, key=lambda p: (-whole.get(p, 0), p))
        return sorted((self._hit(p, query, whole.get(p, 0)) for p in ordered[:_RANKED]),
                      key=lambda h: (-h.score, h.ref)) + [
            Hit(self.ids[p], whole.get(p, 0) / len(tokens) * 50, self.names(p)[0])
            for p in ordered[_RANKED:]]

    def _hit(self, position: int, query: str, whole: int) -> Hit:
        wanted = ascii_form(query)
        best, name = max(((fuzz.token_sort_ratio(wanted, ascii_form(text)), text)
                          for text in self.names(position)), key=lambda pair: pair[0])
        return Hit(self.ids[position], round(best / 2 + 50 * min(whole, 1), 1), name)

    def candidates(self, text: str, limit: int = 20, max_df: int = 2000) -> list[str]:
        """Ids sharing whole words with `text`, by the rarity of the words they share
        (blocking for the matcher: an extra middle name does not hide a candidate)."""
        weights: dict[int, float] = {}
        for token in name_tokens(text):
            position = bisect_left(self.tokens, token)
            if position == len(self.tokens) or self.tokens[position] != token:
                continue
            posting = self.postings[position]
            if len(posting) > max_df:
                continue
            weight = math.log(max(len(self.ids), 1) / len(posting))
            for target in posting:
                weights[target] = weights.get(target, 0.0) + weight
        ranked = sorted(weights, key=lambda p: (-weights[p], p))[:limit]
        return [self.ids[p] for p in ranked]

    def idf(self, word: str) -> float:
        """How rare a name word is among targets: log(N / targets with it)."""
        position = bisect_left(self.tokens, word)
        found = self.tokens[position] == word if position < len(self.tokens) else False
        count = len(self.postings[position]) if found else 1
        return math.log(max(len(self.ids), 1) / count)

    def __len__(self) -> int:
        return len(self.ids)
