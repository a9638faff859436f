"""Writers appending to the audit log at the same time still make one unbroken chain."""

from __future__ import annotations

import threading

from concerted.dossiers import audit
from concerted.dossiers.env import DossierEnv


def test_concurrent_appends_keep_the_chain(env: DossierEnv) -> None:
    with env.engine.begin() as conn:
        audit.record(conn, env.binder, "setup", "test", "none", "0")
    errors: list[BaseException] = []

    def append(worker: int) -> None:
        try:
            for n in range(10):
                with env.engine.begin() as conn:
                    audit.record(conn, env.binder, f"worker{worker}", "test", "none", str(n))
        except BaseException as exc:  # reported by the assertion below
            errors.append(exc)

    threads = [threading.Thread(target=append, args=(w,)) for w in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    with env.engine.connect() as conn:
        assert audit.verify_chain(conn, env.binder) is None
        assert audit.head(conn)[0] == 61
