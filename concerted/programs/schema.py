"""The shape of `concerted/data/programs.yaml`, as pydantic models validated on load.

Every model is frozen and forbids unknown keys, so a typo in the data file fails at load
instead of silently dropping a fact. Cross-references (source ids, conduct ids, aliases)
are checked in `checks.py`.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

__all__ = [
    "Conduct",
    "Criterion",
    "Family",
    "Instrument",
    "OfficialList",
    "Program",
    "ProgramData",
    "Renewal",
    "SourceRef",
    "Statement",
    "Submission",
]

Status = Literal["active", "proposed", "considering", "none"]
ProgramType = Literal["thematic", "country"]
Theme = Literal["human_rights", "corruption", "cyber", "other"]
Group = Literal["human_rights", "corruption", "cyber"]
Measure = Literal["asset_freeze", "dealings_prohibition", "travel_ban", "trade_restrictions"]
PartialDate = Annotated[str, StringConstraints(pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$")]
CountryCode = Annotated[str, StringConstraints(pattern=r"^[A-Z]{2}$")]
Ids = tuple[str, ...]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class SourceRef(_Model):
    id: str
    title: str
    url: str


class Conduct(_Model):
    id: str = Field(pattern=r"^[a-z_]+$")
    group: Group
    label: str


class Statement(_Model):
    """A short fact in our words, with the sources that support it."""

    text: str
    sources: Ids


class Instrument(_Model):
    title: str
    date: PartialDate | None = None
    date_note: str | None = None  # when no single date applies ("every fiscal year")
    sources: Ids


class Criterion(_Model):
    """One listing ground of a program and the conduct categories it covers."""

    conduct: Ids
    text: str
    condition: str | None = None  # covers the conduct only in part: a threshold, one case
    note: str | None = None
    sources: Ids


class Renewal(_Model):
    listings: Literal["no_expiry", "annual_review", "unknown"]
    next_review: PartialDate | None = None  # the date current listings run to
    framework_expires: PartialDate | None = None
    text: str
    sources: Ids


class Submission(_Model):
    channel: str
    contact: str | None = None
    guides: Ids = ()  # source ids of templates and how-to guides for submitters
    note: str | None = None
    sources: Ids


class OfficialList(_Model):
    parsed_by: tuple[str, ...] = ()  # Concerted source ids (us_ofac_sdn...) reading this list
    name: str
    publisher: str | None = None
    markers: Ids = ()  # the list's own program strings, as the parsers' lookups spell them
    unverified_marker: bool = False  # no real file or no parser to check the markers against
    follows: str | None = None  # a program whose designations this one applies
    note: str | None = None
    sources: Ids = ()


class Program(_Model):
    id: str = Field(pattern=r"^[a-z]{2}-[a-z0-9-]+$")
    aliases: Ids = ()
    jurisdiction: str = Field(pattern=r"^[a-z]{2}$")
    name: str
    status: Status
    verified: bool = True
    type: ProgramType
    themes: tuple[Theme, ...]
    target_countries: tuple[CountryCode, ...] | None = None  # None: any target (or unknown)
    instruments: tuple[Instrument, ...] = ()
    criteria: tuple[Criterion, ...] = ()
    evidentiary_standard: Statement | None = None
    designated_by: Statement | None = None
    measures: tuple[Measure, ...] = ()
    measures_note: str | None = None
    renewal: Renewal | None = None
    submission: Submission | None = None
    list: OfficialList | None = None
    opensanctions: Ids = ()
    notes: str | None = None
    sources: Ids
    family: str | None = None  # set on programs resolved through a country family

    def conduct_ids(self) -> frozenset[str]:
        return frozenset(c for criterion in self.criteria for c in criterion.conduct)

    def cited_sources(self) -> tuple[str, ...]:
        """Every source id cited anywhere in the program, once each, first-cited first."""
        parts = (*self.instruments, *self.criteria, self.evidentiary_standard,
                 self.designated_by, self.renewal, self.list, self.submission)
        ids = [*self.sources, *(s for part in parts if part is not None for s in part.sources)]
        ids += self.submission.guides if self.submission else ()
        return tuple(dict.fromkeys(ids))


class Family(_Model):
    """A rule resolving every `<prefix><slug>` id of one jurisdiction to a country program."""

    id: str
    jurisdiction: str = Field(pattern=r"^[a-z]{2}$")
    prefix: str = Field(pattern=r"^[a-z]{2}-$")
    name: str
    list: OfficialList
    notes: str
    country_slugs: dict[str, tuple[CountryCode, ...]] = {}  # overrides of the global table
    sources: Ids


class ProgramData(_Model):
    schema_version: Literal[1]
    data_version: str
    conduct: tuple[Conduct, ...]
    measures: dict[Measure, str]
    country_slugs: dict[str, tuple[CountryCode, ...]]
    families: tuple[Family, ...]
    programs: tuple[Program, ...]
    sources: tuple[SourceRef, ...]
