"""The building block of a packet: a title, heading, paragraph, field list, table or note.
Pure; the renderers lay blocks out and know nothing of dossiers."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

__all__ = ["Block", "Kind"]

Kind = Literal["title", "heading", "para", "fields", "table", "note"]


@dataclass(frozen=True)
class Block:
    kind: Kind
    text: str = ""
    rows: tuple[tuple[str, ...], ...] = ()  # fields: (label, value); table: header first
