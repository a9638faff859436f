"""The values a date, id or enumerated parameter may take, and one check per kind that names
the parameter and the problem. Pure; the CLI turns `BadValue` into a usage error (exit 2),
the API and web pages into a 400.

An empty value means "not given" (a web form's "any"), never "match nothing".
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Collection
from datetime import date

from concerted.sources import SOURCES

__all__ = ["JURISDICTIONS", "THEMES", "BadValue", "check_choice", "check_country",
           "check_day", "check_jurisdiction", "check_partial_day", "check_program",
           "check_source", "check_theme"]

JURISDICTIONS = tuple(sorted({s.jurisdiction for s in SOURCES.values()}))
THEMES = ("human_rights", "corruption", "cyber", "other")
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_PARTIAL = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


class BadValue(ValueError):
    """A parameter's value is not one it may take: `param` and a message naming the problem."""

    def __init__(self, param: str, message: str) -> None:
        super().__init__(f"{param}: {message}")
        self.param = param
        self.message = message


def check_choice(param: str, value: str, allowed: Collection[str], what: str) -> str:
    if value in allowed:
        return value
    close = difflib.get_close_matches(value, list(allowed), n=3, cutoff=0.6)
    hint = f"; did you mean {', '.join(close)}?" if close else (
        f"; one of {', '.join(sorted(allowed))}" if len(allowed) <= 12 else "")
    raise BadValue(param, f"unknown {what} {value!r}{hint}")


def check_jurisdiction(param: str, value: str) -> str:
    return check_choice(param, value.strip().lower(), JURISDICTIONS, "jurisdiction")


def check_theme(param: str, value: str) -> str:
    return check_choice(param, value.strip().lower(), THEMES, "theme")


def check_source(param: str, value: str) -> str:
    return check_choice(param, value.strip(), SOURCES, "source")


def check_program(param: str, value: str, known: Collection[str]) -> str:
    """`known`: the registry's programs and those the lists held carry (country regimes)."""
    return check_choice(param, value.strip().lower(), known, "program")


def check_country(param: str, value: str) -> str:
    if not re.fullmatch(r"[A-Za-z]{2}", value.strip()):
        raise BadValue(param, f"{value!r} is not a two-letter ISO country code (e.g. cn, ru)")
    return value.strip().lower()


def check_day(param: str, value: str) -> date:
    """A calendar day written YYYY-MM-DD (2022-13-01 is refused, not read as anything)."""
    try:
        if _DAY.match(value.strip()):
            return date.fromisoformat(value.strip())
    except ValueError as exc:
        raise BadValue(param, f"{value!r} is not a calendar day ({exc})") from None
    raise BadValue(param, f"{value!r} is not a date written YYYY-MM-DD")


def check_partial_day(param: str, value: str) -> str:
    """YYYY, YYYY-MM or YYYY-MM-DD, each part in range."""
    text = value.strip()
    if not _PARTIAL.match(text):
        raise BadValue(param, f"{value!r} is not a date written YYYY, YYYY-MM or YYYY-MM-DD")
    padded = text + "-01" * (2 - text.count("-"))
    try:
        date.fromisoformat(padded)
    except ValueError as exc:
        raise BadValue(param, f"{value!r} is not a calendar date ({exc})") from None
    return text
