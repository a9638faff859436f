"""Request bodies of the dossier API, validated by pydantic, with examples for `/docs`."""

from __future__ import annotations

from pydantic import BaseModel, Field

from concerted.dossiers.allegations import AllegationInput
from concerted.dossiers.model import Level, Status, Subject

__all__ = ["AllegationBody", "DossierBody", "ShareBody", "StatusBody", "SubjectBody"]


class SubjectBody(BaseModel):
    name: str = Field(min_length=1, max_length=500, examples=["ZHU Hailun"])
    schema_: str = Field("Person", alias="schema", pattern="^(Person|Organization)$")
    aliases: list[str] = []
    birth_dates: list[str] = []
    nationalities: list[str] = []
    identifiers: list[str] = []
    positions: list[str] = []
    affiliations: list[str] = []
    extra: dict[str, str] = Field({}, examples=[{"national_interest": "..."}])

    def to_subject(self) -> Subject:
        return Subject(self.name, self.schema_, tuple(self.aliases), tuple(self.birth_dates),
                       tuple(self.nationalities), tuple(self.identifiers),
                       tuple(self.positions), tuple(self.affiliations), dict(self.extra))


class DossierBody(BaseModel):
    org: str = Field(examples=["Rights Watch"])
    subject: SubjectBody
    targets: list[str] = Field([], examples=[["us_ofac_sdn:27776"]])


class AllegationBody(BaseModel):
    conduct: list[str] = Field(min_length=1, examples=[["arbitrary_detention", "torture"]])
    summary: str = Field(min_length=1)
    places: str = ""
    victims: str = ""
    date_from: str | None = None
    date_to: str | None = None
    level: Level = Level.GOVERNMENTS

    def to_input(self) -> AllegationInput:
        return AllegationInput(tuple(self.conduct), self.summary, self.places, self.victims,
                               self.date_from, self.date_to, self.level)


class ShareBody(BaseModel):
    coalition: str
    level: Level = Level.GOVERNMENTS


class StatusBody(BaseModel):
    status: Status
    on_date: str | None = Field(None, examples=["2024-03-01"])
    note: str = ""
