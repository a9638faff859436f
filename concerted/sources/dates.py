"""Printed dates as partial ISO dates (`1958-01-02`, `1958-01`, `1958`): the one reader the
parsers share. A list's own printed forms that no other list uses (OFAC's `02 Jan 1958`)
stay with that list and build on `partial_date`."""

from __future__ import annotations

import re

__all__ = ["iso_date", "partial_date"]

# `dd/mm/yyyy`; the UK lists print unknown parts as `00`, `dd` or `mm`.
_DMY = re.compile(r"(\d{1,2}|dd|DD)/(\d{1,2}|mm|MM)/(\d{4})")
_MY = re.compile(r"(\d{1,2})/(\d{4})")
_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?")  # a date or a timestamp


def iso_date(text: str | None) -> str | None:
    """`yyyy-mm-dd` (or a timestamp), `dd/mm/yyyy`, `mm/yyyy` or `yyyy` -> partial ISO; None
    for anything else, or for a month or day that cannot be."""
    text = (text or "").strip()
    if re.fullmatch(r"\d{4}", text):
        return text
    if match := _ISO.fullmatch(text):
        return partial_date(match[1], match[2], match[3])
    if match := _MY.fullmatch(text):
        return partial_date(match[2], match[1])
    if match := _DMY.fullmatch(text):
        return partial_date(match[3], match[2], match[1])
    return None


def partial_date(year: str | None, month: str | None = None,
                 day: str | None = None) -> str | None:
    """A partial ISO date from its printed parts: an unknown month or day (missing, `0`, not
    a number) ends the date there; None without a year, or with a month or day out of range."""
    if not year or not year.strip().isdigit():
        return None
    date = f"{int(year):04d}"
    for part, top in ((month, 12), (day, 31)):
        if not part or not part.strip().isdigit() or int(part) == 0:
            break
        if int(part) > top:
            return None
        date += f"-{int(part):02d}"
    return date
