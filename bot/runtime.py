"""The background work of a running bot: polling feeds, queuing scheduled briefings, housekeeping.

Discord-free: each loop only writes to storage (the outbox among it) and calls `on_work` so the sender,
which is the only part that talks to Discord, knows there is something to send.

Stopping is polite: the loops are asked to stop and exit at their next pause, so an ingest batch or a briefing
is never cut in the middle of its transaction; only a loop still busy after `grace` seconds is cancelled.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta

from bot.services.container import Services

log = logging.getLogger(__name__)

POLL_CHECK_MAX_S = 30.0
POLL_CHECK_MIN_S = 0.5
SCHEDULE_CHECK_S = 5.0
HOUSEKEEPING_S = 3600.0
RESTART_AFTER_ERROR_S = 5.0
STOP_GRACE_S = 5.0


class Runtime:
    def __init__(self, services: Services, *, on_work: Callable[[], None]) -> None:
        self._services = services
        self._on_work = on_work
        self._tasks: list[asyncio.Task[None]] = []
        self._poll_wake = asyncio.Event()
        self._stopping = asyncio.Event()
        self.last_poll: datetime | None = None

    def start(self) -> None:
        if self._tasks:
            return
        self._stopping.clear()
        for name, loop in (("poller", self._poll_loop), ("briefings", self._schedule_loop),
                           ("housekeeping", self._housekeeping_loop)):
            self._tasks.append(asyncio.create_task(self._guard(name, loop), name=f"sitrep-{name}"))

    async def stop(self, *, grace: float = STOP_GRACE_S) -> None:
        """Ask the loops to stop, wait up to `grace` seconds for the work in hand, then cancel what is left."""
        tasks, self._tasks = self._tasks, []
        if not tasks:
            return
        self._stopping.set()
        self._poll_wake.set()
        _, busy = await asyncio.wait(tasks, timeout=grace)
        for task in busy:
            log.warning("%s still busy after %.0f s; cancelling it", task.get_name(), grace)
            task.cancel()
        for outcome in await asyncio.gather(*tasks, return_exceptions=True):
            if isinstance(outcome, Exception):
                log.error("a background loop ended with an error", exc_info=outcome)

    def wake_poller(self) -> None:
        """A feed was added or resumed: look at the due times again now rather than after the current sleep."""
        self._poll_wake.set()

    async def poll_once(self) -> int:
        """Run one ingest cycle over the due feeds; return how many feeds were fetched."""
        services = self._services
        due = await services.storage.due_feeds(services.clock())
        if not due:
            await self._analyse_backlog()  # one left queued by a restart or a failed analysis
            return 0
        report = await services.ingest.run_cycle(due, analyse_backlog=False)
        self.last_poll = report.finished
        log.info("polled %d feeds: %d new articles, %d duplicates folded, %d failed", len(report.feeds),
                 report.new_articles, report.duplicates, report.count("failed") + report.count("disabled"))
        await self._analyse_backlog()
        self._on_work()
        return len(report.feeds)

    async def _analyse_backlog(self) -> None:
        """Analyse what new feeds' first fetches queued; a failure is logged and the next poll tries again."""
        if analysed := await self._services.ingest.analyse_backlog_or_log():
            log.info("analysed the backlog of new feeds: %d articles", analysed)

    async def _pause(self, seconds: float, wake: asyncio.Event | None = None) -> None:
        """Sleep for `seconds`, less if the runtime is stopping or `wake` is set."""
        waiters = [asyncio.ensure_future(self._stopping.wait())]
        if wake is not None:
            waiters.append(asyncio.ensure_future(wake.wait()))
        try:
            await asyncio.wait(waiters, timeout=seconds, return_when=asyncio.FIRST_COMPLETED)
        finally:
            for waiter in waiters:
                waiter.cancel()

    async def _poll_loop(self) -> None:
        services = self._services
        while not self._stopping.is_set():
            self._poll_wake.clear()
            await self.poll_once()
            next_due = await services.storage.next_due_time()
            wait = POLL_CHECK_MAX_S if next_due is None else (next_due - services.clock()).total_seconds()
            await self._pause(min(max(wait, POLL_CHECK_MIN_S), POLL_CHECK_MAX_S), self._poll_wake)

    async def _schedule_loop(self) -> None:
        while not self._stopping.is_set():
            if await self._services.briefings.run_due(self._services.clock()):
                self._on_work()
            await self._pause(SCHEDULE_CHECK_S)

    async def _housekeeping_loop(self) -> None:
        services, settings = self._services, self._services.settings
        while not self._stopping.is_set():
            now = services.clock()
            pruned, forgotten = await services.storage.prune(
                articles_before=now - timedelta(days=settings.retention_days),
                seen_before=now - timedelta(days=settings.seen_retention_days),
            )
            gone = await services.storage.purge_guilds_left_before(now - timedelta(days=settings.guild_retention_days))
            if pruned or forgotten or gone:
                log.info("housekeeping: %d articles pruned, %d seen ids forgotten, %d guilds purged",
                         pruned, forgotten, len(gone))
            await self._pause(HOUSEKEEPING_S)

    async def _guard(self, name: str, loop: Callable[[], Awaitable[None]]) -> None:
        """Keep a loop alive through unexpected errors: log them, wait a little, go on (until stopping)."""
        while not self._stopping.is_set():
            try:
                await loop()
                return
            except Exception:
                log.exception("the %s loop failed; restarting it in %.0f s", name, RESTART_AFTER_ERROR_S)
                await self._pause(RESTART_AFTER_ERROR_S)
