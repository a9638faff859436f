"""The pure diff between two snapshots, on real Australian and OFAC listings."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from concerted.analysis.changes import diff, same_subject
from concerted.model import Listing
from concerted.sources import SOURCES, au_dfat, us_ofac_sdn

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
FIXTURE = FIXTURES / "au_dfat" / "regulation8-excerpt.xlsx"


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
    changes = diff({first.key: first}, {first.key: reused}, reuses_keys=True)
    assert [(c.kind, c.name, c.reused_key) for c in changes] == [
        ("added", other.name, True),
        ("removed", first.name, True),
    ]


def test_a_respelt_name_is_still_the_same_subject() -> None:
    person = next(item for item in LISTINGS.values() if item.schema == "Person")
    respelt = dataclasses.replace(person, name=person.name.upper())
    assert same_subject(person, respelt)


def _ofac(day: str) -> dict[str, Listing]:
    data = (FIXTURES / "us_ofac_sdn" / "renamed" / f"sdn-{day}.csv").read_bytes()
    return {listing.key: listing for listing in us_ofac_sdn.parse({"sdn.csv": data}).listings}


def test_only_australia_is_known_to_reuse_keys() -> None:
    assert {s.id for s in SOURCES.values() if s.reuses_keys} == {"au_dfat"}


def test_ofac_renames_are_amendments() -> None:
    # The eight ent_nums OFAC renamed between the 2023-06-02 and 2023-07-31 files (REAL IRA
    # -> NEW IRISH REPUBLICAN ARMY, vessel HORSE -> HAWK with the same IMO number…).
    old, new = _ofac("2023-06-02"), _ofac("2023-07-31")
    changes = diff(old, new)
    assert len(changes) == 8
    assert all(c.kind == "amended" and not c.reused_key and "name" in c.fields for c in changes)
    assert {c.key: c.name for c in changes}["6853"] == "NEW IRISH REPUBLICAN ARMY"


def test_a_shared_document_number_is_the_same_subject_under_a_new_name() -> None:
    old, new = _ofac("2023-06-02"), _ofac("2023-07-31")
    assert (old["15059"].name, new["15059"].name) == ("HORSE", "HAWK")
    assert same_subject(old["15059"], new["15059"])  # IMO 9362061 in both
    # On a list that does reuse keys, the vessels keep their identity by their IMO numbers.
    reused = {c.key for c in diff(old, new, reuses_keys=True) if c.reused_key}
    assert not reused & {"15037", "15059", "15075", "15081", "15084", "16911"}
