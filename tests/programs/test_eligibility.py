"""`eligible_programs`: which governments could act on a conduct, and under what."""

from __future__ import annotations

import pytest

from concerted.programs import UnknownConduct, get_program
from concerted.programs.eligibility import (
    COUNTRY_SCOPE_UNKNOWN,
    by_jurisdiction,
    eligible_programs,
)
from concerted.programs.registry import expand_conduct


def ids(conduct: list[str], *, jurisdictions: list[str] | None = None,
        target_country: str | None = None, active_only: bool = True) -> list[str]:
    results = eligible_programs(conduct, jurisdictions=jurisdictions,
                                target_country=target_country, active_only=active_only)
    return [e.program.id for e in results]


def test_bribery_is_covered_by_us_uk_canada_and_australia_not_the_eu_regime() -> None:
    found = ids(["bribery"])
    assert {"us-glomag", "gb-gac", "ca-jvcfoa", "au-thematic"} <= set(found)
    assert "eu-ghr" not in found
    assert "gb-ghr" not in found


def test_torture_is_covered_by_the_eu_regime() -> None:
    found = ids(["torture"])
    assert {"eu-ghr", "gb-ghr", "us-glomag", "au-thematic"} <= set(found)
    assert "gb-gac" not in found


def test_proposed_programs_only_on_request() -> None:
    assert "eu-anticorruption-proposed" not in ids(["bribery"])
    assert "eu-anticorruption-proposed" in ids(["bribery"], active_only=False)


def test_the_fitting_criteria_and_submission_channel_are_given() -> None:
    (result,) = eligible_programs(["bribery"], jurisdictions=["au"])
    record = result.to_dict()
    assert record["id"] == "au-thematic" and record["jurisdiction"] == "au"
    assert [c["conduct"] for c in record["criteria"]] == [["bribery"]]
    assert "bribery" in record["criteria"][0]["text"].lower()
    assert record["submission"]["contact"] == "sanctions@dfat.gov.au"
    assert record["criteria"][0]["sources"][0]["url"].startswith("http")


def test_country_programs_apply_only_to_their_countries() -> None:
    assert "us-magnit" in ids(["torture"], target_country="ru")
    assert "us-magnit" not in ids(["torture"], target_country="CN")
    assert "us-uhrpa" in ids(["torture"], target_country="CN")
    assert "ca-sema" not in ids(["torture"], target_country="FR")
    assert "gb-ghr" in ids(["torture"], target_country="FR")


def test_without_a_target_country_a_country_program_carries_a_scope_note() -> None:
    (magnit,) = [e for e in eligible_programs(["torture"]) if e.program.id == "us-magnit"]
    assert magnit.scope is not None and "RU" in magnit.scope
    (glomag,) = [e for e in eligible_programs(["torture"]) if e.program.id == "us-glomag"]
    assert glomag.scope is None


def test_a_country_program_of_unknown_scope_is_marked() -> None:
    program = get_program("gb-iran").model_copy(update={"target_countries": None})
    (result,) = eligible_programs(["torture"], programs=[program])
    assert result.scope == COUNTRY_SCOPE_UNKNOWN


def test_results_are_grouped_by_jurisdiction() -> None:
    grouped = by_jurisdiction(eligible_programs(["corruption"]))
    assert {"us", "gb", "ca", "au"} <= set(grouped)
    assert all(e.program.jurisdiction == j for j, items in grouped.items() for e in items)


def test_jurisdictions_filter() -> None:
    assert set(ids(["human_rights"], jurisdictions=["EU", "gb"])) <= {
        "eu-ghr", "gb-ghr", "gb-iran"}


@pytest.mark.parametrize("conduct", [["torture"], ["bribery"], ["cyber"], ["corruption"],
                                     ["human_rights", "cyber"]])
def test_every_result_fits_the_conduct_asked(conduct: list[str]) -> None:
    wanted = expand_conduct(conduct)
    for result in eligible_programs(conduct, active_only=False):
        assert result.criteria
        assert all(matched and matched <= wanted for _, matched in result.criteria)


def test_cyber_finds_the_cyber_regimes() -> None:
    assert {"us-cyber", "gb-cyber", "eu-cyber", "au-thematic"} <= set(ids(["cyber"]))


def test_unknown_conduct_is_refused() -> None:
    with pytest.raises(UnknownConduct):
        eligible_programs(["jaywalking"])
