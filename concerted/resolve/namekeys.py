"""Keys of a name's words, shared by the blocker and the name feature.

Pure. A word yields itself (and itself without a joined Arabic article), its metaphone and
its consonant skeleton, so `Ayub`/`Aiub`, `Chayka`/`Chaika` and `سعود`/`Saud` share a key.
A whole name also yields its words run together (`chenquanguo`). Keys are prefixed by kind
(`w:`, `p:`, `s:`, `j:`), so a word can never collide with a phonetic code.
"""

from __future__ import annotations

from functools import lru_cache

from rigour.text.phonetics import metaphone

from concerted.names.forms import NameForm
from concerted.names.latin import skeleton, strip_article

__all__ = ["form_keys", "word_keys"]


@lru_cache(maxsize=200_000)
def word_keys(token: str) -> frozenset[str]:
    if len(token) < 2:
        return frozenset()
    bare = strip_article(token)
    keys = {f"w:{token}", f"w:{bare}"}
    if len(bare) >= 3:
        keys.add(f"p:{metaphone(bare)}")
        keys.add(f"s:{skeleton(bare)}")
    return frozenset(keys)


def form_keys(form: NameForm) -> frozenset[str]:
    keys: set[str] = {f"j:{form.sorted_compact}"}
    for token in form.tokens:
        keys |= word_keys(token)
    return frozenset(keys)
