.PHONY: install test lint typecheck bench serve ingest

install:
	python3 -m venv .venv && .venv/bin/pip install -c constraints.txt -e '.[dev]'

test:
	.venv/bin/python -m pytest

lint:
	.venv/bin/ruff check concerted tests bench

typecheck:
	.venv/bin/mypy

bench:
	.venv/bin/python bench/ingest.py

ingest:
	.venv/bin/concerted ingest ../shared/data/lists ../shared/data/eu-journal
