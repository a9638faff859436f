"""Dates in the DFAT Consolidated List's free text: dates of birth and listing dates.

`Date of Birth` is typed by hand: `11 Apr. 1963`, `19/08/1974`, `a) 1957 b) 1953`, `Approximately
1955-1958` (`~1955/1958`), `1965, 29 March`, `Between Aug. and Sep. 1977` (`1977-08/1977-09`),
`23-Apr-68`, Excel dates... Each date found becomes an
ISO string (`~1955` approximate, `1955/1958` a range); a value with words left over is
reported as not fully read so that the caller keeps the text. `Listing Information` states the
listing date in a few set phrases ("Listed on: 25 Apr. 2006", "Designated under the Autonomous
Sanctions Regulations 2011 on 2 March 2012"); only those are read, never an instrument's year.
"""

from __future__ import annotations

import re
from datetime import date, datetime

__all__ = ["birth_dates", "listed_by", "listed_on"]

_MONTH = (
    r"(?P<{}>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il|l)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?"
)
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_YEAR = r"(?P<{}>\d{{4}}|\d{{2}})\b"
_TOKEN = re.compile(
    "|".join(
        (
            rf"\b(?P<d1>\d{{1,2}})[./-](?P<m1>\d{{1,2}})[./-] ?{_YEAR.format('y1')}",
            rf"\b(?P<d2>\d{{1,2}})-{_MONTH.format('m2')}-{_YEAR.format('y2')}",
            rf"\b(?P<d3>\d{{1,2}})\.? *{_MONTH.format('m3')},? *(?P<y3>\d{{4}})\b",
            rf"\b{_MONTH.format('m4')} +(?P<d4>\d{{1,2}}), *(?P<y4>\d{{4}})\b",
            rf"\b{_MONTH.format('m5')},? +(?P<y5>\d{{4}})\b",
            r"\b(?P<m6>\d{1,2})/(?P<y6>\d{4})\b",
            rf"\b(?P<y8>\d{{4}}), *(?P<d8>\d{{1,2}}) +{_MONTH.format('m8')}",  # 1965, 29 March
            r"\b(?P<y7>1[89]\d\d|20\d\d)\b",
        )
    ),
    re.IGNORECASE,
)
# `Between Aug. and Sep. 1977`: the year written once for two months.
_MONTH_PAIR = re.compile(
    rf"\b{_MONTH.format('a')}\s*(?P<join>and|to|-|–)\s*{_MONTH.format('b')}\s*(?P<y>\d{{4}})\b",
    re.IGNORECASE,
)
_APPROXIMATE = re.compile(r"(?:approx(?:imately|\.)?|circa|c\.|about)\s*$", re.IGNORECASE)
_RANGE = re.compile(r"\s*(?:-|–|to|/)\s*", re.IGNORECASE)
_BETWEEN = re.compile(r"between\s*$", re.IGNORECASE)
_FILLER = re.compile(
    r"\b[a-z]\)|\b(?:approx(?:imately)?|circa|c|about|between|and|to|or|alt|dob)\b|[\s;,.:()>/\-–]",
    re.IGNORECASE,
)
_NOT_AVAILABLE = {"", "na", "n/a", "-"}
_VERB = re.compile(r"(?<![\w-])(?<!last )(?:listed|designated)", re.IGNORECASE)
_ON = re.compile(
    r"\s*:?\s*(?=\d)|(?:(?!amended|re-?listed)[^.;]){0,120}?(?:\bon\b|(?<=ed)on\b|committee(?=\s+\d))\s*:?\s*",
    re.IGNORECASE,
)  # "Listed on: 1 May 2019", "Listed 26 Feb. 2011", "Listed by UN 1267 Committee on ..."


def _year(text: str) -> int:
    year = int(text)
    return year if len(text) == 4 else year + (2000 if year < 25 else 1900)


def _iso(match: re.Match[str]) -> str | None:
    """The ISO form of one date token, or None where it is no real Gregorian date."""
    g = {k: v for k, v in match.groupdict().items() if v}
    year = _year(next(v for k, v in g.items() if k.startswith("y")))
    month_text = next((v for k, v in g.items() if k.startswith("m")), None)
    day = next((int(v) for k, v in g.items() if k.startswith("d")), None)
    month = int(month_text) if month_text and month_text.isdigit() else (
        _MONTHS.index(month_text[:3].lower()) + 1 if month_text else None
    )  # fmt: skip
    try:
        date(year, month or 1, day or 1)
    except ValueError:
        return None
    if not 1800 <= year <= 2100:  # Hijri dates (1402) and typing errors
        return None
    parts = [f"{year:04d}", f"{month:02d}" if month else "", f"{day:02d}" if day else ""]
    return "-".join(part for part in parts if part)


def birth_dates(value: object) -> tuple[list[str], bool]:
    """The dates in a `Date of Birth` cell, and whether nothing else was left unread."""
    if isinstance(value, datetime | date):
        return [value.strftime("%Y-%m-%d")], True
    if isinstance(value, int):
        return ([str(value)], True) if 1800 <= value <= 2100 else ([], False)
    text = " ".join(str(value or "").split())
    if text.lower() in _NOT_AVAILABLE:
        return [], True
    text = _MONTH_PAIR.sub(r"\g<a> \g<y> \g<join> \g<b> \g<y>", text)
    dates: list[str] = []
    complete, start, previous_start = True, 0, None
    for match in _TOKEN.finditer(text):
        gap, iso = text[start : match.start()], _iso(match)
        complete &= iso is not None and not _FILLER.sub("", gap)
        if iso and previous_start is not None and dates and _is_range(text, gap, previous_start):
            dates[-1] = f"{dates[-1]}/{iso}"  # `~1955/1958`: an approximate range stays so
        elif iso:
            dates.append(f"~{iso}" if _APPROXIMATE.search(gap) else iso)
        start, previous_start = match.end(), match.start()
    return dates, complete and bool(dates) and not _FILLER.sub("", text[start:])


def _is_range(text: str, gap: str, previous_start: int) -> bool:
    if _RANGE.fullmatch(gap):
        return True
    return gap.strip().lower() == "and" and bool(_BETWEEN.search(text[:previous_start]))


def listed_on(value: object) -> str | None:
    """The listing date where `Listing Information` states one, else None."""
    if isinstance(value, datetime | date):
        return value.strftime("%Y-%m-%d")
    text = " ".join(str(value or "").split())
    starts = [0] + [verb.end() for verb in _VERB.finditer(text)]  # a bare date comes first
    for start in starts:
        lead = _ON.match(text, start) if start else None
        token = _TOKEN.match(text, lead.end() if lead else start)
        if token and (iso := _iso(token)):
            return iso
    return None


_INSTRUMENT_YEAR = re.compile(r"\b(?:Instrument|List|Regulations?|Declaration)\s+(\d{4})\b")


def listed_by(control: object, information: object) -> str | None:
    """The bounds of a listing date the list does not print, as an ISO range: no later than
    the `Control Date` (the entry's last change), no earlier than the year of the oldest
    instrument `Listing Information` names (`… Amendment (No. 1) Instrument 2023` was made
    in 2023). `2023/2023-02-01`, or `../2022-03-30` where no instrument year is given."""
    text = " ".join(str(control or "").split())
    iso = re.fullmatch(r"\d{4}-\d\d-\d\d(?: 00:00:00)?", text)
    latest = text[:10] if iso else listed_on(control)
    if latest is None or len(latest) != 10:
        return None
    text = " ".join(str(information or "").split())
    years = [year for year in _INSTRUMENT_YEAR.findall(text) if 1800 <= int(year) <= 2100]
    earliest = min(years, default=None)
    if earliest is None or earliest > latest[:4]:
        return f"../{latest}"
    return f"{earliest}/{latest}"
