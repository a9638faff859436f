"""Keeping the store current: download each official list (`concerted fetch`), ingest it,
raise and deliver alerts, on a schedule (`concerted watch`), and report each source's health.

`runs` records every attempt, `update` fetches and ingests one source, `cycle` is one pass
of the whole pipeline, `watch` repeats it, `health` says how fresh each source is. Import the
module you need: `health` (read by every page and `concerted sources`) loads no HTTP client.
"""
