"""The poller's own step after a cycle: what new feeds' first fetches queued is analysed before it sleeps, and a
queue left by a restart is analysed even when no feed is due."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta

import pytest

from bot.config import Settings
from bot.feeds.fetcher import Fetcher
from bot.feeds.registry import add_or_get_feed
from bot.runtime import Runtime
from bot.services.container import Services, build_services
from storage import SqliteStorage
from tests.helpers.clock import Clock
from tests.helpers.feed_server import Reply, ScriptedServer
from tests.helpers.feeds import Item, rss

NOW = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)
ITEMS = [Item("Russia and Iran sign a drone production deal", "Moscow and Tehran agreed to build drones.",
              guid="r1", date=NOW - timedelta(hours=5)),
         Item("Floods displace thousands in Bangladesh", "Monsoon floods hit Sylhet, officials said.",
              guid="r2", date=NOW - timedelta(hours=4))]


@pytest.fixture
async def services(storage: SqliteStorage, settings: Settings) -> AsyncIterator[Services]:
    async with Fetcher(settings) as fetcher:
        yield await build_services(settings, storage, fetcher, clock=Clock(NOW))


async def test_a_poll_analyses_the_first_fetch_it_queued(services: Services, storage: SqliteStorage,
                                                         feed_server: ScriptedServer) -> None:
    feed_server.route("/first", Reply(body=rss(ITEMS)))
    await add_or_get_feed(storage, feed_server.url("/first"), interval_s=900, now=NOW)
    runtime = Runtime(services, on_work=lambda: None)
    analysed: list[int] = []
    analyse = services.ingest.analyse_backlog_or_log

    async def counted() -> int:
        analysed.append(len(await storage.analysis_queue(100)))
        return await analyse()

    services.ingest.analyse_backlog_or_log = counted  # type: ignore[method-assign]
    assert await runtime.poll_once() == 1
    assert analysed == [2]  # the cycle stored and queued the first fetch; the poller's step analysed it
    assert await storage.analysis_queue(100) == []


async def test_a_queue_left_by_a_restart_is_analysed_when_no_feed_is_due(services: Services, storage: SqliteStorage,
                                                                        feed_server: ScriptedServer) -> None:
    feed_server.route("/left", Reply(body=rss(ITEMS)))
    feed, _ = await add_or_get_feed(storage, feed_server.url("/left"), interval_s=900, now=NOW)
    await services.ingest.run_cycle([feed], analyse_backlog=False)  # stored and queued, then "restarted"
    queued = await storage.analysis_queue(100)
    assert len(queued) == 2 and await storage.due_feeds(NOW) == []
    runtime = Runtime(services, on_work=lambda: None)
    assert await runtime.poll_once() == 0  # nothing to fetch ...
    assert await storage.analysis_queue(100) == []  # ... but the queue is analysed
    articles = await storage.get_articles([article.id for article in queued])
    assert all(article.story_id is not None for article in articles.values())
