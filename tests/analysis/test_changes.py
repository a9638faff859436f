"""The pure diff between two snapshots, on real Australian listings."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from concerted.analysis.changes import diff, same_subject
from concerted.model import Listing
from concerted.sources import au_dfat

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "au_dfat" / "regulation8-excerpt.xlsx"


def _listings() -> dict[str, Listing]:
    parsed = au_dfat.parse({"regulation8_consolidated.xlsx": FIXTURE.read_bytes()})
    return {listing.key: listing for listing in parsed.listings}


LISTINGS = _listings()


@given(st.sets(st.sampled_from(sorted(LISTINGS))))
def test_a_snapshot_compared_with_itself_has_no_changes(keys: set[str]) -> None:
    snapshot = {k: LISTINGS[k] for k in keys}
    assert diff(snapshot, snapshot) == []


@given(st.sets(st.sampled_from(sorted(LISTINGS))), st.sets(st.sampled_from(sorted(LISTINGS))))
def test_additions_and_removals_are_the_set_differences(old: set[str], new: set[str]) -> None:
    changes = diff({k: LISTINGS[k] for k in old}, {k: LISTINGS[k] for k in new})
    assert {c.key for c in changes if c.kind == "added"} == new - old
    assert {c.key for c in changes if c.kind == "removed"} == old - new
    assert not [c for c in changes if c.kind == "amended"]


def test_an_amendment_names_its_fields() -> None:
    listing = next(iter(LISTINGS.values()))
    amended = dataclasses.replace(listing, reasons="Listed again after review")
    (change,) = diff({listing.key: listing}, {listing.key: amended})
    assert (change.kind, change.fields) == ("amended", ("reasons",))


def test_a_reused_reference_is_a_removal_plus_an_addition() -> None:
    people = [item for item in LISTINGS.values() if item.schema == "Person"]
    first, other = people[0], people[-1]
    assert not same_subject(first, other)
    reused = dataclasses.replace(other, key=first.key)
    changes = diff({first.key: first}, {first.key: reused})
    assert [(c.kind, c.name, c.reused_key) for c in changes] == [
        ("added", other.name, True),
        ("removed", first.name, True),
    ]


def test_a_respelt_name_is_still_the_same_subject() -> None:
    person = next(item for item in LISTINGS.values() if item.schema == "Person")
    respelt = dataclasses.replace(person, name=person.name.upper())
    assert same_subject(person, respelt)
