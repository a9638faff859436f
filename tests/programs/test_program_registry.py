"""The program data file loads, holds the programs the project relies on, and fails loudly."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from concerted.programs import (
    UnknownConduct,
    UnknownProgram,
    all_programs,
    expand_conduct,
    get_program,
)
from concerted.programs.checks import DataError
from concerted.programs.registry import DATA_FILE, load

REQUIRED = ["us-glomag", "us-magnit", "us-7031c", "gb-ghr", "gb-gac", "eu-ghr",
            "eu-anticorruption-proposed", "ca-jvcfoa", "ca-sema", "au-thematic",
            "ee-magnitsky", "lt-magnitsky", "lv-magnitsky", "xk-magnitsky", "je-ghr", "gg-ghr",
            "im-ghr", "gi-sanctions", "ch-none", "jp-considering", "nz-considering",
            "gb-cyber", "us-cyber"]


@pytest.mark.parametrize("program_id", REQUIRED)
def test_required_programs_are_defined(program_id: str) -> None:
    program = get_program(program_id)
    assert program.id == program_id and program.family is None
    assert program.sources, "every program names its sources"


def test_the_shared_id_for_australia_is_an_alias() -> None:
    assert get_program("au-magnitsky").id == "au-thematic"
    assert get_program("AU-Magnitsky ").id == "au-thematic"


@pytest.mark.parametrize("marker_id", ["us-cyber2", "us-cyber3", "us-cyber4"])
def test_us_cyber_tags_are_one_cyber_program(marker_id: str) -> None:
    assert get_program(marker_id).themes == ("cyber",)


@pytest.mark.parametrize(("program_id", "jurisdiction", "countries"), [
    ("gb-russia", "gb", ("RU",)),
    ("us-russia-eo14024", "us", ("RU",)),
    ("au-russia", "au", ("RU",)),
    ("eu-rus", "eu", ("RU",)),
    ("us-south-sudan", "us", ("SS",)),
    ("gb-sudan", "gb", ("SD",)),
    ("us-dprk3", "us", ("KP",)),
    ("au-un-libya", "au", ("LY",)),
    ("un-gb", "un", ("GW",)),
    ("gb-counter-terrorism-domestic", "gb", None),
])
def test_country_programs_resolve_by_family(program_id: str, jurisdiction: str,
                                            countries: tuple[str, ...] | None) -> None:
    program = get_program(program_id)
    assert (program.jurisdiction, program.themes, program.type) == (
        jurisdiction, ("other",), "country")
    assert program.target_countries == countries
    assert program.family is not None


def test_ca_sema_is_an_entry_with_its_target_countries() -> None:
    program = get_program("ca-sema")
    assert program.family is None and "RU" in (program.target_countries or ())


def test_an_unknown_id_is_refused() -> None:
    with pytest.raises(UnknownProgram):
        get_program("zz-nothing")


def test_conduct_aliases_expand_to_their_group() -> None:
    corruption = expand_conduct(["corruption"])
    assert {"bribery", "misappropriation", "significant_corruption"} <= corruption
    assert "torture" not in corruption
    assert expand_conduct(["cyber"]) == {"cyber"}
    assert "genocide_crimes_against_humanity" in expand_conduct(["human-rights"])
    with pytest.raises(UnknownConduct):
        expand_conduct(["tax_evasion"])


def test_every_criterion_cites_a_source_and_names_conduct() -> None:
    for program in all_programs():
        for criterion in program.criteria:
            assert criterion.conduct and criterion.sources, program.id


def test_the_eu_annual_review_is_recorded() -> None:
    renewal = get_program("eu-ghr").renewal
    assert renewal is not None and renewal.listings == "annual_review"
    assert renewal.next_review and renewal.framework_expires == "2026-12-08"


def _broken(tmp_path: Path, change: str) -> Path:
    raw = yaml.safe_load(DATA_FILE.read_text("utf-8"))
    program = raw["programs"][0]
    if change == "source":
        program["sources"] = [*program["sources"], "no-such-source"]
    elif change == "conduct":
        program["criteria"][0]["conduct"] = ["tax_evasion"]
    else:
        program["status"] = "dormant"
    path = tmp_path / "programs.yaml"
    path.write_text(yaml.safe_dump(raw, allow_unicode=True), "utf-8")
    return path


@pytest.mark.parametrize("change", ["source", "conduct", "status"])
def test_a_broken_data_file_fails_to_load(tmp_path: Path, change: str) -> None:
    with pytest.raises(ValueError):  # DataError and pydantic's ValidationError both are
        load(_broken(tmp_path, change))


def test_a_repeated_key_fails_to_load(tmp_path: Path) -> None:
    path = tmp_path / "programs.yaml"
    path.write_text("schema_version: 1\nschema_version: 1\n", "utf-8")
    with pytest.raises(yaml.YAMLError, match="repeated key"):
        load(path)


def test_data_errors_name_the_problem(tmp_path: Path) -> None:
    with pytest.raises(DataError, match="no-such-source"):
        load(_broken(tmp_path, "source"))
