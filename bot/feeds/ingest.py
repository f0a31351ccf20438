"""One ingest cycle: fetch every due feed concurrently, parse, and hand each feed's items to the pipeline.

Fetching overlaps with storing: fetch tasks feed a bounded queue that one consumer drains, because the
pipeline is the single writer of the database and its in-memory indexes.
"""

from __future__ import annotations

import asyncio
import dataclasses
import functools
import logging
import random
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from bot.config import Settings
from bot.facts import AnalysisPool, PackedFacts
from bot.feeds.fetcher import Fetcher, FetchError, FetchResult
from bot.feeds.models import Feed, FeedFetchState, ParsedFeed
from bot.feeds.parser import FeedParseError, parse_feed
from bot.feeds.schedule import next_slot, retry_delay
from bot.pipeline import Analyser, FeedBatch, Incoming, Pipeline, ProcessedItem
from storage.base import Storage

if TYPE_CHECKING:
    from bot.delivery.planner import DeliveryCycle, DeliveryPlanner

log = logging.getLogger(__name__)

Clock = Callable[[], datetime]
_STATE_FLUSH = 200
GROUP_FEEDS = 16      # at most this many waiting feeds, and about this many entries, in one transaction
GROUP_ENTRIES = 1000
# Feeds fetched and waiting for the writer: two groups' worth keeps it busy; more only costs memory (a feed
# prepared by an analysis worker is held parsed and described, several times its raw size).
_QUEUE_SIZE = 2 * GROUP_FEEDS


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
    facts: PackedFacts | None = None  # per entry of `parsed`, when a worker prepared it; unpacked when stored


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
                        keep_items: bool = False, analyse_backlog: bool = True) -> CycleReport:
        """Fetch `feeds` (default: every due feed) once each and store what they bring; then, unless told not to
        (the poller does it as a step of its own), analyse the backlog that new feeds' first fetches queued.

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
        if analyse_backlog:
            await self.analyse_backlog()
        return report

    async def analyse_backlog(self) -> int:
        """Analyse what new feeds' first fetches stored and queued (`Pipeline.analyse_backlog`), on the
        analysis workers when there are any; returns how many articles it analysed."""
        return await self._pipeline.analyse_backlog(now=self._clock(), analyser=self._analyser())

    def _analyser(self) -> Analyser | None:
        """The analysis workers' `analyses`, when there are workers (the pipeline analyses the queue with it)."""
        analysis = self._analysis
        return analysis.analyses if analysis is not None and analysis.active else None

    async def analyse_backlog_or_log(self) -> int:
        """`analyse_backlog` for callers that must go on when it fails (the poller, `/feed add`): the articles are
        stored and stay queued, so the failure is logged, 0 returned, and the poller's next round tries again."""
        try:
            return await self.analyse_backlog()
        except Exception:  # noqa: BLE001 - see above
            log.exception("analysing the backlog of new feeds failed; it stays queued for the next poll")
            return 0

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
            # A first fetch (the backlog) is stored before it is analysed: its entries need only their keys now.
            prepared = await self._analysis.prepare(result.body, feed.id, analyse=feed.initialised)
        except Exception as exc:  # noqa: BLE001 - a parser bug on one feed's bytes must not end the cycle
            return _unreadable(feed, exc)
        if prepared is None:
            return _Fetched(feed, result=result)
        # The body is not needed once parsed, and the feed may wait a while for the writer.
        return _Fetched(feed, result=dataclasses.replace(result, body=None), parsed=prepared.feed,
                        facts=prepared.facts)

    @staticmethod
    def _parse(fetched: _Fetched) -> _Fetched:
        """Parsed by the consumer, one feed at a time: a queue of raw bodies is much smaller than of entries."""
        result = fetched.result
        if not _body_to_parse(fetched) or result is None or result.body is None:  # (narrowed for the type checker)
            return fetched
        try:
            return _Fetched(fetched.feed, result=result, parsed=parse_feed(result.body))
        except Exception as exc:  # noqa: BLE001 - a parser bug on one feed's bytes must not end the cycle
            return _unreadable(fetched.feed, exc)

    async def _consume(self, queue: asyncio.Queue[_Fetched | None], report: CycleReport,
                       on_feed_done: Callable[[FeedReport], None] | None, cycle: DeliveryCycle | None,
                       keep_items: bool, in_flight: asyncio.Semaphore) -> None:
        pending: list[FeedFetchState] = []
        aside: deque[_Fetched] = deque()  # taken from the queue while a group of the other kind was formed
        finished = False
        while True:
            if aside:
                first = aside.popleft()
            else:
                taken = None if finished else await queue.get()
                if taken is None:
                    break
                first = taken
            group, finished = self._group(first, queue, aside, finished)
            try:
                feed_reports = await self._store_group(group, pending, cycle, keep_items)
            finally:
                for _ in group:
                    in_flight.release()
            for feed_report in feed_reports:
                report.feeds.append(feed_report)
                if on_feed_done is not None:
                    on_feed_done(feed_report)
            if len(pending) >= _STATE_FLUSH:
                await self._storage.record_fetch_states(pending)
                pending.clear()
        await self._storage.record_fetch_states(pending)

    def _group(self, first: _Fetched, queue: asyncio.Queue[_Fetched | None], aside: deque[_Fetched],
               finished: bool) -> tuple[list[_Fetched], bool]:
        """Group commit: the feeds already waiting go into `first`'s transaction (none when feeds trickle in), if
        they are of its kind, first fetches or live feeds (`_same_kind`); the others stay `aside`, in order, to
        start the next group. Returns the group, and whether the queue's end has been reached."""
        group = [self._parse(first)]
        other: list[_Fetched] = []  # not parsed: only the feeds that join a group are (on the loop, without workers)
        while len(group) < GROUP_FEEDS and _entries(group) < GROUP_ENTRIES:
            if aside:
                candidate = aside.popleft()
            elif not finished and not queue.empty():
                taken = queue.get_nowait()
                if taken is None:
                    finished = True
                    continue
                candidate = taken
            else:
                break
            if _same_kind(group, candidate):
                group.append(self._parse(candidate))
            else:
                other.append(candidate)
        aside.extendleft(reversed(other))
        return group, finished

    async def _store_group(self, group: list[_Fetched], pending: list[FeedFetchState], cycle: DeliveryCycle | None,
                           keep_items: bool) -> list[FeedReport]:
        """Store a group of feeds in one transaction; if that fails, each feed on its own, so one feed's bad
        data costs only that feed (it is recorded as failed and backs off, like a fetch failure)."""
        restore = cycle.checkpoint() if cycle is not None else None
        try:
            reports, states = await self._store(group, cycle, keep_items)
        except Exception as exc:  # noqa: BLE001 - one feed's storage failure must not end the cycle
            if restore is not None:
                restore()
            if len(group) > 1:
                log.warning("storing %d feeds together failed (%s); storing them one by one", len(group), exc)
                return [report for fetched in group
                        for report in await self._store_group([fetched], pending, cycle, keep_items)]
            log.exception("storing feed %s failed", group[0].feed.id)
            # Recorded like a fetch failure, so the feed backs off instead of coming due again at once.
            state = self.failure_state(group[0].feed, FetchError(f"storage error: {exc}"[:300]), self._clock())
            pending.append(state)
            return [FeedReport(group[0].feed, "failed", error=state.error)]
        pending.extend(states)
        if cycle is not None:
            cycle.committed()
        return reports

    async def _store(self, group: list[_Fetched], cycle: DeliveryCycle | None,
                     keep_items: bool) -> tuple[list[FeedReport], list[FeedFetchState]]:
        """The feeds' reports, and the states of those that brought nothing to store (written later in bulk;
        the others' states are written with their articles)."""
        now = self._clock()
        reports: list[FeedReport] = []
        states: list[FeedFetchState] = []
        batches: list[FeedBatch] = []
        for fetched in group:
            feed = fetched.feed
            if fetched.error is not None:
                state = self.failure_state(feed, fetched.error, now)
                states.append(state)
                if state.disabled_reason:
                    log.warning("feed %s disabled: %s", feed.id, state.disabled_reason)
                reports.append(FeedReport(feed, "disabled" if state.disabled_reason else "failed",
                                          error=fetched.error.reason))
                continue
            assert fetched.result is not None
            parsed = fetched.parsed
            ok = FeedFetchState(
                feed_id=feed.id, fetched_at=now, next_due=next_slot(feed.url, feed.interval_s, now), ok=True,
                consecutive_failures=0, etag=fetched.result.etag, last_modified=fetched.result.last_modified,
                title=parsed.title if parsed else None, site_url=parsed.site_url if parsed else None,
            )
            if parsed is None:
                states.append(ok)
                reports.append(FeedReport(feed, "not_modified"))
                continue
            # Unpacked here, between writes (see PackedFacts); bytes from our own worker, so not expected to fail.
            facts = fetched.facts.unpack() if fetched.facts is not None else None
            order = sorted(range(len(parsed.entries)),
                           key=lambda index: (parsed.entries[index].published or now, -index))
            backlog = not feed.initialised
            batches.append(FeedBatch(
                items=[Incoming(feed.id, parsed.entries[index], parsed.site_url or feed.url) for index in order],
                backlog=backlog, feed_state=ok,
                plan=functools.partial(self._planner.plan, cycle, feed) if self._planner and cycle else None,
                facts=[facts[index] for index in order] if facts is not None else None,
            ))
            reports.append(FeedReport(feed, "ok", backlog=backlog))
        if batches:
            stored = iter(await self._pipeline.process_batches(batches, now=now, analyser=self._analyser()))
            for feed_report in reports:
                if feed_report.status == "ok":
                    _count(feed_report, next(stored), keep_items)
        return reports, states

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


def _unreadable(feed: Feed, exc: Exception) -> _Fetched:
    """A feed whose bytes could not be parsed, recorded like a fetch failure; a parser bug is logged in full."""
    if isinstance(exc, FeedParseError):
        return _Fetched(feed, error=FetchError(str(exc)))
    log.error("reading feed %s failed", feed.id, exc_info=exc)
    return _Fetched(feed, error=FetchError(f"could not read the feed ({type(exc).__name__})"))


def _body_to_parse(fetched: _Fetched) -> bool:
    """A feed fetched with a body that nobody has parsed yet (not a failure, a 304, or a worker's parse)."""
    result = fetched.result
    return (fetched.error is None and fetched.parsed is None and result is not None and not result.not_modified
            and result.body is not None)


def _first_fetch(fetched: _Fetched) -> bool | None:
    """Whether the feed's entries are its first fetch (a backlog); None when it brought nothing to parse (a failure,
    a 304), which can go with either kind. Known before it is parsed."""
    brought = fetched.parsed is not None or _body_to_parse(fetched)
    return not fetched.feed.initialised if fetched.error is None and brought else None


def _same_kind(group: list[_Fetched], fetched: _Fetched) -> bool:
    """First fetches and live feeds go in separate groups. A first fetch is stored and queued for its analysis,
    done afterwards (on the analysis workers when there are any); stored with live entries, it would be analysed
    then and there, on the event loop (a transaction either defers every analysis or none)."""
    kind = _first_fetch(fetched)
    return kind is None or all(_first_fetch(member) in (None, kind) for member in group)


def _entries(group: list[_Fetched]) -> int:
    return sum(len(fetched.parsed.entries) for fetched in group if fetched.parsed is not None)


def _count(report: FeedReport, items: list[ProcessedItem], keep_items: bool) -> None:
    report.entries = len(items)
    if keep_items:
        report.items = items
    for item in items:
        if item.kind == "new":
            report.new += 1
            report.duplicates += item.duplicate_of is not None
        elif item.kind == "updated":
            report.updated += 1
