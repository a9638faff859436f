"""The blocking index kept between runs (`reblock.KeyIndex`): brought up to new and amended
records, it proposes what an index built from scratch over the same records proposes."""

from __future__ import annotations

import dataclasses
import pickle

from concerted.model import Listing
from concerted.resolve.block import Blocker
from concerted.resolve.reblock import KeyIndex
from concerted.resolve.record import Record, prepare


def _index(records: list[Record]) -> KeyIndex:
    return KeyIndex.of(Blocker(records), [f"v-{r.ref}" for r in records])


def _pairs(index: KeyIndex, records: list[Record]) -> set[tuple[str, str, float]]:
    numbered = [(index.number(r.ref), r) for r in records]
    found = index.candidates_of([(n, r) for n, r in numbered if n is not None])
    return {(index.refs[c.left], index.refs[c.right], round(c.weight, 9)) for c in found}


def test_new_records_meet_what_a_fresh_index_proposes(listings: list[Listing]) -> None:
    records = [prepare(x) for x in listings]
    kept, new = records[:-8], records[-8:]
    index = pickle.loads(pickle.dumps(_index(kept)))  # as a later run reads it back
    for record in new:
        index.replace(None, record, f"v-{record.ref}")
    fresh = _index(records)
    assert index.refs == fresh.refs and index.versions == fresh.versions
    assert index.postings == fresh.postings
    assert _pairs(index, new) == _pairs(fresh, new) and _pairs(index, new)
    words = {t for r in records for form in r.names for t in form.tokens}
    assert all(abs(index.idf(w) - Blocker(records).idf(w)) < 1e-12 for w in words)


def test_an_amended_record_leaves_no_trace_of_its_old_keys(listings: list[Listing]) -> None:
    records = [prepare(x) for x in listings]
    at = next(i for i, r in enumerate(records) if r.ref == "gb_hmt_conlist:13042")  # KADYROV
    amended = prepare(dataclasses.replace(listings[at], names=(), birth_dates=()))
    index = _index(records)
    assert index.replace(records[at], amended, "v-amended") == at
    changed = [*records[:at], amended, *records[at + 1:]]
    fresh = KeyIndex.of(Blocker(changed), index.versions)
    assert index.postings == fresh.postings
    assert _pairs(index, [amended]) == _pairs(fresh, [amended])
    assert index.version(amended.ref) == "v-amended"
