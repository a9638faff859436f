"""Installs beside the field's tools (issue 14 item 14): the package metadata declares ranges,
deployments install the exact versions of constraints.txt, and each locked version lies in
its range; uvloop and httptools are never required on Windows."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

ROOT = Path(__file__).resolve().parents[1]
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
REQUIREMENTS = [Requirement(r) for r in
                [*PROJECT["dependencies"], *PROJECT["optional-dependencies"]["dev"]]]
WINDOWS = {"sys_platform": "win32", "platform_system": "Windows", "os_name": "nt",
           "platform_python_implementation": "CPython", "extra": ""}


def _locked() -> dict[str, Version]:
    pins: dict[str, Version] = {}
    for line in (ROOT / "constraints.txt").read_text().splitlines():
        line = line.split("#")[0].strip()
        if line:
            name, _, version = line.partition("==")
            assert version, f"constraints.txt: {line!r} is not an exact pin (name==version)"
            pins[canonicalize_name(name)] = Version(version)
    return pins


@pytest.mark.parametrize("requirement", REQUIREMENTS, ids=lambda r: r.name)
def test_a_dependency_is_a_range_with_both_bounds(requirement: Requirement) -> None:
    operators = {spec.operator for spec in requirement.specifier}
    assert "==" not in operators and "===" not in operators, requirement
    assert operators & {">=", ">"} and operators & {"<", "<="}, \
        f"{requirement}: give a lower and an upper bound"


@pytest.mark.parametrize("requirement", REQUIREMENTS, ids=lambda r: r.name)
def test_the_locked_version_is_inside_the_range(requirement: Requirement) -> None:
    locked = _locked().get(canonicalize_name(requirement.name))
    assert locked is not None, f"{requirement.name} is missing from constraints.txt"
    assert requirement.specifier.contains(locked, prereleases=True), (requirement, locked)


def test_every_locked_package_is_needed() -> None:
    # A lock that names packages nothing requires hides a dependency that was dropped.
    from importlib import metadata

    needed: set[str] = set()
    todo = [r for r in REQUIREMENTS if r.marker is None or r.marker.evaluate()]
    while todo:
        requirement = todo.pop()
        name = canonicalize_name(requirement.name)
        extras = {"", *requirement.extras}
        if name in needed and not requirement.extras:
            continue
        needed.add(name)
        todo += [sub for sub in map(Requirement, metadata.requires(requirement.name) or [])
                 if sub.marker is None or any(sub.marker.evaluate({"extra": e}) for e in extras)]
    assert set(_locked()) == needed


@pytest.mark.parametrize("name", ["uvloop", "httptools"])
def test_the_fast_server_parts_are_not_required_on_windows(name: str) -> None:
    requirement = next(r for r in REQUIREMENTS if r.name == name)
    assert requirement.marker is not None and not requirement.marker.evaluate(WINDOWS)
    assert requirement.marker.evaluate()  # and they are installed here (Linux, CPython)


def test_ci_and_the_readme_install_with_the_lock() -> None:
    ci = (ROOT / ".ci" / "run").read_text()
    readme = (ROOT / "README.md").read_text()
    assert "-c constraints.txt -e '.[dev]'" in ci
    assert "pip install -c constraints.txt -e '.[dev]'" in readme.split("```sh")[1]
