"""Domain values of the Discord side, kept free of discord.py: what a server subscribed to, what it watches,
when it wants its briefing, and the messages waiting in the outbox."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import Any


@dataclass(frozen=True, slots=True)
class Subscription:
    id: int
    guild_id: int
    channel_id: int
    feed_id: int
    paused: bool
    broken_reason: str | None
    created_at: datetime
    feed_url: str = ""
    feed_title: str | None = None
    feed_error: str | None = None
    feed_failures: int = 0
    feed_disabled_reason: str | None = None

    @property
    def status(self) -> str:
        """ok, paused, broken, disabled or failing, with the reason where there is one."""
        if self.broken_reason:
            return f"broken: {self.broken_reason}"
        if self.feed_disabled_reason:
            return f"disabled: {self.feed_disabled_reason}"
        if self.paused:
            return "paused"
        if self.feed_failures:
            return f"failing ({self.feed_failures}x): {self.feed_error}"
        return "ok"


@dataclass(frozen=True, slots=True)
class Watch:
    id: int
    guild_id: int
    channel_id: int
    kind: str  # "actor", "phrase" or "breaking"
    value: str
    min_publishers: int | None = None
    within_minutes: int | None = None
    broken_reason: str | None = None


@dataclass(frozen=True, slots=True)
class Schedule:
    id: int
    guild_id: int
    channel_id: int
    local_time: time
    timezone: str
    weekdays: frozenset[int]
    hours: int = 24
    country: str | None = None
    domain: str | None = None
    last_local_date: date | None = None
    broken_reason: str | None = None


@dataclass(frozen=True, slots=True)
class OutboxRow:
    """A message decided but not yet sent; `key` makes the decision idempotent."""

    key: str
    guild_id: int
    channel_id: int
    kind: str
    payload: dict[str, Any]
    ref_id: int | None = None


@dataclass(frozen=True, slots=True)
class OutboxMessage:
    id: int
    key: str
    guild_id: int
    channel_id: int
    kind: str
    ref_id: int | None
    payload: dict[str, Any]
    attempts: int


@dataclass(frozen=True, slots=True)
class Delivery:
    """Everything a delivery decision writes, in one transaction with the articles that caused it."""

    decided_at: datetime
    outbox: tuple[OutboxRow, ...] = ()
    channel_stories: tuple[tuple[int, int, int], ...] = ()  # (guild_id, channel_id, story_id)
    alerts: tuple[tuple[int, int, int, int], ...] = ()      # (watch_id, story_id, guild_id, channel_id)
    schedule_dates: tuple[tuple[int, str], ...] = ()        # (schedule_id, local date ISO)
    announced_feeds: tuple[int, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.outbox or self.channel_stories or self.alerts or self.schedule_dates or self.announced_feeds)


def merge_deliveries(deliveries: Sequence[Delivery]) -> Delivery | None:
    """Several batches' decisions as one, for a transaction that stores those batches together."""
    if len(deliveries) <= 1:
        return deliveries[0] if deliveries else None
    return Delivery(
        decided_at=max(delivery.decided_at for delivery in deliveries),
        outbox=tuple(row for delivery in deliveries for row in delivery.outbox),
        channel_stories=tuple(row for delivery in deliveries for row in delivery.channel_stories),
        alerts=tuple(row for delivery in deliveries for row in delivery.alerts),
        schedule_dates=tuple(row for delivery in deliveries for row in delivery.schedule_dates),
        announced_feeds=tuple(feed for delivery in deliveries for feed in delivery.announced_feeds),
    )


@dataclass(slots=True)
class DeliveryBuilder:
    outbox: list[OutboxRow] = field(default_factory=list)
    channel_stories: list[tuple[int, int, int]] = field(default_factory=list)
    alerts: list[tuple[int, int, int, int]] = field(default_factory=list)
    schedule_dates: list[tuple[int, str]] = field(default_factory=list)
    announced_feeds: list[int] = field(default_factory=list)

    def build(self, decided_at: datetime) -> Delivery:
        return Delivery(decided_at, tuple(self.outbox), tuple(self.channel_stories), tuple(self.alerts),
                        tuple(self.schedule_dates), tuple(self.announced_feeds))
