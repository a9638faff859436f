"""Orchestration and output for the analyses: load their inputs from the store, run them, and
render the results as tables, an offline HTML report and an XLSX workbook."""

__all__: list[str] = []
