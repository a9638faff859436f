"""Cross-list entity resolution: one person, many lists.

Pure core: `text`/`names` (any script to comparable Latin words), `record` (a listing
prepared once), `block`/`blockkeys` (candidate pairs), `features`/`namefeature`/`namesim`/
`dates`/`orgs`/`contexts` (evidence, each explained), `score` (the `Scorer` interface and
its registry), `judgements` (the record and its algebra), `linker` (targets as a view over
judgements), `consistency` (the chaining check). I/O: `journal` (judgements and queue in the
store), `xref` (the `concerted resolve` run), `targets` (targets with their listings),
`evaluate` (precision and recall on the labelled pairs).
"""

from __future__ import annotations

__all__: list[str] = []
