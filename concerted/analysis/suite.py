"""The analyses composed: one config object in, every result out. Pure.

Filters choose which designations coverage, lags and statistics count. Rounds are found over
every designation, since a round spans programs (a UK thematic regime and a US country
program), and a filter keeps the rounds holding a designation it accepts. The gaps analysis
reads every designation of the targets the filter accepts, since a partner that acted under
ANY program (a country regime, say) has acted.
"""

from __future__ import annotations

import bisect
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import Any

from concerted.analysis.coverage import Coverage, build_coverage
from concerted.analysis.designations import THEMATIC, Designation, build_designations
from concerted.analysis.filters import Filter, select
from concerted.analysis.gaps import EligibilityFn, Gap, GapConfig, Partner, find_gaps, gap_order
from concerted.analysis.holdings import Holding
from concerted.analysis.inputs import Inputs, Target
from concerted.analysis.lags import Lag, compute_lags
from concerted.analysis.partners import input_holdings, registry_eligibility
from concerted.analysis.rounds import Events, Round, RoundConfig, joint_events, rounds_of
from concerted.analysis.stats import statistics

__all__ = ["Analysis", "AnalysisConfig"]


@dataclass(frozen=True)
class AnalysisConfig:
    filter: Filter = field(default_factory=Filter)
    rounds: RoundConfig = field(default_factory=RoundConfig)
    stale_days: int = 365
    partners: tuple[str, ...] = ()  # gaps: only these missing partners (empty: every one)
    min_jurisdictions: int = 1  # coverage: targets designated by at least this many
    top: int = 20  # statistics: how many target countries


class Analysis:
    """Every analysis over one set of inputs, each computed when first asked for."""

    def __init__(self, inputs: Inputs, config: AnalysisConfig | None = None,
                 eligible: EligibilityFn = registry_eligibility) -> None:
        self.inputs = inputs
        self.config = config or AnalysisConfig()
        self.eligible = eligible

    @cached_property
    def designations(self) -> list[Designation]:
        return build_designations(self.inputs)

    @cached_property
    def selected(self) -> list[Designation]:
        return select(self.designations, self.config.filter)

    @cached_property
    def coverage(self) -> Coverage:
        return build_coverage(self.selected, min_jurisdictions=self.config.min_jurisdictions)

    @cached_property
    def joint_events(self) -> Events:
        return joint_events(self.designations, self.config.rounds)

    @cached_property
    def all_rounds(self) -> list[Round]:
        return rounds_of(self.joint_events)

    @cached_property
    def rounds(self) -> list[Round]:
        flt = self.config.filter
        if flt == Filter():
            return self.all_rounds
        return [r for r in self.all_rounds if any(flt.accepts(d) for d in r.designations)]

    @cached_property
    def lags(self) -> list[Lag]:
        return compute_lags(self.selected)

    @cached_property
    def holdings(self) -> dict[str, Holding]:
        """What is held of each government's lists (staleness by `stale_days`)."""
        return input_holdings(self.inputs, self.config.stale_days)

    @cached_property
    def gaps(self) -> list[Gap]:
        return self._gaps_among(self.designations, self.selected)

    def _gaps_among(self, designations: Iterable[Designation], selected: Iterable[Designation]
                    ) -> list[Gap]:
        """The gaps of the targets of `designations` (each target's gap reads only its own
        designations) that the filter accepts (`selected`)."""
        wanted = {d.target_id for d in selected}
        themes = tuple(t for t in self.config.filter.themes if t in THEMATIC) or THEMATIC
        as_of = self.inputs.as_of
        config = GapConfig(themes=themes, stale_days=self.config.stale_days,
                           as_of=date.fromisoformat(as_of) if as_of else None)
        chosen = [Partner(j, h.newest, h) for j, h in self.holdings.items()
                  if not self.config.partners or j in self.config.partners]
        return find_gaps([d for d in designations if d.target_id in wanted], chosen,
                         self.eligible, config)

    def retargeted(self, inputs: Inputs, gone: Collection[str], made: Iterable[Target]
                   ) -> Analysis:
        """This analysis for `inputs`, whose targets are these inputs' but for those whose
        ids are `gone`, replaced by those `made` (a judgement's work): the designations,
        and the gaps and lags already computed here, are carried over for every other
        target and computed for the new ones only; the rest is computed when asked for.
        Equal to `Analysis(inputs, ...)` (tests/test_rejudged.py)."""
        after = Analysis(inputs, self.config, self.eligible)
        new = build_designations(inputs, made)
        designations = [d for d in self.designations if d.target_id not in gone]
        for designation in new:  # both in key order: insert each where it belongs
            bisect.insort(designations, designation, key=_key)
        after.__dict__["designations"] = designations
        if "holdings" in self.__dict__:
            after.__dict__["holdings"] = self.holdings  # the lists held: no target in them
        if "joint_events" in self.__dict__:  # per target, in target order
            events = {t: e for t, e in self.joint_events.items() if t not in gone}
            events.update(joint_events(new, self.config.rounds))
            after.__dict__["joint_events"] = dict(sorted(events.items()))
        if "gaps" in self.__dict__:
            fresh = after._gaps_among(new, select(new, self.config.filter))
            after.__dict__["gaps"] = sorted(
                [g for g in self.gaps if g.target_id not in gone] + fresh, key=gap_order)
        if "lags" in self.__dict__:  # per target, in target order
            after.__dict__["lags"] = sorted(
                [g for g in self.lags if g.target_id not in gone]
                + compute_lags(select(new, self.config.filter)), key=lambda g: g.target_id)
        return after

    @cached_property
    def statistics(self) -> dict[str, list[dict[str, Any]]]:
        return statistics(self.selected, self.all_rounds, self.config.top)


def _key(designation: Designation) -> tuple[str, str, str]:
    return designation.key
