"""One ingest cycle: fetch every due feed concurrently, parse, and hand each feed's items to the pipeline.

Fetching overlaps with storing: fetch tasks feed a bounded queue that one consumer drains, because the
pipeline is the single writer of the database and its in-memory indexes.
"""

from __future__ import annotations

import asyncio
import functools
import logging
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from bot.config import Settings
from bot.facts import AnalysisPool, EntryFacts
from bot.feeds.fetcher import Fetcher, FetchError, FetchResult
from bot.feeds.models import Feed, FeedFetchState, ParsedFeed
from bot.feeds.parser import FeedParseError, parse_feed
from bot.feeds.schedule import next_slot, retry_delay
from bot.pipeline import Incoming, Pipeline, ProcessedItem
from storage.base import Storage

if TYPE_CHECKING:
    from bot.delivery.planner import DeliveryCycle, DeliveryPlanner

log = logging.getLogger(__name__)

Clock = Callable[[], datetime]
_STATE_FLUSH = 200
_QUEUE_SIZE = 64


def utcnow() -> datetime:
    return datetime.now(UTC)


@dataclass(slots=True)
class FeedReport:
    """What one feed's fetch did in a cycle."""

    feed: Feed
    status: str  # "ok", "not_modified", "failed", "disabled"
    new: int = 0
    duplicates: int = 0
    updated: int = 0
    backlog: bool = False
    error: str | None = None
    entries: int = 0
    items: list[ProcessedItem] = field(default_factory=list)  # only when the cycle was asked to keep them


@dataclass(slots=True)
class CycleReport:
    started: datetime
    finished: datetime | None = None
    feeds: list[FeedReport] = field(default_factory=list)

    def count(self, status: str) -> int:
        return sum(1 for report in self.feeds if report.status == status)

    @property
    def new_articles(self) -> int:
        return sum(report.new for report in self.feeds)

    @property
    def duplicates(self) -> int:
        return sum(report.duplicates for report in self.feeds)

    @property
    def updated(self) -> int:
        return sum(report.updated for report in self.feeds)


@dataclass(frozen=True, slots=True)
class _Fetched:
    feed: Feed
    result: FetchResult | None = None
    parsed: ParsedFeed | None = None
    error: FetchError | None = None
    facts: tuple[EntryFacts, ...] | None = None  # per entry of `parsed`, when a worker prepared it


class IngestService:
    """Runs ingest cycles; the CLI, the bot's poller and the benchmark all call `run_cycle`."""

    def __init__(self, storage: Storage, fetcher: Fetcher, pipeline: Pipeline, settings: Settings, *,
                 clock: Clock = utcnow, rng: random.Random | None = None,
                 planner: DeliveryPlanner | None = None, analysis: AnalysisPool | None = None) -> None:
        self._storage = storage
        self._analysis = analysis
        self._planner = planner
        self._fetcher = fetcher
        self._pipeline = pipeline
        self._settings = settings
        self._clock = clock
        self._rng = rng or random.Random()

    async def run_cycle(self, feeds: Sequence[Feed] | None = None, *,
                        on_feed_done: Callable[[FeedReport], None] | None = None,
                        keep_items: bool = False) -> CycleReport:
        """Fetch `feeds` (default: every due feed) once each and store what they bring.

        The report counts what happened; with `keep_items` it also keeps every processed item, which a
        cycle of 100,000 items cannot afford to hold.
        """
        report = CycleReport(started=self._clock())
        if feeds is None:
            feeds = await self._storage.due_feeds(report.started)
        cycle = await self._planner.start_cycle(report.started) if self._planner is not None else None
        unique = list({feed.url: feed for feed in feeds if not feed.disabled}.values())
        # Bounds what waits for the consumer: a fetched body is held from its fetch until it is stored.
        in_flight = asyncio.Semaphore(self._settings.fetch_concurrency + _QUEUE_SIZE)
        queue: asyncio.Queue[_Fetched | None] = asyncio.Queue()
        producers = asyncio.gather(*(self._fetch_into(feed, queue, in_flight) for feed in unique))
        consumer = asyncio.create_task(self._consume(queue, report, on_feed_done, cycle, keep_items, in_flight))
        try:
            await producers
        finally:
            await queue.put(None)
            await consumer
        report.finished = self._clock()
        if self._planner is not None and cycle is not None:
            delivery = await self._planner.finish_cycle(cycle, report.finished)
            if delivery is not None:
                await self._storage.record_delivery(delivery)
        return report

    async def _fetch_into(self, feed: Feed, queue: asyncio.Queue[_Fetched | None],
                          in_flight: asyncio.Semaphore) -> None:
        await in_flight.acquire()
        try:
            fetched = await self._prepare(feed)
        except BaseException:
            in_flight.release()
            raise
        await queue.put(fetched)

    async def _prepare(self, feed: Feed) -> _Fetched:
        """Fetch, and where worker processes are available, parse and describe there while other feeds wait
        for the single writer."""
        try:
            result = await self._fetcher.fetch(feed.url, etag=feed.etag, last_modified=feed.last_modified)
        except FetchError as exc:
            return _Fetched(feed, error=exc)
        if self._analysis is None or result.not_modified or result.body is None:
            return _Fetched(feed, result=result)
        try:
            prepared = await self._analysis.prepare(result.body)
        except FeedParseError as exc:
            return _Fetched(feed, error=FetchError(str(exc)))
        if prepared is None:
            return _Fetched(feed, result=result)
        return _Fetched(feed, result=result, parsed=prepared.feed, facts=prepared.facts)

    @staticmethod
    def _parse(fetched: _Fetched) -> _Fetched:
        """Parsed by the consumer, one feed at a time: a queue of raw bodies is much smaller than of entries."""
        result = fetched.result
        if (fetched.error is not None or fetched.parsed is not None or result is None or result.not_modified
                or result.body is None):
            return fetched
        try:
            return _Fetched(fetched.feed, result=result, parsed=parse_feed(result.body))
        except FeedParseError as exc:
            return _Fetched(fetched.feed, error=FetchError(str(exc)))

    async def _consume(self, queue: asyncio.Queue[_Fetched | None], report: CycleReport,
                       on_feed_done: Callable[[FeedReport], None] | None, cycle: DeliveryCycle | None,
                       keep_items: bool, in_flight: asyncio.Semaphore) -> None:
        pending: list[FeedFetchState] = []
        while (fetched := await queue.get()) is not None:
            try:
                feed_report = await self._store(self._parse(fetched), pending, cycle, keep_items)
            except Exception as exc:  # noqa: BLE001 - one feed's storage failure must not end the cycle
                log.exception("storing feed %s failed", fetched.feed.id)
                # Recorded like a fetch failure, so the feed backs off instead of coming due again at once.
                state = self.failure_state(fetched.feed, FetchError(f"storage error: {exc}"[:300]), self._clock())
                pending.append(state)
                feed_report = FeedReport(fetched.feed, "failed", error=state.error)
            finally:
                in_flight.release()
            report.feeds.append(feed_report)
            if len(pending) >= _STATE_FLUSH:
                await self._storage.record_fetch_states(pending)
                pending.clear()
            if on_feed_done is not None:
                on_feed_done(feed_report)
        await self._storage.record_fetch_states(pending)

    async def _store(self, fetched: _Fetched, pending: list[FeedFetchState],
                     cycle: DeliveryCycle | None, keep_items: bool) -> FeedReport:
        feed, now = fetched.feed, self._clock()
        if fetched.error is not None:
            state = self.failure_state(feed, fetched.error, now)
            pending.append(state)
            status = "disabled" if state.disabled_reason else "failed"
            if state.disabled_reason:
                log.warning("feed %s disabled: %s", feed.id, state.disabled_reason)
            return FeedReport(feed, status, error=fetched.error.reason)
        assert fetched.result is not None
        ok = FeedFetchState(
            feed_id=feed.id, fetched_at=now, next_due=next_slot(feed.url, feed.interval_s, now), ok=True,
            consecutive_failures=0, etag=fetched.result.etag, last_modified=fetched.result.last_modified,
            title=fetched.parsed.title if fetched.parsed else None,
            site_url=fetched.parsed.site_url if fetched.parsed else None,
        )
        if fetched.parsed is None:
            pending.append(ok)
            return FeedReport(feed, "not_modified")
        order = sorted(range(len(fetched.parsed.entries)),
                       key=lambda index: (fetched.parsed.entries[index].published or now, -index))  # type: ignore[union-attr]
        backlog = not feed.initialised
        plan = functools.partial(self._planner.plan, cycle, feed) if self._planner and cycle else None
        items = await self._pipeline.process(
            [Incoming(feed.id, fetched.parsed.entries[index], fetched.parsed.site_url or feed.url) for index in order],
            now=now, backlog=backlog, feed_states=[ok], plan=plan,
            facts=[fetched.facts[index] for index in order] if fetched.facts is not None else None,
        )
        feed_report = FeedReport(feed, "ok", backlog=backlog, entries=len(items), items=items if keep_items else [])
        for item in items:
            if item.kind == "new":
                feed_report.new += 1
                feed_report.duplicates += item.duplicate_of is not None
            elif item.kind == "updated":
                feed_report.updated += 1
        return feed_report

    def failure_state(self, feed: Feed, error: FetchError, now: datetime) -> FeedFetchState:
        """Record the failure, back off (or wait as long as the server asked), disable after too many."""
        failures = feed.consecutive_failures + 1
        delay = retry_delay(failures, feed.interval_s, error.retry_after, self._rng)
        disabled = None
        if failures >= self._settings.max_failures:
            disabled = f"disabled after {failures} consecutive failures; last: {error.reason}"
        return FeedFetchState(
            feed_id=feed.id, fetched_at=now, next_due=now + delay, ok=False, consecutive_failures=failures,
            error=error.reason, disabled_reason=disabled, initialised=feed.initialised,
        )


