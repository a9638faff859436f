"""Fetch one official list and ingest it: download → archive the raw bytes → check → ingest.

Whatever goes wrong (an HTTP error, a timeout, a body cut short, an HTML page, a file of
another list, a parse failure, a count outside the source's bounds) the attempt is recorded
with its reason and the last good snapshot stays current. The conditional-request validators
are remembered only once a body was accepted, so a refused one is downloaded again next time.
A file of a set (OFAC's sdn.csv) brings its companion CSV files from the same address: one
set, fetched and checked alike, ingested together; a companion the server lacks (404) is noted.
A set's dating file (OFAC's sdn_advanced.xml, `Source.dated_by`) comes along when it can: the
set is ingested without it, undated and saying why, when it is missing, fails or is refused.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from posixpath import basename
from urllib.parse import urljoin, urlsplit

import httpx
from sqlalchemy import Engine

from concerted import clock
from concerted.archive import Archive
from concerted.fetch import Download, FetchError, HttpPolicy, Validators, download
from concerted.ingest import IngestOptions, ingest_blobs
from concerted.sources import Source
from concerted.store.lock import IngestBusy
from concerted.updates import runs
from concerted.updates.runs import RunResult
from concerted.updates.settings import FetchSettings

__all__ = ["FetchOutcome", "companion_urls", "dating_url", "file_name", "update_source"]


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
        where = "" if exc.url == url else f"{exc.url}: "  # a companion file's failure
        outcome = _failed(source, url, where + exc.reason + tries, exc.status_code)
    except IngestBusy as exc:
        outcome = _failed(source, url, str(exc))
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
    remembered = runs.load_companions(engine, source.id)
    extra, missing = _download_companions(client, source, url, remembered, settings.policy)
    undated = _download_dating(client, source, url, remembered, settings.policy, extra, missing)
    note = _joined(_missing_note(missing), undated)
    gone = not remembered.keys().isdisjoint(missing.values())  # the set lost a file
    if got.data is None and all(d.data is None for d in extra.values()) and not gone:
        runs.touch_state(engine, source.id, clock.stamp())
        return FetchOutcome(source.id, url, RunResult("not_modified", _missing_note(missing),
                                                      status_code=304))
    # One changed file changes the set, which is ingested whole: a file the server said we
    # hold is simply downloaded again rather than looked up in the archive.
    main, data = _whole(client, got, settings.policy)
    files = {name: _whole(client, d, settings.policy) for name, d in extra.items()}
    outcome = _accept(engine, archive, source, main, data, files, note)
    if outcome.ok or source.dated_by not in files:
        return outcome
    # The dating file may be what was refused (it is the least proven reading): the set
    # without it is the fallback, undated, with the reason it was left out.
    without = {name: got for name, got in files.items() if name != source.dated_by}
    why = f"{source.dated_by} left out, the list taken undated: {outcome.result.error}"
    fallback = _accept(engine, archive, source, main, data, without, _joined(note, why))
    return fallback if fallback.ok else outcome


def companion_urls(url: str, source: Source) -> dict[str, str]:
    """File name -> address of the companion CSV files published beside a CSV of the source's
    set (OFAC's alt.csv, add.csv and sdn_comments.csv beside sdn.csv), same case as its name."""
    name = basename(urlsplit(url).path)
    if name.lower() not in source.companions or not name.lower().endswith(".csv"):
        return {}
    others = [n for n in source.companions if n.endswith(".csv") and n != name.lower()]
    return {other: urljoin(url, other.upper() if name.isupper() else other) for other in others}


def dating_url(url: str, source: Source) -> str | None:
    """The address of the file that dates the set's entries (`Source.dated_by`), beside a CSV
    of the set, in capitals when its name is: OFAC's SDN_ADVANCED.XML beside SDN.CSV."""
    name = basename(urlsplit(url).path)
    if source.dated_by is None or name.lower() not in source.companions \
            or not name.lower().endswith(".csv"):
        return None
    return urljoin(url, source.dated_by.upper() if name.isupper() else source.dated_by)


def _download_dating(client: httpx.Client, source: Source, url: str,
                     remembered: dict[str, Validators], policy: HttpPolicy,
                     extra: dict[str, Download], missing: dict[str, str]) -> str | None:
    """Add the dating file to `extra`; on a 404 to `missing` (the set lost it, if it had it).
    Any failure leaves the set undated rather than failing it: the CSV set is the fallback.
    Says why when the file is not there."""
    address = dating_url(url, source)
    if address is None or source.dated_by is None:
        return None
    try:
        extra[source.dated_by] = download(client, address, remembered.get(address, Validators()),
                                          policy)
    except FetchError as exc:
        if exc.status_code == 404:
            missing[source.dated_by] = address
            return None  # named with the other missing files
        return f"{address}: {exc.reason}; the list is taken without it, undated"
    return None


def _joined(*notes: str | None) -> str | None:
    return "; ".join(n for n in notes if n) or None


def _download_companions(client: httpx.Client, source: Source, url: str,
                         remembered: dict[str, Validators],
                         policy: HttpPolicy) -> tuple[dict[str, Download], dict[str, str]]:
    """(name -> download, name -> address of those the server does not have). The parser
    reads the main file alone, so a 404 is tolerated; any other failure fails the set."""
    got: dict[str, Download] = {}
    missing: dict[str, str] = {}
    for name, address in companion_urls(url, source).items():
        try:
            got[name] = download(client, address, remembered.get(address, Validators()), policy)
        except FetchError as exc:
            if exc.status_code != 404:
                raise
            missing[name] = address
    return got, missing


def _missing_note(missing: dict[str, str]) -> str | None:
    if not missing:
        return None
    return f"not published (HTTP 404), fetched without: {', '.join(missing.values())}"


def _whole(client: httpx.Client, got: Download, policy: HttpPolicy) -> tuple[Download, bytes]:
    """The download and its body: fetched again without validators after a 304."""
    if got.data is None:
        got = download(client, got.url, Validators(), policy)
    if got.data is None:
        raise FetchError(got.url, "the server answered 304 to a request without validators")
    return got, got.data


def _accept(engine: Engine, archive: Archive, source: Source, got: Download, data: bytes,
            extra: dict[str, tuple[Download, bytes]], note: str | None = None) -> FetchOutcome:
    sha = archive.put(data)  # raw bytes are kept before anything reads them (invariant 1)
    size, name = len(data), file_name(got.url, source)
    files = {name: data} | {other: more for other, (_, more) in extra.items()}
    for _, more in extra.values():
        archive.put(more)
    wrong = [n for n, d in files.items() if not source.detect(n, d)]
    if wrong:
        what = f"the download ({size} bytes)" if wrong[0] == name else f"its companion {wrong[0]}"
        return _failed(source, got.url, f"{what} is not a file of {source.id} ({source.title}); "
                       f"kept in the archive as {sha}", got.status_code, size, sha)
    # Identified by when it was fetched: a list republished the same day is a second snapshot.
    options = IngestOptions(source.id, date=clock.now().date().isoformat(),
                            retrieved_at=clock.stamp(), several_a_day=True)
    result = ingest_blobs(engine, archive, source, files, options)
    if result.status == "rejected":
        return _failed(source, got.url, f"refused: {result.message}", got.status_code, size,
                       sha)
    runs.save_state(engine, source.id, got.url, got.validators, sha, clock.stamp())
    runs.save_companions(engine, source.id, {d.url: d.validators for d, _ in extra.values()})
    outcome = "ingested" if result.status == "ingested" else "unchanged"
    touched = {source.id: {result.published}} if outcome == "ingested" and result.published else {}
    return FetchOutcome(source.id, got.url, RunResult(outcome, note, got.status_code, size, sha,
                                                      result.published), touched)

