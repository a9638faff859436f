"""Reference data and value readers shared by the two UK lists (OFSI ConList, FCDO UKSL).

Both lists come from the same UK data model: `Name 6` is the surname (or an entity's whole
name), dates are `dd/mm/yyyy` with `00`/`dd`/`mm` for unknown parts, multi-valued cells are
enumerated `(1) … (2) …`, and regimes are named the same way. The regime table lives in
`gb_hmt_conlist.yml` and is validated here at import.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from concerted.model import ProgramRef
from concerted.sources.refdata import Theme, load

__all__ = [
    "CONLIST",
    "ConListData",
    "clean",
    "program_ref",
    "prose",
    "slug",
    "split_items",
]

Schema = Literal["Person", "Organization", "LegalEntity", "Vessel", "Airplane"]
NameKind = Literal["primary", "variation", "alias", "fka", "nka", "original"]
RemarkKind = Literal[
    "ref", "un_ref", "reasons", "gender", "website", "email", "identifier", "extra"
]


class Regime(BaseModel):
    marker: str
    id: str = Field(pattern=r"^gb-[a-z0-9-]+$")
    theme: Theme


class RemarkLabel(BaseModel):
    model_config = ConfigDict(populate_by_name=True)
    kind: RemarkKind
    as_: str | None = Field(default=None, alias="as")


class ConListData(BaseModel):
    regimes: list[Regime]
    group_types: dict[str, Schema]
    name_types: dict[str, NameKind]
    qualities: dict[str, Literal["good", "low"]]
    scripts: dict[str, str]
    remark_labels: dict[str, RemarkLabel]
    xml_columns: dict[str, str]
    xml_remarks: dict[str, str]


CONLIST = load(str(Path(__file__).with_name("gb_hmt_conlist.py")), ConListData)
_REGIMES = {" ".join(r.marker.lower().split()): r for r in CONLIST.regimes}
_SPACES = re.compile(r"\s+")


def clean(value: object) -> str:
    """A cell as trimmed text with inner runs of whitespace collapsed ('' for empty)."""
    if value is None:
        return ""
    return _SPACES.sub(" ", str(value)).strip()


def prose(value: str) -> str:
    """Statement text: each line trimmed and its spaces collapsed, the line breaks kept."""
    lines = (clean(line) for line in value.splitlines())
    return "\n".join(line for line in lines if line)


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def program_ref(raw: str, short: str | None = None) -> ProgramRef:
    """The ProgramRef of a regime; `short` is its OFSI short name when `raw` is longer."""
    name = clean(short if short is not None else raw)
    regime = _REGIMES.get(name.lower())
    if regime is None:
        return ProgramRef(raw=clean(raw), id=f"gb-{slug(name)}", theme="other")
    return ProgramRef(raw=clean(raw), id=regime.id, theme=regime.theme)


_ENUM = re.compile(r"\(\d{1,2}\)")
_PLACEHOLDERS = {"", "-", "--", "n/a"}


def split_items(text: str, strip: str = "") -> list[str]:
    """`(1) a (2) b` -> ['a', 'b'] with `-` placeholders kept as '' so pairs stay aligned."""
    text = text.strip()
    parts = _ENUM.split(text)[1:] if text.startswith("(1)") else [text]
    items = [part.strip().strip(strip).strip() for part in parts]
    return ["" if item.lower() in _PLACEHOLDERS else item for item in items]
