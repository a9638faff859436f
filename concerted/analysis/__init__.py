"""Pure analyses over listings and designations: changes, coverage, rounds, lags, gaps.

`inputs` (what they read) → `designations` (one row per target, jurisdiction and program,
dated by `dates.Window`) → `coverage`, `rounds`, `lags`, `gaps` (+ `partners`, `gap_score`),
`stats`; `suite.Analysis` composes them under one config. See docs/analysis.md.
"""

__all__: list[str] = []
