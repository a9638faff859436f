"""What is held of each government's lists, and how the gaps read it: the EU's human-rights
annex alone makes the EU a gap only where that regime could act, named as such; a government
whose list is not held is named as not known. Snapshot dates as in the shared data."""

from __future__ import annotations

from datetime import date

from analysis_factory import designation

from concerted.analysis.gaps import GapConfig, Partner, find_gaps
from concerted.analysis.holdings import holding_notes, holdings
from concerted.analysis.partners import registry_eligibility

CALENDARS = {"us_ofac_sdn": ("2018-01-27", "2024-05-03"), "gb_hmt_conlist": ("2025-04-14",),
             "ca_sema": ("2020-04-15",), "eu_journal": ("2026-05-28",),
             "un_sc": ("2024-11-30",)}
EU_NOTE = "EU: human-rights regime only, from the Official Journal annex"
ZHU = [designation("zhu", "gb", "gb-ghr", "2021-03-22", countries=("cn",), name="ZHU Hailun"),
       designation("zhu", "us", "us-glomag", (None, "2021-08-18"),
                   ("corruption", "human_rights"), countries=("cn",), name="ZHU Hailun")]
# OFSI 16068 Riad SALAMEH, Global Anti-Corruption; the EU's human-rights regime cannot act.
SALAMEH = [designation("salameh", "gb", "gb-gac", "2023-08-10", ("corruption",), ("lb",))]
# OFSI 15741 ISKRITSKIY (TrickBot), Cyber: the EU's cyber regime could act, its list is not held.
TRICKBOT = [designation("trickbot", "gb", "gb-cyber", "2023-02-09", ("cyber",), ("ru",))]


def test_each_tracked_government_is_held_in_full_in_part_or_not() -> None:
    found = holdings(CALENDARS, as_of=date(2026, 5, 28))
    assert list(found) == ["us", "gb", "eu", "ca", "au", "un"]
    assert found["eu"].state == "partial" and found["eu"].programs == ("eu-ghr",)
    assert found["eu"].note == EU_NOTE
    assert (found["au"].state, found["au"].note) == ("none", "Australia: no list held")
    assert found["ca"].state == "stale"
    assert found["ca"].note == (
        "Canada: newest list of 2020-04-15, over 365 days old: possibly stale")
    fresh = holdings(CALENDARS, as_of=date(2025, 4, 20))
    assert fresh["gb"].state == "full" and fresh["gb"].note is None
    assert fresh["eu"].covers("eu-ghr") and not fresh["eu"].covers("eu-cyber")
    assert holding_notes(fresh, ["gb", "eu"]) == [EU_NOTE]


def _partners(as_of: date) -> list[Partner]:
    return [Partner(j, h.newest, h) for j, h in holdings(CALENDARS, as_of=as_of).items()]


def test_the_eu_is_missing_only_under_its_human_rights_regime_and_says_so() -> None:
    config = GapConfig(as_of=date(2026, 5, 28))
    (gap,) = find_gaps(ZHU, _partners(date(2026, 5, 28)), registry_eligibility, config)
    eu = next(m for m in gap.missing if m.jurisdiction == "eu")
    assert eu.eligible_programs == ("eu-ghr",) and eu.lists_held == EU_NOTE
    assert gap.to_dict()["missing"][[m.jurisdiction for m in gap.missing].index("eu")][
        "lists_held"] == EU_NOTE
    # Australia's list is not held here: not counted as missing, named as not known.
    assert "au" not in {m.jurisdiction for m in gap.missing}
    assert {n.jurisdiction: n.note for n in gap.not_known} == {"au": "Australia: no list held"}


def test_no_eu_gap_where_its_human_rights_regime_cannot_act() -> None:
    config = GapConfig(as_of=date(2026, 5, 28))
    partners = _partners(date(2026, 5, 28))
    for designations in (SALAMEH, TRICKBOT):
        for gap in find_gaps(designations, partners, registry_eligibility, config):
            assert "eu" not in {m.jurisdiction for m in gap.missing}
    (cyber,) = find_gaps(TRICKBOT, partners, registry_eligibility, config)
    eu = next(n for n in cyber.not_known if n.jurisdiction == "eu")
    assert eu.note == f"{EU_NOTE}; could act under eu-cyber, not held"
