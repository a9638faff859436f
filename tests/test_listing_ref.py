"""`ListingRef`: the one text form of a listing reference, `source:key`."""

from __future__ import annotations

import pytest

from concerted.model import Listing, ListingRef


def test_text_form_round_trips_and_equals_the_plain_pair() -> None:
    ref = ListingRef.parse("ca_sema:Russia#1#54")
    assert ref == ("ca_sema", "Russia#1#54") and hash(ref) == hash(("ca_sema", "Russia#1#54"))
    assert str(ref) == "ca_sema:Russia#1#54"
    assert ListingRef.parse("eu_fsf:EU.123:45").key == "EU.123:45"  # keys may hold colons
    listing = Listing(source="us_ofac_sdn", key="36459", schema="Person", name="KADYROV")
    assert str(ListingRef.of(listing)) == "us_ofac_sdn:36459"


@pytest.mark.parametrize("text", ["", "us_ofac_sdn", "us_ofac_sdn:", ":36459"])
def test_a_malformed_reference_is_refused_by_name(text: str) -> None:
    with pytest.raises(ValueError, match="source:key"):
        ListingRef.parse(text)
