"""The FCDO UK Sanctions List XML read into facets per `UniqueID`, and the list's layout.

`Designations/Designation`, one element per designation, with `DateGenerated` (dd/mm/yyyy)
as the first child of the root. Which element feeds which facet is data
(`gb_fcdo_uksl.yml`), shared with the CSV/ODS reader so all forms build alike.
AWAITING VERIFICATION ON A REAL FILE: the layout comes from a published excerpt (see the yml).
"""

from __future__ import annotations

from pathlib import Path

from lxml import etree
from pydantic import BaseModel, model_validator

from concerted.sources.base import ParseError
from concerted.sources.dates import iso_date
from concerted.sources.gb_facets import Facets
from concerted.sources.gb_shared import clean
from concerted.sources.refdata import load
from concerted.sources.safe import parse_xml

__all__ = ["KEY", "UKSL", "read_xml"]

KEY = "unique_id"


class Facet(BaseModel):
    fields: list[str]
    xml: str
    elements: list[str] | None = None


class UkslData(BaseModel):
    regime_aliases: dict[str, str]
    columns: dict[str, list[str]]
    required: list[str]
    facets: dict[str, Facet]
    extra_facets: list[str]

    @model_validator(mode="after")
    def _consistent(self) -> UkslData:
        fields = {field for facet in self.facets.values() for field in facet.fields}
        if unknown := (fields | set(self.required)) - self.columns.keys():
            raise ValueError(f"fields without columns: {sorted(unknown)}")
        if unknown := set(self.extra_facets) - self.facets.keys():
            raise ValueError(f"extra_facets that are no facet: {sorted(unknown)}")
        for name, facet in self.facets.items():
            if facet.elements is not None and len(facet.elements) != len(facet.fields):
                raise ValueError(f"facet {name}: elements and fields differ in number")
        return self


UKSL = load(str(Path(__file__).with_name("gb_fcdo_uksl.py")), UkslData)


def read_xml(file: str, data: bytes) -> tuple[str | None, dict[str, Facets]]:
    root = parse_xml(file, data)
    if root.tag.startswith("{"):  # the published file has no namespace; tolerate one
        for element in root.iter():
            if isinstance(element.tag, str):
                element.tag = etree.QName(element).localname
    if root.tag != "Designations":
        raise ParseError(file, f"root element <{root.tag}> is not the UK Sanctions List")
    published = iso_date(root.findtext("DateGenerated") or "")
    groups: dict[str, Facets] = {}
    for designation in root.iterfind("Designation"):
        key = clean(designation.findtext("UniqueID"))
        if not key:
            raise ParseError(file, "a <Designation> has no <UniqueID>")
        facets = groups.setdefault(key, {name: {} for name in UKSL.facets})
        for name, facet in UKSL.facets.items():
            for node in designation.iterfind(facet.xml):
                if facet.elements is None:
                    found: tuple[str, ...] = ((node.text or "").strip(),)
                else:
                    found = tuple((node.findtext(e) or "").strip() for e in facet.elements)
                if any(found):
                    facets[name][found] = None
    return published, groups
