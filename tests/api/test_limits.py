"""The per-client budget behind the `/match` rate limit (a token bucket), on a set clock."""

from __future__ import annotations

from concerted.api.limits import ClientBudget


def test_a_client_spends_its_budget_and_it_refills() -> None:
    now = [0.0]
    budget = ClientBudget(60, clock=lambda: now[0])  # one name a second
    assert budget.spend("a", 50) is None
    assert budget.spend("a", 10) is None
    wait = budget.spend("a", 5)
    assert wait is not None and 4.9 < wait <= 5.0
    assert budget.spend("b", 60) is None  # another client has its own
    now[0] += 5.0
    assert budget.spend("a", 5) is None
    assert budget.spend("a", 1) is not None


def test_forgetting_clients_keeps_memory_bounded() -> None:
    now = [0.0]
    budget = ClientBudget(10, clock=lambda: now[0])
    for i in range(10_001):
        budget.spend(f"client-{i}", 1)
        now[0] += 0.001
    assert len(budget._buckets) <= 10_000
