"""The background work of a running bot: polling feeds, queuing scheduled briefings, housekeeping.

Discord-free: each loop only writes to storage (the outbox among it) and calls `on_work` so the sender,
which is the only part that talks to Discord, knows there is something to send.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable
from datetime import timedelta

from bot.services.container import Services

log = logging.getLogger(__name__)

POLL_CHECK_MAX_S = 30.0
SCHEDULE_CHECK_S = 5.0
HOUSEKEEPING_S = 3600.0


class Runtime:
    def __init__(self, services: Services, *, on_work: Callable[[], None]) -> None:
        self._services = services
        self._on_work = on_work
        self._tasks: list[asyncio.Task[None]] = []
        self._poll_wake = asyncio.Event()
        self.last_poll = None

    def start(self) -> None:
        if self._tasks:
            return
        for name, loop in (("poller", self._poll_loop), ("briefings", self._schedule_loop),
                           ("housekeeping", self._housekeeping_loop)):
            self._tasks.append(asyncio.create_task(self._guard(name, loop), name=f"sitrep-{name}"))

    async def stop(self) -> None:
        for task in self._tasks:
            task.cancel()
        for task in self._tasks:
            with contextlib.suppress(asyncio.CancelledError):
                await task
        self._tasks.clear()

    def wake_poller(self) -> None:
        """A feed was added or resumed: look at the due times again now rather than after the current sleep."""
        self._poll_wake.set()

    async def poll_once(self) -> int:
        """Run one ingest cycle over the due feeds; return how many feeds were fetched."""
        services = self._services
        due = await services.storage.due_feeds(services.clock())
        if not due:
            return 0
        report = await services.ingest.run_cycle(due)
        self.last_poll = report.finished
        log.info("polled %d feeds: %d new articles, %d duplicates folded, %d failed", len(report.feeds),
                 report.new_articles, report.duplicates, report.count("failed") + report.count("disabled"))
        self._on_work()
        return len(report.feeds)

    async def _poll_loop(self) -> None:
        services = self._services
        while True:
            self._poll_wake.clear()
            await self.poll_once()
            next_due = await services.storage.next_due_time()
            wait = POLL_CHECK_MAX_S if next_due is None else (next_due - services.clock()).total_seconds()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._poll_wake.wait(), timeout=min(max(wait, 0.5), POLL_CHECK_MAX_S))

    async def _schedule_loop(self) -> None:
        while True:
            if await self._services.briefings.run_due(self._services.clock()):
                self._on_work()
            await asyncio.sleep(SCHEDULE_CHECK_S)

    async def _housekeeping_loop(self) -> None:
        services, settings = self._services, self._services.settings
        while True:
            now = services.clock()
            pruned, forgotten = await services.storage.prune(
                articles_before=now - timedelta(days=settings.retention_days),
                seen_before=now - timedelta(days=settings.seen_retention_days),
            )
            gone = await services.storage.purge_guilds_left_before(now - timedelta(days=settings.guild_retention_days))
            if pruned or forgotten or gone:
                log.info("housekeeping: %d articles pruned, %d seen ids forgotten, %d guilds purged",
                         pruned, forgotten, len(gone))
            await asyncio.sleep(HOUSEKEEPING_S)

    @staticmethod
    async def _guard(name: str, loop: Callable[[], object]) -> None:
        """Keep a loop alive through unexpected errors: log them, wait a little, go on."""
        while True:
            try:
                await loop()  # type: ignore[misc]
                return
            except asyncio.CancelledError:
                raise
            except Exception:
                log.exception("the %s loop failed; restarting it in 5 s", name)
                await asyncio.sleep(5)
