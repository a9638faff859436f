"""US Treasury OFAC, Specially Designated Nationals and Blocked Persons List (SDN).

Reads any of OFAC's formats of one publication, given together as one file set:
- the legacy CSV set: `sdn.csv`, optionally with `alt.csv`, `add.csv`, `sdn_comments.csv`
  (us_ofac_csv; the facts in its free-text Remarks are parsed by us_ofac_remarks);
- `sdn.xml` (us_ofac_xml);
- `sdn_advanced.xml` (us_ofac_advanced), alone, or beside either of the above to add the
  designation dates that only it prints (`listed_on`).
sdn.csv takes precedence over sdn.xml when both are given (the same publication twice).
The listing key is OFAC's `ent_num` / `uid` / profile id, the same number in every format.
Only the XML formats carry their publication date; the CSV set has none.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace

from concerted.model import Listing
from concerted.sources import catalog
from concerted.sources.base import Files, Parsed, ParseError
from concerted.sources.us_ofac_advanced import listing_dates, parse_advanced
from concerted.sources.us_ofac_csv import parse_csv_set, read_rows
from concerted.sources.us_ofac_files import WIDTHS, detect, role_of
from concerted.sources.us_ofac_xml import parse_sdn_xml

__all__ = ["SOURCE", "detect", "parse"]


def parse(files: Files) -> Parsed:
    with _collector_paused():
        return _parse(_roles(files))


@contextmanager
def _collector_paused() -> Iterator[None]:
    # Building ~15,000 listings allocates ~500,000 small objects, which triggers dozens of
    # full cyclic collections (a third of the parse time); none of them form cycles.
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _parse(roles: dict[str, tuple[str, bytes]]) -> Parsed:
    if "sdn" not in roles and (alone := sorted(set(roles) & {"alt", "add", "sdn_comments"})):
        raise ParseError(roles[alone[0]][0], "a legacy CSV companion file without sdn.csv")
    published: str | None = None
    if "sdn" in roles:
        listings = _csv_set(roles)
    elif "xml" in roles:
        listings, published = parse_sdn_xml(*roles["xml"])
    elif "advanced" in roles:
        listings, published = parse_advanced(*roles["advanced"])
        return Parsed(_checked(roles["advanced"][0], listings), published)
    else:  # pragma: no cover - every role is one of the above
        raise AssertionError(roles)
    if "advanced" in roles:
        dates, issued = listing_dates(*roles["advanced"])
        listings = [replace(item, listed_on=dates.get(item.key)) for item in listings]
        published = published or issued
    main = roles["sdn"][0] if "sdn" in roles else roles["xml"][0]
    return Parsed(_checked(main, listings), published)


def _csv_set(roles: dict[str, tuple[str, bytes]]) -> list[Listing]:
    sdn = read_rows(*roles["sdn"], WIDTHS["sdn"])
    companions = {
        role: read_rows(*roles[role], width, required=False)
        for role, width in WIDTHS.items()
        if role in roles and role != "sdn"
    }
    return parse_csv_set(sdn, companions)


def _roles(files: Files) -> dict[str, tuple[str, bytes]]:
    if not files:
        raise ParseError("(no file)", "no file given for us_ofac_sdn")
    roles: dict[str, tuple[str, bytes]] = {}
    for name, data in files.items():
        role = role_of(name, data)
        if role is None:
            raise ParseError(name, "not a file of OFAC's SDN list (sdn.csv, sdn.xml...)")
        if role in roles:
            raise ParseError(name, f"two {role} files in one set ({roles[role][0]})")
        roles[role] = (name, data)
    return roles


def _checked(file: str, listings: list[Listing]) -> list[Listing]:
    keys = [listing.key for listing in listings]
    if len(set(keys)) != len(keys):
        raise ParseError(file, "the same ent_num/uid twice: a corrupted file")
    return _linked_names(listings)


def _linked_names(listings: list[Listing]) -> list[Listing]:
    """Give back the final period that the remark's closing period swallowed.

    "Linked To: HERJEZ LTDA." ends a remark, so its period was taken as the remark's; when
    the name is only an SDN name with the period, it is that name.
    """
    names = {listing.name for listing in listings}
    out = []
    for listing in listings:
        if listing.linked_to and not names.issuperset(listing.linked_to):
            fixed = tuple(
                n if n in names or n + "." not in names else n + "." for n in listing.linked_to
            )
            listing = replace(listing, linked_to=fixed)
        out.append(listing)
    return out


SOURCE = catalog.US_OFAC_SDN
