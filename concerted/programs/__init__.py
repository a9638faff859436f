"""Sanctions programs: the curated data file, lookups, side-by-side comparison, eligibility.

Pure: reads the packaged `data/programs.yaml` and computes over it. The CLI, the REST API and
the web pages call the same functions.
"""

from __future__ import annotations

from concerted.programs.registry import (
    UnknownConduct,
    UnknownProgram,
    all_families,
    all_programs,
    conduct_vocabulary,
    expand_conduct,
    find_program,
    get_program,
)
from concerted.programs.schema import Program

__all__ = [
    "Program",
    "UnknownConduct",
    "UnknownProgram",
    "all_families",
    "all_programs",
    "conduct_vocabulary",
    "expand_conduct",
    "find_program",
    "get_program",
]
