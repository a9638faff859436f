"""What was delivered: each alert once per channel (`alert_deliveries`) and every attempt
(`delivery_log`), so `concerted alerts deliver` and the watch never send twice."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Engine, insert, select

from concerted.store.tables import alert_deliveries, alert_marks, delivery_log

__all__ = ["Attempt", "last_digest", "record", "set_last_digest"]


class Attempt:
    """One delivery of a batch of alerts: its outcome and what the far end said."""

    def __init__(self, outcome: str, attempts: int = 1, status_code: int | None = None,
                 error: str | None = None, final: bool = False) -> None:
        self.outcome, self.attempts, self.status_code = outcome, attempts, status_code
        self.error = error
        self.final = final  # a refusal not worth retrying: give these alerts up


def record(engine: Engine, subscription_id: str, channel: str, target: str,
           alert_ids: Sequence[int], attempt: Attempt, at: str) -> None:
    with engine.begin() as conn:
        conn.execute(insert(delivery_log).values(
            subscription_id=subscription_id, channel=channel, target=target,
            alerts=len(alert_ids), attempt=attempt.attempts, outcome=attempt.outcome,
            status_code=attempt.status_code, error=attempt.error, at=at))
        if attempt.outcome == "sent" or attempt.final:
            conn.execute(insert(alert_deliveries), [
                {"alert_id": alert_id, "channel": channel, "status": attempt.outcome,
                 "attempts": attempt.attempts, "updated_at": at} for alert_id in alert_ids])


def last_digest(engine: Engine, subscription_id: str, channel: str) -> str | None:
    query = select(alert_marks.c.value).where(alert_marks.c.kind == "digest",
                                              alert_marks.c.key == f"{subscription_id}:{channel}")
    with engine.connect() as conn:
        return conn.scalar(query)


def set_last_digest(engine: Engine, subscription_id: str, channel: str, at: str) -> None:
    key = f"{subscription_id}:{channel}"
    with engine.begin() as conn:
        conn.execute(alert_marks.delete().where(alert_marks.c.kind == "digest",
                                                alert_marks.c.key == key))
        conn.execute(insert(alert_marks).values(kind="digest", key=key, value=at))
