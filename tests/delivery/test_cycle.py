"""A delivery cycle's decisions can be put back when the transaction meant to store them fails."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.delivery.planner import DeliveryCycle


def test_checkpoint_restores_every_decision_made_after_it() -> None:
    cycle = DeliveryCycle("c1")
    cycle.posts[10] = 2
    cycle.decided.add((10, 100))
    restore = cycle.checkpoint()
    cycle.posts[10] += 1
    cycle.posts[20] = 1
    cycle.decided.add((20, 200))
    cycle.alerted.add((7, 200))
    cycle.overflow[(1, 10)].append("article")  # type: ignore[arg-type]
    cycle.overflow_ref[(1, 10)] = 5
    cycle.breaking_sent[200] = datetime(2026, 11, 20, tzinfo=UTC)
    restore()
    assert dict(cycle.posts) == {10: 2} and cycle.posts[30] == 0  # still a counter
    assert cycle.decided == {(10, 100)} and not cycle.alerted and not cycle.breaking_sent
    assert not cycle.overflow and not cycle.overflow_ref
    cycle.overflow[(1, 10)].append("again")  # type: ignore[arg-type]
    assert cycle.overflow[(1, 10)] == ["again"]
