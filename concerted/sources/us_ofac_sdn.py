"""US Treasury OFAC, Specially Designated Nationals and Blocked Persons List (SDN).

Reads any of OFAC's formats of one publication, given together as one file set:
- the legacy CSV set: `sdn.csv`, optionally with `alt.csv`, `add.csv`, `sdn_comments.csv`
  (us_ofac_csv; the facts in its free-text Remarks are parsed by us_ofac_remarks);
- `sdn.xml` (us_ofac_xml);
- `sdn_advanced.xml` (us_ofac_advanced), alone, or beside either of the above to add the
  designation dates that only it prints (`listed_on`).
The listing key is OFAC's `ent_num` / `uid` / profile id, the same number in every format.
Only the XML formats carry their publication date; the CSV set has none.
"""

from __future__ import annotations

import gc
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace

from concerted.model import Listing
from concerted.sources.base import Files, Parsed, ParseError, Source
from concerted.sources.us_ofac_advanced import listing_dates, parse_advanced
from concerted.sources.us_ofac_csv import parse_csv_set, read_rows
from concerted.sources.us_ofac_xml import parse_sdn_xml

__all__ = ["SOURCE", "detect", "parse"]

_ROLES = {
    "sdn.csv": "sdn",
    "alt.csv": "alt",
    "add.csv": "add",
    "sdn_comments.csv": "sdn_comments",
    "sdn.xml": "xml",
    "sdn_advanced.xml": "advanced",
}
_WIDTHS = {"sdn": 12, "alt": 5, "add": 6, "sdn_comments": 2}
_CSV_HEADS = {
    "sdn": re.compile(rb'\d+,"[^"\r\n]*",(?:-0- ?|"[a-z]+"),"'),
    "alt": re.compile(rb'\d+,\d+,"[a-z.]+",'),
    "add": re.compile(rb"\d+,\d+,(?:-0- ?|\")"),
    "sdn_comments": re.compile(rb'\d+,"'),
}
_XML_ROOTS = {"xml": re.compile(rb"<sdnList[\s>]"), "advanced": re.compile(rb"<Sanctions[\s>]")}
_ADVANCED_NS = re.compile(rb"un\.org/sanctions/1\.0|ADVANCED_XML")


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
    published: str | None = None
    if "sdn" in roles:
        listings = _csv_set(roles)
    elif "xml" in roles:
        listings, published = parse_sdn_xml(*roles["xml"])
    elif "advanced" in roles:
        listings, published = parse_advanced(*roles["advanced"])
        return Parsed(_checked(roles["advanced"][0], listings), published)
    else:
        name = next(iter(roles.values()))[0]
        raise ParseError(name, "a companion file without sdn.csv, sdn.xml or sdn_advanced.xml")
    if "advanced" in roles:
        dates, issued = listing_dates(*roles["advanced"])
        listings = [replace(item, listed_on=dates.get(item.key)) for item in listings]
        published = published or issued
    main = roles["sdn"][0] if "sdn" in roles else roles["xml"][0]
    return Parsed(_checked(main, listings), published)


def _csv_set(roles: dict[str, tuple[str, bytes]]) -> list[Listing]:
    rows = {role: read_rows(*roles[role], _WIDTHS[role]) for role in _WIDTHS if role in roles}
    sdn = rows.pop("sdn")
    return parse_csv_set(sdn, rows)


def _roles(files: Files) -> dict[str, tuple[str, bytes]]:
    if not files:
        raise ParseError("(no file)", "no file given for us_ofac_sdn")
    roles: dict[str, tuple[str, bytes]] = {}
    for name, data in files.items():
        role = _role(name, data)
        if role is None:
            raise ParseError(name, "not a file of OFAC's SDN list (sdn.csv, sdn.xml...)")
        if role in roles:
            raise ParseError(name, f"two {role} files in one set ({roles[role][0]})")
        roles[role] = (name, data)
    return roles


def _role(name: str, data: bytes) -> str | None:
    base = re.split(r"[\\/]", name)[-1].lower()
    if base in _ROLES:
        return _ROLES[base]
    head = data[:4096]
    for role, pattern in _XML_ROOTS.items():
        if pattern.search(head):
            return role
    return "sdn" if _CSV_HEADS["sdn"].match(head) else None


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


def detect(name: str, data: bytes) -> bool:
    """Whether `data` is one of OFAC's SDN files (never the consolidated non-SDN list)."""
    try:
        base = re.split(r"[\\/]", name)[-1].lower()
        if "cons" in base:  # OFAC's consolidated non-SDN files share the SDN layouts
            return False
        head = data[:4096]
        if _XML_ROOTS["xml"].search(head):
            return True
        if _XML_ROOTS["advanced"].search(head):
            return bool(_ADVANCED_NS.search(head))
        role = _ROLES.get(base, "sdn")
        pattern = _CSV_HEADS.get(role)
        return pattern is not None and bool(pattern.match(head))
    except Exception:  # detect must never raise, whatever the bytes
        return False


SOURCE = Source(
    id="us_ofac_sdn",
    jurisdiction="us",
    title="Specially Designated Nationals and Blocked Persons List (SDN)",
    publisher="U.S. Department of the Treasury, Office of Foreign Assets Control (OFAC)",
    url="https://www.treasury.gov/ofac/downloads/sdn.csv",
    formats=("csv", "xml"),
    # Shared history: 9,035 (2021-12-02) .. 14,965 (2024-05-03) listings; half of the
    # smallest real file must be refused, and the list has only grown since 2021.
    min_listings=8_000,
    max_listings=30_000,
    parse=parse,
    detect=detect,
    cadence_days=1,
    verified=True,
    companions=("sdn.csv", "alt.csv", "add.csv", "sdn_comments.csv", "sdn.xml", "sdn_advanced.xml"),
)
