"""The look-up tables of OFAC's Advanced Sanctions List XML (`sdn_advanced.xml`).

The advanced format (Advanced Sanctions List Standard, namespace
`http://www.un.org/sanctions/1.0`, later the Sanctions List Service's ADVANCED_XML) stores
everything by id: labels in `ReferenceValueSets`, addresses in `Locations`, documents in
`IDRegDocuments`, and program and designation date in `SanctionsEntries`, keyed by the
profile id, which equals the legacy `ent_num` and the sdn.xml `uid` (`FixedRef`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

from concerted.model import Address
from concerted.sources.dates import partial_date

__all__ = ["Refs", "Sanction", "date_of", "period_of"]

Element = etree._Element


@dataclass
class Sanction:
    programs: list[str] = field(default_factory=list)
    listed_on: str | None = None


class Refs:
    """The document's reference values, locations, documents and sanctions entries."""

    def __init__(self, root: Element, ns: str) -> None:
        self.ns = ns
        self.values: dict[str, dict[str, Element]] = {}
        for group in root.iterfind(f"{ns}ReferenceValueSets/*"):
            name = etree.QName(group).localname.removesuffix("Values")
            self.values[name] = {el.get("ID", ""): el for el in group}
        self.locations = {
            loc.get("ID", ""): loc for loc in root.iterfind(f"{ns}Locations/{ns}Location")
        }
        self.documents: dict[str, list[Element]] = {}
        for doc in root.iterfind(f"{ns}IDRegDocuments/{ns}IDRegDocument"):
            self.documents.setdefault(doc.get("IdentityID", ""), []).append(doc)
        self.sanctions: dict[str, Sanction] = {}
        for entry in root.iterfind(f"{ns}SanctionsEntries/{ns}SanctionsEntry"):
            self._sanction(entry)

    def text(self, group: str, ref: str | None) -> str:
        element = self.values.get(group, {}).get(ref or "")
        return "" if element is None else (element.text or "").strip()

    def attr(self, group: str, ref: str | None, name: str) -> str:
        element = self.values.get(group, {}).get(ref or "")
        return "" if element is None else element.get(name, "")

    def address(self, location_id: str | None) -> Address | None:
        location = self.locations.get(location_id or "")
        if location is None:
            return None
        ns = self.ns
        country = next(
            (
                self.text("Country", c.get("CountryID"))
                for c in location.iterfind(f"{ns}LocationCountry")
            ),
            "",
        )
        parts = [(v.text or "").strip() for v in location.iterfind(f".//{ns}Value")]
        full = ", ".join(filter(None, [*parts, country]))
        return Address(full, country or None) if full else None

    def _sanction(self, entry: Element) -> None:
        ns = self.ns
        sanction = self.sanctions.setdefault(entry.get("ProfileID", ""), Sanction())
        for measure in entry.iterfind(f"{ns}SanctionsMeasure"):
            kind = self.text("SanctionsType", measure.get("SanctionsTypeID"))
            comment = (measure.findtext(f"{ns}Comment") or "").strip()
            if comment and kind.lower() == "program":
                sanction.programs.append(comment)
        dates = [
            date_of(event.find(f"{ns}Date"), ns)
            for event in entry.iterfind(f"{ns}EntryEvent")
            if self.text("EntryEventType", event.get("EntryEventTypeID")).lower() == "created"
        ]
        known = sorted(d for d in dates if d)
        if known and (sanction.listed_on is None or known[0] < sanction.listed_on):
            sanction.listed_on = known[0]


def date_of(element: Element | None, ns: str) -> str | None:
    """`<Date>`/`<From>`/`<To>` with `<Year>`, `<Month>`, `<Day>` as a partial ISO date."""
    if element is None:
        return None
    return partial_date(*(element.findtext(f"{ns}{part}") for part in ("Year", "Month", "Day")))


def period_of(period: Element, ns: str) -> str | None:
    """A `<DatePeriod>` as `1958-01-02`, `1958` (a whole year), `1958/1960` or `~1958`."""
    start = date_of(period.find(f"{ns}Start/{ns}From"), ns)
    end = date_of(period.find(f"{ns}End/{ns}To"), ns) or start
    if start is None or end is None:
        return None
    approximate = any(el.get("Approximate") == "true" for el in period)
    if start == end:
        value = start
    elif start[4:] == "-01-01" and end[4:] == "-12-31" and start[:4] == end[:4]:
        value = start[:4]  # OFAC writes "DOB 1958" as 1958-01-01 .. 1958-12-31
    elif start[:7] == end[:7] and start.endswith("-01") and int(end[8:] or 0) >= 28:
        value = start[:7]
    else:
        value = f"{start}/{end}"
    return f"~{value}" if approximate else value
