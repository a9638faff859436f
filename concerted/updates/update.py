"""Fetch one official list and ingest it: download → archive the raw bytes → check → ingest.

Whatever goes wrong (an HTTP error, a timeout, a body cut short, an HTML page, a file of
another list, a parse failure, a count outside the source's bounds) the attempt is recorded
with its reason and the last good snapshot stays current. The conditional-request validators
are remembered only once a body was accepted, so a refused one is downloaded again next time.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from posixpath import basename
from urllib.parse import urlsplit

import httpx
from sqlalchemy import Engine

from concerted.archive import Archive
from concerted.fetch import Download, FetchError, Validators, download
from concerted.ingest import IngestOptions, ingest_blobs
from concerted.sources import Source
from concerted.updates import clock, runs
from concerted.updates.runs import RunResult
from concerted.updates.settings import FetchSettings

__all__ = ["FetchOutcome", "file_name", "update_source"]


@dataclass(frozen=True)
class FetchOutcome:
    source: str
    url: str
    result: RunResult
    touched: dict[str, set[str]] = field(default_factory=dict)  # source -> new snapshot dates

    @property
    def ok(self) -> bool:
        return self.result.outcome != "failed"

    def to_dict(self) -> dict[str, object]:
        return {"source": self.source, "url": self.url, **vars(self.result)}


def file_name(url: str, source: Source) -> str:
    """The file's name as the source's parser knows it: the URL's, else the official one's."""
    name = basename(urlsplit(url).path)
    return name if "." in name else basename(urlsplit(source.url).path) or source.id


def update_source(engine: Engine, archive: Archive, client: httpx.Client, source: Source,
                  url: str | None, settings: FetchSettings) -> FetchOutcome:
    url = url or settings.url_for(source)
    run_id = runs.start_run(engine, source.id, url, clock.stamp())
    outcome = FetchOutcome(source.id, url, RunResult("failed"))
    try:
        outcome = _update(engine, archive, client, source, url, settings)
    except FetchError as exc:
        tries = f" (after {exc.attempts} attempts)" if exc.attempts > 1 else ""
        outcome = _failed(source, url, exc.reason + tries, exc.status_code)
    except Exception as exc:  # a crashing parser must not stop the other sources
        outcome = _failed(source, url, f"unexpected {type(exc).__name__}: {exc}")
    finally:
        runs.finish_run(engine, run_id, clock.stamp(), outcome.result)
    return outcome


def _failed(source: Source, url: str, error: str, status: int | None = None,
            size: int | None = None, sha: str | None = None) -> FetchOutcome:
    return FetchOutcome(source.id, url, RunResult("failed", error, status, size, sha))


def _update(engine: Engine, archive: Archive, client: httpx.Client, source: Source, url: str,
            settings: FetchSettings) -> FetchOutcome:
    state = runs.load_state(engine, source.id)
    validators = state.validators if state and state.url == url else Validators()
    got = download(client, url, validators, settings.policy)
    if got.data is None:
        runs.touch_state(engine, source.id, clock.stamp())
        return FetchOutcome(source.id, url, RunResult("not_modified", status_code=304))
    return _accept(engine, archive, source, got, got.data)


def _accept(engine: Engine, archive: Archive, source: Source, got: Download,
            data: bytes) -> FetchOutcome:
    sha = archive.put(data)  # raw bytes are kept before anything reads them (invariant 1)
    size, name = len(data), file_name(got.url, source)
    if not source.detect(name, data):
        return _failed(source, got.url, f"the download ({size} bytes) is not a file of "
                       f"{source.id} ({source.title}); kept in the archive as {sha}",
                       got.status_code, size, sha)
    options = IngestOptions(source.id, date=clock.now().date().isoformat())
    result = ingest_blobs(engine, archive, source, {name: data}, options)
    if result.status == "rejected":
        return _failed(source, got.url, _refusal(result.message), got.status_code, size, sha)
    runs.save_state(engine, source.id, got.url, got.validators, sha, clock.stamp())
    outcome = "ingested" if result.status == "ingested" else "unchanged"
    touched = {source.id: {result.published}} if outcome == "ingested" and result.published else {}
    return FetchOutcome(source.id, got.url, RunResult(outcome, None, got.status_code, size, sha,
                                                      result.published), touched)


def _refusal(message: str) -> str:
    if "already stored" in message and "dated" in message:
        return (f"{message} (the list changed twice in one day: the first version is kept; "
                "this one will be taken at the first fetch of the next day)")
    return f"refused: {message}"
