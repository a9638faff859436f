"""An incremental resolve run: only the listings changed since the kept run.

Orchestrator. The listings whose version changed (new or amended) are prepared again, put
in the kept blocking index (`reblock.KeyIndex`) in place of their previous records and
blocked against every listing; their pairs are scored, their old scores dropped; then the
decisions are taken again over every score kept (`decide`), and the kept file is brought
up to the run in one transaction. Returns False, having changed nothing, when a full run
is due instead (see `xref`).
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Engine

from concerted.model import Listing, ListingRef
from concerted.resolve.answers import Kept
from concerted.resolve.batch import Progress, score_candidates
from concerted.resolve.decide import Pairs, decide
from concerted.resolve.judgements import pair_key
from concerted.resolve.kept import KeptResolution
from concerted.resolve.lazy import Lazy
from concerted.resolve.record import prepare
from concerted.resolve.runconfig import MAX_CHANGED, ResolveConfig, ResolveReport
from concerted.resolve.score import Score, get_scorer
from concerted.store.reader import Reader

__all__ = ["resolve_changed"]

Key = tuple[str, str]


def resolve_changed(engine: Engine, config: ResolveConfig, report: ResolveReport,
                    lap: Callable[[str], None], progress: Progress | None,
                    keep: KeptResolution, kept: Kept) -> bool:
    """Resolve what changed since the kept run; False (nothing done) if a full run is due."""
    index = kept.index
    now = {str(ListingRef(*key)): digest for key, digest in Reader(engine).version_hashes().items()}
    before = dict(zip(index.refs, index.versions, strict=True))
    changed = sorted(ref for ref, digest in now.items() if before.get(ref) != digest)
    if len(changed) > MAX_CHANGED or not before.keys() <= now.keys():
        return False
    found = Reader(engine).listings_by_key(ListingRef.parse(ref) for ref in changed)
    fresh = {str(ListingRef(*key)): row.listing for key, row in found.items()}
    if len(fresh) != len(changed):  # the store changed while it was read: start again whole
        return False
    old = keep.records(changed)
    if any(ref in before and ref not in old for ref in changed):  # a record kept is missing
        return False
    report.mode, report.changed = "incremental", len(changed)
    records = {ref: prepare(listing) for ref, listing in fresh.items()}
    numbered = [(index.replace(old.get(ref), records[ref], now[ref]), records[ref])
                for ref in changed]
    report.listings = len(index.refs)
    lap("read and prepare")
    candidates = index.candidates_of(numbered)
    report.candidates = len(candidates)
    wanted = {index.refs[n] for c in candidates for n in (c.left, c.right)} - records.keys()
    known = {**keep.records(wanted), **records}
    lap("block")
    scorer = get_scorer(config.scorer, index.idf)
    by_number = {n: known[index.refs[n]] for c in candidates for n in (c.left, c.right)}
    scores = score_candidates(by_number, candidates, scorer, config.review_threshold,
                              config.workers, progress)
    lap("score")
    kept.answers.forget(set(changed))
    scored = keep.scores()
    for key in [k for k in scored if k[0] in records or k[1] in records]:
        del scored[key]
    new = {pair_key(s.left, s.right): s for s in scores}
    scored |= {k: s.score for k, s in new.items()}

    def explain(keys: list[Key]) -> dict[Key, Score]:
        return {**keep.explained(k for k in keys if k not in new),
                **{k: new[k] for k in keys if k in new}}

    def listing(ref: str) -> Listing | None:
        row = Reader(engine).listing(*ListingRef.parse(ref))
        return row.listing if row else None

    listings = Lazy(set(index.refs), listing, fresh)
    kinds = dict(zip(index.refs, zip(index.sources, map(bool, index.persons), strict=True),
                     strict=True))
    records_of = Lazy(kinds, lambda ref: keep.records([ref]).get(ref), known)
    pairs = Pairs(listings, records_of, kinds, scored, explain)
    answers = decide(engine, pairs, scorer, config, report, kept.answers)
    lap("decide and write")
    keep.update(Kept(index, answers), records.values(), scores)
    lap("keep")
    return True
