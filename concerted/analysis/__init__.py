"""Pure analyses over listings and designations: changes, coverage, rounds, lags, gaps."""

__all__: list[str] = []
